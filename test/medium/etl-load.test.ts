import { describe, expect, it } from 'vitest';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { istatElencoComuni, posas, posasComune, posasRows } from '../../etl/src/sources/testing/fixtures.js';
import { fixtureFiles, writeFixtureDataFolder } from '../../etl/src/testing/data-folder.js';
import { currentSnapshotId, load, newStateDir, querySnapshot } from '../support/etl.js';

describe('ETL on fixture files → published snapshot', () => {
  it('harmonises merged comuni onto current codes, summing their values', async () => {
    const stateDir = await newStateDir();
    await load(stateDir, await writeFixtureDataFolder());
    const rows = await querySnapshot<{ territory_code: string; year: number; value: number; source_codes: string[] }>(
      stateDir,
      `SELECT o.territory_code, o.year, o.value, g.source_codes FROM observation o
       JOIN observation_origin g USING (territory_code, year, source_id)
       WHERE o.variable = 'pop_res' AND o.sex = 'T' AND o.age_from = 0 AND o.age_to IS NULL AND o.territory_code IN ('018193', '018026') AND o.year = 2018
       ORDER BY o.territory_code`,
    );
    // Canevino 200 + Ruino 700 + Valverde 300 before the 2019 merger into Colli Verdi.
    expect(rows).toEqual([
      { territory_code: '018026', year: 2018, value: 640 + 250, source_codes: ['018002', '018026'] },
      { territory_code: '018193', year: 2018, value: 200 + 700 + 300, source_codes: ['018028', '018132', '018170'] },
    ]);
    const suppressed = await querySnapshot(stateDir, `SELECT count(*)::INTEGER AS n FROM territory WHERE code IN ('018002', '018028')`);
    expect(suppressed).toEqual([{ n: 0 }]);
  });

  it("reads ISTAT's official list of comuni where gi_comuni is not in the data folder, and says what is missing when neither is", async () => {
    const elenco = [
      ['03', '018', '018', ' 110 ', '018110', 'Pavia', 'Pavia', '', '1', 'Nord-ovest', 'Lombardia', 'Pavia', '1', 'PV', '18110', '68.280'],
      ['03', '018', '018', ' 177 ', '018177', 'Vigevano', 'Vigevano', '', '1', 'Nord-ovest', 'Lombardia', 'Pavia', '0', 'PV', '18177', '63.700'],
      ['03', '018', '018', ' 193 ', '018193', 'Colli Verdi', 'Colli Verdi', '', '1', 'Nord-ovest', 'Lombardia', 'Pavia', '0', 'PV', '18193', '1.100'],
      ['03', '018', '018', ' 026 ', '018026', 'Campospinoso Albaredo', 'Campospinoso Albaredo', '', '1', 'Nord-ovest', 'Lombardia', 'Pavia', '0', 'PV', '18026', '900'],
      ['03', '019', '019', ' 036 ', '019036', 'Cremona', 'Cremona', '', '1', 'Nord-ovest', 'Lombardia', 'Cremona', '1', 'CR', '19036', '72.000'],
    ];
    const data = await writeFixtureDataFolder({ overrides: { 'territory/Elenco-comuni-italiani.csv': istatElencoComuni(elenco) } });
    await rm(path.join(data, 'territory', 'gi_comuni.csv'));
    const stateDir = await newStateDir();
    await load(stateDir, data);
    const comuni = await querySnapshot(stateDir, `SELECT code, name, source_id FROM territory WHERE level = 'comune' ORDER BY code`);
    expect(comuni).toEqual(elenco.map((row) => ({ code: row[4], name: row[6], source_id: 'istat_elenco_comuni' })).sort((a, b) => a.code!.localeCompare(b.code!)));

    await rm(path.join(data, 'territory', 'Elenco-comuni-italiani.csv'));
    await expect(load(await newStateDir(), data)).rejects.toThrow(
      /territory\/gi_comuni\.csv:0:0: no list of comuni in the data folder; expected one of territory\/gi_comuni\.csv \(gi_comuni, .*\) or territory\/Elenco-comuni-italiani\.csv \(istat_elenco_comuni, ISTAT\) \[no-file\]/,
    );
  });

  it('keeps single ages by sex, adding those of merged comuni age by age', async () => {
    // In 2018 Colli Verdi (018193) was still Canevino, Ruino and Valverde, and Albaredo Arnaboldi (018002)
    // was not yet part of Campospinoso (018026).
    const merged = [posasComune('018028', 'Canevino', 3), posasComune('018132', 'Ruino', 7), posasComune('018170', 'Valverde', 5)];
    const campospinoso = [posasComune('018026', 'Campospinoso', 6), posasComune('018002', 'Albaredo Arnaboldi', 2)];
    const pavia = posasComune('018110', 'Pavia', 400);
    const vigevano = posasComune('018177', 'Vigevano', 300);
    const file = posas(posasRows([pavia, vigevano, ...merged, ...campospinoso]), 2018);
    const stateDir = await newStateDir();
    await load(stateDir, await writeFixtureDataFolder({ overrides: { 'population/POSAS_2018_it_Comuni.csv': file } }));
    const ages = await querySnapshot<{ territory_code: string; age: number; male: number; female: number }>(
      stateDir,
      `SELECT territory_code, age, male, female FROM observation_by_age WHERE source_id = 'istat_posas' AND year = 2018 ORDER BY territory_code, age`,
    );
    const expected = (code: string, comuni: typeof merged) =>
      Array.from({ length: 101 }, (_, age) => ({
        territory_code: code,
        age,
        male: comuni.reduce((sum, c) => sum + c.males[age]!, 0),
        female: comuni.reduce((sum, c) => sum + c.females[age]!, 0),
      }));
    expect(ages).toEqual([...expected('018026', campospinoso), ...expected('018110', [pavia]), ...expected('018177', [vigevano]), ...expected('018193', merged)]);
  });

  it('reads a comune under the code it had before it moved to another provincia, which the list of suppressed comuni does not have', async () => {
    // As Torre de' Busi (097080 in Lecco until 26 January 2018, 016215 in Bergamo since): here Vigevano,
    // with its cadastral code L872, was 015177 until 31 December 2018.
    const history = fixtureFiles()['territory/gi_comuni_validita.csv']!.replace(
      'PV;018177;VIGEVANO;L872;17/03/1861;;Attivo',
      'MI;015177;VIGEVANO;L872;17/03/1861;31/12/2018;Inattivo\nPV;018177;VIGEVANO;L872;01/01/2019;;Attivo',
    );
    const vigevano = posasComune('015177', 'Vigevano', 300);
    const others = [posasComune('018110', 'Pavia', 400), posasComune('018193', 'Colli Verdi', 5), posasComune('018026', 'Campospinoso', 3), posasComune('018002', 'Albaredo Arnaboldi', 2)];
    const stateDir = await newStateDir();
    await load(stateDir, await writeFixtureDataFolder({ overrides: { 'territory/gi_comuni_validita.csv': history, 'population/POSAS_2018_it_Comuni.csv': posas(posasRows([vigevano, ...others]), 2018) } }));
    const rows = await querySnapshot<{ value: number; source_codes: string[] }>(
      stateDir,
      `SELECT v.value, g.source_codes FROM value_resolved v JOIN observation_origin g USING (territory_code, year, source_id)
       WHERE v.territory_code = '018177' AND v.year = 2018 AND v.source_id = 'istat_posas' AND v.variable = 'pop_res' AND v.sex = 'T' AND v.band = 'TOT'`,
    );
    expect(rows).toEqual([{ value: vigevano.males.reduce((a, b) => a + b, 0) + vigevano.females.reduce((a, b) => a + b, 0), source_codes: ['015177'] }]);
  });

  it('does not explain a jump in residents by a change of code, which moves no one', async () => {
    const history = fixtureFiles()['territory/gi_comuni_validita.csv']!.replace(
      'PV;018177;VIGEVANO;L872;17/03/1861;;Attivo',
      'MI;015177;VIGEVANO;L872;17/03/1861;31/12/2018;Inattivo\nPV;018177;VIGEVANO;L872;01/01/2019;;Attivo',
    );
    const others = [posasComune('018110', 'Pavia', 400), posasComune('018193', 'Colli Verdi', 5), posasComune('018026', 'Campospinoso', 3), posasComune('018002', 'Albaredo Arnaboldi', 2)];
    const stateDir = await newStateDir();
    await load(
      stateDir,
      await writeFixtureDataFolder({
        overrides: {
          'territory/gi_comuni_validita.csv': history,
          'population/POSAS_2018_it_Comuni.csv': posas(posasRows([posasComune('015177', 'Vigevano', 300), ...others]), 2018),
          // About 10% more residents a year later, under the new code: a break in the series to check.
          'population/POSAS_2019_it_Comuni.csv': posas(posasRows([posasComune('018177', 'Vigevano', 330), ...others.filter((c) => c.code !== '018002')]), 2019),
        },
      }),
    );
    const issues = await querySnapshot<{ rule: string; message: string }>(
      stateDir,
      `SELECT rule, message FROM quality_issue WHERE territory_code = '018177' AND year = 2019 AND source_id = 'istat_posas' AND rule = 'series-break'`,
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toMatch(/^Vigevano: residents went from \d+ \(2018\) to \d+ \(2019\), \+\d+\.\d% in one year; check for a census rebase or a boundary change$/);
  });

  it('refuses a comune under its old code after it moved to another provincia, saying that the code changed', async () => {
    // Vigevano as 015177 (until 31 December 2018) in the file of 1 January 2019, when it is 018177.
    const history = fixtureFiles()['territory/gi_comuni_validita.csv']!.replace(
      'PV;018177;VIGEVANO;L872;17/03/1861;;Attivo',
      'MI;015177;VIGEVANO;L872;17/03/1861;31/12/2018;Inattivo\nPV;018177;VIGEVANO;L872;01/01/2019;;Attivo',
    );
    const rows = posasRows([posasComune('018110', 'Pavia', 400), posasComune('015177', 'Vigevano', 300), posasComune('018193', 'Colli Verdi', 5), posasComune('018026', 'Campospinoso', 3)]);
    const file = posas(rows, 2019);
    const data = await writeFixtureDataFolder({ overrides: { 'territory/gi_comuni_validita.csv': history, 'population/POSAS_2019_it_Comuni.csv': file } });
    const refused = load(await newStateDir(), data);
    await expect(refused).rejects.toThrow(`population/POSAS_2019_it_Comuni.csv:${firstLineOf(file, '015177')}:1: comune 015177 `);
    await expect(refused).rejects.toThrow(
      ': comune 015177 changed code on 2019-01-01: since then it is 018177 (Vigevano, provincia of Pavia), so its residents on 1 January 2019 are under 018177; expected the code valid on that date [suppressed-comune]',
    );
  });

  it('refuses a merged comune under its own code after the merger, saying what it is part of today', async () => {
    // Canevino (018028) has been part of Colli Verdi (018193) since 1 January 2019.
    const rows = posasRows([posasComune('018110', 'Pavia', 400), posasComune('018177', 'Vigevano', 300), posasComune('018028', 'Canevino', 5), posasComune('018026', 'Campospinoso', 3)]);
    const file = posas(rows, 2019);
    const data = await writeFixtureDataFolder({ overrides: { 'population/POSAS_2019_it_Comuni.csv': file } });
    const refused = load(await newStateDir(), data);
    await expect(refused).rejects.toThrow(`population/POSAS_2019_it_Comuni.csv:${firstLineOf(file, '018028')}:1: comune 018028 `);
    await expect(refused).rejects.toThrow(
      ': comune 018028 was suppressed on 2019-01-01 (today part of 018193), so it has no residents on 1 January 2019; expected the code valid on that date [suppressed-comune]',
    );
  });

  it('puts each single age where it belongs when a file lists the ages of a comune out of order', async () => {
    const pavia = posasComune('018110', 'Pavia', 400);
    const rows = posasRows([pavia, posasComune('018177', 'Vigevano', 300), posasComune('018193', 'Colli Verdi', 5), posasComune('018026', 'Campospinoso', 3), posasComune('018002', 'Albaredo Arnaboldi', 2)]);
    const paviaRows = rows.filter((row) => row[0] === '018110');
    const shuffled = [...rows.filter((row) => row[0] !== '018110'), ...[...paviaRows].reverse()];
    const stateDir = await newStateDir();
    await load(stateDir, await writeFixtureDataFolder({ overrides: { 'population/POSAS_2022_it_Comuni.csv': posas(shuffled, 2022) } }));
    const ages = await querySnapshot<{ age: number; male: number; female: number }>(
      stateDir,
      `SELECT age, male, female FROM observation_by_age WHERE source_id = 'istat_posas' AND year = 2022 AND territory_code = '018110' ORDER BY age`,
    );
    expect(ages).toEqual(pavia.males.map((male, age) => ({ age, male, female: pavia.females[age] })));
  });

  it('computes indicator parts per comune and year from the catalogue formulas', async () => {
    const stateDir = await newStateDir();
    await load(stateDir, await writeFixtureDataFolder());
    const parts = await querySnapshot<{ indicator_code: string; numerator: number; denominator: number | null }>(
      stateDir,
      `SELECT indicator_code, numerator, denominator FROM indicator_part WHERE territory_code = '018110' AND
        ((indicator_code = 'DEM_POP' AND year = 2021) OR (indicator_code = 'DEM_VAR' AND year = 2020) OR
         (indicator_code = 'DEM_U12' AND year = 2021) OR (indicator_code = 'DEM_MASC' AND year = 2022) OR
         (indicator_code = 'DEM_DENS' AND year = 2022))
       ORDER BY indicator_code`,
    );
    expect(parts).toEqual([
      { indicator_code: 'DEM_DENS', numerator: 70380, denominator: 62.86 },
      { indicator_code: 'DEM_MASC', numerator: 33627, denominator: 36753 },
      { indicator_code: 'DEM_POP', numerator: 70971, denominator: null },
      { indicator_code: 'DEM_U12', numerator: 6000, denominator: 6000 + 64971 },
      { indicator_code: 'DEM_VAR', numerator: 71200 - 71500, denominator: 71500 },
    ]);
    // 2018 has no previous year: no change can be computed, so there is no row (not a zero).
    expect(await querySnapshot(stateDir, `SELECT count(*)::INTEGER AS n FROM indicator_part WHERE indicator_code = 'DEM_VAR' AND year = 2018`)).toEqual([{ n: 0 }]);
    // indicator_part has no index: one row per indicator, comune and year holds by construction.
    const repeated = await querySnapshot(stateDir, `SELECT count(*)::INTEGER AS n FROM (SELECT indicator_code, territory_code, year FROM indicator_part GROUP BY ALL HAVING count(*) > 1)`);
    expect(repeated).toEqual([{ n: 0 }]);
  });

  it('dissolves the boundaries of absorbed comuni into their successor', async () => {
    const stateDir = await newStateDir();
    await load(stateDir, await writeFixtureDataFolder());
    const [row] = await querySnapshot<{ topojson: string }>(stateDir, `SELECT topojson FROM boundary WHERE provincia_code = '018'`);
    const topology = JSON.parse(row!.topojson) as { objects: { comuni: { geometries: { type: string; properties: { code: string; name: string } }[] } } };
    const shapes = topology.objects.comuni.geometries.map((g) => [g.properties.code, g.type]);
    expect(shapes.sort()).toEqual([['018026', 'MultiPolygon'], ['018110', 'Polygon'], ['018177', 'Polygon'], ['018193', 'Polygon']]);
  });

  it('publishes a new snapshot on each load and keeps the Ambiti of the data folder', async () => {
    const stateDir = await newStateDir();
    const data = await writeFixtureDataFolder();
    const first = await load(stateDir, data);
    const second = await load(stateDir, data);
    expect(first.kind).toBe('published');
    expect(await currentSnapshotId(stateDir)).toBe(second.kind === 'published' ? second.manifest.id : null);
    const members = await querySnapshot(stateDir, `SELECT ambito_code, list(comune_code ORDER BY comune_code) AS comuni FROM ambito_member GROUP BY 1 ORDER BY 1`);
    expect(members).toEqual([
      { ambito_code: 'PV-T1', comuni: ['018110', '018177'] },
      { ambito_code: 'PV-T2', comuni: ['018002', '018026', '018193'] },
    ]);
  });

  it('credits each territory level to the source it was read from', async () => {
    const stateDir = await newStateDir();
    await load(stateDir, await writeFixtureDataFolder());
    const rows = await querySnapshot(stateDir, `SELECT level, source_id, area_source_id FROM territory WHERE code IN ('018110', '018', '03') ORDER BY level`);
    expect(rows).toEqual([
      { level: 'comune', source_id: 'gi_comuni', area_source_id: 'gi_comuni' },
      { level: 'provincia', source_id: 'gi_province', area_source_id: 'gi_province' },
      { level: 'regione', source_id: 'gi_regioni', area_source_id: 'gi_regioni' },
    ]);
  });

  it('flags totals that do not add up and impossible areas, and leaves those densities out', async () => {
    const files = fixtureFiles();
    const stateDir = await newStateDir();
    await load(
      stateDir,
      await writeFixtureDataFolder({
        overrides: {
          // Vigevano's area published as negative; Pavia's 2021 age bands 1 short of its total;
          // Vigevano's 2022 men and women 10 more than its total.
          'territory/gi_comuni.csv': files['territory/gi_comuni.csv']!.replace(';81,37;', ';-81,37;'),
          'population/pavia_popolazione_2021_under12.csv': files['population/pavia_popolazione_2021_under12.csv']!.replace('18110,6000,64971', '18110,6000,64970'),
          'population/italy_geo_pop_2022.csv': files['population/italy_geo_pop_2022.csv']!.replace('"61800.0","32000.0"', '"61800.0","32010.0"'),
        },
      }),
    );
    const issues = await querySnapshot(stateDir, `SELECT rule, territory_code FROM quality_issue WHERE severity = 'warning' ORDER BY rule`);
    expect(issues).toEqual([
      { rule: 'bad-area', territory_code: '018177' },
      { rule: 'bands-total-mismatch', territory_code: '018110' },
      { rule: 'sex-total-mismatch', territory_code: '018177' },
    ]);
    const densities = await querySnapshot(stateDir, `SELECT territory_code FROM indicator_part WHERE indicator_code = 'DEM_DENS' AND year = 2022 ORDER BY 1`);
    expect(densities).toEqual([{ territory_code: '018026' }, { territory_code: '018110' }, { territory_code: '018193' }, { territory_code: '019036' }]);
  });
});

/** The physical line (1-based) of a file's first row for a comune code, counted here from the text written. */
function firstLineOf(text: string, code: string): number {
  return text.split('\n').findIndex((line) => line.startsWith(`"${code}";`)) + 1;
}
