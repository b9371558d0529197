/**
 * The demo's register of services of one comune: nursery places and RSA beds. Most small comuni have
 * neither; a town has a nursery or more (units of 18-60 places, for 15-40% of its children aged 0-2) and
 * one or more RSA (40-120 beds each, about 6 beds per 100 residents aged 75 and over), as in Lombardy.
 */
import { clamp } from './allocate.js';
import { adults, sum, type AgeSex } from './population.js';
import type { ComuneProfile } from './profile.js';
import { seededRandom } from './seeded-random.js';

export interface ServicePlaces {
  readonly nurseryPlaces: number;
  readonly rsaBeds: number;
}

export function servicePlaces(p: ComuneProfile, residents: AgeSex): ServicePlaces {
  const random = seededRandom(`demo:services:${p.code}`);
  const population = sum(residents.male) + sum(residents.female);
  const children = sum(residents.male.slice(0, 3)) + sum(residents.female.slice(0, 3));
  const hasNursery = random() < clamp((population - 800) / 4_000, 0.03, 1);
  const hasRsa = random() < clamp((population - 1_000) / 7_000, 0.06, 1);
  const units = (needed: number, smallest: number, largest: number) => {
    let places = 0;
    do places += smallest + Math.floor(random() * (largest - smallest + 1));
    while (places < needed);
    return places;
  };
  return {
    nurseryPlaces: hasNursery ? units(children * (0.15 + 0.25 * random()), 18, 60) : 0,
    rsaBeds: hasRsa ? units(adults(residents, 75) * (0.04 + 0.04 * random()), 40, 120) : 0,
  };
}
