/**
 * The demo's residents by single year of age (0…100, 100 meaning 100 and over) and sex, per comune and
 * year. The first year scales an Italian age pyramid onto the comune's real 2011 census total, grown or
 * shrunk by the comune's trend since, and tilted to the comune's share of residents aged 65 and over;
 * each later year ages the previous one by a year (deaths by age and sex, births from the women aged
 * 15-49, net migration mostly of young adults). Every count is a whole number and the sums are exact.
 */
import { allocate, clamp, interpolate } from './allocate.js';
import type { ComuneProfile } from './profile.js';

export const AGES = 101;
export interface AgeSex {
  readonly male: readonly number[];
  readonly female: readonly number[];
}

/** Residents of Italy by age on 1 January 2020, in thousands (rounded from ISTAT's POSAS). */
const ITALY_PYRAMID: readonly (readonly [number, number])[] = [
  [0, 420], [5, 490], [10, 560], [15, 575], [20, 590], [25, 610], [30, 650], [35, 720], [40, 830], [45, 920],
  [50, 960], [55, 940], [60, 830], [65, 740], [70, 690], [75, 610], [80, 480], [85, 330], [90, 160], [95, 50], [99, 12],
];
/** The residents aged 100 and over, in thousands. */
const ITALY_100_AND_OVER = 15;
/** The share of men at each age: more boys are born, more women live long. */
const MALE_SHARE: readonly (readonly [number, number])[] = [
  [0, 0.514], [20, 0.515], [40, 0.505], [50, 0.497], [60, 0.485], [70, 0.47], [75, 0.455], [80, 0.42], [85, 0.38], [90, 0.31], [95, 0.24], [100, 0.17],
];
/** Net migration by age, relative to the comune's rate: mostly young adults and their children. */
const MIGRATION_BY_AGE: readonly (readonly [number, number])[] = [[0, 0.8], [17, 0.6], [20, 1.6], [35, 1.8], [45, 1.0], [64, 0.6], [70, 0.3], [100, 0.2]];
/** How much likelier a resident of each age is to be foreign than the average resident. */
const FOREIGN_BY_AGE: readonly (readonly [number, number])[] = [[0, 1.4], [17, 1.1], [20, 1.4], [25, 1.9], [44, 1.8], [50, 1.1], [64, 0.6], [70, 0.25], [80, 0.1], [100, 0.05]];

export const FIRST_YEAR = 2019;

export interface DemographicTraits {
  /** Yearly growth from the 2011 census to the first year. */
  readonly growth: number;
  /** Share of residents aged 65 and over in the first year. */
  readonly oldShare: number;
  /** Births per woman aged 15-49 per year. */
  readonly fertility: number;
  /** Net migration per year, as a share of residents. */
  readonly migration: number;
  /** Share of foreign residents in the first year. */
  readonly foreignShare: number;
}

export function demographicTraits(p: ComuneProfile): DemographicTraits {
  const growth = -0.002 + 0.006 * p.suburb - 0.012 * p.hill + 0.003 * p.noise('growth');
  return {
    growth,
    oldShare: clamp(0.24 + 0.17 * p.hill - 0.055 * p.suburb + 0.03 * (1 - p.size) + 0.025 * p.noise('old'), 0.16, 0.48),
    fertility: 0.036 * (1 + 0.15 * p.suburb - 0.15 * p.hill + 0.1 * p.noise('births')),
    migration: growth + 0.005,
    foreignShare: clamp(0.05 + 0.09 * (1 - p.hill) * (0.4 + 0.6 * p.size) + 0.03 * p.noise('foreign'), 0.03, 0.18),
  };
}

/** Residents by age and sex for each year from FIRST_YEAR to lastYear. */
export function residentsByYear(p: ComuneProfile, lastYear: number): Map<number, AgeSex> {
  const traits = demographicTraits(p);
  const years = new Map<number, AgeSex>();
  const firstTotal = Math.round(p.census2011 * (1 + traits.growth) ** (FIRST_YEAR - 2011));
  let current = wholeNumbers(firstTotal, tiltedPyramid(traits.oldShare));
  years.set(FIRST_YEAR, current);
  for (let year = FIRST_YEAR + 1; year <= lastYear; year += 1) {
    current = ageOneYear(current, traits);
    years.set(year, current);
  }
  return years;
}

/** Foreign residents by age and sex, a share of the comune's residents growing a little every year. */
export function foreignResidents(p: ComuneProfile, residents: AgeSex, year: number): AgeSex {
  const share = clamp(demographicTraits(p).foreignShare * (1 + 0.015 * (year - FIRST_YEAR)), 0.03, 0.2);
  const total = Math.round(share * sum([...residents.male, ...residents.female]));
  const weight = (count: number, age: number, sexFactor: number) => count * interpolate(FOREIGN_BY_AGE, age) * sexFactor;
  const result = wholeNumbers(total, { male: residents.male.map((c, a) => weight(c, a, 0.95)), female: residents.female.map((c, a) => weight(c, a, 1.05)) });
  for (const sex of ['male', 'female'] as const) {
    result[sex].forEach((n, age) => {
      if (n > residents[sex][age]!) throw new Error(`demo: ${n} foreign ${sex} residents aged ${age} in ${p.code} exceed the ${residents[sex][age]} residents`);
    });
  }
  return result;
}

export const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
export const adults = (ages: AgeSex, from = 18) => sum(ages.male.slice(from)) + sum(ages.female.slice(from));

/** The Italian pyramid, tilted towards the old (or the young) until 65+ are `oldShare` of it. */
function tiltedPyramid(oldShare: number): AgeSex {
  const base = Array.from({ length: AGES }, (_, age) => (age === 100 ? ITALY_100_AND_OVER : interpolate(ITALY_PYRAMID, age)));
  const tilt = (theta: number) => base.map((w, age) => w * Math.exp((theta * (age - 40)) / 40));
  const share = (weights: number[]) => sum(weights.slice(65)) / sum(weights);
  let [low, high] = [-4, 4];
  for (let i = 0; i < 60; i += 1) {
    const middle = (low + high) / 2;
    if (share(tilt(middle)) < oldShare) low = middle;
    else high = middle;
  }
  const weights = tilt((low + high) / 2);
  return { male: weights.map((w, age) => w * interpolate(MALE_SHARE, age)), female: weights.map((w, age) => w * (1 - interpolate(MALE_SHARE, age))) };
}

/** Probability of dying within the year at each age (Gompertz), higher for men. */
function deathRate(age: number, sex: 'male' | 'female'): number {
  return Math.min(0.6, (sex === 'male' ? 1.6 : 1) * (0.0004 + 1.2e-5 * Math.exp(0.1 * age)));
}

function ageOneYear(previous: AgeSex, traits: DemographicTraits): AgeSex {
  const births = traits.fertility * sum(previous.female.slice(15, 50));
  const next = (sex: 'male' | 'female', birthShare: number) => {
    const survivors = previous[sex].map((n, age) => n * (1 - deathRate(age, sex)));
    const aged = [births * birthShare, ...survivors.slice(0, 99), survivors[99]! + survivors[100]!];
    return aged.map((n, age) => n * (1 + traits.migration * interpolate(MIGRATION_BY_AGE, age)));
  };
  const expected = { male: next('male', 0.514), female: next('female', 0.486) };
  return wholeNumbers(Math.round(sum([...expected.male, ...expected.female])), expected);
}

function wholeNumbers(total: number, weights: AgeSex): AgeSex {
  const counts = allocate(total, [...weights.male, ...weights.female]);
  return { male: counts.slice(0, AGES), female: counts.slice(AGES) };
}
