import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { SnapshotPool } from '../core/snapshot-pool.js';
import { districtData, districtPopulation } from '../testing/district-fixture.js';
import { ManualClock } from '../testing/manual-clock.js';
import { buildFixtureSnapshot, createStateDir, publishFixtureSnapshot, removeStateDir, type FixtureSnapshot } from '../testing/snapshot-factory.js';
import { DisclosureRepository } from './disclosure.repository.js';
import { DisclosureService } from './disclosure.service.js';
import { attackEverything } from './testing/attack-everything.js';
import { VariableKinds } from './variable-kinds.js';

// Colli Verdi (018193) with 3 residents of 12 and over in 2021 (1,097 under 12, 1,100 in all) and 3 women
// in 2022 (1,077 men, 1,080 in all): each small count is the difference of two large published ones,
// residents minus under 12 (DEM_POP, DEM_U12) and residents minus men (DEM_POP, DEM_MASC), at the default
// threshold of 5.
const COLLI_VERDI = '018193';
let state: string;
let snapshot: FixtureSnapshot;
let pool: SnapshotPool;
beforeAll(async () => {
  const population = {
    ...districtPopulation,
    under12: { ...districtPopulation.under12, '18193': [1097, 3] as const },
    bySex2022: { ...districtPopulation.bySex2022, '18193': [1080, 3, 1077] as const },
  };
  expect(population.wide[COLLI_VERDI]![3]).toBe(1097 + 3);
  state = await createStateDir();
  snapshot = await buildFixtureSnapshot({ data: districtData(population) });
  await publishFixtureSnapshot(state, snapshot);
  pool = new SnapshotPool(loadConfig({ OSSERVATORIO_STATE_DIR: state }), new ManualClock());
  await pool.onModuleInit();
});
afterAll(async () => {
  pool?.onModuleDestroy();
  await snapshot?.remove();
  await removeStateDir(state);
});

const service = () => new DisclosureService(loadConfig({ OSSERVATORIO_STATE_DIR: state }), new DisclosureRepository(), new VariableKinds());

it('hides the small counts of a band and of a sex', async () => {
  await pool.use(async (reader) => {
    const s = service();
    expect((await s.pattern(reader, 'DEM_U12', 2021, 'public')).isHidden('DEM_U12', 2021, COLLI_VERDI, 'denominator')).toBe(true);
    const sexRatio = await s.pattern(reader, 'DEM_MASC', 2022, 'public');
    expect(sexRatio.isHidden('DEM_MASC', 2022, COLLI_VERDI, 'denominator')).toBe(true);
  });
});

it('recovers no hidden count by differencing across age bands or sexes (residents − under 12, residents − men), nor any other way', async () => {
  await pool.use(async (reader) => {
    const result = await attackEverything(reader, service());
    console.log(`breakdown attack: ${result.published} published sums, ${result.hidden} hidden cells, ${result.recovered.length} recovered`);
    expect(result.hidden).toBeGreaterThan(2);
    expect(result.recovered).toEqual([]);
  });
});
