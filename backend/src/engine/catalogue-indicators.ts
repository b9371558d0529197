import { BadParameterError, NotFoundError } from '../core/errors.js';
import type { SnapshotReader } from '../core/snapshot-pool.js';
import { engineIndicator, type EngineIndicator } from './engine-indicator.js';

/** The snapshot's indicator `code`; unknown codes are a NotFoundError listing the known ones. */
export function requireIndicator(snapshot: SnapshotReader, code: string): EngineIndicator {
  const found = snapshot.catalogue.find(code);
  if (found === undefined) throw new NotFoundError(`Indicator ${code} is not in snapshot ${snapshot.info.id}; known codes: ${snapshot.catalogue.codes.join(', ') || 'none'}`);
  return engineIndicator(found);
}

export function indicatorMap(indicators: readonly EngineIndicator[]): Map<string, EngineIndicator> {
  return new Map(indicators.map((i) => [i.code, i]));
}

/** The years asked for that have values (a range may run past them); none of them is a 400 naming those that do. */
export function chooseYears(indicator: EngineIndicator, asked: readonly number[]): number[] {
  const years = asked.filter((y) => indicator.years.includes(y));
  if (years.length === 0) throw new BadParameterError('years', `${indicator.code} has no values for ${asked.length === 1 ? asked[0] : `${asked[0]}-${asked.at(-1)}`}; available years: ${indicator.years.join(', ') || 'none'}`);
  return years;
}
