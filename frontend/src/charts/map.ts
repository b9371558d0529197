import type { TopLevelSpec } from 'vega-lite';
import type { Boundaries, Indicator, Lang } from '../api/types';
import { localized, translate } from '../i18n';
import { classColours, NO_DATA_FILL, NO_DATA_STROKE } from './colour';
import { chartConfig, TEXT_COLOUR } from './config';
import type { MapData } from './mapAreas';

export interface MapSpecInput extends MapData {
  topology: Boundaries;
  indicator: Indicator;
  lang: Lang;
  showAmbito: boolean;
  /** Draw only these comuni (an Ambito or a comune's neighbours inside its provincia's boundaries). */
  only?: readonly string[];
  /** The user's own comune, outlined. */
  home?: string | null;
  /** 'container': as wide as the element it is drawn in. */
  width?: number | 'container';
  height?: number;
}

/**
 * Choropleth of the comuni by classes of value. A comune without a value (null, or no row at all) gets
 * the class "nessun dato" in a neutral grey with its own legend entry, so that a gap never reads as zero.
 */
export function buildMapSpec({ topology, areas, classes, indicator, lang, showAmbito, only, home = null, width = 440, height = 500 }: MapSpecInput): TopLevelSpec {
  const noData = translate(lang, 'noData');
  const unit = localized(indicator.unit, lang);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: translate(lang, 'mapHeading'),
    width,
    height,
    config: chartConfig(lang),
    data: { values: topology, format: { type: 'topojson', feature: 'comuni' } },
    projection: { type: 'mercator' },
    transform: [
      ...(only ? [{ filter: { field: 'properties.code', oneOf: [...only] } }] : []),
      {
        lookup: 'properties.code',
        from: { data: { values: [...areas] }, key: 'code', fields: ['valueLabel', 'classLabel', 'ambito'] },
      },
      { calculate: `isValid(datum.classLabel) ? datum.classLabel : ${JSON.stringify(noData)}`, as: 'classLabel' },
      { calculate: `isValid(datum.valueLabel) ? datum.valueLabel : ${JSON.stringify(noData)}`, as: 'valueLabel' },
      // What a screen reader says for each shape (Vega would otherwise read out the raw field names).
      { calculate: `datum.properties.name + ': ' + datum.valueLabel`, as: 'spokenLabel' },
    ],
    mark: { type: 'geoshape', stroke: '#ffffff', strokeWidth: 0.5 },
    encoding: {
      ...(home
        ? {
            stroke: { condition: { test: `datum.properties.code === ${JSON.stringify(home)}`, value: TEXT_COLOUR }, value: '#ffffff' },
            strokeWidth: { condition: { test: `datum.properties.code === ${JSON.stringify(home)}`, value: 2.5 }, value: 0.5 },
          }
        : {}),
      color: {
        field: 'classLabel',
        type: 'ordinal',
        scale: {
          domain: [...classes.labels, noData],
          range: [...classColours(indicator.polarity, classes.labels.length, classes.belowZero, classes.zeroClass), NO_DATA_FILL],
        },
        // Below the map, so that on a phone the map keeps the full width.
        legend: {
          title: unit,
          orient: 'bottom',
          direction: 'vertical',
          columns: 2,
          symbolType: 'square',
          symbolSize: 180,
          symbolStrokeColor: NO_DATA_STROKE,
          symbolStrokeWidth: 0.5,
          labelLimit: 160,
        },
      },
      description: { field: 'spokenLabel', type: 'nominal' },
      tooltip: [
        { field: 'properties.name', type: 'nominal', title: translate(lang, 'comune') },
        ...(showAmbito ? [{ field: 'ambito', type: 'nominal' as const, title: translate(lang, 'ambito') }] : []),
        { field: 'valueLabel', type: 'nominal', title: `${localized(indicator.name, lang)} (${unit})` },
      ],
    },
  };
}
