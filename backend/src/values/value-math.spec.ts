import { expect, it } from 'vitest';
import { aggregateValue } from './value-math.js';

const ratio = { multiplier: 100, plainCount: false };
const count = { multiplier: 1, plainCount: true };

it('divides the sums, over the comuni with data', () => {
  expect(aggregateValue({ numerator: 30, denominator: 200, comuniWithData: 2, comuniTotal: 3 }, ratio)).toBe(15);
});

it('is null without data or with a zero denominator', () => {
  expect(aggregateValue({ numerator: null, denominator: null, comuniWithData: 0, comuniTotal: 3 }, ratio)).toBeNull();
  expect(aggregateValue({ numerator: 0, denominator: 0, comuniWithData: 1, comuniTotal: 1 }, ratio)).toBeNull();
});

it('gives a plain count only when every comune has data', () => {
  expect(aggregateValue({ numerator: 70, denominator: null, comuniWithData: 3, comuniTotal: 3 }, count)).toBe(70);
  expect(aggregateValue({ numerator: 70, denominator: null, comuniWithData: 2, comuniTotal: 3 }, count)).toBeNull();
});
