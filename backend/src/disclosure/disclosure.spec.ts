import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { SnapshotPool, type SnapshotReader } from '../core/snapshot-pool.js';
import { districtData, districtPopulation } from '../testing/district-fixture.js';
import { ManualClock } from '../testing/manual-clock.js';
import { buildFixtureSnapshot, createStateDir, publishFixtureSnapshot, removeStateDir, type FixtureSnapshot } from '../testing/snapshot-factory.js';
import { DisclosureRepository } from './disclosure.repository.js';
import { DisclosureService, PARTS, type Audience, type SuppressionPattern } from './disclosure.service.js';
import { groupHiddenParts, hiddenParts, maskRow } from './mask-row.js';
import { attackEverything } from './testing/attack-everything.js';
import { VariableKinds } from './variable-kinds.js';


// The district (etl/src/testing/data-folder.ts): current comuni Pavia, Vigevano, Colli Verdi,
// Campospinoso Albaredo (Albaredo Arnaboldi summed into it) and Cremona; residents in the thousands except
// Colli Verdi (about 1,100) and Campospinoso Albaredo (about 850). A threshold of 1,000 makes those small.
const THRESHOLD = 1000;
const CAMPOSPINOSO = '018026';
const COLLI_VERDI = '018193';
const wide = districtPopulation.wide;
/** Residents on 1 January of `year` (2018…2021) of each current comune, from the fixture's inputs. */
const residents = (year: number): Record<string, number | ''> => {
  const i = year - 2018;
  const sum = (...codes: string[]) => (codes.some((c) => wide[c]![i] === '') ? '' : codes.reduce((s, c) => s + (wide[c]![i] as number), 0));
  return { '018110': wide['018110']![i]!, '018177': wide['018177']![i]!, [COLLI_VERDI]: year === 2018 ? sum('018028', '018132', '018170') : wide[COLLI_VERDI]![i]!, [CAMPOSPINOSO]: sum(CAMPOSPINOSO, '018002'), '019036': wide['019036']![i]! };
};

let state: string;
let snapshot: FixtureSnapshot;
let pool: SnapshotPool;
beforeAll(async () => {
  state = await createStateDir();
  snapshot = await buildFixtureSnapshot({ data: districtData() });
  await publishFixtureSnapshot(state, snapshot);
  pool = new SnapshotPool(loadConfig({ OSSERVATORIO_STATE_DIR: state }), new ManualClock());
  await pool.onModuleInit();
});
afterAll(async () => {
  pool?.onModuleDestroy();
  await snapshot?.remove();
  await removeStateDir(state);
});

function service(env: Record<string, string> = {}): DisclosureService {
  const config = loadConfig({ OSSERVATORIO_STATE_DIR: state, OSSERVATORIO_SUPPRESSION_THRESHOLD: String(THRESHOLD), ...env });
  return new DisclosureService(config, new DisclosureRepository(), new VariableKinds());
}

const territories = (reader: SnapshotReader) => reader.query<{ code: string }>('SELECT code FROM territory ORDER BY code');

async function hiddenCells(reader: SnapshotReader, pattern: SuppressionPattern): Promise<string[]> {
  const codes = (await territories(reader)).map((t) => t.code);
  return codes.flatMap((code) => PARTS.filter((part) => pattern.isHidden(pattern.indicator, pattern.year, code, part)).map((part) => `${code}:${part}`));
}

describe('primary suppression on a snapshot', () => {
  it('hides the residents of every territory with fewer than the threshold, and only those', async () => {
    await pool.use(async (reader) => {
      const pattern = await service().pattern(reader, 'DEM_POP', 2021, 'public');
      const small = Object.entries(residents(2021)).filter(([, v]) => v !== '' && v < THRESHOLD).map(([code]) => code);
      expect(small).toEqual([CAMPOSPINOSO]);
      expect(pattern.primary).toBe(small.length);
      for (const code of small) expect(pattern.isHidden('DEM_POP', 2021, code, 'numerator')).toBe(true);
      // Its Ambito's total would give it away: a sibling goes too.
      expect(pattern.secondary).toBeGreaterThan(0);
      expect(pattern.isHidden('DEM_POP', 2021, '018110', 'numerator')).toBe(false);
    });
  });

  it('never hides what is not a count: the area under a density', async () => {
    await pool.use(async (reader) => {
      const pattern = await service().pattern(reader, 'DEM_DENS', 2021, 'public');
      expect(pattern.isHidden('DEM_DENS', 2021, CAMPOSPINOSO, 'numerator')).toBe(true);
      for (const { code } of await territories(reader)) expect(pattern.isHidden('DEM_DENS', 2021, code, 'denominator'), code).toBe(false);
    });
  });

  it('reads the kinds the snapshot records: euro amounts are not counts, an undeclared variable is', async () => {
    const kinds = new VariableKinds();
    await pool.use(async (reader) => {
      expect(await kinds.kindOf(reader, 'irpef_imponibile_euro')).toBe('amount');
      expect(await kinds.kindOf(reader, 'pop_res')).toBe('count');
      expect(await kinds.kindOf(reader, 'not_declared')).toBe('count');
    });
  });
});

describe('one pattern for every request', () => {
  it('is the same from a fresh service, from another lease, and cached within one', async () => {
    const first = service();
    const a = await pool.use(async (reader) => [await first.pattern(reader, 'DEM_POP', 2021, 'public'), await hiddenCells(reader, await first.pattern(reader, 'DEM_POP', 2021, 'public'))] as const);
    const b = await pool.use(async (reader) => [await first.pattern(reader, 'DEM_POP', 2021, 'public'), await hiddenCells(reader, await service().pattern(reader, 'DEM_POP', 2021, 'public'))] as const);
    expect(b[0]).toBe(a[0]);
    expect(b[1]).toEqual(a[1]);
    expect(a[1].length).toBeGreaterThan(1);
  });

  it('is the same for one count wherever it is published: residents of 2020 in DEM_POP 2020 and under DEM_VAR 2021', async () => {
    await pool.use(async (reader) => {
      const s = service();
      const pop2020 = await s.pattern(reader, 'DEM_POP', 2020, 'public');
      const var2021 = await s.pattern(reader, 'DEM_VAR', 2021, 'public');
      for (const { code } of await territories(reader)) {
        if (pop2020.isHidden('DEM_POP', 2020, code, 'numerator')) expect(var2021.isHidden('DEM_VAR', 2021, code, 'denominator'), code).toBe(true);
      }
    });
  });
});

describe('audience', () => {
  it('shows the office everything, and the public everything when the threshold is 0', async () => {
    await pool.use(async (reader) => {
      for (const [s, audience] of [[service(), 'office'], [service({ OSSERVATORIO_SUPPRESSION_THRESHOLD: '0' }), 'public']] as const) {
        const pattern = await s.pattern(reader, 'DEM_POP', 2021, audience as Audience);
        expect(pattern.primary + pattern.secondary).toBe(0);
        expect(await hiddenCells(reader, pattern)).toEqual([]);
      }
    });
  });

  it('comes from OSSERVATORIO_AUDIENCE, public by default, and tags ETags with the audience and threshold', () => {
    expect(service().audience()).toBe('public');
    expect(service({ OSSERVATORIO_AUDIENCE: 'office' }).audience()).toBe('office');
    expect(service().etagTag()).toBe(`public-${THRESHOLD}`);
    expect(service().etagTag('office')).toBe('office');
  });
});

describe('rows and groups', () => {
  it('masks a hidden numerator, the value and what derives from it, and says so', () => {
    const row = { code: CAMPOSPINOSO, numerator: 3, denominator: 800, value: 0.375, ci: { lower: 0.1, upper: 1.1 } };
    expect(maskRow(row, { numerator: true, denominator: false }, ['ci'])).toEqual({ code: CAMPOSPINOSO, numerator: null, denominator: 800, value: null, ci: null, suppressed: true });
    expect(maskRow(row, { numerator: false, denominator: false }, ['ci'])).toEqual({ ...row, suppressed: false });
  });

  it('hides a group with any hidden member, and shows one without', async () => {
    await pool.use(async (reader) => {
      const pattern = await service().pattern(reader, 'DEM_POP', 2021, 'public');
      expect(groupHiddenParts(pattern, ['018110', CAMPOSPINOSO]).numerator).toBe(true);
      const shown = ['018110', '018177', '019036'];
      expect(shown.some((c) => hiddenParts(pattern, c).numerator)).toBe(false);
      expect(groupHiddenParts(pattern, shown).numerator).toBe(false);
    });
  });
});

describe('attack on everything a public answer publishes', () => {
  it('recovers no hidden cell, by differencing or by an exact solve across levels, indicators and years', async () => {
    await pool.use(async (reader) => {
      const result = await attackEverything(reader, service());
      console.log(`attack: ${result.published} published sums, ${result.hidden} hidden cells, ${result.recovered.length} recovered`);
      expect(result.hidden).toBeGreaterThan(10);
      expect(result.recovered).toEqual([]);
    });
  });

  it('recovers a small count once its protecting sibling is shown (so the attack can fail)', async () => {
    await pool.use(async (reader) => {
      const s = service();
      const pattern = await s.pattern(reader, 'DEM_POP', 2021, 'public');
      expect(pattern.isHidden('DEM_POP', 2021, COLLI_VERDI, 'numerator')).toBe(true);
      const result = await attackEverything(reader, s, (indicator, year, territory) => indicator === 'DEM_POP' && year === 2021 && territory === COLLI_VERDI);
      expect(result.recovered).toContain(`DEM_POP|2021|numerator|${CAMPOSPINOSO}`);
    });
  });

  it('recovers cells once a change across years is shown beside its hidden terms (so the lag relations are attacked)', async () => {
    await pool.use(async (reader) => {
      const s = service();
      expect((await s.pattern(reader, 'DEM_VAR', 2021, 'public')).isHidden('DEM_VAR', 2021, CAMPOSPINOSO, 'numerator')).toBe(true);
      const result = await attackEverything(reader, s, (indicator, year, territory, part) => indicator === 'DEM_VAR' && year === 2021 && territory === CAMPOSPINOSO && part === 'numerator');
      expect(result.recovered.length).toBeGreaterThan(0);
    });
  });
});
