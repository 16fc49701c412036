// Small in-memory limiters (one hall server per process), each keyed on what is abused: a ticket's
// publicId, an account, a device, or an address only for guesses. Every refusal says when to come
// back, for the Retry-After header.
import { AppError } from '../services/errors';

/** The 429 every limiter throws: `Retry-After` is set from `details.retryAfterSeconds`. */
export function rateLimited(message: string, retryAfterSeconds: number): AppError {
  return new AppError('rate_limited', message, { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)) });
}

/** Keys kept before idle ones are swept (bounded memory under a flood of distinct keys). */
const SWEEP_AT = 10_000;

/**
 * A token bucket per key: `capacity` requests at once, refilled at `perSecond`. A client that stays
 * at or under the refill rate is never refused.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Takes one token: 0 when allowed, else the seconds until the next token. */
  take(key: string): number {
    const now = this.clock();
    let b = this.buckets.get(key);
    if (!b) {
      if (this.buckets.size >= SWEEP_AT) this.sweep(now);
      b = { tokens: this.capacity, at: now };
      this.buckets.set(key, b);
    }
    b.tokens = Math.min(this.capacity, b.tokens + ((now - b.at) / 1000) * this.perSecond);
    b.at = now;
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return (1 - b.tokens) / this.perSecond;
  }

  /** Drops buckets that are full again (they behave exactly like absent ones). */
  private sweep(now: number): void {
    for (const [k, b] of this.buckets) {
      if (b.tokens + ((now - b.at) / 1000) * this.perSecond >= this.capacity) this.buckets.delete(k);
    }
  }
}

/** Counts events (e.g. failures) per key in a fixed window; over `limit`, the key waits for the window's end. */
export class WindowCounter {
  private readonly hits = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Seconds until `key` may try again; 0 when it is under its limit. */
  wait(key: string): number {
    const h = this.hits.get(key);
    const now = this.clock();
    if (!h || h.resetAt <= now || h.count < this.limit) return 0;
    return (h.resetAt - now) / 1000;
  }

  count(key: string): void {
    const now = this.clock();
    let h = this.hits.get(key);
    if (!h || h.resetAt <= now) {
      if (this.hits.size >= SWEEP_AT) for (const [k, v] of this.hits) if (v.resetAt <= now) this.hits.delete(k);
      h = { count: 0, resetAt: now + this.windowMs };
      this.hits.set(key, h);
    }
    h.count++;
  }
}

/**
 * OWASP's growing delays for one account: the first `free` failures cost nothing, then each
 * further failure makes the account wait 1 s, 2 s, 4 s ... up to `maxDelaySeconds` before its next
 * try. Nobody is locked out for long (a colleague's right password works after at most the cap),
 * and guessing slows to a crawl. A success clears the account; a quiet hour forgets it.
 */
export class GrowingDelay {
  private readonly failures = new Map<string, { count: number; lastAt: number }>();

  constructor(
    private readonly clock: () => number = Date.now,
    private readonly free = 3,
    private readonly maxDelaySeconds = 60,
    private readonly forgetMs = 60 * 60 * 1000,
  ) {}

  delaySeconds(count: number): number {
    return count < this.free ? 0 : Math.min(this.maxDelaySeconds, 2 ** (count - this.free));
  }

  /** Seconds before `key` may try again; 0 when it may try now. */
  wait(key: string): number {
    const f = this.failures.get(key);
    if (!f) return 0;
    const now = this.clock();
    if (now - f.lastAt >= this.forgetMs) {
      this.failures.delete(key);
      return 0;
    }
    return Math.max(0, f.lastAt + this.delaySeconds(f.count) * 1000 - now) / 1000;
  }

  fail(key: string): void {
    const now = this.clock();
    const f = this.failures.get(key);
    if (f && now - f.lastAt < this.forgetMs) {
      f.count++;
      f.lastAt = now;
    } else {
      if (this.failures.size >= SWEEP_AT) for (const [k, v] of this.failures) if (now - v.lastAt >= this.forgetMs) this.failures.delete(k);
      this.failures.set(key, { count: 1, lastAt: now });
    }
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }
}

/** A fixed-window counter per client address (the booking and remote-queue limits of routes/home.ts). */
export class RateLimiter {
  private readonly hits = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** True while `key` is over its limit (does not count a hit). */
  blocked(key: string): boolean {
    const h = this.hits.get(key);
    return h !== undefined && h.resetAt > this.clock() && h.count >= this.limit;
  }

  /** Counts one hit; true when this hit is allowed. */
  hit(key: string): boolean {
    const now = this.clock();
    let h = this.hits.get(key);
    if (!h || h.resetAt <= now) {
      if (this.hits.size > 10000) this.sweep(now);
      h = { count: 0, resetAt: now + this.windowMs };
      this.hits.set(key, h);
    }
    h.count++;
    return h.count <= this.limit;
  }

  /** Whole seconds until `key` may try again (at least 1). */
  retryAfterSeconds(key: string): number {
    const h = this.hits.get(key);
    return Math.max(1, Math.ceil(((h?.resetAt ?? this.clock()) - this.clock()) / 1000));
  }

  reset(key: string): void {
    this.hits.delete(key);
  }

  private sweep(now: number): void {
    for (const [k, h] of this.hits) if (h.resetAt <= now) this.hits.delete(k);
  }
}
