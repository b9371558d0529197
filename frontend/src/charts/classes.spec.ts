import { describe, expect, it } from 'vitest';
import { classIndex, quantileClasses } from './classes';
import { classColours } from './colour';

describe('quantileClasses', () => {
  it('splits values into quintiles labelled by the range they hold', () => {
    const values = Array.from({ length: 10 }, (_, i) => (i + 1) * 1000);
    const { breaks, labels } = quantileClasses(values, 0, 'it');
    expect(breaks).toHaveLength(4);
    expect(labels).toEqual(['1.000 – 2.000', '3.000 – 4.000', '5.000 – 6.000', '7.000 – 8.000', '9.000 – 10.000']);
    expect(values.map((v) => classIndex(v, breaks))).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
  });

  it('drops empty classes when values repeat', () => {
    const { breaks, labels } = quantileClasses([2, 2, 2, 2, 9], 1, 'it');
    expect(labels).toEqual(['2,0', '9,0']);
    expect(classIndex(2, breaks)).toBe(0);
    expect(classIndex(9, breaks)).toBe(1);
  });

  it('has no class without values', () => {
    expect(quantileClasses([], 0, 'it')).toEqual({ breaks: [], labels: [] });
  });
});

describe('classColours', () => {
  it('darkens towards the critical end', () => {
    expect(classColours('higher_worse', 5).at(-1)).toBe('#b30000');
    expect(classColours('higher_better', 5)[0]).toBe('#b30000');
    expect(classColours('neither', 2)).toEqual(['#c6dbef', '#08519c']);
  });
});

describe('quantileClasses at the indicator precision', () => {
  it('merges classes that would print the same', () => {
    const { breaks, labels } = quantileClasses([1.1, 1.2, 1.3, 1.4, 5, 6, 7, 8, 9, 10], 0, 'it');
    expect(labels[0]).toBe('1');
    expect(new Set(labels).size).toBe(labels.length);
    expect(classIndex(1.4, breaks)).toBe(0);
  });
});
