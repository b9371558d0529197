import { sourceErrorsIn, type SourceError } from '../errors.js';

/** The SourceErrors an action throws (one, or several reported together); fails if it throws none. */
export async function sourceErrorsOf(action: () => unknown): Promise<SourceError[]> {
  try {
    await action();
  } catch (thrown) {
    const errors = sourceErrorsIn(thrown);
    if (errors.length > 0) return errors;
    throw thrown;
  }
  throw new Error('expected a SourceError, but nothing was thrown');
}

/** The position and rule of an error, to compare exactly. */
export function located(error: SourceError): { file: string; line: number; column: number; rule: string } {
  return { file: error.file, line: error.line, column: error.column, rule: error.rule };
}

/** The one SourceError an action throws, by position and rule, with its message. */
export async function onlyErrorOf(action: () => unknown): Promise<{ file: string; line: number; column: number; rule: string; message: string }> {
  const errors = await sourceErrorsOf(action);
  if (errors.length !== 1) throw new Error(`expected one SourceError, got ${errors.length}:\n${errors.map((e) => e.message).join('\n')}`);
  return { ...located(errors[0]!), message: errors[0]!.message };
}
