import { describe, expect, it } from 'vitest';
import { buildCrosswalk, renumberedComuni } from './crosswalk.js';
import { ALBAREDO_INCORPORATION, COLLI_VERDI_MERGER, CURRENT_CODES, suppression, validity } from './testing/territory.js';

describe('buildCrosswalk', () => {
  it('maps each comune of a merger onto the new comune, with the date of the merger', () => {
    const crosswalk = buildCrosswalk(COLLI_VERDI_MERGER, CURRENT_CODES);
    expect([...crosswalk.values()]).toEqual([
      { oldCode: '018028', newCode: '018193', eventDate: '2019-01-01', split: false, kind: 'suppression' },
      { oldCode: '018132', newCode: '018193', eventDate: '2019-01-01', split: false, kind: 'suppression' },
      { oldCode: '018170', newCode: '018193', eventDate: '2019-01-01', split: false, kind: 'suppression' },
    ]);
  });

  it('maps an incorporated comune onto the comune that took it in', () => {
    const crosswalk = buildCrosswalk([ALBAREDO_INCORPORATION], CURRENT_CODES);
    expect(crosswalk.get('018002')).toEqual({ oldCode: '018002', newCode: '018026', eventDate: '2023-11-18', split: false, kind: 'suppression' });
    expect(crosswalk.has('018026')).toBe(false);
  });

  it('follows a chain to the current comune and keeps the date the old comune itself was suppressed', () => {
    // Villalunga went into Torre del Mangano in 1871, which went into Certosa di Pavia (current) in 1929.
    const crosswalk = buildCrosswalk(
      [suppression('018886', 'Villalunga', '1871-06-01', '018874'), suppression('018874', 'Torre del Mangano', '1929-03-21', '018046')],
      new Set(['018046']),
    );
    expect(crosswalk.get('018886')).toEqual({ oldCode: '018886', newCode: '018046', eventDate: '1871-06-01', split: false, kind: 'suppression' });
    expect(crosswalk.get('018874')).toEqual({ oldCode: '018874', newCode: '018046', eventDate: '1929-03-21', split: false, kind: 'suppression' });
  });

  it('follows a chain whatever the order of the rows (A → B in 1928, B → C in 2019 gives A → C from 1928)', () => {
    const events = [suppression('018901', 'A', '1928-07-28', '018028'), ...COLLI_VERDI_MERGER];
    for (const ordered of [events, [...events].reverse()]) {
      expect(buildCrosswalk(ordered, CURRENT_CODES).get('018901')).toEqual({ oldCode: '018901', newCode: '018193', eventDate: '1928-07-28', split: false, kind: 'suppression' });
    }
  });

  it('uses only the latest event of a code', () => {
    const crosswalk = buildCrosswalk(
      [suppression('018901', 'A', '1928-07-28', '018110'), suppression('018901', 'A', '1950-01-01', '018177')],
      CURRENT_CODES,
    );
    expect(crosswalk.get('018901')).toMatchObject({ newCode: '018177', eventDate: '1950-01-01' });
  });

  it('marks a comune split among several comuni (several targets on its last date) as untraceable', () => {
    // Fossarmato was split between Giussago (018060) and Pavia (018110) in 1939; here the split flag is not set.
    const crosswalk = buildCrosswalk(
      [suppression('018833', 'Fossarmato', '1939-07-13', '018060'), suppression('018833', 'Fossarmato', '1939-07-13', '018110')],
      new Set(['018060', '018110']),
    );
    expect(crosswalk.get('018833')).toEqual({ oldCode: '018833', newCode: null, eventDate: '1939-07-13', split: true, kind: 'suppression' });
  });

  it('marks a comune flagged as split (scorporo) as untraceable even with one target', () => {
    const crosswalk = buildCrosswalk([suppression('016181', "Riviera d'Adda", '1970-03-17', '016250', true)], new Set(['016250']));
    expect(crosswalk.get('016181')).toEqual({ oldCode: '016181', newCode: null, eventDate: '1970-03-17', split: true, kind: 'suppression' });
  });

  it('carries a split down a chain: a comune merged into one that was later split is untraceable', () => {
    // Ca' della Terra went into Fossarmato in 1871; Fossarmato was split in 1939.
    const crosswalk = buildCrosswalk(
      [
        suppression('018809', "Ca' della Terra", '1871-06-01', '018833'),
        suppression('018833', 'Fossarmato', '1939-07-13', '018060', true),
        suppression('018833', 'Fossarmato', '1939-07-13', '018110', true),
      ],
      new Set(['018060', '018110']),
    );
    expect(crosswalk.get('018809')).toEqual({ oldCode: '018809', newCode: null, eventDate: '1871-06-01', split: true, kind: 'suppression' });
  });

  it('does not map a code that is current again', () => {
    // Agliè was suppressed in 1927 and re-established in 1945 (the receiving code here is illustrative).
    const crosswalk = buildCrosswalk([suppression('001001', 'Agliè', '1927-01-11', '001066')], new Set(['001001', '001066']));
    expect(crosswalk.size).toBe(0);
  });

  it('stops a chain at a code that is current again', () => {
    const crosswalk = buildCrosswalk(
      [suppression('018901', 'A', '1928-07-28', '018902'), suppression('018902', 'B', '1930-01-01', '018110')],
      new Set(['018902', '018110']),
    );
    expect(crosswalk.get('018901')).toMatchObject({ newCode: '018902', split: false, kind: 'suppression' });
    expect(crosswalk.has('018902')).toBe(false);
  });

  it('gives no successor to a code suppressed into one that is neither current nor suppressed', () => {
    // Aidussina was ceded to a foreign state in 1947: ISTAT gives no receiving comune.
    const crosswalk = buildCrosswalk(
      [suppression('031701', 'Aidussina', '1947-09-16', ''), suppression('018901', 'A', '1928-07-28', '018999')],
      CURRENT_CODES,
    );
    expect(crosswalk.get('031701')).toEqual({ oldCode: '031701', newCode: null, eventDate: '1947-09-16', split: false, kind: 'suppression' });
    expect(crosswalk.get('018999')).toBeUndefined();
    expect(crosswalk.get('018901')).toEqual({ oldCode: '018901', newCode: null, eventDate: '1928-07-28', split: false, kind: 'suppression' });
  });

  it('ends on a cycle of suppressions without a successor instead of looping', () => {
    const crosswalk = buildCrosswalk(
      [suppression('018901', 'A', '1928-07-28', '018902'), suppression('018902', 'B', '1930-01-01', '018901'), suppression('018903', 'C', '1931-01-01', '018903')],
      CURRENT_CODES,
    );
    expect(crosswalk.get('018901')).toMatchObject({ newCode: null, split: false, kind: 'suppression' });
    expect(crosswalk.get('018902')).toMatchObject({ newCode: null, split: false, kind: 'suppression' });
    expect(crosswalk.get('018903')).toMatchObject({ newCode: null, split: false, kind: 'suppression' });
  });
});

describe('renumberedComuni', () => {
  // Torre de' Busi (cadastral L257): 016215 in Bergamo until 1992, 097080 in Lecco until 26 January 2018,
  // 016215 in Bergamo again since.
  const history = [
    validity('016215', "TORRE DE' BUSI", '1861-03-17', '1992-04-15', 'L257'),
    validity('097080', "TORRE DE' BUSI", '1992-04-16', '2018-01-26', 'L257'),
    validity('016215', "TORRE DE' BUSI", '2018-01-27', null, 'L257'),
    // A code used by two comuni: 092002 was Aidomaggiore (A097, today 095002), then Armungia (A419, today 111002).
    validity('092002', 'AIDOMAGGIORE', '1861-03-17', '1974-08-19', 'A097'),
    validity('095002', 'AIDOMAGGIORE', '1974-08-20', null, 'A097'),
    validity('092002', 'ARMUNGIA', '1974-08-20', '2016-04-27', 'A419'),
    validity('111002', 'ARMUNGIA', '2016-04-28', null, 'A419'),
    // Calliano: 006840 (Alessandria) until 7 April 1935, then 005014 (Asti), renamed "Calliano Monferrato" in 2022.
    validity('006840', 'CALLIANO', '1861-03-17', '1935-04-07', 'B418'),
    validity('005014', 'CALLIANO', '1935-04-08', '2022-08-11', 'B418'),
    validity('005014', 'CALLIANO MONFERRATO', '2022-08-12', null, 'B418'),
    // Without a cadastral code nothing is inferred.
    validity('018999', 'SENZA CODICE', '1861-03-17', '2010-01-01'),
  ];
  const current = new Set(['016215', '095002', '111002', '005014']);

  it('maps a code changed by a move to another provincia onto the current code, from the day after the old code\'s last', () => {
    const crosswalk = buildCrosswalk([], current, renumberedComuni(history, current));
    expect(crosswalk.get('097080')).toEqual({ oldCode: '097080', newCode: '016215', eventDate: '2018-01-27', split: false, kind: 'renumbering' });
    expect(crosswalk.has('016215')).toBe(false);
    expect(crosswalk.has('018999')).toBe(false);
    // Not on the day of the later rename: a file of 2015 already has 005014.
    expect(crosswalk.get('006840')).toEqual({ oldCode: '006840', newCode: '005014', eventDate: '1935-04-08', split: false, kind: 'renumbering' });
  });

  it('maps a code used by several comuni over time by the comune that held it last', () => {
    expect(renumberedComuni(history, current).filter((move) => move.code === '092002')).toEqual([{ code: '092002', name: 'ARMUNGIA', date: '2016-04-28', newCode: '111002', split: false }]);
    expect(renumberedComuni([...history].reverse(), current).filter((move) => move.code === '092002')).toEqual([{ code: '092002', name: 'ARMUNGIA', date: '2016-04-28', newCode: '111002', split: false }]);
  });

  it('lets a later suppression of the same old code win over an earlier move', () => {
    const crosswalk = buildCrosswalk([suppression('097080', "Torre de' Busi", '2020-01-01', '016999')], new Set([...current, '016999']), renumberedComuni(history, current));
    expect(crosswalk.get('097080')).toMatchObject({ newCode: '016999', kind: 'suppression' });
  });

  it('calls a renumbered code that was later merged into another comune a suppression', () => {
    // Torre de' Busi's 097080 became 016215, here merged into 016999 in 2020.
    const crosswalk = buildCrosswalk([suppression('016215', "Torre de' Busi", '2020-01-01', '016999')], new Set(['016999']), renumberedComuni(history, current));
    expect(crosswalk.get('097080')).toEqual({ oldCode: '097080', newCode: '016999', eventDate: '2018-01-27', split: false, kind: 'suppression' });
  });
});

