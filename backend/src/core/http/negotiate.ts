import { BadParameterError } from '../errors.js';
import { optionalParam } from '../params.js';

export const FORMATS = ['json', 'csv', 'arrow'] as const;
export type Format = (typeof FORMATS)[number];

export const MEDIA_TYPES: Readonly<Record<Format, string>> = {
  json: 'application/json',
  csv: 'text/csv',
  arrow: 'application/vnd.apache.arrow.stream',
};

/**
 * `?format=` wins over the Accept header. An endpoint that is not tabular answers JSON whatever the
 * Accept header says, and refuses `?format=csv|arrow`. With equal preference in Accept, JSON is chosen.
 */
export function chooseFormat(formatParam: unknown, accept: string | undefined, tabular: boolean): Format {
  const allowed: readonly Format[] = tabular ? FORMATS : ['json'];
  const asked = optionalParam('format', formatParam);
  if (asked !== undefined) {
    if (!(allowed as readonly string[]).includes(asked)) {
      throw new BadParameterError('format', { it: `"${asked}" non è disponibile qui; usare ${allowed.join(', ')}`, en: `"${asked}" is not available here; use ${allowed.join(', ')}` }, allowed);
    }
    return asked as Format;
  }
  let best: Format = 'json';
  let bestQuality = 0;
  const ranges = parseAccept(accept ?? '*/*');
  for (const format of allowed) {
    const quality = qualityOf(MEDIA_TYPES[format], ranges);
    if (quality > bestQuality) [best, bestQuality] = [format, quality];
  }
  return best;
}

interface MediaRange {
  readonly type: string;
  readonly subtype: string;
  readonly quality: number;
}

function parseAccept(accept: string): MediaRange[] {
  return accept.split(',').flatMap((part) => {
    const [range = '', ...params] = part.trim().toLowerCase().split(';');
    const [type, subtype] = range.trim().split('/');
    if (!type || !subtype) return [];
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const quality = q === undefined ? 1 : Number(q.slice(2));
    return Number.isFinite(quality) ? [{ type, subtype, quality }] : [];
  });
}

// The quality of the most specific range that matches, as RFC 9110 §12.5.1 says.
function qualityOf(mediaType: string, ranges: readonly MediaRange[]): number {
  const [type, subtype] = mediaType.split('/');
  let specificity = -1;
  let quality = 0;
  for (const range of ranges) {
    const matches = (range.type === '*' || range.type === type) && (range.subtype === '*' || range.subtype === subtype);
    const rank = (range.type === '*' ? 0 : 1) + (range.subtype === '*' ? 0 : 1);
    if (matches && rank > specificity) [specificity, quality] = [rank, range.quality];
  }
  return quality;
}
