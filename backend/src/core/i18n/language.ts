/** The languages the API answers messages in, chosen from the Accept-Language header; Italian by default. */

export const LANGUAGES = ['it', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'it';

/** A text in every language the API speaks. */
export interface Text {
  readonly it: string;
  readonly en: string;
}

/** Alternatives, e.g. "ambito, provincia o regione" / "ambito, provincia or regione". */
export function oneOf(items: readonly string[]): Text {
  const words = (or: string) => (items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${or} ${items.at(-1)}`);
  return { it: words('o'), en: words('or') };
}

/**
 * The language of highest quality in `header` (RFC 9110 §12.5.4, prefixes match: en-GB is en). `*`, no
 * header, or only languages the API does not speak give Italian, the language of the people it serves.
 */
export function chooseLanguage(header: string | undefined): Language {
  let best: Language = DEFAULT_LANGUAGE;
  let bestQuality = 0;
  for (const part of (header ?? '').split(',')) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const primary = tag.trim().split('-')[0] as Language;
    if (!LANGUAGES.includes(primary)) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const quality = q === undefined ? 1 : Number(q.slice(2));
    if (Number.isFinite(quality) && quality > bestQuality) [best, bestQuality] = [primary, quality];
  }
  return best;
}
