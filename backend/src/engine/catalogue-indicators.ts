import { BadParameterError } from '../core/errors.js';
import { unknownIndicator } from '../core/not-found.js';
import type { SnapshotReader } from '../core/snapshot-pool.js';
import { engineIndicator, type EngineIndicator } from './engine-indicator.js';

/** The snapshot's indicator `code`; unknown codes are a NotFoundError listing the known ones. */
export function requireIndicator(snapshot: SnapshotReader, code: string): EngineIndicator {
  const found = snapshot.catalogue.find(code);
  if (found === undefined) throw unknownIndicator(snapshot, code);
  return engineIndicator(found);
}


export function indicatorMap(indicators: readonly EngineIndicator[]): Map<string, EngineIndicator> {
  return new Map(indicators.map((i) => [i.code, i]));
}

/** The years asked for that have values (a range may run past them); none of them is a 400 naming those that do. */
export function chooseYears(indicator: EngineIndicator, asked: readonly number[]): number[] {
  const years = asked.filter((y) => indicator.years.includes(y));
  if (years.length === 0) {
    const span = asked.length === 1 ? String(asked[0]) : `${asked[0]}-${asked.at(-1)}`;
    const available = indicator.years.join(', ');
    throw new BadParameterError('years', {
      it: `${indicator.code} non ha valori per ${span}; anni disponibili: ${available || 'nessuno'}`,
      en: `${indicator.code} has no values for ${span}; available years: ${available || 'none'}`,
    });
  }
  return years;
}
