import { describe, expect, it } from 'vitest';
import { placeName, withProvinciaName } from './territory';

const pavia = { code: '018', name: 'Provincia di Pavia', level: 'provincia' as const };

describe('withProvinciaName', () => {
  it('names the provincia benchmark as users know it, and leaves other benchmarks alone', () => {
    expect(withProvinciaName({ benchmark: { code: '018', name: 'Pavia' } }, pavia).benchmark?.name).toBe('Provincia di Pavia');
    expect(withProvinciaName({ benchmark: { code: '03', name: 'Lombardia' } }, pavia).benchmark?.name).toBe('Lombardia');
    expect(withProvinciaName({ benchmark: null }, pavia).benchmark).toBeNull();
  });
});

describe('placeName', () => {
  it('says "Provincia di" before a provincia only', () => {
    expect(placeName({ name: 'Pavia', level: 'provincia' })).toBe('Provincia di Pavia');
    expect(placeName({ name: 'Pavia', level: 'comune' })).toBe('Pavia');
  });
});
