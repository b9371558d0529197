import { expect, it } from 'vitest';
import { describeIf, realData } from '../../../test/support/requirements.js';
import { loadSourceCatalog, type DescriptorOf, type SourceCatalog } from './descriptor.js';
import { stageSource, type StagedSourceRead, type StagedValue } from '../stage/testing/stage-source.js';
import { readSource, type BoundariesRecord, type ComuneRecord, type ComuneValidityRecord, type ProvinciaRecord, type RegioneRecord, type SourceRead, type SuppressedRecord } from './read-source.js';
import { PROJECT_SOURCES_YAML } from './testing/fixtures.js';
import { renumberedComuni } from '../model/crosswalk.js';

// The real published files live outside the repository; they are read where the user points.
const dataDir = process.env.OSSERVATORIO_DATA_DIR;

describeIf(realData)('every source of datasets/sources.yaml, read from the real data folder', () => {
  let catalog: SourceCatalog;
  const reads = new Map<string, SourceRead | StagedSourceRead>();
  /** Territory sources are read in Node; observations are staged in DuckDB as a load stages them. */
  const read = async (id: string) => {
    if (!reads.has(id)) {
      catalog ??= await loadSourceCatalog(PROJECT_SOURCES_YAML);
      const descriptor = catalog.sources.find((s) => s.id === id)!;
      reads.set(id, descriptor.role === 'observations' ? await stageSource(catalog, descriptor, dataDir!) : await readSource(descriptor, dataDir!));
    }
    return reads.get(id)!;
  };
  const observations = async (id: string) => (await read(id)).records as StagedValue[];
  const value = (records: readonly StagedValue[], code: string, year: number, sex = 'T') =>
    records.find((r) => r.code === code && r.year === year && r.sex === sex && r.ageBand === 'TOT')?.value;
  const pavia = (records: readonly StagedValue[], year: number) =>
    records.filter((r) => r.code.startsWith('018') && r.year === year && r.sex === 'T' && r.ageBand === 'TOT');

  it('reads every descriptor without error', async () => {
    catalog = await loadSourceCatalog(PROJECT_SOURCES_YAML);
    for (const descriptor of catalog.sources) {
      const result = await read(descriptor.id);
      if (!descriptor.optional) expect(result.files.length, descriptor.id).toBeGreaterThan(0);
      for (const file of result.files) expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('Pavia 018110 had 70,971 residents in 2021 and 70,380 in 2022 (33,627 men, 36,753 women)', async () => {
    expect(value(await observations('pop_pavia_2018_2021'), '018110', 2021)).toBe(70971);
    const byPavia = (await observations('pop_italia_2022_sesso')).filter((r) => r.code === '018110');
    expect(Object.fromEntries(byPavia.map((r) => [r.sex, r.value]))).toEqual({ T: 70380, M: 33627, F: 36753 });
  });

  it('the 186 comuni of Provincia di Pavia sum to 534,951 in 2021 and 534,506 in 2022', async () => {
    const in2021 = pavia(await observations('pop_pavia_2018_2021'), 2021);
    const in2022 = pavia(await observations('pop_italia_2022_sesso'), 2022);
    expect(in2021).toHaveLength(186);
    expect(in2021.reduce((sum, r) => sum + r.value, 0)).toBe(534951);
    expect(in2022).toHaveLength(186);
    expect(in2022.reduce((sum, r) => sum + r.value, 0)).toBe(534506);
  });

  it('Colli Verdi (018193) has no published value before its 2019 merger', async () => {
    const result = (await read('pop_pavia_2018_2021')) as StagedSourceRead;
    const colliVerdi = result.records.filter((r) => r.code === '018193');
    expect(colliVerdi.map((r) => r.year)).toEqual([2020, 2021]);
    expect(result.files[0]!.notPublished).toBe(2);
  });

  it('the under-12 file gives codes without leading zeros that normalise to 6 digits', async () => {
    const records = await observations('pop_pavia_2021_under12');
    const pavia2021 = records.filter((r) => r.code === '018110');
    expect(pavia2021.map((r) => r.ageBand).sort()).toEqual(['Y0-11', 'Y12-']);
    expect(pavia2021.reduce((sum, r) => sum + r.value, 0)).toBe(70971);
  });

  it('gi_comuni lists 185 comuni of provincia 018 on 2025-01-01', async () => {
    const comuni = (await read('gi_comuni')).records as ComuneRecord[];
    expect(comuni.filter((c) => c.provinciaCode === '018')).toHaveLength(185);
    expect(comuni.filter((c) => c.provinciaCode === '018').every((c) => c.areaKm2 !== null && c.areaKm2 > 0)).toBe(true);
    // Published as is, for the quality checks to flag: gi_db_comuni gives three areas with a minus sign.
    expect(comuni.filter((c) => c.areaKm2 !== null && c.areaKm2 < 0).map((c) => c.code)).toEqual(['072037', '072040', '087009']);
  });

  it('the provinces and regions carry padded codes', async () => {
    const province = (await read('gi_province')).records as ProvinciaRecord[];
    expect(province.find((p) => p.code === '018')?.regioneCode).toBe('03');
    const regioni = (await read('gi_regioni')).records as RegioneRecord[];
    expect(regioni.find((r) => r.code === '03')?.name).toBe('Lombardia');
  });

  it('the list of suppressed comuni maps 018028, 018132 and 018170 onto 018193 on 2019-01-01', async () => {
    const suppressed = (await read('istat_soppressi')).records as SuppressedRecord[];
    for (const code of ['018028', '018132', '018170']) {
      expect(suppressed.filter((s) => s.code === code).map(({ newCode, date, split }) => ({ newCode, date, split }))).toEqual([{ newCode: '018193', date: '2019-01-01', split: false }]);
    }
    expect(suppressed.some((s) => s.split)).toBe(true);
  });

  it('the validity history keeps open periods as null', async () => {
    const history = (await read('gi_comuni_validita')).records as ComuneValidityRecord[];
    expect(history.filter((h) => h.code === '018193')).toMatchObject([{ validFrom: '2019-01-01', validTo: null }]);
  });

  it('the validity history traces the codes changed by a move of provincia, which the list of suppressed comuni lacks', async () => {
    const history = (await read('gi_comuni_validita')).records as ComuneValidityRecord[];
    const suppressed = (await read('istat_soppressi')).records as SuppressedRecord[];
    const current = new Set(((await read('gi_comuni')).records as ComuneRecord[]).map((c) => c.code));
    const moves = new Map(renumberedComuni(history, current).map((move) => [move.code, move]));
    // Torre de' Busi (Lecco → Bergamo, 2018), Sappada (Veneto → Friuli, 2018), Armungia (Cagliari → Sud Sardegna, 2016), Montecopiolo (Marche → Emilia-Romagna, 2021), Calliano (Alessandria → Asti in 1935, renamed in 2022).
    for (const [old, now, date] of [['097080', '016215', '2018-01-27'], ['025052', '030189', '2018-01-01'], ['092002', '111002', '2016-04-28'], ['041033', '099030', '2021-06-17'], ['006840', '005014', '1935-04-08']] as const) {
      expect(suppressed.some((s) => s.code === old), old).toBe(false);
      expect(moves.get(old), old).toMatchObject({ newCode: now, date, split: false });
    }
  });

  it('the boundaries hold 186 geometries of provincia 018', async () => {
    const boundaries = (await read('openpolis_confini_pv')).records as BoundariesRecord;
    expect(boundaries.geometries).toHaveLength(186);
    expect(new Set(boundaries.geometries.map((g) => g.code)).size).toBe(186);
    expect(boundaries).toMatchObject({ provinciaCode: '018', objectName: 'municipalities' });
  });

  it('the GeoJSON edition of the same boundaries gives the same 186 comuni', async () => {
    catalog ??= await loadSourceCatalog(PROJECT_SOURCES_YAML);
    const topo = catalog.sources.find((s) => s.id === 'openpolis_confini_pv') as DescriptorOf<'boundaries'>;
    const geojson = { ...topo, file: 'boundaries/limits_P_18_municipalities.geojson', format: 'geojson' as const };
    const boundaries = (await readSource(geojson, dataDir!)).records as BoundariesRecord;
    expect(boundaries.geometries).toHaveLength(186);
    expect(new Set(boundaries.geometries.map((g) => g.code)).size).toBe(186);
    const fromTopo = ((await read('openpolis_confini_pv')).records as BoundariesRecord).geometries.map((g) => g.code).sort();
    expect(boundaries.geometries.map((g) => g.code).sort()).toEqual(fromTopo);
    expect(boundaries.geometries.find((g) => g.code === '018110')?.name).toBe('Pavia');
  });
});

