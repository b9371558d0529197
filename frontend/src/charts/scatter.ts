import type { TopLevelSpec } from 'vega-lite';
import type { Indicator, Lang } from '../api/types';
import type { NeedPoint, Quadrant } from '../data/needs';
import { formatValue, localized, translate, type MessageKey } from '../i18n';
import { chartConfig, TEXT_COLOUR } from './config';

export const QUADRANTS: readonly Quadrant[] = ['highNeedLowSupply', 'highNeedHighSupply', 'lowNeedLowSupply', 'lowNeedHighSupply'];
// The quadrant that asks for action stands out (dark orange); the others in colour-blind-safe blues and grey.
export const QUADRANT_COLOURS: Record<Quadrant, string> = {
  highNeedLowSupply: '#b35806',
  highNeedHighSupply: '#2166ac',
  lowNeedLowSupply: '#767676',
  lowNeedHighSupply: '#92c5de',
};
export const QUADRANT_LABEL: Record<Quadrant, MessageKey> = {
  highNeedLowSupply: 'quadrantHighNeedLowSupply',
  highNeedHighSupply: 'quadrantHighNeedHighSupply',
  lowNeedLowSupply: 'quadrantLowNeedLowSupply',
  lowNeedHighSupply: 'quadrantLowNeedHighSupply',
};

export interface ScatterSpecInput {
  points: readonly NeedPoint[];
  need: Indicator;
  supply: Indicator;
  needBenchmark: { name: string; value: number };
  supplyBenchmark: { name: string; value: number };
  lang: Lang;
  width?: number | 'container';
  height?: number;
}

/**
 * Need (x) against coverage (y), one point per comune, with a dashed line at each benchmark value that
 * splits the plane into four quadrants; the colour says the quadrant, the legend names it.
 */
export function buildScatterSpec({ points, need, supply, needBenchmark, supplyBenchmark, lang, width = 400, height = 360 }: ScatterSpecInput): TopLevelSpec {
  const needText = (v: number) => formatValue(v, need.decimals, lang);
  const supplyText = (v: number) => formatValue(v, supply.decimals, lang);
  const label = (q: Quadrant) => translate(lang, QUADRANT_LABEL[q]);
  const values = points.map((p) => ({
    name: p.name,
    need: p.need,
    supply: p.supply,
    needLabel: needText(p.need),
    supplyLabel: supplyText(p.supply),
    quadrant: label(p.quadrant),
    spoken: `${p.name}: ${localized(need.name, lang)} ${needText(p.need)}, ${localized(supply.name, lang)} ${supplyText(p.supply)} (${label(p.quadrant)})`,
  }));
  const extent = (xs: number[]) => [Math.min(0, ...xs), Math.max(...xs)];
  const x = { field: 'need', type: 'quantitative' as const, title: `${localized(need.name, lang)} (${localized(need.unit, lang)})`, scale: { domain: extent([...points.map((p) => p.need), needBenchmark.value]), nice: true, zero: false } };
  const y = { field: 'supply', type: 'quantitative' as const, title: localized(supply.unit, lang), scale: { domain: extent([...points.map((p) => p.supply), supplyBenchmark.value]), nice: true } };
  const legend = { title: null, orient: 'bottom' as const, direction: 'vertical' as const, labelLimit: 320 };
  const rule = { type: 'rule' as const, color: TEXT_COLOUR, strokeDash: [6, 4], strokeWidth: 1.5 };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: `${localized(need.name, lang)} / ${localized(supply.name, lang)}`,
    width,
    height,
    config: chartConfig(lang),
    layer: [
      {
        data: { values: [{ value: needBenchmark.value, label: `${needBenchmark.name}: ${needText(needBenchmark.value)}` }] },
        mark: rule,
        encoding: { x: { ...x, field: 'value' }, tooltip: { field: 'label', type: 'nominal' } },
      },
      {
        data: { values: [{ value: supplyBenchmark.value, label: `${supplyBenchmark.name}: ${supplyText(supplyBenchmark.value)}` }] },
        mark: rule,
        encoding: { y: { ...y, field: 'value' }, tooltip: { field: 'label', type: 'nominal' } },
      },
      {
        data: { values },
        mark: { type: 'point', filled: true, size: 70, opacity: 0.9, stroke: '#ffffff', strokeWidth: 0.5 },
        encoding: {
          x: { ...x, axis: { grid: true } },
          y: { ...y, axis: { grid: true, titleLimit: 300 } },
          color: {
            field: 'quadrant',
            type: 'nominal',
            scale: { domain: QUADRANTS.map(label), range: QUADRANTS.map((q) => QUADRANT_COLOURS[q]) },
            legend,
          },
          // Shape repeats the colour, so that quadrants differ without colour too; one legend shows both.
          shape: { field: 'quadrant', type: 'nominal', scale: { domain: QUADRANTS.map(label), range: ['diamond', 'circle', 'square', 'triangle-up'] }, legend },
          description: { field: 'spoken', type: 'nominal' },
          tooltip: [
            { field: 'name', type: 'nominal', title: translate(lang, 'comune') },
            { field: 'needLabel', type: 'nominal', title: localized(need.name, lang) },
            { field: 'supplyLabel', type: 'nominal', title: localized(supply.name, lang) },
            { field: 'quadrant', type: 'nominal', title: translate(lang, 'quadrant') },
          ],
        },
      },
    ],
  };
}
