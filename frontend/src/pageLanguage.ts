/**
 * The page's language before React starts. The first requests are sent before LanguageProvider renders, and
 * every request asks the API for messages in <html lang> (api/client.ts), so it must be right from the start.
 * Small on purpose: it is part of the first chunk (main.tsx).
 */
import type { Lang } from './api/types';
import { parseHash } from './route';

export const LANG_STORAGE_KEY = 'osservatorio.lang';

/** The language last chosen on this browser; Italian when none is, or storage is not allowed. */
export function storedLang(): Lang {
  try {
    const stored = globalThis.localStorage?.getItem(LANG_STORAGE_KEY);
    return stored === 'en' ? 'en' : 'it';
  } catch {
    return 'it';
  }
}

/** The link's language, else the one chosen last here, else Italian, on <html lang>. */
export function setInitialPageLanguage(hash: string): void {
  document.documentElement.lang = parseHash(hash).lang ?? storedLang();
}
