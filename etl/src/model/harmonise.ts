import { SourceError, SourceErrors } from '../sources/errors.js';
import type { CrosswalkEntry } from './crosswalk.js';
import type { ObservationInput } from './input.js';

export interface HarmonisedObservation {
  readonly territoryCode: string;
  readonly year: number;
  readonly variable: string;
  readonly sex: 'T' | 'M' | 'F';
  readonly ageBand: string;
  value: number;
  readonly sourceId: string;
  readonly sourceCodes: string[];
  /** Where the first contributing value was read, for errors that point at it. */
  readonly origin: string;
}

/**
 * Puts every value on today's comuni: a suppressed comune's counts from before its suppression are added
 * to the comune it now lies in. Refuses codes that are neither current nor traceable, values under a code
 * after its suppression, and the same key from two sources.
 */
export function harmoniseObservations(
  observations: readonly ObservationInput[],
  currentCodes: ReadonlySet<string>,
  crosswalk: ReadonlyMap<string, CrosswalkEntry>,
  referenceDate: string,
): HarmonisedObservation[] {
  const errors: SourceError[] = [];
  const byKey = new Map<string, HarmonisedObservation>();
  for (const observation of observations) {
    const target = targetCode(observation, currentCodes, crosswalk, referenceDate);
    if (target instanceof SourceError) {
      errors.push(target);
      continue;
    }
    const key = `${target}|${observation.year}|${observation.variable}|${observation.sex}|${observation.ageBand}`;
    const existing = byKey.get(key);
    if (!existing) {
      byKey.set(key, {
        territoryCode: target,
        year: observation.year,
        variable: observation.variable,
        sex: observation.sex,
        ageBand: observation.ageBand,
        value: observation.value,
        sourceId: observation.sourceId,
        sourceCodes: [observation.code],
        origin: describe(observation),
      });
    } else if (existing.sourceId !== observation.sourceId) {
      errors.push(
        positioned(observation, 'duplicate-key', `${observation.variable} ${observation.sex} ${observation.ageBand} for ${target} in ${observation.year} is also given by source ${existing.sourceId} (${existing.origin}); expected one source per value`),
      );
    } else {
      existing.value += observation.value;
      existing.sourceCodes.push(observation.code);
    }
  }
  if (errors.length > 0) throw SourceErrors.of(errors);
  return [...byKey.values()];
}

function targetCode(
  observation: ObservationInput,
  currentCodes: ReadonlySet<string>,
  crosswalk: ReadonlyMap<string, CrosswalkEntry>,
  referenceDate: string,
): string | SourceError {
  if (currentCodes.has(observation.code)) return observation.code;
  const entry = crosswalk.get(observation.code);
  if (!entry) {
    return positioned(observation, 'unknown-comune', `comune code "${observation.code}" is not a comune on ${referenceDate} nor in ISTAT's list of suppressed comuni; expected a valid ISTAT comune code`);
  }
  if (entry.split || entry.newCode === null) {
    return positioned(observation, 'untraceable-comune', `comune ${observation.code} was ${entry.split ? 'split among several comuni' : 'suppressed'} on ${entry.eventDate} and its values cannot be assigned to one current comune`);
  }
  // From its suppression on, a comune's residents are counted under its successor: a value under the
  // old code would count them twice (or, along a chain, under a code long gone).
  if (entry.eventDate <= `${observation.year}-01-01`) {
    return positioned(observation, 'suppressed-comune', `comune ${observation.code} was suppressed on ${entry.eventDate} (today part of ${entry.newCode}), so it has no residents on 1 January ${observation.year}; expected the code valid on that date`);
  }
  return entry.newCode;
}

function positioned(observation: ObservationInput, rule: string, explanation: string): SourceError {
  return new SourceError({
    file: observation.file ?? observation.sourceId,
    line: observation.line ?? 0,
    column: observation.codeColumn ?? 0,
    rule,
    explanation,
  });
}

function describe(observation: ObservationInput): string {
  return observation.file ? `${observation.file}:${observation.line ?? 0}` : observation.sourceId;
}
