/**
 * "Il mio territorio": the provincia, Ambito or comune every page starts from. Chosen once, kept in this
 * browser (localStorage), and carried in the URL so that a shared link shows the same place.
 */
import { api, cached } from './api/client';
import type { Territory } from './api/types';

export type HomeLevel = 'provincia' | 'ambito' | 'comune';

export interface Place {
  code: string;
  name: string;
  level: HomeLevel;
}

/** What the pages show for a home territory. */
export interface Area {
  home: Place;
  provincia: Place;
  /** Whose comuni are listed: the provincia, the Ambito, or a comune's Ambito (its provincia without one). */
  parent: Place;
  /** Codes of the comuni inside `parent`, to draw on the provincia's map; null: every comune of it. */
  members: string[] | null;
  /** The provincia has Ambiti configured, so values can be shown by Ambito. */
  hasAmbiti: boolean;
}

const STORAGE_KEY = 'osservatorio.territorio';

export function storedHome(): string | null {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

export function storeHome(code: string): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, code);
  } catch {
    // Private browsing may forbid storage: the choice then lasts as long as the URL that carries it.
  }
}

/** A provincia as users call it ("Provincia di Pavia", not "Pavia"); other territories by their name. */
export function placeName(territory: Pick<Territory, 'name' | 'level'>): string {
  return territory.level === 'provincia' ? `Provincia di ${territory.name}` : territory.name;
}

const place = (t: Territory): Place => ({ code: t.code, name: placeName(t), level: t.level as HomeLevel });

/** The benchmark named as users know it, when it is a provincia. */
export function withProvinciaName<T extends { benchmark: { code: string; name: string } | null }>(values: T, provincia: Place): T {
  if (values.benchmark?.code !== provincia.code) return values;
  return { ...values, benchmark: { ...values.benchmark, name: provincia.name } };
}

type Resolved = { area: Area; requested: boolean } | null;

/**
 * The area of `code`, or with none (or one not in the snapshot) the default: the provincia whose Ambiti
 * are configured, else the first provincia. `requested` says whether `code` was found. Kept for the page
 * load, like the territories it is made of; the default is kept as its own code's area too, since the
 * page writes that code into the URL next and must not work it out again.
 */
export function resolveArea(code: string | null): Promise<Resolved> {
  return cached(`area:${code ?? ''}`, async () => {
    const resolved = await findArea(code);
    if (resolved && code === null) void cached(`area:${resolved.area.home.code}`, () => Promise.resolve({ area: resolved.area, requested: true }));
    return resolved;
  });
}

async function findArea(code: string | null): Promise<Resolved> {
  const [province, ambiti] = await Promise.all([api.territories('provincia'), api.territories('ambito')]);
  const byCode = new Map(province.rows.map((p) => [p.code, p]));
  const areaOf = async (home: Territory, provinciaCode: string): Promise<Area | null> => {
    const provincia = byCode.get(provinciaCode);
    if (!provincia) return null;
    const hasAmbiti = ambiti.rows.some((a) => a.parentCode === provincia.code);
    if (home.level === 'provincia') return { home: place(home), provincia: place(provincia), parent: place(provincia), members: null, hasAmbiti };
    const membership = hasAmbiti ? await api.ambitoMembership(provincia.code) : new Map<string, string[]>();
    const ambitoCode = home.level === 'ambito' ? home.code : [...membership].find(([, comuni]) => comuni.includes(home.code))?.[0];
    const ambito = ambiti.rows.find((a) => a.code === ambitoCode);
    if (!ambito) return { home: place(home), provincia: place(provincia), parent: place(provincia), members: null, hasAmbiti };
    return { home: place(home), provincia: place(provincia), parent: place(ambito), members: membership.get(ambito.code) ?? [], hasAmbiti };
  };

  if (code !== null) {
    const found = byCode.get(code) ?? ambiti.rows.find((a) => a.code === code);
    if (found) {
      const area = await areaOf(found, found.level === 'provincia' ? found.code : found.parentCode!);
      if (area) return { area, requested: true };
    } else if (/^\d{6}$/.test(code) && byCode.has(code.slice(0, 3))) {
      // An ISTAT comune code begins with the code of its provincia.
      const comune = (await api.territories('comune', code.slice(0, 3))).rows.find((c) => c.code === code);
      const area = comune && (await areaOf(comune, comune.parentCode!));
      if (area) return { area, requested: true };
    }
  }
  const fallback = byCode.get(ambiti.rows[0]?.parentCode ?? '') ?? province.rows[0];
  const area = fallback && (await areaOf(fallback, fallback.code));
  return area ? { area, requested: code === null } : null;
}
