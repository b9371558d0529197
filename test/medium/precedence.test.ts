import { describe, expect, it } from 'vitest';
import { posas, posasComune, posasRows } from '../../etl/src/sources/testing/fixtures.js';
import { fixturePopulation, writeFixtureDataFolder } from '../../etl/src/testing/data-folder.js';
import { load, newStateDir, querySnapshot } from '../support/etl.js';

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

describe('precedence between sources (sources.yaml: istat_posas before pop_italia_2022_sesso)', () => {
  // POSAS 2022 gives the comuni of provincia 018 by single age; the population-by-sex file gives every
  // comune's totals. They agree except for Pavia; Cremona (019) has only the totals.
  const pavia = posasComune('018110', 'Pavia', 400);
  const vigevano = posasComune('018177', 'Vigevano', 300);
  const agreeing = [vigevano, posasComune('018193', 'Colli Verdi', 5), posasComune('018026', 'Campospinoso', 3), posasComune('018002', 'Albaredo Arnaboldi', 2)];
  const totals = (c: typeof pavia) => ({ m: sum(c.males), f: sum(c.females), t: sum(c.males) + sum(c.females) });
  const paviaTotals = totals(pavia);
  const vigevanoTotals = totals(vigevano);

  async function loaded() {
    const stateDir = await newStateDir();
    const bySex2022 = { ...fixturePopulation.bySex2022 };
    for (const c of agreeing) bySex2022[c.code.slice(1)] = [totals(c).t, totals(c).f, totals(c).m];
    const file = posas(posasRows([pavia, ...agreeing]), 2022);
    await load(stateDir, await writeFixtureDataFolder({ population: { ...fixturePopulation, bySex2022 }, overrides: { 'population/POSAS_2022_it_Comuni.csv': file } }));
    return stateDir;
  }

  it('takes each value from the preferred source that gives it, and the others where it does not', async () => {
    const stateDir = await loaded();
    const resolved = await querySnapshot(
      stateDir,
      `SELECT territory_code, sex, value, source_id, derived FROM value_resolved
       WHERE variable = 'pop_res' AND year = 2022 AND band = 'TOT' AND territory_code IN ('018110', '018177', '019036') ORDER BY territory_code, sex`,
    );
    const [cremonaT, cremonaF, cremonaM] = fixturePopulation.bySex2022['19036']!;
    expect(resolved).toEqual([
      { territory_code: '018110', sex: 'F', value: paviaTotals.f, source_id: 'istat_posas', derived: true },
      { territory_code: '018110', sex: 'M', value: paviaTotals.m, source_id: 'istat_posas', derived: true },
      { territory_code: '018110', sex: 'T', value: paviaTotals.t, source_id: 'istat_posas', derived: true },
      { territory_code: '018177', sex: 'F', value: vigevanoTotals.f, source_id: 'istat_posas', derived: true },
      { territory_code: '018177', sex: 'M', value: vigevanoTotals.m, source_id: 'istat_posas', derived: true },
      { territory_code: '018177', sex: 'T', value: vigevanoTotals.t, source_id: 'istat_posas', derived: true },
      { territory_code: '019036', sex: 'F', value: cremonaF, source_id: 'pop_italia_2022_sesso', derived: false },
      { territory_code: '019036', sex: 'M', value: cremonaM, source_id: 'pop_italia_2022_sesso', derived: false },
      { territory_code: '019036', sex: 'T', value: cremonaT, source_id: 'pop_italia_2022_sesso', derived: false },
    ]);
    // A band only the single ages give: POSAS comuni have it, the others have no value (not a zero).
    const over65 = await querySnapshot(stateDir, `SELECT territory_code, value FROM value_resolved WHERE variable = 'pop_res' AND year = 2022 AND sex = 'T' AND band = 'Y65-' AND territory_code IN ('018110', '018177', '019036') ORDER BY 1`);
    expect(over65).toEqual([
      { territory_code: '018110', value: sum(pavia.males.slice(65)) + sum(pavia.females.slice(65)) },
      { territory_code: '018177', value: sum(vigevano.males.slice(65)) + sum(vigevano.females.slice(65)) },
    ]);
  });

  it('computes an indicator from the values chosen, and credits both sources', async () => {
    const stateDir = await loaded();
    const parts = await querySnapshot(stateDir, `SELECT territory_code, numerator, denominator FROM indicator_part WHERE indicator_code = 'DEM_MASC' AND year = 2022 AND territory_code IN ('018110', '019036') ORDER BY 1`);
    const [, cremonaF, cremonaM] = fixturePopulation.bySex2022['19036']!;
    expect(parts).toEqual([
      { territory_code: '018110', numerator: paviaTotals.m, denominator: paviaTotals.f },
      { territory_code: '019036', numerator: cremonaM, denominator: cremonaF },
    ]);
    const sources = await querySnapshot(stateDir, `SELECT source_id FROM indicator_source WHERE indicator_code = 'DEM_MASC' AND year = 2022 ORDER BY 1`);
    expect(sources).toEqual([{ source_id: 'istat_posas' }, { source_id: 'pop_italia_2022_sesso' }]);
  });

  it('warns where the sources disagree beyond the tolerance, showing both values, and only there', async () => {
    const stateDir = await loaded();
    const issues = await querySnapshot<{ territory_code: string; message: string }>(
      stateDir,
      `SELECT territory_code, message FROM quality_issue WHERE rule = 'sources-disagree' ORDER BY message`,
    );
    const [paviaT, paviaF, paviaM] = fixturePopulation.bySex2022['18110']!;
    const pct = (other: number, chosen: number) => `${(other - chosen) / chosen >= 0 ? '+' : ''}${(((other - chosen) / chosen) * 100).toFixed(2)}%`;
    const expected = [
      ['F', paviaTotals.f, paviaF],
      ['M', paviaTotals.m, paviaM],
      ['T', paviaTotals.t, paviaT],
    ].map(([sex, chosen, other]) =>
      `pop_res ${sex} TOT of 018110 in 2022: istat_posas gives ${(chosen as number).toFixed(1)}, pop_italia_2022_sesso gives ${(other as number).toFixed(1)} (${pct(other as number, chosen as number)}); istat_posas is used, as sources.yaml prefers it`);
    expect(issues).toEqual(expected.map((message) => ({ territory_code: '018110', message })));
  });
});
