import type { Part, SuppressionPattern } from './disclosure.service.js';

export interface HiddenParts {
  readonly numerator: boolean;
  readonly denominator: boolean;
}

export const NOTHING_HIDDEN: HiddenParts = { numerator: false, denominator: false };

/** The hidden parts of one territory's row. */
export function hiddenParts(pattern: SuppressionPattern, territory: string): HiddenParts {
  return {
    numerator: pattern.isHidden(pattern.indicator, pattern.year, territory, 'numerator'),
    denominator: pattern.isHidden(pattern.indicator, pattern.year, territory, 'denominator'),
  };
}

/**
 * The hidden parts of a user-defined group of comuni: a part of the group is shown only when no member's
 * part is hidden. A sum of published cells tells nothing new, while a sum over a hidden cell could be
 * differenced against the published ones (the group minus its other members).
 */
export function groupHiddenParts(pattern: SuppressionPattern, members: readonly string[]): HiddenParts {
  const anyHidden = (part: Part) => members.some((code) => pattern.isHidden(pattern.indicator, pattern.year, code, part));
  return { numerator: anyHidden('numerator'), denominator: anyHidden('denominator') };
}

export interface MaskableRow {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
}

/**
 * A row as the public may see it: each hidden part blanked, and with either part hidden, the value and
 * every field derived from it (`derived`: the interval, the comparison, …) blanked too, since a value beside
 * one published part gives the other part away. `suppressed` says the row was masked.
 */
export function maskRow<R extends MaskableRow>(row: R, hidden: HiddenParts, derived: readonly (keyof R)[] = []): R & { suppressed: boolean } {
  if (!hidden.numerator && !hidden.denominator) return { ...row, suppressed: false };
  const masked: R & { suppressed: boolean } = { ...row, value: null, suppressed: true };
  if (hidden.numerator) masked.numerator = null;
  if (hidden.denominator) masked.denominator = null;
  for (const field of derived) (masked as Record<keyof R, unknown>)[field] = null;
  return masked;
}
