import { describe, expect, it } from 'vitest';
import { chooseFormat } from './negotiate.js';

describe('chooseFormat', () => {
  it.each([
    [undefined, 'json'],
    ['*/*', 'json'],
    ['text/csv', 'csv'],
    ['application/vnd.apache.arrow.stream', 'arrow'],
    ['text/html,application/xhtml+xml,*/*;q=0.8', 'json'],
    ['application/json;q=0.5, text/csv', 'csv'],
    ['text/*;q=0.9, application/json;q=0.1', 'csv'],
    ['image/png', 'json'],
  ])('Accept %s → %s', (accept, format) => {
    expect(chooseFormat(undefined, accept, true)).toBe(format);
  });

  it('lets ?format= win over Accept', () => {
    expect(chooseFormat('arrow', 'text/csv', true)).toBe('arrow');
  });

  it('answers JSON from an endpoint that is not tabular, and refuses ?format=csv there', () => {
    expect(chooseFormat(undefined, 'text/csv', false)).toBe('json');
    expect(() => chooseFormat('csv', undefined, false)).toThrow('format: "csv" is not available here; use json');
  });
});
