import { createHash } from 'node:crypto';

/**
 * Data change only with the snapshot and with who they are for (the audience, and the suppression threshold
 * of the public: `audienceTag`), so one snapshot, audience, URL and format always give the same bytes.
 */
export function etagFor(snapshotId: string, url: string, format: string, audienceTag = ''): string {
  const digest = createHash('sha256').update(`${snapshotId}\n${audienceTag}\n${format}\n${url}`).digest('base64url').slice(0, 32);
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

/** What answers vary with besides the snapshot: the audience and, for the public, the threshold. */
export function audienceTag(config: { readonly audience: string; readonly suppressionThreshold: number }): string {
  return config.audience === 'office' ? 'office' : `public-${config.suppressionThreshold}`;
}
