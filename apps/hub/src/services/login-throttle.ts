// Wrong passwords slow down the account tried, on every hub process alike (kept in Redis): from
// the fifth failure in a row the account waits 1, 2, 4, ... up to 60 seconds before the next try.
// Growing delays, not a lock anyone could trigger for good; a right password clears them.

/** The few Redis hash commands the throttle needs. */
export interface ThrottleStore {
  get(key: string, field: string): Promise<string | null>;
  increment(key: string, field: string): Promise<number>;
  set(key: string, field: string, value: string, ttlSeconds: number): Promise<void>;
  forget(key: string): Promise<void>;
}

const FREE_TRIES = 4;
const MAX_DELAY_S = 60;
const MEMORY_S = 15 * 60;

export class LoginThrottle {
  constructor(private readonly store: ThrottleStore, private readonly prefix: string) {}

  private key(username: string): string {
    return `${this.prefix}:login:${username.toLowerCase()}`;
  }

  /** Seconds the account must still wait (0: it may try now). */
  async retryAfter(username: string, now: number): Promise<number> {
    const until = Number(await this.store.get(this.key(username), 'until'));
    return Number.isFinite(until) && until > now ? Math.ceil((until - now) / 1000) : 0;
  }

  async failed(username: string, now: number): Promise<void> {
    const key = this.key(username);
    const n = await this.store.increment(key, 'failures');
    const until = n > FREE_TRIES ? now + Math.min(MAX_DELAY_S, 2 ** (n - FREE_TRIES - 1)) * 1000 : 0;
    await this.store.set(key, 'until', String(until), MEMORY_S);
  }

  async succeeded(username: string): Promise<void> {
    await this.store.forget(this.key(username));
  }
}
