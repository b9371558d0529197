/**
 * Domain errors: services throw these; the exception filter maps them to HTTP statuses and answers their
 * message in the language the client asks for, so every message is written in Italian and English.
 * `message` is the English text, for logs.
 */
import type { Text } from './i18n/language.js';

export abstract class DomainError extends Error {
  /** Extra fields sent in the error body, e.g. where to download what is missing. */
  readonly details: Readonly<Record<string, unknown>>;
  /** The message in every language. */
  readonly text: Text;
  constructor(text: Text, details: Record<string, unknown> = {}) {
    super(text.en);
    this.text = text;
    this.details = details;
  }
}

/**
 * A query or path parameter the API cannot use; the message names it and what is allowed. `allowed` is
 * the list of values when there is one, else a description of them.
 */
export class BadParameterError extends DomainError {
  override readonly name = 'BadParameterError';
  readonly allowed: readonly string[] | Text | null;
  constructor(
    readonly parameter: string,
    problem: Text,
    allowed: readonly string[] | Text | null = null,
  ) {
    super({ it: `${parameter}: ${problem.it}`, en: `${parameter}: ${problem.en}` });
    this.allowed = allowed;
  }
}

export class NotFoundError extends DomainError {
  override readonly name = 'NotFoundError';
}

export class NoSnapshotError extends DomainError {
  override readonly name = 'NoSnapshotError';
  constructor() {
    super({ it: 'Nessuno snapshot ancora pubblicato: eseguire npm run etl -- load', en: 'No snapshot published yet: run npm run etl -- load' });
  }
}
