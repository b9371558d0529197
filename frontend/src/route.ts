import { useEffect, useState } from 'react';

/** The dashboard's pages, addressed by the URL hash so that the backend serves one index.html for all. */
export type Route = 'indicators' | 'quality';

export const ROUTE_HASH: Record<Route, string> = { indicators: '#/', quality: '#/qualita' };

export function routeOf(hash: string): Route {
  return hash === ROUTE_HASH.quality ? 'quality' : 'indicators';
}

export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => routeOf(globalThis.location?.hash ?? ''));
  useEffect(() => {
    const onChange = () => setRoute(routeOf(globalThis.location.hash));
    globalThis.addEventListener('hashchange', onChange);
    return () => globalThis.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
