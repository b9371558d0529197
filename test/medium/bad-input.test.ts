import { copyFile, mkdir, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadEtlConfig, repoRoot } from '../../etl/src/config.js';
import { runLoad } from '../../etl/src/load.js';
import { silentProgress } from '../../etl/src/progress.js';
import { geoJson, posas, posasRows, topology } from '../../etl/src/sources/testing/fixtures.js';
import { fixtureFiles, writeFixtureDataFolder } from '../../etl/src/testing/data-folder.js';
import { currentSnapshotId, load, newStateDir, querySnapshot } from '../support/etl.js';

const POPULATION = 'population/pavia_popolazione_residente_2018_2021.csv';
const goodPopulation = fixtureFiles()[POPULATION]!;
const populationLines = goodPopulation.trimEnd().split('\n');

/** The population file with its data line `lineNumber` (1-based, header = 1) replaced. */
function withLine(lineNumber: number, replacement: string): string {
  return populationLines.map((line, index) => (index + 1 === lineNumber ? replacement : line)).join('\n') + '\n';
}

const COMUNI = 'territory/gi_comuni.csv';
const goodComuni = fixtureFiles()[COMUNI]!;
const AMBITI = 'territory/ambiti.yaml';
const BOUNDARIES = 'boundaries/limits_P_18_municipalities.topo.json';
/** The comuni the fixture's boundaries draw (Albaredo Arnaboldi since absorbed into Campospinoso). */
const DRAWN: [string, string][] = [['018110', 'Pavia'], ['018177', 'Vigevano'], ['018193', 'Colli Verdi'], ['018026', 'Campospinoso'], ['018002', 'Albaredo Arnaboldi']];
type FixtureTopology = { arcs: unknown[]; objects: { municipalities: { geometries: Record<string, unknown>[] } } };
const brokenTopology = (edit: (t: FixtureTopology) => void) => {
  const t = topology(DRAWN) as unknown as FixtureTopology;
  edit(t);
  return JSON.stringify(t);
};
/** Nine levels of nine aliases: 9^9 values once expanded. */
const aliasBomb = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]', ...'bcdefghi'.split('').map((name, i) => `${name}: &${name} [${Array.from({ length: 9 }, () => `*${'abcdefgh'[i]}`).join(', ')}]`)].join('\n') + '\n';

const cases: { name: string; file: string; content: string | Uint8Array; expected: RegExp }[] = [
  {
    name: 'a CSV with the wrong delimiter',
    file: POPULATION,
    content: goodPopulation.replaceAll(',', ';'),
    expected: /pavia_popolazione_residente_2018_2021\.csv:1:1: .*','.*\[wrong-delimiter\]/,
  },
  {
    name: 'a missing column',
    file: POPULATION,
    content: populationLines.map((line) => line.split(',').filter((_, i) => i !== 4).join(',')).join('\n') + '\n',
    expected: /pavia_popolazione_residente_2018_2021\.csv:1:\d+: .*pop_res_20.*\[missing-column\]/,
  },
  {
    name: 'an unknown comune code',
    file: POPULATION,
    content: withLine(3, 'Nessuno,018999,1,2,3,4'),
    expected: /pavia_popolazione_residente_2018_2021\.csv:3:2: .*018999.*\[unknown-comune\]/,
  },
  {
    name: 'a duplicated key',
    file: POPULATION,
    content: withLine(3, populationLines[1]!),
    expected: /pavia_popolazione_residente_2018_2021\.csv:3:\d+: .*line 2.*\[duplicate-key\]/,
  },
  {
    name: 'a negative count',
    file: POPULATION,
    content: withLine(2, 'Pavia,018110,72000,-71500,71200,70971'),
    expected: /pavia_popolazione_residente_2018_2021\.csv:2:4: .*-71500.*\[negative-count\]/,
  },
  {
    name: "text that isn't a number",
    file: POPULATION,
    content: withLine(2, 'Pavia,018110,72000,71500,n.d.,70971'),
    expected: /pavia_popolazione_residente_2018_2021\.csv:2:5: .*n\.d\..*\[not-a-number\]/,
  },
  {
    name: 'a population file with its header only',
    file: POPULATION,
    content: `${populationLines[0]}\n`,
    expected: /pavia_popolazione_residente_2018_2021\.csv:1:0: the file has a header on line 1 but no data rows.*\[empty-file\]/,
  },
  {
    name: 'a population file cut inside a row',
    file: POPULATION,
    content: `${populationLines.slice(0, 4).join('\n')}\n${populationLines[4]!.slice(0, 12)}`,
    expected: /pavia_popolazione_residente_2018_2021\.csv:5:\d+: row has \d fields but the header on line 1 has 6.*\[wrong-column-count\]/,
  },
  {
    name: 'a population file cut after a whole row',
    file: POPULATION,
    content: `${populationLines.slice(0, 3).join('\n')}\n`,
    expected: /pavia_popolazione_residente_2018_2021\.csv gives rows for 2 of the 4 comuni of provincia 018; missing 018026, 018193: the file may be truncated or partial \[incomplete-source\]/,
  },
  {
    name: 'a count written with a decimal comma',
    file: POPULATION,
    content: withLine(2, 'Pavia,018110,"1.234,5",71500,71200,70971'),
    expected: /pavia_popolazione_residente_2018_2021\.csv:2:3: "1\.234,5" in column "pop_res_18" is not a number.*\[not-a-number\]/,
  },
  {
    name: 'a count with a fraction',
    file: POPULATION,
    content: withLine(2, 'Pavia,018110,12.5,71500,71200,70971'),
    expected: /pavia_popolazione_residente_2018_2021\.csv:2:3: "12\.5" in column "pop_res_18" is not a whole number.*\[not-a-whole-number\]/,
  },
  {
    name: 'a header from another dataset',
    file: POPULATION,
    content: fixtureFiles()['population/pavia_popolazione_2021_under12.csv']!,
    expected: /pavia_popolazione_residente_2018_2021\.csv:1:0: the header has no column "pro_com_t".*\[missing-column\]/,
  },
  {
    name: 'a POSAS file whose title gives another year than its name',
    file: 'population/POSAS_2024_it_Comuni.csv',
    content: posas(posasRows(), 2023),
    expected: /POSAS_2024_it_Comuni\.csv:1:\d+: the title says 2023 but the file name says 2024.*\[mixed-reference-dates\]/,
  },
  {
    name: 'a file in an unexpected encoding',
    file: 'territory/gi_comuni.csv',
    // The comuni list re-saved as windows-1252: "Agliè" has the single byte 0xE8 for "è".
    content: Buffer.concat([Buffer.from(fixtureFiles()['territory/gi_comuni.csv']!), Buffer.from('TO;001001;"Agli\xe8";"Agli\xe8";;NO;A074;45,3;7,7;13,28;201\n', 'latin1')]),
    expected: /gi_comuni\.csv:7:\d+: .*(UTF-8|utf-8).*\[bad-encoding\]/,
  },
  // CSV territory files
  {
    name: 'a column read twice in the header',
    file: COMUNI,
    content: goodComuni.replace('codice_sovracomunale\n', 'codice_sovracomunale;codice_istat\n'),
    expected: /gi_comuni\.csv:1:12: "codice_istat" is the name of column 2 too.*\[duplicate-column\]/,
  },
  {
    name: 'a comuni list with a header but no rows',
    file: COMUNI,
    content: `${goodComuni.split('\n')[0]}\n`,
    expected: /gi_comuni\.csv:1:0: the file has a header but no data rows.*\[empty-file\]/,
  },
  { name: 'an empty comuni list', file: COMUNI, content: '', expected: /gi_comuni\.csv:0:0: the file is empty.*\[empty-file\]/ },
  { name: 'line ends of CR alone', file: COMUNI, content: goodComuni.replaceAll('\n', '\r'), expected: /gi_comuni\.csv:1:\d+: lines end with CR alone.*\[bad-line-ends\]/ },
  // YAML
  {
    name: 'an ambiti.yaml saved in windows-1252',
    file: AMBITI,
    content: Buffer.from(fixtureFiles()[AMBITI]!.replace('Ambito di prova Nord', 'Ambito della città'), 'latin1'),
    expected: /ambiti\.yaml:4:28: byte 0xE0 .*not valid UTF-8.*\[bad-encoding\]/,
  },
  { name: 'an alias bomb in ambiti.yaml', file: AMBITI, content: aliasBomb, expected: /ambiti\.yaml:2:8: .*billion laughs.*\[yaml-alias-limit\]/ },
  // Boundaries
  {
    name: 'boundaries of half the provincia',
    file: BOUNDARIES,
    content: JSON.stringify(topology(DRAWN.slice(0, 2))),
    expected: /limits_P_18_municipalities\.topo\.json:0:0: the shapes cover 2 of the 4 comuni of provincia 018 valid on 2025-01-01; 2 have none: 018026 Campospinoso Albaredo, 018193 Colli Verdi;.*\[incomplete-boundaries\]/,
  },
  { name: 'a topology without geometries', file: BOUNDARIES, content: brokenTopology((t) => (t.objects.municipalities.geometries = [])), expected: /topo\.json:0:0: object "municipalities" has no geometries.*\[bad-topojson\]/ },
  { name: 'arcs made of strings', file: BOUNDARIES, content: brokenTopology((t) => (t.arcs[2] = [['1', '2'], ['3', '4']])), expected: /topo\.json:0:0: arc 2, point 0 is \["1","2"\].*\[bad-topojson\]/ },
  { name: 'an arc index out of range', file: BOUNDARIES, content: brokenTopology((t) => (t.objects.municipalities.geometries[3]!.arcs = [[40]])), expected: /topo\.json:0:0: geometry 3 of object "municipalities" refers to arc 40, but the topology has arcs 0 to 4.*\[bad-topojson\]/ },
  {
    name: 'deeply nested JSON',
    file: BOUNDARIES,
    content: brokenTopology((t) => (t.objects.municipalities.geometries[0]!.properties = { com_istat_code: '018110', name: 'Pavia', x: JSON.parse(`${'['.repeat(500)}${']'.repeat(500)}`) })),
    expected: /topo\.json:1:\d+: the JSON is nested deeper than 64 levels.*\[json-too-deep\]/,
  },
];

/** A state folder serving a good snapshot of the fixture folder, made before the tests of a block. */
function servedGoodSnapshot(): { readonly stateDir: string; readonly goodId: string | null } {
  const served = { stateDir: '', goodId: null as string | null };
  beforeAll(async () => {
    served.stateDir = await newStateDir();
    await load(served.stateDir, await writeFixtureDataFolder());
    served.goodId = await currentSnapshotId(served.stateDir);
  });
  return served;
}

describe('a broken input file fails the load and publishes nothing', () => {
  const served = servedGoodSnapshot();

  it.each(cases)('$name: names the file, line, column and rule', async ({ file, content, expected }) => {
    const broken = await writeFixtureDataFolder({ overrides: { [file]: content } });
    await expect(load(served.stateDir, broken)).rejects.toThrow(expected);
    expect(await currentSnapshotId(served.stateDir)).toBe(served.goodId);
  });
});

describe('a source path that is not a readable file fails the load and publishes nothing', () => {
  const served = servedGoodSnapshot();

  it('a folder where the comuni list should be', async () => {
    const data = await writeFixtureDataFolder();
    await rm(path.join(data, COMUNI));
    await mkdir(path.join(data, COMUNI));
    await expect(load(served.stateDir, data)).rejects.toThrow(/gi_comuni\.csv:0:0: is a folder, not a file.*\[not-a-file\]/);
    expect(await currentSnapshotId(served.stateDir)).toBe(served.goodId);
  });

  it('a boundaries file above 256 MB', async () => {
    const data = await writeFixtureDataFolder();
    // A sparse file: its size without writing its bytes.
    const handle = await open(path.join(data, BOUNDARIES), 'r+');
    await handle.truncate(300 * 1024 ** 2);
    await handle.close();
    await expect(load(served.stateDir, data)).rejects.toThrow(/topo\.json:0:0: the file is 300\.0 MB .*more than the 256 MB read into memory.*\[file-too-large\]/);
    expect(await currentSnapshotId(served.stateDir)).toBe(served.goodId);
    await rm(data, { recursive: true, force: true });
  });
});

describe('boundaries published as GeoJSON', () => {
  const GEOJSON = 'boundaries/limits_P_18_municipalities.geojson';
  /** The project's catalogue, with the boundaries read from the GeoJSON edition. */
  async function geoJsonDatasets(): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), 'osservatorio-datasets-'));
    const sources = await readFile(path.join(repoRoot, 'datasets/sources.yaml'), 'utf8');
    const edited = sources.replace(`file: ${BOUNDARIES}\n    format: topojson`, `file: ${GEOJSON}\n    format: geojson`);
    expect(edited).not.toBe(sources);
    await writeFile(path.join(dir, 'sources.yaml'), edited);
    for (const name of ['indicators.yaml', 'age_bands.yaml', 'quality.yaml']) await copyFile(path.join(repoRoot, 'datasets', name), path.join(dir, name));
    return dir;
  }
  const loadWith = async (stateDir: string, dataDir: string, datasetsDir: string) => runLoad({ ...loadEtlConfig({}, { stateDir, dataDir }), datasetsDir }, silentProgress);

  it('publishes the map of the current comuni from a FeatureCollection, and nothing from a broken one', async () => {
    const datasetsDir = await geoJsonDatasets();
    const stateDir = await newStateDir();
    await loadWith(stateDir, await writeFixtureDataFolder({ overrides: { [GEOJSON]: JSON.stringify(geoJson(DRAWN)) } }), datasetsDir);
    const [row] = await querySnapshot<{ topojson: string; source_id: string }>(stateDir, `SELECT topojson, source_id FROM boundary WHERE provincia_code = '018'`);
    const published = JSON.parse(row!.topojson) as { type: string; objects: { comuni: { geometries: { type: string; properties: { code: string } }[] } } };
    expect(published.type).toBe('Topology');
    expect(published.objects.comuni.geometries.map((g) => [g.properties.code, g.type]).sort()).toEqual([['018026', 'MultiPolygon'], ['018110', 'Polygon'], ['018177', 'Polygon'], ['018193', 'Polygon']]);
    const goodId = await currentSnapshotId(stateDir);

    const points = geoJson(DRAWN) as { features: { geometry: unknown }[] };
    points.features[1]!.geometry = { type: 'Point', coordinates: [9.1, 45] };
    const broken = await writeFixtureDataFolder({ overrides: { [GEOJSON]: JSON.stringify(points) } });
    await expect(loadWith(stateDir, broken, datasetsDir)).rejects.toThrow(/limits_P_18_municipalities\.geojson:0:0: feature 1 is a "Point"; expected a Polygon or MultiPolygon.*\[bad-geojson\]/);
    expect(await currentSnapshotId(stateDir)).toBe(goodId);
  });
});


describe('a load that leaves out comuni the served snapshot has', () => {
  const BY_SEX = 'population/italy_geo_pop_2022.csv';
  // Cremona's row gone: the file still covers every comune of Pavia, and no other of Cremona's.
  const withoutCremona = fixtureFiles()[BY_SEX]!.split('\n').filter((line) => !line.includes('"19036"')).join('\n');

  it('fails against the snapshot served before, and publishes when the drop is accepted', async () => {
    const stateDir = await newStateDir();
    await load(stateDir, await writeFixtureDataFolder());
    const served = await currentSnapshotId(stateDir);
    const dataDir = await writeFixtureDataFolder({ overrides: { [BY_SEX]: withoutCremona } });
    await expect(load(stateDir, dataDir)).rejects.toThrow(/DEM_POP in 2022 has values for 4 comuni, 1 fewer than in snapshot .* served before.*\[coverage-dropped\]/);
    expect(await currentSnapshotId(stateDir)).toBe(served);
    await runLoad(loadEtlConfig({}, { stateDir, dataDir }), silentProgress, { acceptCoverageDrop: true });
    expect(await currentSnapshotId(stateDir)).not.toBe(served);
    const issues = await querySnapshot<{ severity: string }>(stateDir, `SELECT DISTINCT severity FROM quality_issue WHERE rule = 'coverage-dropped'`);
    expect(issues).toEqual([{ severity: 'warning' }]);
  });
});
