import type { Config } from 'vega-lite';
import type { Lang } from '../api/types';
import { vegaNumberLocale } from '../i18n';

export const TEXT_COLOUR = '#1f1f1f';
export const MUTED_TEXT_COLOUR = '#444444';

/** Shared look of every chart: the page's font, dark text for contrast, numbers in the UI language. */
export function chartConfig(lang: Lang): Config {
  const text = { labelColor: MUTED_TEXT_COLOUR, titleColor: TEXT_COLOUR, labelFontSize: 12, titleFontSize: 12 };
  return {
    locale: { number: vegaNumberLocale(lang) },
    font: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    background: '#ffffff',
    view: { stroke: null },
    axis: { ...text, gridColor: '#e6e6e6', domainColor: '#767676', tickColor: '#767676' },
    // Few ticks: Italian thousands ("120.000") are wide, and charts sit side by side.
    axisQuantitative: { tickCount: 5, labelOverlap: 'greedy', labelSeparation: 4, labelFlush: true },
    legend: { ...text, labelLimit: 260 },
  };
}
