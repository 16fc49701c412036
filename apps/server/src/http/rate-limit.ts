// A fixed-window counter per client address, in memory (one hall server per process).
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
