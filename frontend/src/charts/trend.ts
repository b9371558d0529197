import type { TopLevelSpec } from 'vega-lite';
import type { Indicator, Lang, ValueRow } from '../api/types';
import { formatValue, localized, translate } from '../i18n';
import { BAR_COLOUR } from './bar';
import { chartConfig, MUTED_TEXT_COLOUR } from './config';

export interface TrendSpecInput {
  rows: readonly ValueRow[];
  benchmarks: readonly ValueRow[];
  indicator: Indicator;
  lang: Lang;
  width?: number | 'container';
  height?: number;
}

interface TrendPoint {
  year: string;
  series: string;
  value: number;
  lower: number | null;
  upper: number | null;
  valueLabel: string;
  spoken: string;
}

/** The points of one series: years without a value (or suppressed) are gaps, never zeros. */
export function trendPoints(rows: readonly ValueRow[], indicator: Indicator, lang: Lang): TrendPoint[] {
  return rows.flatMap((row) => {
    if (row.value === null || !Number.isFinite(row.value) || row.suppressed) return [];
    const valueLabel = formatValue(row.value, indicator.decimals, lang);
    return [{ year: String(row.year), series: row.name, value: row.value, lower: row.ci95?.lower ?? null, upper: row.ci95?.upper ?? null, valueLabel, spoken: `${row.name} ${row.year}: ${valueLabel}` }];
  });
}

/**
 * A territory's values year by year (solid, with its 95% interval as a band) and its benchmark's
 * (dashed); years are ordinal, so a missing year shows as a missing point, not as a straight line.
 */
export function buildTrendSpec({ rows, benchmarks, indicator, lang, width = 400, height = 220 }: TrendSpecInput): TopLevelSpec {
  const own = trendPoints(rows, indicator, lang);
  const bench = trendPoints(benchmarks, indicator, lang);
  const years = [...new Set([...rows, ...benchmarks].map((r) => String(r.year)))].sort();
  const names = [...new Set([...own, ...bench].map((p) => p.series))];
  const unit = localized(indicator.unit, lang);
  const x = { field: 'year', type: 'ordinal' as const, title: translate(lang, 'year'), scale: { domain: years }, axis: { labelAngle: 0 } };
  const y = { field: 'value', type: 'quantitative' as const, title: unit, scale: { zero: false, nice: true } };
  const colour = { field: 'series', type: 'nominal' as const, scale: { domain: names, range: [BAR_COLOUR, MUTED_TEXT_COLOUR] }, legend: { title: null, orient: 'bottom' as const } };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: localized(indicator.name, lang),
    width,
    height,
    config: chartConfig(lang),
    layer: [
      {
        data: { values: own.filter((p) => p.lower !== null && p.upper !== null) },
        mark: { type: 'area', opacity: 0.18, color: BAR_COLOUR },
        encoding: { x, y: { field: 'lower', type: 'quantitative' }, y2: { field: 'upper' } },
      },
      {
        data: { values: bench },
        mark: { type: 'line', strokeDash: [6, 4], point: { filled: true, size: 40 } },
        encoding: { x, y, color: colour, description: { field: 'spoken', type: 'nominal' }, tooltip: [{ field: 'series', type: 'nominal', title: translate(lang, 'benchmark') }, { field: 'year', type: 'ordinal', title: translate(lang, 'year') }, { field: 'valueLabel', type: 'nominal', title: unit }] },
      },
      {
        data: { values: own },
        mark: { type: 'line', strokeWidth: 2.5, point: { filled: true, size: 60 } },
        encoding: { x, y, color: colour, description: { field: 'spoken', type: 'nominal' }, tooltip: [{ field: 'series', type: 'nominal', title: translate(lang, 'name') }, { field: 'year', type: 'ordinal', title: translate(lang, 'year') }, { field: 'valueLabel', type: 'nominal', title: unit }] },
      },
    ],
  };
}
