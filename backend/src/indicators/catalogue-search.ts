/**
 * Catalogue search: every word of the query must match the code, the name, the area or the definition of
 * an indicator, in Italian or English, whatever the case and accents ("disabilita" finds "disabilità").
 * Hits on the code rank first, then on the name, the area and the definition; ties keep catalogue order.
 */
import type { CataloguedIndicator } from '../core/indicator-catalogue.js';

/** Lower case without accents, punctuation as spaces (the _ of codes kept). */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_]+/gu, ' ')
    .trim();
}

/** The words of a query, folded; [] when it has no letter or digit. */
export function queryWords(query: string): string[] {
  return fold(query).split(' ').filter((word) => word !== '');
}

interface Field {
  readonly text: string;
  /** Score of a word that starts a word of the field; a word found inside one scores half. */
  readonly weight: number;
}

function fieldsOf({ definition: d, area }: CataloguedIndicator): Field[] {
  return [
    { text: fold(`${d.name.it} ${d.name.en}`), weight: 20 },
    { text: fold(`${area.code} ${area.name.it} ${area.name.en}`), weight: 8 },
    { text: fold(`${d.description.it} ${d.description.en}`), weight: 2 },
  ];
}

function wordScore(word: string, code: string, fields: readonly Field[]): number {
  let best = code === word ? 100 : code.startsWith(word) ? 60 : code.includes(word) ? 40 : 0;
  for (const { text, weight } of fields) {
    const score = ` ${text}`.includes(` ${word}`) ? weight : text.includes(word) ? weight / 2 : 0;
    best = Math.max(best, score);
  }
  return best;
}

/** The indicators every word matches, best first. */
export function searchCatalogue(indicators: readonly CataloguedIndicator[], words: readonly string[]): CataloguedIndicator[] {
  const scored: { indicator: CataloguedIndicator; score: number }[] = [];
  for (const indicator of indicators) {
    const code = fold(indicator.definition.code);
    const fields = fieldsOf(indicator);
    const scores = words.map((word) => wordScore(word, code, fields));
    if (scores.every((score) => score > 0)) scored.push({ indicator, score: scores.reduce((a, b) => a + b, 0) });
  }
  // Array.prototype.sort is stable: equal scores keep the catalogue's order.
  return scored.sort((a, b) => b.score - a.score).map((s) => s.indicator);
}
