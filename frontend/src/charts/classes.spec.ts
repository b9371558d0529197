import { describe, expect, it } from 'vitest';
import { CLASS_COUNT, classIndex, quantileClasses, zeroAndQuantileClasses } from './classes';
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
    expect(quantileClasses([], 0, 'it')).toEqual({ breaks: [], labels: [], belowZero: null });
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

describe('class breaks never repeat a value', () => {
  // Values that print the same at two decimals (0,3792 and 0,3811 are both "0,38") must share a class.
  const values = [0.1, 0.2, 0.3, 0.3792, 0.3811, 0.3849, 0.5, 0.6, 0.7, 0.8, 0.9, 1];

  it('puts every printed value in one class only', () => {
    const { labels } = quantileClasses(values, 2, 'it');
    const printed = labels.flatMap((label) => label.split(' – '));
    expect(new Set(printed).size).toBe(printed.length);
    expect(labels.filter((label) => label.includes('0,38'))).toHaveLength(1);
  });

  it('classifies each value into the class whose label holds its printed value', () => {
    const classes = quantileClasses(values, 2, 'it');
    for (const value of values) {
      const label = classes.labels[classIndex(value, classes.breaks)]!;
      const [low, high = low] = label.split(' – ').map((text) => Number(text.replace(',', '.')));
      const printed = Number(value.toFixed(2));
      expect(printed).toBeGreaterThanOrEqual(low!);
      expect(printed).toBeLessThanOrEqual(high!);
    }
  });

  it('has one class when every value is equal', () => {
    expect(quantileClasses([3.2, 3.2, 3.2], 1, 'it')).toMatchObject({ breaks: [], labels: ['3,2'], belowZero: null });
  });
});

describe('values on both sides of zero', () => {
  const change = [-4.2, -2.5, -1.1, -0.4, 0.3, 0.9, 1.8, 3.3];

  it('diverges at zero: no class holds both a negative and a positive value', () => {
    const classes = quantileClasses(change, 1, 'it');
    expect(classes.belowZero).toBeGreaterThan(0);
    const below = change.filter((v) => v < 0).map((v) => classIndex(v, classes.breaks));
    const above = change.filter((v) => v >= 0).map((v) => classIndex(v, classes.breaks));
    expect(Math.max(...below)).toBe(classes.belowZero! - 1);
    expect(Math.min(...above)).toBe(classes.belowZero);
  });

  it('colours the two sides with two hues, lightest next to zero, colour-blind safe (ColorBrewer RdBu / PuOr)', () => {
    const classes = quantileClasses(change, 1, 'it');
    const colours = classColours('neither', classes.labels.length, classes.belowZero);
    const puOr = ['#b35806', '#e08214', '#fdb863', '#b2abd2', '#8073ac', '#542788']; // ColorBrewer PuOr, 3 steps a side
    expect(colours).toEqual(puOr.slice(3 - classes.belowZero!, 3 + classes.labels.length - classes.belowZero!));
    // Worse-when-higher: the rise is red, the fall blue.
    const worse = classColours('higher_worse', 2, 1);
    expect(worse).toEqual(['#92c5de', '#f4a582']);
  });
});

describe('values all below zero (a population falling everywhere)', () => {
  const falling = [-2.36, -1.98, -1.79, -1.57, -1.08, -0.65];

  it('has a colour for every class, from the one hue of the side below zero, palest nearest zero', () => {
    for (const polarity of ['neither', 'higher_worse', 'higher_better'] as const) {
      const classes = quantileClasses(falling, 2, 'it');
      expect(classes.belowZero).toBe(classes.labels.length);
      const colours = classColours(polarity, classes.labels.length, classes.belowZero);
      expect(colours).toHaveLength(classes.labels.length);
      expect(new Set(colours).size).toBe(colours.length);
    }
    expect(classColours('neither', 4, 4)).toEqual(['#7f3b08', '#b35806', '#e08214', '#fdb863']);
  });
});

describe('zeroAndQuantileClasses', () => {
  it('puts zero alone in the first class and classes the rest by quantiles, never repeating a value', () => {
    const classes = zeroAndQuantileClasses([0, 0, 0, 1, 1, 2, 3, 5, 8, 13, 21], 0, 'it', 'nessuna carenza');
    expect(classes.zeroClass).toBe(true);
    expect(classes.labels[0]).toBe('nessuna carenza');
    expect(classIndex(0, classes.breaks)).toBe(0);
    for (const v of [1, 2, 3, 5, 8, 13, 21]) expect(classIndex(v, classes.breaks), String(v)).toBeGreaterThan(0);
    expect(classes.labels.slice(1)).toEqual(quantileClasses([1, 1, 2, 3, 5, 8, 13, 21], 0, 'it', CLASS_COUNT - 1).labels);
  });

  it('counts a value printed as zero as zero', () => {
    const classes = zeroAndQuantileClasses([0.004, 0.3, 0.6], 2, 'it', 'nessuna carenza');
    expect(classIndex(0, classes.breaks)).toBe(0);
    expect(classIndex(0.004, classes.breaks)).toBe(0);
    expect(classIndex(0.006, classes.breaks)).toBe(1);
  });
});
