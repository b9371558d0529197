/**
 * Il mio territorio as every page with a territory picker reads it: the territory asked for (in the URL,
 * else the one this browser remembers), its area once looked up, the catalogue and the health the page's
 * states need, and the choice of a new one (remembered and written into the URL).
 */
import { useState } from 'react';
import { api } from '../api/client';
import type { Health, IndicatorList } from '../api/types';
import { useLatestReady, useResource } from '../api/useResource';
import { parseHash, useUrlState } from '../route';
import { resolveArea, storedHome, storeHome } from '../territory';

export function useHomeTerritory() {
  const { state, navigate } = useUrlState();
  // Asked once per visit: a first-time visitor with no territory in the link is invited to choose one.
  const [prompt] = useState(() => storedHome() === null && parseHash(globalThis.location?.hash ?? '').territory === undefined);
  const requested = state.territory ?? storedHome();
  const health = useResource<Health>('health', api.health);
  const indicators = useResource<IndicatorList>('indicators', api.indicators);
  const resolved = useResource(`area:${requested ?? ''}`, () => resolveArea(requested));
  // While the territory written into the URL is looked up (the same area, kept), the page stays.
  const where = useLatestReady(resolved).data;
  const choose = (code: string) => {
    storeHome(code);
    navigate({ territory: code, level: undefined });
  };
  return { prompt, requested, health, indicators, resolved, where, area: where?.area ?? null, choose };
}
