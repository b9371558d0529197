/**
 * Errors about published input files. Each names the file (relative to the data folder), the physical
 * line, the column (the CSV field's 1-based index, or a character column for encoding and JSON errors;
 * 0 when the problem concerns the whole file) and a short kebab-case rule id.
 */

export interface SourceErrorLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly rule: string;
  /** What was found and what was expected, without the position (the message adds it). */
  readonly explanation: string;
}

export class SourceError extends Error {
  override readonly name = 'SourceError';
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly rule: string;
  readonly explanation: string;

  constructor(location: SourceErrorLocation) {
    super(`${location.file}:${location.line}:${location.column}: ${location.explanation} [${location.rule}]`);
    this.file = location.file;
    this.line = location.line;
    this.column = location.column;
    this.rule = location.rule;
    this.explanation = location.explanation;
  }
}

/** At most `max` characters of published text, for a message: a broken file must not be echoed whole. */
export function excerpt(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Names quoted and listed, each cut to 40 characters, the list to about `budget` characters (enough for a usual header). */
export function quotedList(names: readonly string[], budget = 160): string {
  const shown: string[] = [];
  let length = 0;
  for (const name of names) {
    const quoted = `"${excerpt(name)}"`;
    if (shown.length > 0 && length + quoted.length > budget) break;
    shown.push(quoted);
    length += quoted.length + 2;
  }
  const rest = names.length - shown.length;
  return `${shown.join(', ')}${rest > 0 ? `, … and ${rest} more columns` : ''}`;
}

/** How many problems a message lists before it only counts the rest. */
export const MAX_REPORTED_ERRORS = 20;

/** Several problems found in one pass, reported together so a user can fix them all at once. */
export class SourceErrors extends Error {
  override readonly name = 'SourceErrors';

  private constructor(
    readonly errors: readonly SourceError[],
    /** Every problem found, including those beyond `errors`. */
    readonly total: number,
  ) {
    const files = [...new Set(errors.map((e) => e.file))].join(', ');
    const listed = errors.slice(0, MAX_REPORTED_ERRORS).map((e) => `- ${e.message}`);
    const rest = total - listed.length;
    super(`${total} ${total === 1 ? 'problem' : 'problems'} in ${files}:\n${listed.join('\n')}${rest > 0 ? `\n… and ${rest} more` : ''}`);
  }

  static of(errors: readonly SourceError[], total = errors.length): SourceErrors {
    if (errors.length === 0) throw new Error('SourceErrors.of needs at least one error');
    return new SourceErrors(errors, Math.max(total, errors.length));
  }
}

/** Gathers row-level problems of a file, keeping the first few and counting the rest. */
export class SourceErrorCollector {
  private readonly kept: SourceError[] = [];
  private count = 0;

  add(error: SourceError): void {
    this.count += 1;
    if (this.kept.length < MAX_REPORTED_ERRORS) this.kept.push(error);
  }

  /** Runs one step; a SourceError it throws is recorded and the step yields undefined. */
  attempt<T>(step: () => T): T | undefined {
    try {
      return step();
    } catch (error) {
      if (!(error instanceof SourceError)) throw error;
      this.add(error);
      return undefined;
    }
  }

  get size(): number {
    return this.count;
  }

  throwIfAny(): void {
    if (this.count > 0) throw SourceErrors.of(this.kept, this.count);
  }
}

/** Every SourceError inside a thrown value (one error, or several reported together). */
export function sourceErrorsIn(thrown: unknown): SourceError[] {
  if (thrown instanceof SourceError) return [thrown];
  if (thrown instanceof SourceErrors) return [...thrown.errors];
  return [];
}
