import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { posas, posasComune, posasRows, type PosasComune } from '../../etl/src/sources/testing/fixtures.js';
import { fixturePopulation, writeFixtureDataFolder } from '../../etl/src/testing/data-folder.js';
import { load, newStateDir, querySnapshot } from '../support/etl.js';

// Residents by age on 1 January 2024 for every current comune of the fixture, near their 2022 totals.
const NAMES: Record<string, string> = { '018110': 'Pavia', '018177': 'Vigevano', '018193': 'Colli Verdi', '018026': 'Campospinoso Albaredo', '019036': 'Cremona' };
const unitTotal = (() => {
  const c = posasComune('000000', 'x', 1000);
  return [...c.males, ...c.females].reduce((a, b) => a + b, 0) / 1000;
})();
const POSAS_2024: PosasComune[] = Object.entries(NAMES).map(([code, name]) => posasComune(code, name, Math.round(fixturePopulation.bySex2022[String(Number(code))]![0] / unitTotal)));
const sumAges = (c: PosasComune, from: number, to: number) => c.males.slice(from, to + 1).concat(c.females.slice(from, to + 1)).reduce((a, b) => a + b, 0);

// The RSA register as the Lombardia example descriptor reads it: names as registers write them, one
// row per structure, other types of unit listed too.
const RSA = [
  ['ATS', 'PROVINCIA', 'COMUNE', 'DENOMINAZIONE', 'TIPOLOGIA UDO', 'POSTI LETTO ACCREDITATI'],
  ['ATS Pavia', 'PV', 'PAVIA', 'RSA San Giorgio', 'RSA', '120'],
  ['ATS Pavia', 'PV', 'Pavia', 'RSA Villa Flora', 'R.S.A.', '80'],
  ['ATS Pavia', 'PV', 'Pavia', 'CDI Il Ponte', 'CDI', '30'],
  ['ATS Pavia', 'PV', 'VIGEVANO', 'RSA Ducale', 'RSA', '150'],
  ['ATS Pavia', 'PV', 'ALBAREDO ARNABOLDI', 'RSA Le Querce', 'RSA', '40'],
  ['ATS Pavia', 'PV', 'Campospinoso Albaredo', 'RSA Il Glicine', 'RSA', '20'],
  ['ATS Val Padana', 'CR', 'CREMONA', '"RSA Cremona, Ospedale Vecchio"', 'RSA', '200'],
];
const BEDS: Record<string, number> = { '018026': 60, '018110': 200, '018177': 150, '018193': 0, '019036': 200 };

async function nurseryWorkbook(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Unità di offerta');
  sheet.addRow(['PROVINCIA', 'COMUNE', 'DENOMINAZIONE', 'TIPOLOGIA', 'POSTI AUTORIZZATI']);
  sheet.addRow(['PV', 'PAVIA', 'Nido Aquilone', 'Asilo nido', 60]);
  sheet.addRow(['PV', 'Pavia', 'Micronido Coccinella', 'Micronido', 10]);
  sheet.addRow(['PV', 'Pavia', 'Centro Gioco', 'Centro prima infanzia', 20]);
  sheet.addRow(['PV', 'COLLI VERDI', 'Nido Colline', 'Asilo nido', 12]);
  sheet.addRow(['PV', 'RUINO', 'Nido Ruino', 'Asilo nido', 8]);
  return new Uint8Array(await book.xlsx.writeBuffer());
}
// Ruino merged into Colli Verdi in 2019: its nursery counts there. The register covers all of Lombardia
// (covers: '03'), so the comuni it does not list have no nursery: 0 places, not a gap.
const PLACES: Record<string, number> = { '018026': 0, '018110': 70, '018177': 0, '018193': 20, '019036': 0 };

describe('ETL load with regional registers of services', () => {
  it('publishes RSA beds per 100 residents aged 75+ and nursery places per 100 children aged 0-2, from a CSV and an XLSX register', async () => {
    const stateDir = await newStateDir();
    const dataDir = await writeFixtureDataFolder({
      overrides: {
        'population/POSAS_2024_it_Comuni.csv': posas(posasRows(POSAS_2024), 2024),
        'registers/lombardia_rsa.csv': RSA.map((row) => row.join(',')).join('\n') + '\n',
        'registers/lombardia_nidi.xlsx': await nurseryWorkbook(),
      },
    });
    const outcome = await load(stateDir, dataDir);
    expect(outcome.kind).toBe('published');

    const parts = await querySnapshot<{ indicator_code: string; territory_code: string; numerator: number; denominator: number }>(
      stateDir,
      `SELECT indicator_code, territory_code, numerator, denominator FROM indicator_part
       WHERE indicator_code IN ('SUP01', 'SUP02') AND year = 2024 AND length(territory_code) = 6 ORDER BY indicator_code, territory_code`,
    );
    const comune = (code: string) => POSAS_2024.find((c) => c.code === code)!;
    expect(parts).toEqual([
      ...Object.entries(PLACES).map(([code, places]) => ({ indicator_code: 'SUP01', territory_code: code, numerator: places, denominator: sumAges(comune(code), 0, 2) })),
      ...Object.entries(BEDS).map(([code, beds]) => ({ indicator_code: 'SUP02', territory_code: code, numerator: beds, denominator: sumAges(comune(code), 75, 100) })),
    ]);

    // Where each value came from: the register files, under the codes the names were matched to.
    const origins = await querySnapshot<{ source_id: string; code: string; value: number }>(
      stateDir,
      `SELECT source_id, territory_code AS code, value FROM observation WHERE variable IN ('posti_rsa', 'posti_nido') ORDER BY source_id, code`,
    );
    expect(origins).toEqual([
      ...Object.entries(PLACES).map(([code, value]) => ({ source_id: 'lombardia_nidi', code, value })),
      ...Object.entries(BEDS).map(([code, value]) => ({ source_id: 'lombardia_rsa', code, value })),
    ]);
  });
});
