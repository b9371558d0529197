/**
 * The URL is the state of the page: which page, and on it the indicator, year, level, territory,
 * benchmark and language, kept in the hash (`#/?indicatore=DEM_POP&anno=2024`) so that the backend
 * serves one index.html for every address. A link can be shared, a reload keeps the view, and back
 * and forward move between views.
 */
import { createContext, createElement, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Lang } from './api/types';

export type Route = 'indicators' | 'quality' | 'profile' | 'compare' | 'overview' | 'area' | 'needs';
export type MapLevel = 'comune' | 'ambito';

export const ROUTE_HASH: Record<Route, string> = {
  overview: '#/',
  indicators: '#/indicatori',
  quality: '#/qualita',
  profile: '#/profilo',
  compare: '#/confronta',
  area: '#/area',
  needs: '#/bisogni',
};

export interface UrlState {
  page: Route;
  indicator?: string;
  year?: number;
  level?: MapLevel;
  /** The territory the page is about: a provincia, an Ambito or a comune code. */
  territory?: string;
  /** The territory values are compared with, when not the default. */
  benchmark?: string;
  lang?: Lang;
  /** Territories side by side (Confronta), in the order chosen. */
  territories?: string[];
  /** The area of intervention (one Tavolo each), by its catalogue code. */
  area?: string;
}

// Parameter names in Italian, as users read them in a shared link.
const PARAM = { indicator: 'indicatore', year: 'anno', level: 'livello', territory: 'territorio', benchmark: 'riferimento', lang: 'lingua', territories: 'territori', area: 'area' } as const;
const CODE = /^[A-Za-z0-9_.-]{1,40}$/;

/** Addresses pages had before: Panoramica was not the home page. */
const FORMER_PATHS: Record<string, Route> = { '/panoramica': 'overview' };

/**
 * The page of a hash's path. The home page is Panoramica; a link of the time when Indicatori was the home
 * page (`#/?indicatore=…`, which Indicatori always wrote) still opens Indicatori.
 */
function pageOf(path: string, params: URLSearchParams): Route {
  if ((path === '/' || path === '') && params.has(PARAM.indicator)) return 'indicators';
  return (Object.keys(ROUTE_HASH) as Route[]).find((route) => route !== 'overview' && ROUTE_HASH[route].slice(1) === path) ?? FORMER_PATHS[path] ?? 'overview';
}

/** What a hash says; anything malformed is left out, so a mistyped link still opens a page. */
export function parseHash(hash: string): UrlState {
  const [path = '', search = ''] = hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(search);
  const page = pageOf(path, params);
  const state: UrlState = { page };
  const code = (name: string) => {
    const value = params.get(name);
    return value !== null && CODE.test(value) ? value : undefined;
  };
  const indicator = code(PARAM.indicator);
  if (indicator) state.indicator = indicator;
  const year = params.get(PARAM.year);
  if (year !== null && /^\d{4}$/.test(year)) state.year = Number(year);
  const level = params.get(PARAM.level);
  if (level === 'comune' || level === 'ambito') state.level = level;
  const territory = code(PARAM.territory);
  if (territory) state.territory = territory;
  const benchmark = code(PARAM.benchmark);
  if (benchmark) state.benchmark = benchmark;
  const lang = params.get(PARAM.lang);
  if (lang === 'it' || lang === 'en') state.lang = lang;
  const territories = params.get(PARAM.territories)?.split(',').filter((c) => CODE.test(c));
  if (territories && territories.length > 0) state.territories = [...new Set(territories)];
  const area = code(PARAM.area);
  if (area) state.area = area;
  return state;
}

export function formatHash(state: UrlState): string {
  const params = new URLSearchParams();
  for (const key of ['area', 'indicator', 'year', 'level', 'territory', 'benchmark', 'lang'] as const) {
    const value = state[key];
    if (value !== undefined) params.set(PARAM[key], String(value));
  }
  if (state.territories && state.territories.length > 0) params.set(PARAM.territories, state.territories.join(','));
  const search = params.toString();
  return `${ROUTE_HASH[state.page]}${search ? `?${search}` : ''}`;
}

export type Navigate = (patch: Partial<UrlState>, options?: { replace?: boolean }) => void;

interface UrlStateValue {
  state: UrlState;
  navigate: Navigate;
}

const UrlStateContext = createContext<UrlStateValue | null>(null);

const currentHash = () => globalThis.location?.hash ?? '';

export function UrlStateProvider({ children }: { children: ReactNode }) {
  const [hash, setHash] = useState(currentHash);
  useEffect(() => {
    const onChange = () => setHash(currentHash());
    globalThis.addEventListener('hashchange', onChange);
    globalThis.addEventListener('popstate', onChange);
    return () => {
      globalThis.removeEventListener('hashchange', onChange);
      globalThis.removeEventListener('popstate', onChange);
    };
  }, []);
  const state = useMemo(() => parseHash(hash), [hash]);
  const navigate = useCallback<Navigate>((patch, options = {}) => {
    const next = formatHash({ ...parseHash(currentHash()), ...patch });
    if (next === currentHash()) return;
    // A new view is a new history entry; corrections of the URL (a default filled in) replace it.
    if (options.replace) globalThis.history.replaceState(null, '', next);
    else globalThis.history.pushState(null, '', next);
    setHash(next);
  }, []);
  const value = useMemo(() => ({ state, navigate }), [state, navigate]);
  return createElement(UrlStateContext.Provider, { value }, children);
}

export function useUrlState(): UrlStateValue {
  const value = useContext(UrlStateContext);
  if (!value) throw new Error('useUrlState must be used inside <UrlStateProvider>');
  return value;
}

export function useRoute(): Route {
  return useUrlState().state.page;
}

/** Opens the profile of a territory, keeping the language: what a click on a comune does on any chart or table. */
export function useOpenProfile(): (code: string) => void {
  const { navigate } = useUrlState();
  return useCallback((code: string) => navigate({ page: 'profile', territory: code, territories: undefined, indicator: undefined, level: undefined, year: undefined, benchmark: undefined }), [navigate]);
}
