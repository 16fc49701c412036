// The server serves one index.html at /display, /display/window/:n and /rating/:n.
export type Route = { page: 'hall' } | { page: 'window'; windowNumber: number } | { page: 'rating'; windowNumber: number };

export function routeOf(pathname: string): Route {
  const win = /\/display\/window\/(\d+)\/?$/.exec(pathname);
  if (win) return { page: 'window', windowNumber: Number(win[1]) };
  const rating = /\/rating\/(\d+)\/?$/.exec(pathname);
  if (rating) return { page: 'rating', windowNumber: Number(rating[1]) };
  return { page: 'hall' };
}

