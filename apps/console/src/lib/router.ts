// A small path router under /console/: pages are plain paths (/console/counter,
// /console/admin/services, /console/reports ...) so new pages only add a route.
import { useEffect, useState } from 'react';

export const BASE = '/console';

/** "/console/admin/services?x=1" -> "/admin/services"; "/console" -> "/". */
export function routeOf(pathname: string): string {
  let p = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname;
  if (!p.startsWith('/')) p = `/${p}`;
  if (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  return p;
}

/** The URL of a route, keeping `?lang=`; `hash` ("follow-ups") points at a section of the page. */
export function hrefOf(route: string, hash?: string): string {
  return `${BASE}${route === '/' ? '/' : route}${window.location.search.includes('lang=') ? window.location.search : ''}${hash ? `#${hash}` : ''}`;
}

export function navigate(route: string, replace = false, hash?: string): void {
  const url = hrefOf(route, hash);
  if (replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function useRoute(): string {
  const [route, setRoute] = useState(() => routeOf(window.location.pathname));
  useEffect(() => {
    const on = () => setRoute(routeOf(window.location.pathname));
    window.addEventListener('popstate', on);
    return () => window.removeEventListener('popstate', on);
  }, []);
  return route;
}

/** Does `route` fall under `prefix` ("/admin" matches "/admin/services")? */
export function matches(route: string, prefix: string): boolean {
  return route === prefix || route.startsWith(`${prefix}/`);
}
