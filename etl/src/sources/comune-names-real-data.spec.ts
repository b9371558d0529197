import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { describeIf, realData } from '../../../test/support/requirements.js';
import { buildCrosswalk } from '../model/crosswalk.js';
import { buildComuneNameMatcher, type ComuneNameMatcher, type NameMatch, type NameQuery } from './comune-names.js';
import { loadSourceCatalog } from './descriptor.js';
import { readSource, type ComuneRecord, type ComuneValidityRecord, type SuppressedRecord } from './read-source.js';
import { territoryDescriptorOf, PROJECT_SOURCES_YAML } from './testing/fixtures.js';

// The real published files live outside the repository; they are read where the user points.
const dataDir = process.env.OSSERVATORIO_DATA_DIR;

describeIf(realData)('comune names matched onto codes with the real gi_comuni, its history and ISTAT suppressed comuni', () => {
  let comuni: ComuneRecord[];
  let history: ComuneValidityRecord[];
  let matcher: ComuneNameMatcher;
  beforeAll(async () => {
    const catalog = await loadSourceCatalog(PROJECT_SOURCES_YAML);
    const read = async (id: string) => (await readSource(territoryDescriptorOf(catalog, id), dataDir!)).records;
    comuni = (await read('gi_comuni')) as ComuneRecord[];
    history = (await read('gi_comuni_validita')) as ComuneValidityRecord[];
    const suppressed = (await read('istat_soppressi')) as SuppressedRecord[];
    matcher = buildComuneNameMatcher({ comuni, history, suppressed, successors: buildCrosswalk(suppressed, new Set(comuni.map((c) => c.code))) });
  });
  const codeOf = (result: NameMatch) => (result.status === 'matched' ? result.match.code : result.status);
  const one = (query: string | NameQuery) => matcher.match([query]).results[0]!;

  it('reads every comune of gi_comuni.csv: one per data line', async () => {
    const lines = (await readFile(path.join(dataDir!, 'territory/gi_comuni.csv'), 'utf8')).split('\n').filter((line) => line.trim() !== '');
    expect(comuni).toHaveLength(lines.length - 1);
    expect(comuni.length).toBeGreaterThan(7800);
  });

  it('matches every current name of Italy, with its provincia, to its own code: as written, in upper case, in both languages', () => {
    const ownCode = new Map<string, string>();
    for (const c of comuni) {
      const forms = [c.name, c.name.toUpperCase(), ...(c.nameOther ? [`${c.name}/${c.nameOther}`, c.nameOther] : [])];
      for (const name of forms) ownCode.set(`${name}|${c.provinciaCode}`, c.code);
    }
    const queries = [...ownCode.keys()].map((key): NameQuery => ({ name: key.split('|')[0]!, provinciaCode: key.split('|')[1]! }));
    const wrong = matcher.match(queries).results.filter((r) => codeOf(r) !== ownCode.get(`${r.query.name}|${r.query.provinciaCode}`));
    expect(wrong).toEqual([]);
    expect(queries.length).toBeGreaterThan(2 * comuni.length);
    expect(comuni.filter((c) => c.nameOther !== null).length).toBeGreaterThan(100);
  });

  it('without a provincia, matches each name to its own code, except names of several comuni, reported as ambiguous with all of them', () => {
    const byName = new Map<string, ComuneRecord[]>();
    for (const c of comuni) byName.set(c.name, [...(byName.get(c.name) ?? []), c]);
    const shared = [...byName].filter(([, group]) => group.length > 1);
    expect(shared.map(([name]) => name)).toEqual(expect.arrayContaining(['Castro', 'Samone', 'Peglio']));
    const report = matcher.match(byName.keys());
    for (const result of report.results) {
      const group = byName.get(result.query.name)!;
      if (group.length === 1) expect(codeOf(result), result.query.name).toBe(group[0]!.code);
      else expect(result.status === 'ambiguous' ? result.candidates.map((c) => c.code).sort() : result.status).toEqual(group.map((c) => c.code).sort());
    }
    expect(report.ambiguous).toHaveLength(shared.length);
    expect(report.unmatched).toEqual([]);
  });

  it('matches the name each current code has in the validity history (upper case, accents as apostrophes) to that code', () => {
    const provincia = new Map(comuni.map((c) => [c.code, c.provinciaCode]));
    const open = history.filter((h) => h.validTo === null && provincia.has(h.code));
    expect(open.length).toBeGreaterThan(7800);
    const results = matcher.match(open.map((h) => ({ name: h.name, provinciaCode: provincia.get(h.code)! }))).results;
    const codeByQuery = new Map(open.map((h) => [`${h.name}|${provincia.get(h.code)}`, h.code]));
    expect(results.filter((r) => codeOf(r) !== codeByQuery.get(`${r.query.name}|${r.query.provinciaCode}`))).toEqual([]);
  });

  it.each([
    ['S. Angelo Lomellina', '018144', 'normalised'],
    ["Sant'Angelo Lomellina", '018144', 'exact'],
    ['CORNALE E BASTIDA', '018191', 'normalised'],
    ['Bressana Bottarone', '018023', 'exact'],
    ['Bolzano/Bozen', '021008', 'exact'],
    ["Reggio nell'Emilia", '035033', 'exact'],
    ['Reggio Emilia', '035033', 'loose'],
    ['Albaredo Arnaboldi', '018026', 'successor'],
    ['Cornale', '018191', 'successor'],
    ["Bastida de' Dossi", '018191', 'successor'],
    ['Campospinoso', '018026', 'former-name'],
  ])('matches "%s" to %s (%s)', (name, code, how) => {
    expect(one(name)).toMatchObject({ status: 'matched', match: { code, how } });
  });

  it.each([
    ['Castro', '016', '016065'],
    ['Samone', '022', '022165'],
    ['Peglio', '041', '041041'],
  ])('reports "%s" as ambiguous across Italy, and places it in provincia %s', (name, provinciaCode, code) => {
    expect(one(name)).toMatchObject({ status: 'ambiguous', candidates: [expect.anything(), expect.anything()] });
    expect(codeOf(one({ name, provinciaCode }))).toBe(code);
  });

  it('says why Rivanazzano, renamed Rivanazzano Terme in 2009 under a new code, is not matched', () => {
    expect(one({ name: 'Rivanazzano', provinciaCode: '018' })).toMatchObject({
      status: 'unmatched',
      reasons: ['"RIVANAZZANO" was comune 018570 until 2009-07-29, which is neither current nor in the list of suppressed comuni'],
    });
  });
});
