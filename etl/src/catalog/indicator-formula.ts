/**
 * Checks that an indicator's CI method, target and minimum denominator fit its formula: a proportion
 * counts a part of its denominator, a rate counts events, a mean divides an amount by a count, and a
 * target or a small-number threshold needs a denominator.
 */
import type { VariableDefinition } from '../sources/descriptor.js';
import { OPEN_AGE, TOTAL_BAND } from './age-bands.js';
import type { Indicator, IndicatorTerm } from './indicators.js';

export interface FormulaProblem {
  /** The field of the indicator the problem is reported at. */
  readonly field: string;
  readonly message: string;
}

type VariableTerm = Extract<IndicatorTerm, { variable: string }>;
type Variables = Readonly<Record<string, VariableDefinition>>;

const isVariableTerm = (term: IndicatorTerm): term is VariableTerm => 'variable' in term;

/** The ages a band code covers: codes say what they cover (Y<from>-<to>, Y<from>- open ended, TOT every age). */
function ages(band: string): [number, number] {
  if (band === TOTAL_BAND) return [0, OPEN_AGE];
  const [, from, to] = /^Y(\d+)-(\d*)$/.exec(band)!;
  return [Number(from), to === '' ? OPEN_AGE : Number(to)];
}

/** The variable itself and every variable it is declared a part of, nearest first. */
function wholes(variable: string, variables: Variables): string[] {
  const chain = [variable];
  for (let next = variables[variable]?.part_of; next !== undefined && !chain.includes(next); next = variables[next]?.part_of) chain.push(next);
  return chain;
}

const sexWithin = (part: string, whole: string) => whole === 'T' || part === whole;
const sexesOverlap = (a: string, b: string) => a === 'T' || b === 'T' || a === b;
const describe = (t: VariableTerm) => `${t.variable} (sex ${t.sex}, ${t.age_band}${t.lag > 0 ? `, lag ${t.lag}` : ''})`;

/** A numerator term is within a denominator term when it counts a subset of that term's cells. */
function within(part: VariableTerm, whole: VariableTerm, variables: Variables): boolean {
  const [from, to] = ages(part.age_band);
  const [wholeFrom, wholeTo] = ages(whole.age_band);
  return wholes(part.variable, variables).includes(whole.variable) && sexWithin(part.sex, whole.sex) && part.lag === whole.lag && from >= wholeFrom && to <= wholeTo;
}

function proportionProblems(indicator: Indicator, variables: Variables): string[] {
  const numerator = indicator.numerator.filter(isVariableTerm);
  const denominator = (indicator.denominator ?? []).filter(isVariableTerm);
  if (numerator.length < indicator.numerator.length || denominator.length < (indicator.denominator ?? []).length) return ['a proportion counts residents or cases, not a territory attribute; use ratio'];
  const problems: string[] = [];
  if ([...numerator, ...denominator].some((t) => t.sign === -1)) problems.push('a proportion adds its terms, none subtracted; use ratio or none');
  for (const term of numerator) {
    if (!denominator.some((whole) => within(term, whole, variables))) {
      problems.push(`numerator term ${describe(term)} is not part of any denominator term (${denominator.map(describe).join(' + ')}); a proportion needs the numerator to be a subset of the denominator (same variable or one declared part_of it, same or narrower sex and ages, same lag); use ratio or rate`);
    }
  }
  const added = numerator.filter((t) => t.sign === 1);
  added.forEach((a, i) => {
    added.slice(i + 1).forEach((b) => {
      const [aFrom, aTo] = ages(a.age_band);
      const [bFrom, bTo] = ages(b.age_band);
      if (a.variable === b.variable && a.lag === b.lag && sexesOverlap(a.sex, b.sex) && aFrom <= bTo && bFrom <= aTo) problems.push(`numerator terms ${describe(a)} and ${describe(b)} overlap, so some cases would be counted twice`);
    });
  });
  return problems;
}

function kindsOf(terms: readonly IndicatorTerm[], variables: Variables): string[] {
  return terms.map((t) => (isVariableTerm(t) ? (variables[t.variable]?.kind ?? 'unknown') : 'attribute'));
}

/** Every way the indicator's CI method, target and minimum denominator do not fit its formula. */
export function formulaProblems(indicator: Indicator, variables: Variables): FormulaProblem[] {
  const problems: FormulaProblem[] = [];
  const { denominator, ci_method: method } = indicator;
  if (denominator === null) {
    if (indicator.target !== undefined) problems.push({ field: 'target', message: 'a target needs a denominator (a norm per residents, per children…); a plain count has none' });
    if (indicator.min_denominator !== undefined) problems.push({ field: 'min_denominator', message: 'a plain count has no denominator to compare min_denominator with; leave it out' });
    if (method !== 'none') problems.push({ field: 'ci_method', message: `ci_method ${method} needs a denominator; a plain count takes none` });
    return problems;
  }
  if (indicator.min_denominator === undefined) problems.push({ field: 'min_denominator', message: 'an indicator with a denominator needs min_denominator, the denominator below which its values are flagged as small numbers' });
  const numeratorKinds = kindsOf(indicator.numerator, variables);
  const denominatorKinds = kindsOf(denominator, variables);
  if (method === 'proportion') problems.push(...proportionProblems(indicator, variables).map((message) => ({ field: 'ci_method', message })));
  if ((method === 'proportion' || method === 'rate') && numeratorKinds.some((k) => k !== 'count')) {
    problems.push({ field: 'ci_method', message: `ci_method ${method} needs a numerator of counts (kind count in sources.yaml); an amount such as euro or FTE takes mean, ratio or none` });
  }
  if (method === 'rate' && indicator.numerator.some((t) => t.sign === -1)) problems.push({ field: 'ci_method', message: 'a rate counts events, none subtracted; use ratio or none' });
  if (method === 'mean' && (numeratorKinds.some((k) => k !== 'amount') || denominatorKinds.some((k) => k !== 'count'))) {
    problems.push({ field: 'ci_method', message: 'a mean divides an amount (kind amount) by a count of the units that have it (kind count)' });
  }
  return problems;
}
