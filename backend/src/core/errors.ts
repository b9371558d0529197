/** Domain errors: services throw these; the exception filter maps them to HTTP statuses. */

export abstract class DomainError extends Error {
  /** Extra fields sent in the error body, e.g. where to download what is missing. */
  readonly details: Readonly<Record<string, unknown>>;
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.details = details;
  }
}

/** A query or path parameter the API cannot use; the message names it and what is allowed. */
export class BadParameterError extends DomainError {
  override readonly name = 'BadParameterError';
  constructor(readonly parameter: string, problem: string) {
    super(`${parameter}: ${problem}`);
  }
}

export class NotFoundError extends DomainError {
  override readonly name = 'NotFoundError';
}

export class NoSnapshotError extends DomainError {
  override readonly name = 'NoSnapshotError';
  constructor() {
    super('No snapshot published yet: run npm run etl -- load');
  }
}
