/** How Panoramica says a comparison and a trend: a word always, an arrow and a colour class beside it. */
import type { ValueRow } from '../api/types';
import type { TrendTest } from '../api/pages';
import type { MessageKey } from '../i18n';

export type Tone = 'good' | 'bad' | 'neutral';

export function comparisonWord(comparison: ValueRow['comparison']): { key: MessageKey; tone: Tone } {
  const tone: Tone = comparison === 'better' ? 'good' : comparison === 'worse' ? 'bad' : 'neutral';
  return { key: `comparison_${comparison}`, tone };
}

/** Only a significant trend gets an up or down arrow; anything else reads as no clear trend. */
export function trendWord(trend: TrendTest): { arrow: string; key: MessageKey; tone: Tone } {
  if (trend.direction === 'not_enough_points') return { arrow: '–', key: 'trend_not_assessed', tone: 'neutral' };
  if (!trend.significant || trend.direction === 'no_change') return { arrow: '→', key: 'trendNotSignificant', tone: 'neutral' };
  const arrow = trend.direction === 'increasing' ? '↑' : '↓';
  const key: MessageKey = trend.assessment === 'not_assessed' || trend.assessment === 'no_change' ? `trend_${trend.direction}` : `trend_${trend.assessment}`;
  const tone: Tone = trend.assessment === 'improving' ? 'good' : trend.assessment === 'worsening' ? 'bad' : 'neutral';
  return { arrow, key, tone };
}
