import { describe, expect, it } from 'vitest';
import { MAX_REPORTED_ERRORS, SourceError, SourceErrorCollector, SourceErrors, sourceErrorsIn } from './errors.js';

const at = (line: number) => new SourceError({ file: 'population/x.csv', line, column: 4, rule: 'not-a-number', explanation: `problem on line ${line}` });

describe('SourceError', () => {
  it('formats file:line:column, the explanation and the rule', () => {
    const error = new SourceError({ file: 'population/x.csv', line: 12, column: 4, rule: 'not-a-number', explanation: '"abc" in column "pop_res_19" is not a number; expected a non-negative whole number' });
    expect(error.message).toBe('population/x.csv:12:4: "abc" in column "pop_res_19" is not a number; expected a non-negative whole number [not-a-number]');
    expect(error).toMatchObject({ file: 'population/x.csv', line: 12, column: 4, rule: 'not-a-number', name: 'SourceError' });
  });
});

describe('SourceErrors', () => {
  it('lists every problem of a file, one a line', () => {
    const errors = SourceErrors.of([at(2), at(5)]);
    expect(errors.message).toBe('2 problems in population/x.csv:\n- population/x.csv:2:4: problem on line 2 [not-a-number]\n- population/x.csv:5:4: problem on line 5 [not-a-number]');
    expect(sourceErrorsIn(errors)).toHaveLength(2);
  });

  it('a collector keeps the first problems and counts the rest', () => {
    const collector = new SourceErrorCollector();
    for (let line = 1; line <= MAX_REPORTED_ERRORS + 5; line += 1) collector.attempt(() => { throw at(line); });
    expect(collector.size).toBe(25);
    let thrown: unknown;
    try {
      collector.throwIfAny();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SourceErrors);
    const errors = thrown as SourceErrors;
    expect(errors.total).toBe(25);
    expect(errors.errors).toHaveLength(MAX_REPORTED_ERRORS);
    expect(errors.message.split('\n')[0]).toBe('25 problems in population/x.csv:');
    expect(errors.message.endsWith('\n… and 5 more')).toBe(true);
  });

  it('a collector lets errors that are not about the file through', () => {
    expect(() => new SourceErrorCollector().attempt(() => { throw new TypeError('bug'); })).toThrow(TypeError);
    expect(() => new SourceErrorCollector().throwIfAny()).not.toThrow();
  });
});
