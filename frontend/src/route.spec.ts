import { describe, expect, it } from 'vitest';
import { formatHash, parseHash, type UrlState } from './route';

describe('URL state', () => {
  it('writes every part of a view into the hash and reads it back', () => {
    const state: UrlState = { page: 'indicators', indicator: 'DEM_POP', year: 2024, level: 'ambito', territory: 'PV-T1', benchmark: '03', lang: 'en' };
    const hash = formatHash(state);
    expect(hash).toBe('#/indicatori?indicatore=DEM_POP&anno=2024&livello=ambito&territorio=PV-T1&riferimento=03&lingua=en');
    expect(parseHash(hash)).toEqual(state);
  });

  it('opens Panoramica at the home address', () => {
    expect(parseHash('#/')).toEqual({ page: 'overview' });
    expect(parseHash('')).toEqual({ page: 'overview' });
    expect(formatHash({ page: 'overview', territory: 'PV-E6' })).toBe('#/?territorio=PV-E6');
  });

  it('keeps the old page addresses', () => {
    expect(parseHash('#/qualita')).toEqual({ page: 'quality' });
    expect(parseHash('#/panoramica?territorio=PV-E6')).toEqual({ page: 'overview', territory: 'PV-E6' });
    // Indicatori was the home page: its links, which always name the indicator, still open it.
    expect(parseHash('#/?indicatore=DEM_POP&anno=2024')).toEqual({ page: 'indicators', indicator: 'DEM_POP', year: 2024 });
    expect(formatHash({ page: 'quality', lang: 'it' })).toBe('#/qualita?lingua=it');
  });

  it('leaves out what is malformed instead of failing', () => {
    expect(parseHash('#/indicatori?anno=24&livello=frazione&territorio=%3Cscript%3E&lingua=fr&indicatore=DEM_POP')).toEqual({ page: 'indicators', indicator: 'DEM_POP' });
    expect(parseHash('#/nessuna-pagina?territorio=018')).toEqual({ page: 'overview', territory: '018' });
  });
});

describe('URL state of the profile and the comparison', () => {
  it('opens a profile and a comparison from their links', () => {
    expect(parseHash('#/profilo?territorio=018110&anno=2024&riferimento=provincia')).toEqual({ page: 'profile', territory: '018110', year: 2024, benchmark: 'provincia' });
    const compare: UrlState = { page: 'compare', territories: ['018110', '018001'], year: 2023 };
    expect(formatHash(compare)).toBe('#/confronta?anno=2023&territori=018110%2C018001');
    expect(parseHash(formatHash(compare))).toEqual(compare);
  });

  it('drops malformed and repeated codes from the territories compared', () => {
    expect(parseHash('#/confronta?territori=018110,%3Cx%3E,018110,018001').territories).toEqual(['018110', '018001']);
    expect(parseHash('#/confronta?territori=').territories).toBeUndefined();
  });
});
