/** The terms of an `indicator.definition` entry (validated by the ETL, defaults filled in). */

export type TermPart = 'numerator' | 'denominator';

export interface VariableTerm {
  readonly kind: 'variable';
  readonly part: TermPart;
  readonly variable: string;
  readonly sex: string;
  readonly ageBand: string;
  readonly lag: number;
  readonly sign: number;
}

export interface AttributeTerm {
  readonly kind: 'attribute';
  readonly part: TermPart;
  readonly attribute: string;
  readonly sign: number;
}

export type IndicatorTerm = VariableTerm | AttributeTerm;

interface RawTerm {
  variable?: string;
  sex?: string;
  age_band?: string;
  lag?: number;
  sign?: number;
  attribute?: string;
}

/** Numerator terms first, then denominator terms, each in catalogue order. */
export function indicatorTerms(definitionJson: string): IndicatorTerm[] {
  const definition = JSON.parse(definitionJson) as Partial<Record<TermPart, RawTerm[] | null>>;
  return (['numerator', 'denominator'] as const).flatMap((part) =>
    (definition[part] ?? []).map((term): IndicatorTerm =>
      term.attribute !== undefined
        ? { kind: 'attribute', part, attribute: term.attribute, sign: term.sign ?? 1 }
        : { kind: 'variable', part, variable: term.variable!, sex: term.sex ?? 'T', ageBand: term.age_band ?? 'TOT', lag: term.lag ?? 0, sign: term.sign ?? 1 },
    ),
  );
}
