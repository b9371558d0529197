import { SourceError } from './errors.js';

export interface Position {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** Remembers where each key of a source was first given (across its files), so a repeat can point back at it. */
export class KeyRegistry {
  private readonly firstSeen = new Map<string, { readonly file: string; readonly line: number }>();

  /**
   * Records `key` at `at`; a key already given is a duplicate-key error at the second occurrence.
   * `label` names the key for a reader ("comune 018110"); `expectation` says what is unique ("one row per comune").
   */
  claim(key: string, at: Position, label: string, expectation: string): void {
    const first = this.firstSeen.get(key);
    if (!first) {
      this.firstSeen.set(key, { file: at.file, line: at.line });
      return;
    }
    const where = first.file === at.file ? `line ${first.line}` : `${first.file}:${first.line}`;
    throw new SourceError({ ...at, rule: 'duplicate-key', explanation: `${label} was already given on ${where}; expected ${expectation}` });
  }
}
