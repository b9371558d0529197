import { describe, expect, it } from 'vitest';
import { provenance, provenanceSource } from '../test/fixtures';
import { loadedOn, titleSuffix } from './sourceLine';

describe('source line', () => {
  it('names the years of the files read', () => {
    const source = provenanceSource({ files: [{ file: 'POSAS_2024.csv', sha256: null, year: 2024 }, { file: 'POSAS_2023.csv', sha256: null, year: 2023 }] });
    expect(titleSuffix(source, provenance({ sources: [source] }), 'it')).toBe(' 2023, 2024');
  });

  it('falls back to the reference dates of the values when the files give no year', () => {
    const source = provenanceSource({ files: [{ file: 'pop.csv', sha256: null, year: null }] });
    expect(titleSuffix(source, provenance({ sources: [source] }), 'it')).toBe(', dati al 01/01/2018');
    expect(titleSuffix(source, provenance({ sources: [source] }), 'en')).toBe(', data as of 01/01/2018');
  });

  it('says when the files were loaded, in the day/month/year order of both languages', () => {
    expect(loadedOn(provenance(), 'it')).toBe('caricato il 01/12/2026');
    expect(loadedOn(provenance(), 'en')).toBe('loaded on 01/12/2026');
  });
});
