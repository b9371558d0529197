/**
 * The values of the catalogue's indicators on ISTAT POSAS and STRASA and MEF IRPEF files written in the
 * fixture, against sums of the single ages and the cells written here, for the comuni of provincia 018.
 */
import { describe, expect, it } from 'vitest';
import { posas, posasComune, posasRows, type PosasComune } from '../../../etl/src/sources/testing/fixtures.js';
import { fixturePopulation } from '../../../etl/src/testing/data-folder.js';
import { getJson } from '../testing/http.js';
import { serveSnapshotDuringSuite } from '../testing/test-server.js';

const NAMES: Record<string, string> = { '018110': 'Pavia', '018177': 'Vigevano', '018193': 'Colli Verdi', '018026': 'Campospinoso Albaredo', '019036': 'Cremona' };
const PROVINCIA_018 = ['018026', '018110', '018177', '018193'];
const seedFor = (code: string) => Math.round(fixturePopulation.bySex2022[String(Number(code))]![0] / 180);
const residents2024 = Object.entries(NAMES).map(([code, name]) => posasComune(code, name, seedFor(code)));
const foreign = (year: number) => Object.entries(NAMES).map(([code, name]) => posasComune(code, name, Math.max(1, Math.round(seedFor(code) / (year === 2024 ? 9 : 12)))));
const foreign2019 = foreign(2019);
const foreign2024 = foreign(2024);

// MEF IRPEF for tax year 2024, for the comuni of provincia 018 (a file covering part of one is refused): Cremona has no income values.
const IRPEF: Record<string, { contribuenti: number; imponibileN: number; imponibileEuro: number; finoZero: number; zeroDieci: number }> = {
  '018110': { contribuenti: 52000, imponibileN: 50100, imponibileEuro: 1302600000.5, finoZero: 410, zeroDieci: 9200 },
  '018177': { contribuenti: 45100, imponibileN: 43900, imponibileEuro: 990250000.25, finoZero: 520, zeroDieci: 9900 },
  '018193': { contribuenti: 820, imponibileN: 790, imponibileEuro: 14100000, finoZero: 9, zeroDieci: 190 },
  '018026': { contribuenti: 640, imponibileN: 611, imponibileEuro: 12050000.75, finoZero: 7, zeroDieci: 150 },
};
function mefFile(): string {
  const header = ['Anno di imposta', 'Codice catastale', 'Codice Istat Comune', 'Denominazione Comune', 'Sigla Provincia', 'Regione', 'Codice Istat Regione', 'Numero contribuenti', 'Reddito imponibile - Frequenza', 'Reddito imponibile - Ammontare in euro', 'Reddito complessivo minore o uguale a zero euro - Frequenza', 'Reddito complessivo da 0 a 10000 euro - Frequenza'];
  const euro = (n: number) => n.toFixed(2).replace('.', ',');
  const rows = Object.entries(IRPEF).map(([code, r]) => [2024, 'X000', Number(code), NAMES[code]!.toUpperCase(), 'PV', 'Lombardia', 3, r.contribuenti, r.imponibileN, euro(r.imponibileEuro), r.finoZero, r.zeroDieci].join(';'));
  return `${[header.join(';'), ...rows].join('\n')}\n`;
}

const server = serveSnapshotDuringSuite({
  data: {
    overrides: {
      'population/POSAS_2024_it_Comuni.csv': posas(posasRows(residents2024), 2024),
      'population/STRASA_2019_it_Comuni.csv': posas(posasRows(foreign2019), 2019),
      'population/STRASA_2024_it_Comuni.csv': posas(posasRows(foreign2024), 2024),
      'income/Redditi_e_principali_variabili_IRPEF_su_base_comunale_CSV_2024.csv': mefFile(),
    },
  },
});

type Sex = 'T' | 'M' | 'F';
/** Σ of the single ages from..to (100 = 100 and over) written for a comune. */
function ages(comuni: readonly PosasComune[], code: string, from: number, to = 100, sex: Sex = 'T'): number {
  const c = comuni.find((x) => x.code === code)!;
  const pick = (values: readonly number[]) => values.slice(from, to + 1).reduce((a, b) => a + b, 0);
  return (sex === 'F' ? 0 : pick(c.males)) + (sex === 'M' ? 0 : pick(c.females));
}
const pop = (code: string, from = 0, to = 100, sex: Sex = 'T') => ages(residents2024, code, from, to, sex);
const str = (code: string, from = 0, to = 100) => ages(foreign2024, code, from, to);
/** Residents on 1 January 2019 from the wide file, old codes merged into each current comune summed. */
const pop2019 = (code: string) => (code === '018026' ? ['018026', '018002'] : [code]).reduce((sum, c) => sum + Number(fixturePopulation.wide[c]![1]), 0);

interface Expected { numerator: number; denominator: number }
const EXPECTED: Record<string, { multiplier: number; parts: (code: string) => Expected | null }> = {
  DEM02: { multiplier: 100, parts: (c) => ({ numerator: pop(c, 0, 14) + pop(c, 65), denominator: pop(c, 15, 64) }) },
  DEM08: { multiplier: 100, parts: (c) => ({ numerator: pop(c, 0, 5), denominator: pop(c) }) },
  DEM09: { multiplier: 100, parts: (c) => ({ numerator: pop(c, 0, 4), denominator: pop(c, 15, 49, 'F') }) },
  DEM10: { multiplier: 100, parts: (c) => ({ numerator: pop(c) - pop2019(c), denominator: pop2019(c) }) },
  DEM12: { multiplier: 100, parts: (c) => ({ numerator: pop(c, 40, 64), denominator: pop(c, 15, 39) }) },
  DEM13: { multiplier: 100, parts: (c) => ({ numerator: pop(c, 60, 64), denominator: pop(c, 15, 19) }) },
  DEM14: { multiplier: 100, parts: (c) => ({ numerator: pop(c, 65), denominator: pop(c) }) },
  DEM15: { multiplier: 100, parts: (c) => ({ numerator: pop(c, 85), denominator: pop(c, 65) }) },
  IMM01: { multiplier: 100, parts: (c) => ({ numerator: str(c, 0, 17), denominator: str(c) }) },
  IMM02: { multiplier: 100, parts: (c) => ({ numerator: str(c, 0, 17), denominator: pop(c, 0, 17) }) },
  IMM03: { multiplier: 100, parts: (c) => ({ numerator: str(c) - ages(foreign2019, c, 0), denominator: ages(foreign2019, c, 0) }) },
  ECO02: { multiplier: 1, parts: (c) => (IRPEF[c] ? { numerator: IRPEF[c].imponibileEuro, denominator: pop(c) } : null) },
  ECO04: { multiplier: 100, parts: (c) => (IRPEF[c] ? { numerator: IRPEF[c].finoZero, denominator: IRPEF[c].contribuenti } : null) },
};

describe('values of the catalogue on single ages, foreign residents and incomes (2024)', () => {
  it.each(Object.keys(EXPECTED))('%s: Σnumerator ÷ Σdenominator × multiplier for each comune of provincia 018', async (code) => {
    const { status, body } = await getJson(`${server.url}/api/indicators/${code}/values?level=comune&parent=018&year=2024`);
    expect(status).toBe(200);
    expect(body.indicator).toMatchObject({ code, available: true, unavailableReason: null });
    const { multiplier, parts } = EXPECTED[code]!;
    expect(body.indicator.multiplier).toBe(multiplier);
    expect(body.rows.map((r: { code: string }) => r.code).sort()).toEqual(PROVINCIA_018);
    for (const row of body.rows as { code: string; numerator: number | null; denominator: number | null; value: number | null }[]) {
      const expected = parts(row.code);
      if (expected === null) throw new Error(`the fixture gives ${code} no value for ${row.code}`);
      expect(row.numerator).toBeCloseTo(expected.numerator, 6);
      expect(row.denominator).toBeCloseTo(expected.denominator, 6);
      expect(row.value).toBeCloseTo((expected.numerator / expected.denominator) * multiplier, 8);
    }
    // The provincia, as benchmark, is Σ÷Σ over its comuni.
    const withData = PROVINCIA_018.map(parts).filter((p): p is Expected => p !== null);
    const sum = (key: keyof Expected) => withData.reduce((a, p) => a + p[key], 0);
    expect(body.benchmark.value).toBeCloseTo((sum('numerator') / sum('denominator')) * multiplier, 8);
  });

  it('gives a comune without an income row no value, not zero', async () => {
    const { body } = await getJson(`${server.url}/api/indicators/ECO04/values?level=comune&parent=019&year=2024`);
    expect(body.rows).toEqual([expect.objectContaining({ code: '019036', numerator: null, denominator: null, value: null, comuniWithData: 0 })]);
  });

  it('publishes as unavailable, with the reason, only the indicators whose variables no file gives', async () => {
    const { body } = await getJson(`${server.url}/api/indicators`);
    const unavailable = body.rows.filter((r: { available: boolean }) => !r.available).map((r: { code: string }) => r.code);
    // Services and their users: no file of this fixture gives them (nor does any connector read most of them yet).
    expect(new Set(unavailable)).toEqual(new Set(['SUP06', 'EXP01', 'SUP01', 'SUP02', 'SUP03', 'DIS01', 'DIS02', 'POV01', 'DIP01', 'SMT01']));
    const sup02 = body.rows.find((r: { code: string }) => r.code === 'SUP02');
    expect(sup02.unavailableReason.it).toBe('Nessuna fonte caricata fornisce i dati «Posti letto in RSA» (Registri regionali delle RSA accreditate).');
  });
});
