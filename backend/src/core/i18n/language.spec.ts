import { describe, expect, it } from 'vitest';
import { chooseLanguage } from './language.js';

describe('chooseLanguage', () => {
  it.each([
    [undefined, 'it'],
    ['', 'it'],
    ['*', 'it'],
    ['en', 'en'],
    ['en-GB,en;q=0.9', 'en'],
    ['it-IT,it;q=0.9,en-US;q=0.8,en;q=0.7', 'it'],
    ['de-DE,de;q=0.9,en;q=0.5', 'en'],
    ['fr', 'it'],
    ['it;q=0.2, en;q=0.8', 'en'],
    ['en;q=0, it;q=0', 'it'],
  ])('Accept-Language %s → %s', (header, language) => {
    expect(chooseLanguage(header)).toBe(language);
  });
});
