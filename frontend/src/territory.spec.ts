import { describe, expect, it } from 'vitest';
import { withProvinciaName } from './territory';

describe('withProvinciaName', () => {
  it('names the provincia benchmark as users know it, and leaves other benchmarks alone', () => {
    expect(withProvinciaName({ benchmark: { code: '018', name: 'Pavia' } }).benchmark?.name).toBe('Provincia di Pavia');
    expect(withProvinciaName({ benchmark: { code: '03', name: 'Lombardia' } }).benchmark?.name).toBe('Lombardia');
    expect(withProvinciaName({ benchmark: null }).benchmark).toBeNull();
  });
});
