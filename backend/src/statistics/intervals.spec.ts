import { describe, expect, it } from 'vitest';
import { confidenceInterval } from './intervals.js';
import type { CiMethod } from './types.js';

describe('confidenceInterval: methods without an interval', () => {
  it('gives a mean no interval, saying that no dispersion is published', () => {
    const result = confidenceInterval({ method: 'mean', numerator: 123_456_789.5, denominator: 5_432, multiplier: 1, level: 0.95 });
    expect(result).toMatchObject({ interval: null, reasonCode: 'no_dispersion' });
    expect(result.reason).toMatch(/dispersion/);
  });

  it("gives method 'none' no interval, with its reason", () => {
    expect(confidenceInterval({ method: 'none', numerator: 10, denominator: 100, multiplier: 1, level: 0.998 })).toMatchObject({
      interval: null,
      reasonCode: 'method_none',
    });
  });

  it('gives every refusal a reason in words', () => {
    const methods: CiMethod[] = ['proportion', 'rate', 'ratio', 'mean', 'none'];
    for (const method of methods) {
      for (const [numerator, denominator] of [[-3, 10], [3, null], [3, 0], [2.5, 10]] as const) {
        const result = confidenceInterval({ method, numerator, denominator, multiplier: 100, level: 0.95 });
        if (result.interval === null) expect(result.reason).toMatch(/\w{4,}/);
      }
    }
  });
});

describe('confidenceInterval: programming errors', () => {
  it('throws on a level other than 0.95 or 0.998, and on a multiplier that is not positive', () => {
    expect(() => confidenceInterval({ method: 'proportion', numerator: 1, denominator: 2, multiplier: 1, level: 0.99 as 0.95 })).toThrow(RangeError);
    expect(() => confidenceInterval({ method: 'proportion', numerator: 1, denominator: 2, multiplier: 0, level: 0.95 })).toThrow(RangeError);
    expect(() => confidenceInterval({ method: 'bogus' as CiMethod, numerator: 1, denominator: 2, multiplier: 1, level: 0.95 })).toThrow(/unknown CI method/);
  });
});
