import { afterEach, describe, expect, it } from 'vitest';
import { setInitialPageLanguage } from './pageLanguage';

afterEach(() => localStorage.clear());

describe('the language of the page before React starts', () => {
  it('is the link\'s, else the one chosen last on this browser, else Italian: what the first requests ask the API for', () => {
    setInitialPageLanguage('#/');
    expect(document.documentElement.lang).toBe('it');
    localStorage.setItem('osservatorio.lang', 'en');
    setInitialPageLanguage('#/indicatori');
    expect(document.documentElement.lang).toBe('en');
    setInitialPageLanguage('#/indicatori?lingua=it');
    expect(document.documentElement.lang).toBe('it');
    localStorage.setItem('osservatorio.lang', 'fr');
    setInitialPageLanguage('#/');
    expect(document.documentElement.lang).toBe('it');
  });
});
