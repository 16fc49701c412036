// A read a screen repeats when something may have changed (the hall's config, a display's
// scope): it keeps trying until it has an answer, backing off up to 10 s, and only the latest
// request's answer is used, so a slow earlier answer never overwrites a newer one.

export interface LatestReadOptions {
  /** True once the page is gone: no more tries. */
  closed(): boolean;
  /** Waits before the next try (attempt 0, 1, ...). */
  sleep?(ms: number): Promise<void>;
}

export const retryDelayMs = (attempt: number): number => Math.min(10_000, 1000 * (attempt + 1));

export function latestRead<T>(read: () => Promise<T>, use: (value: T) => void, options: LatestReadOptions): () => Promise<void> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let latest = 0;
  return async () => {
    const mine = ++latest;
    for (let attempt = 0; !options.closed() && mine === latest; attempt++) {
      try {
        const value = await read();
        if (mine === latest && !options.closed()) use(value);
        return;
      } catch {
        await sleep(retryDelayMs(attempt));
      }
    }
  };
}
