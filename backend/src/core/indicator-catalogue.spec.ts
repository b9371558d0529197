import { ConsoleLogger, Logger } from '@nestjs/common';
import { indicatorSchema } from '@osservatorio/etl/contract';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../config/config.js';
import { districtData, projectCatalogue } from '../testing/district-fixture.js';
import { getJson } from '../testing/http.js';
import { ManualClock } from '../testing/manual-clock.js';
import { alterSnapshotFile, buildFixtureSnapshot, createStateDir, installSnapshot, pointCurrentAt, publishFixtureSnapshot, removeStateDir, type FixtureSnapshot } from '../testing/snapshot-factory.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';
import { SnapshotPool } from './snapshot-pool.js';

let district: FixtureSnapshot;
let state: string;
beforeAll(async () => {
  district = await buildFixtureSnapshot({ data: districtData() });
});
afterAll(async () => {
  await district?.remove();
});
afterEach(async () => {
  vi.restoreAllMocks();
  Logger.overrideLogger(new ConsoleLogger());
  await removeStateDir(state);
});

describe('a snapshot whose indicator catalogue fails the ETL schema', () => {
  it('is refused when it is opened, with every problem listed', async () => {
    state = await createStateDir();
    const file = await installSnapshot(state, district, 'bad-catalogue');
    // Two broken entries, as an older or newer ETL might have written them.
    await alterSnapshotFile(
      file,
      `UPDATE indicator SET definition = CASE code
         WHEN 'DEM_POP' THEN json_merge_patch(definition, '{"polarity": "up", "colour": "red"}')
         ELSE json_merge_patch(definition, '{"multiplier": "cento"}') END
       WHERE code IN ('DEM_POP', 'DEM_U12')`,
    );
    await pointCurrentAt(state, 'bad-catalogue');
    const warnings: string[] = [];
    Logger.overrideLogger({ log: () => undefined, error: () => undefined, warn: (message: unknown) => void warnings.push(String(message)) });

    const pool = new SnapshotPool(loadConfig({ OSSERVATORIO_STATE_DIR: state }), new ManualClock());
    await pool.onModuleInit();
    expect(await pool.current()).toBeNull();
    const position = (code: string) => projectCatalogue().findIndex((i) => i.code === code);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^CURRENT names bad-catalogue, which cannot be served: the indicator catalogue does not match this API's schema: /);
    expect(warnings[0]).toContain(`indicator DEM_POP (position ${position('DEM_POP')}): polarity: `);
    expect(warnings[0]).toContain(`indicator DEM_POP (position ${position('DEM_POP')}): Unrecognized key: "colour"`);
    expect(warnings[0]).toContain(`indicator DEM_U12 (position ${position('DEM_U12')}): multiplier: `);
    expect(warnings[0]).toMatch(/; nothing is served$/);
    pool.onModuleDestroy();
  });
});

describe('a snapshot whose catalogue is good', () => {
  let server: TestServer;
  afterEach(async () => {
    await server?.close();
  });

  it('has its catalogue parsed once, when it is opened, not on each request', async () => {
    state = await createStateDir();
    await publishFixtureSnapshot(state, district);
    const parse = vi.spyOn(indicatorSchema, 'safeParse');
    server = await startTestServer(state);
    expect(parse).toHaveBeenCalledTimes(projectCatalogue().length);
    for (const path of ['/api/indicators', '/api/indicators/DEM_POP', '/api/indicators/DEM_U12/values?level=ambito&parent=018', '/api/indicators/NOPE']) {
      expect((await getJson(`${server.url}${path}`)).status, path).toBeLessThan(500);
    }
    expect(parse).toHaveBeenCalledTimes(projectCatalogue().length);
  });
});
