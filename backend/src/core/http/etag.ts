import { createHash } from 'node:crypto';

/** Data change only with the snapshot, so one snapshot, URL and format always give the same bytes. */
export function etagFor(snapshotId: string, url: string, format: string): string {
  const digest = createHash('sha256').update(`${snapshotId}\n${format}\n${url}`).digest('base64url').slice(0, 32);
  return `"${digest}"`;
}

/** If-None-Match uses the weak comparison (RFC 9110 §13.1.2). */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(',').some((tag) => {
    const candidate = tag.trim();
    return candidate === '*' || candidate.replace(/^W\//, '') === etag;
  });
}
