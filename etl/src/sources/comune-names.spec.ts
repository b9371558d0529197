import { describe, expect, it } from 'vitest';
import { buildCrosswalk } from '../model/crosswalk.js';
import { buildComuneNameMatcher, describeUnmatchedNames, looseComuneName, normaliseComuneName, type CurrentComuneName, type NameMatch, type NameQuery } from './comune-names.js';

const COMUNI: CurrentComuneName[] = [
  { code: '001001', name: 'Agliè', provinciaCode: '201' },
  { code: '016065', name: 'Castro', provinciaCode: '016' },
  { code: '016250', name: 'Medolago', provinciaCode: '016' },
  { code: '018023', name: 'Bressana Bottarone', provinciaCode: '018' },
  { code: '018026', name: 'Campospinoso Albaredo', provinciaCode: '018' },
  { code: '018110', name: 'Pavia', provinciaCode: '018' },
  { code: '018122', name: 'Rivanazzano Terme', provinciaCode: '018' },
  { code: '018144', name: "Sant'Angelo Lomellina", provinciaCode: '018' },
  { code: '018177', name: 'Vigevano', provinciaCode: '018' },
  { code: '018191', name: 'Cornale e Bastida', provinciaCode: '018' },
  { code: '021008', name: 'Bolzano', nameOther: 'Bozen', provinciaCode: '021' },
  { code: '032001', name: 'Duino Aurisina', nameOther: 'Devin Nabrežina', provinciaCode: '032' },
  { code: '035033', name: "Reggio nell'Emilia", nameOther: null, provinciaCode: '035' },
  { code: '075096', name: 'Castro', provinciaCode: '075' },
  { code: '080063', name: 'Reggio di Calabria', provinciaCode: '080' },
  { code: '098050', name: "Sant'Angelo Lodigiano", provinciaCode: '098' },
];
// As gi_comuni_validita writes them: upper case, accents as apostrophes; renames under made-up codes.
const HISTORY = [
  { code: '001001', name: "AGLIE'", validFrom: '1945-10-05', validTo: null },
  { code: '018002', name: 'ALBAREDO ARNABOLDI', validFrom: '1863-03-30', validTo: '2023-12-31' },
  { code: '018026', name: 'CAMPOSPINOSO', validFrom: '1861-03-17', validTo: '2023-11-17' },
  { code: '018055', name: 'CORNALE', validFrom: '1861-03-17', validTo: '2014-02-03' },
  { code: '018570', name: 'RIVANAZZANO', validFrom: '1861-03-17', validTo: '2009-07-29' },
];
const SUPPRESSED = [
  { code: '018002', name: 'Albaredo Arnaboldi', date: '2023-11-18', newCode: '018026', split: false },
  { code: '018055', name: 'Cornale', date: '2014-02-04', newCode: '018191', split: false },
  { code: '018010', name: "Bastida de' Dossi", date: '2014-02-04', newCode: '018191', split: false },
  { code: '016181', name: "Riviera d'Adda", date: '1970-03-17', newCode: '016250', split: true },
];

const matcher = buildComuneNameMatcher({
  comuni: COMUNI,
  history: HISTORY,
  suppressed: SUPPRESSED,
  successors: buildCrosswalk(SUPPRESSED, new Set(COMUNI.map((c) => c.code))),
});
const only = (query: string | NameQuery, provinciaCodes?: string[]): NameMatch => {
  const { results } = matcher.match([query], provinciaCodes ? { provinciaCodes } : {});
  expect(results).toHaveLength(1);
  return results[0]!;
};
const matched = (result: NameMatch) => (result.status === 'matched' ? [result.match.code, result.match.how] : [result.status]);

describe('normaliseComuneName', () => {
  it.each(['S. Angelo Lomellina', "Sant'Angelo Lomellina", 'SANT’ANGELO LOMELLINA', 'Sant` Angelo   Lomellina', 'S.Angelo Lomellina', 'Santo Angelo-Lomellina', 'San Angelo Lomellina'])('writes "%s" as "s angelo lomellina"', (name) => {
    expect(normaliseComuneName(name)).toBe('s angelo lomellina');
  });

  it('drops accents, and the apostrophe that upper-case lists write for them', () => {
    expect(normaliseComuneName('Agliè')).toBe('aglie');
    expect(normaliseComuneName("AGLIE'")).toBe('aglie');
    expect(normaliseComuneName('Devin Nabrežina')).toBe('devin nabrezina');
    expect(normaliseComuneName("Bastida de' Dossi")).toBe('bastida de dossi');
  });

  it('keeps other words, so that different names stay different', () => {
    expect(normaliseComuneName("Reggio nell'Emilia")).toBe('reggio nell emilia');
    expect(normaliseComuneName('Santi Cosma e Damiano')).toBe('ss cosma e damiano');
    expect(normaliseComuneName('Sante Marie')).toBe('sante marie');
  });

  it('loosely, also without articles, prepositions and spaces', () => {
    expect(looseComuneName("Reggio nell'Emilia")).toBe(looseComuneName('Reggio Emilia'));
    expect(looseComuneName('Reggio di Calabria')).toBe(looseComuneName('REGGIO CALABRIA'));
    expect(looseComuneName('Pieve Porto Morone')).toBe(looseComuneName('Pieveportomorone'));
  });
});

describe('buildComuneNameMatcher', () => {
  it.each([
    ['Bressana Bottarone', '018023', 'exact'],
    ['CORNALE E BASTIDA', '018191', 'normalised'],
    ['S. Angelo Lomellina', '018144', 'normalised'],
    ['Sant’Angelo Lodigiano', '098050', 'normalised'],
    ['agliè', '001001', 'normalised'],
    ['Bolzano/Bozen', '021008', 'exact'],
    ['BOZEN - BOLZANO', '021008', 'normalised'],
    ['Bozen', '021008', 'second-language'],
    ['Duino Aurisina-Devin Nabrežina', '032001', 'exact'],
    ['Reggio Emilia', '035033', 'loose'],
    ['Reggio Calabria', '080063', 'loose'],
    ['Campospinoso', '018026', 'former-name'],
    ['Albaredo Arnaboldi', '018026', 'successor'],
    ['Cornale', '018191', 'successor'],
    ['Bastida dei Dossi', '018191', 'loose'],
  ])('matches "%s" to %s (%s)', (name, code, how) => {
    expect(matched(only(name))).toEqual([code, how]);
  });

  it('tells which historical name a successor was found through', () => {
    expect(only('ALBAREDO ARNABOLDI')).toEqual({
      status: 'matched',
      query: { name: 'ALBAREDO ARNABOLDI' },
      match: { code: '018026', name: 'Campospinoso Albaredo', provinciaCode: '018', how: 'successor', via: { code: '018002', name: 'ALBAREDO ARNABOLDI', validTo: '2023-12-31' } },
    });
  });

  it('matches one half of a bilingual name when the list gives only the Italian name', () => {
    const italianOnly = buildComuneNameMatcher({ comuni: COMUNI.map((c) => ({ ...c, nameOther: null })) });
    expect(matched(italianOnly.match(['Bolzano/Bozen']).results[0]!)).toEqual(['021008', 'bilingual-half']);
    expect(matched(italianOnly.match(['Duino Aurisina - Devin Nabrežina']).results[0]!)).toEqual(['032001', 'bilingual-half']);
    expect(italianOnly.match(['Pavia/Vigevano']).results[0]).toMatchObject({ status: 'ambiguous', candidates: [{ code: '018110' }, { code: '018177' }] });
  });

  it('reports a name of two comuni as ambiguous, and places it with a provincia or a scope', () => {
    expect(only('Castro')).toEqual({
      status: 'ambiguous',
      query: { name: 'Castro' },
      candidates: [
        { code: '016065', name: 'Castro', provinciaCode: '016', how: 'exact' },
        { code: '075096', name: 'Castro', provinciaCode: '075', how: 'exact' },
      ],
    });
    expect(matched(only({ name: 'Castro', provinciaCode: '075' }))).toEqual(['075096', 'exact']);
    expect(matched(only('CASTRO', ['016', '017']))).toEqual(['016065', 'normalised']);
    expect(only({ name: 'Castro', provinciaCode: '018' })).toMatchObject({ status: 'unmatched', outOfScope: [{ code: '016065' }, { code: '075096' }] });
  });

  it('does not place a name by a comune of the same name outside the scope', () => {
    expect(only('Bressana Bottarone', ['016'])).toMatchObject({ status: 'unmatched', outOfScope: [{ code: '018023' }] });
  });

  it('says why a historical name leads to no current comune', () => {
    expect(only('Rivanazzano')).toEqual({
      status: 'unmatched',
      query: { name: 'Rivanazzano' },
      reasons: ['"RIVANAZZANO" was comune 018570 until 2009-07-29, which is neither current nor in the list of suppressed comuni'],
      outOfScope: [],
    });
    expect(only("Riviera d'Adda")).toMatchObject({ status: 'unmatched', reasons: ['"Riviera d\'Adda" was comune 016181 until 1970-03-17, split among several comuni on 1970-03-17'] });
  });

  it('answers once for each distinct name, in order, and lists every name it could not place', () => {
    const report = matcher.match(['Pavia', 'Castro', 'Atlantide', 'Pavia', '  ', { name: 'Castro', provinciaCode: '016' }, 'Rivanazzano']);
    expect(report.results.map((r) => [r.query.name, r.status])).toEqual([
      ['Pavia', 'matched'],
      ['Castro', 'ambiguous'],
      ['Atlantide', 'unmatched'],
      ['  ', 'unmatched'],
      ['Castro', 'matched'],
      ['Rivanazzano', 'unmatched'],
    ]);
    expect(report.ambiguous.map((r) => r.query.name)).toEqual(['Castro']);
    expect(report.unmatched.map((r) => r.query.name)).toEqual(['Atlantide', '  ', 'Rivanazzano']);
    expect(describeUnmatchedNames(report)).toEqual([
      '"Castro": ambiguous, 2 comuni match it: 016065 Castro (provincia 016), 075096 Castro (provincia 075); expected one, give the provincia',
      '"Atlantide": no current comune has this name',
      '"  ": no current comune has this name; the name is empty',
      '"Rivanazzano": no current comune has this name; "RIVANAZZANO" was comune 018570 until 2009-07-29, which is neither current nor in the list of suppressed comuni',
    ]);
  });

  it('prefers an Italian name to the same name in the second language of another comune', () => {
    const corvara = buildComuneNameMatcher({
      comuni: [
        { code: '021026', name: 'Corvara in Badia', nameOther: 'Corvara', provinciaCode: '021' },
        { code: '068016', name: 'Corvara', provinciaCode: '068' },
      ],
    });
    expect(matched(corvara.match(['Corvara']).results[0]!)).toEqual(['068016', 'exact']);
    expect(matched(corvara.match(['CORVARA'], { provinciaCodes: ['021'] }).results[0]!)).toEqual(['021026', 'second-language']);
  });

  it('prefers the current name to a historical one', () => {
    // Campospinoso Albaredo was also a comune of 1928-1948 (018815), split when it was suppressed.
    const withOldNamesake = buildComuneNameMatcher({
      comuni: COMUNI,
      suppressed: [{ code: '018815', name: 'Campospinoso Albaredo', date: '1948-02-10' }],
      successors: new Map([['018815', { newCode: null, eventDate: '1948-02-10', split: true }]]),
    });
    expect(matched(withOldNamesake.match(['CAMPOSPINOSO ALBAREDO']).results[0]!)).toEqual(['018026', 'normalised']);
  });
});
