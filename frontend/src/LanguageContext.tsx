import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Lang } from './api/types';
import { translate, type MessageKey, type Params } from './i18n';
import { LANG_STORAGE_KEY, storedLang } from './pageLanguage';
import { useUrlState } from './route';


interface LanguageState {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, params?: Params) => string;
}

const LanguageContext = createContext<LanguageState | null>(null);

/** The language of the URL when it names one (a shared link), else the last one chosen here, else Italian. */
export function LanguageProvider({ children, initial }: { children: ReactNode; initial?: Lang }) {
  const { state, navigate } = useUrlState();
  const [chosen, setChosen] = useState<Lang>(() => initial ?? storedLang());
  const lang = state.lang ?? chosen;
  const setLang = useCallback((next: Lang) => {
    setChosen(next);
    navigate({ lang: next }, { replace: true });
    try {
      globalThis.localStorage?.setItem(LANG_STORAGE_KEY, next);
    } catch {
      // Private browsing may forbid storage; the choice then lasts for this page only.
    }
  }, [navigate]);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = translate(lang, 'appTitle');
  }, [lang]);
  const value = useMemo(() => ({ lang, setLang, t: (key: MessageKey, params?: Params) => translate(lang, key, params) }), [lang, setLang]);
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

export function useI18n(): LanguageState {
  const state = useContext(LanguageContext);
  if (!state) throw new Error('useI18n must be used inside <LanguageProvider>');
  return state;
}
