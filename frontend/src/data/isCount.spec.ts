import { describe, expect, it } from 'vitest';
import { valueRow } from '../test/fixtures';
import { isCount } from './isCount';

describe('isCount', () => {
  it('is true when no row has a denominator', () => {
    const rows = [valueRow({ code: 'a', name: 'A', value: 5, denominator: null })];
    expect(isCount({ rows, benchmark: valueRow({ code: 'p', name: 'P', value: 5, denominator: null }) })).toBe(true);
  });

  it('is false for a ratio', () => {
    const rows = [valueRow({ code: 'a', name: 'A', value: 5, denominator: 10 }), valueRow({ code: 'b', name: 'B', value: null })];
    expect(isCount({ rows, benchmark: null })).toBe(false);
  });
});
