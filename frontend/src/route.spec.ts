import { describe, expect, it } from 'vitest';
import { formatHash, parseHash, type UrlState } from './route';

describe('URL state', () => {
  it('writes every part of a view into the hash and reads it back', () => {
    const state: UrlState = { page: 'indicators', indicator: 'DEM_POP', year: 2024, level: 'ambito', territory: 'PV-T1', benchmark: '03', lang: 'en' };
    const hash = formatHash(state);
    expect(hash).toBe('#/?indicatore=DEM_POP&anno=2024&livello=ambito&territorio=PV-T1&riferimento=03&lingua=en');
    expect(parseHash(hash)).toEqual(state);
  });

  it('keeps the old page addresses', () => {
    expect(parseHash('#/qualita')).toEqual({ page: 'quality' });
    expect(parseHash('#/')).toEqual({ page: 'indicators' });
    expect(parseHash('')).toEqual({ page: 'indicators' });
    expect(formatHash({ page: 'quality', lang: 'it' })).toBe('#/qualita?lingua=it');
  });

  it('leaves out what is malformed instead of failing', () => {
    expect(parseHash('#/?anno=24&livello=frazione&territorio=%3Cscript%3E&lingua=fr&indicatore=DEM_POP')).toEqual({ page: 'indicators', indicator: 'DEM_POP' });
  });
});
