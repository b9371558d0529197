/**
 * What the first chart waits for, asked before React starts instead of after its renders: the catalogue
 * and Il mio territorio for the pages built on them, and on Indicatori and Area di intervento the values
 * of the ranking. When the link names the indicator and year, those values need only the territory, so
 * they do not wait for the catalogue; otherwise they are the defaults the page will choose.
 */
import { startEarly, urls } from './api/client';
import type { IndicatorList } from './api/types';
import { chooseArea, chooseIndicator, valuesQueryOf } from './data/selection';
import { parseHash, type Route } from './route';
import { resolveArea, storedHome } from './territory';

const ON_CATALOGUE_AND_TERRITORY: readonly Route[] = ['overview', 'indicators', 'area', 'needs'];

/** Settles once every request the page's first chart needs is on its way (never rejects). */
export async function startFirstRequests(hash: string): Promise<void> {
  const state = parseHash(hash);
  if (!ON_CATALOGUE_AND_TERRITORY.includes(state.page)) return;
  const catalogue = startEarly<IndicatorList>(urls.indicators());
  const area = resolveArea(state.territory ?? storedHome());
  try {
    if (state.page !== 'indicators' && state.page !== 'area') {
      await Promise.all([catalogue, area]);
      return;
    }
    if (state.indicator !== undefined && state.year !== undefined) {
      const resolved = await area;
      if (resolved) startEarly(urls.values(valuesQueryOf(resolved.area, state.indicator, state.year, state.level)));
      return;
    }
    const [list, resolved] = await Promise.all([catalogue, area]);
    const offered = state.page === 'area' ? (chooseArea(list.rows, state.area)?.indicators ?? []) : list.rows;
    const { indicator, year } = chooseIndicator(offered, state);
    if (resolved && indicator && year !== null) startEarly(urls.values(valuesQueryOf(resolved.area, indicator.code, year, state.level)));
  } catch {
    // The page asks again, and shows the error with a retry.
  }
}
