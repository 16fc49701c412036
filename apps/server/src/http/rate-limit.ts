// Small in-memory limiters (one hall server per process), each keyed on what is abused: a ticket's
// publicId, an account, a device, or an address only for guesses. Every refusal says when to come
// back, for the Retry-After header.
//
// Memory and CPU under a flood of distinct keys: every limiter keeps its keys in a KeyTable, which
// forgets expired keys oldest first (keys sit in lists in the order they were last used: windows
// and delays have fixed lengths, so the oldest expire first) and never holds more than
// `maxKeys` keys. Each request does O(1) amortised work: it looks at most at the front entry of
// each list plus the entries it removes, and each entry is removed once.
//
// When the table is full of live keys, the choice of what to forget must not lift anyone's limit:
//   - keys that are not holding anyone back yet ("open": under their limit, no delay) are evicted
//     oldest first. Evicting one takes `maxKeys` newer distinct keys, each with a full budget of its
//     own, so an attacker gains at most one key's budget per `maxKeys` keys it already controls;
//   - keys that are holding someone back ("held": refused, waiting, delayed) are never evicted
//     before they expire: flooding the table cannot release a blocked address, device or account;
//   - when every slot is held, new keys share one overflow entry with the same limit until it
//     expires: the flood and whoever arrives during it share one budget (never an unlimited one),
//     and memory stays bounded at `maxKeys` + 1 entries.
import { AppError } from '../services/errors';

/** The 429 every limiter throws: `Retry-After` is set from `details.retryAfterSeconds`. */
export function rateLimited(message: string, retryAfterSeconds: number): AppError {
  return new AppError('rate_limited', message, { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)) });
}

/** Keys each limiter remembers at most (about 100 bytes each), beyond which the rules above apply. */
export const MAX_KEYS = 50_000;

/** A node of an intrusive doubly linked list, oldest first. */
interface Node<V> {
  key: string;
  value: V;
  held: boolean;
  prev: Node<V> | undefined;
  next: Node<V> | undefined;
}

/**
 * An insertion-ordered list with O(1) append, removal and access to the oldest node. (A Map's own
 * order is not used for this: V8 keeps deleted entries as holes until it rehashes, so an iterator
 * taken from the front after many front deletions walks every hole, O(table size) per request.)
 */
class OrderedList<V> {
  first: Node<V> | undefined;
  private last: Node<V> | undefined;
  size = 0;

  append(n: Node<V>): void {
    n.prev = this.last;
    n.next = undefined;
    if (this.last) this.last.next = n;
    else this.first = n;
    this.last = n;
    this.size++;
  }

  remove(n: Node<V>): void {
    if (n.prev) n.prev.next = n.next;
    else this.first = n.next;
    if (n.next) n.next.prev = n.prev;
    else this.last = n.prev;
    n.prev = n.next = undefined;
    this.size--;
  }
}

/**
 * Per-key entries with expiry by insertion order and a hard bound (see the file's comment).
 * `visited` counts the entries looked at by expiry and eviction, so tests can check the work per
 * request without timing anything.
 */
export class KeyTable<V extends object> {
  private readonly nodes = new Map<string, Node<V>>();
  private readonly open = new OrderedList<V>();
  private readonly held = new OrderedList<V>();
  private overflow: V | undefined;
  /** Entries examined by expiry and eviction since creation. */
  visited = 0;

  constructor(
    private readonly maxKeys: number,
    private readonly expired: (v: V, now: number) => boolean,
  ) {
    if (!Number.isInteger(maxKeys) || maxKeys < 1) throw new RangeError(`maxKeys must be a positive integer, got ${maxKeys}`);
  }

  /** Keys remembered, the overflow entry included. */
  get size(): number {
    return this.nodes.size + (this.overflow ? 1 : 0);
  }

  /**
   * The live entry for `key`: its own, else the shared overflow entry while that is live, else
   * undefined (an expired entry is dropped here).
   */
  find(key: string, now: number): V | undefined {
    const own = this.nodes.get(key);
    if (own) {
      if (!this.expired(own.value, now)) return own.value;
      this.drop(own);
    }
    if (this.overflow && this.expired(this.overflow, now)) this.overflow = undefined;
    return this.overflow;
  }

  /** Adds a new entry for `key` (absent per `find`) and returns the entry to use: `v`, or the overflow entry when every slot is held. */
  add(key: string, v: V, now: number): V {
    this.expireFront(this.open, now);
    this.expireFront(this.held, now);
    if (this.nodes.size >= this.maxKeys) {
      const oldest = this.open.first;
      if (!oldest) {
        if (!this.overflow || this.expired(this.overflow, now)) this.overflow = v;
        return this.overflow;
      }
      this.visited++;
      this.drop(oldest);
    }
    const n: Node<V> = { key, value: v, held: false, prev: undefined, next: undefined };
    this.nodes.set(key, n);
    this.open.append(n);
    return v;
  }

  /** Moves `key` to the back of the held list (`held`) or of the open list: marks it used now. */
  touch(key: string, v: V, held: boolean): void {
    const n = this.nodes.get(key);
    if (!n || n.value !== v) return; // the overflow entry, shared by keys without their own
    (n.held ? this.held : this.open).remove(n);
    n.held = held;
    (held ? this.held : this.open).append(n);
  }

  /** Forgets `key` (the overflow entry, shared by others, stays). */
  delete(key: string): void {
    const n = this.nodes.get(key);
    if (n) this.drop(n);
  }

  private drop(n: Node<V>): void {
    (n.held ? this.held : this.open).remove(n);
    this.nodes.delete(n.key);
  }

  private expireFront(list: OrderedList<V>, now: number): void {
    for (let n = list.first; n; n = list.first) {
      this.visited++;
      if (!this.expired(n.value, now)) return;
      this.drop(n);
    }
  }
}

/**
 * A token bucket per key: `capacity` requests at once, refilled at `perSecond`. A client that stays
 * at or under the refill rate is never refused. A bucket that is full again is forgotten (it
 * behaves exactly like an absent one); an empty one is held.
 */
export class TokenBuckets {
  /** The buckets (exposed for tests: size and work done). */
  readonly keys: KeyTable<{ tokens: number; at: number }>;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly clock: () => number = Date.now,
    maxKeys = MAX_KEYS,
  ) {
    this.keys = new KeyTable(maxKeys, (b, now) => this.level(b, now) >= this.capacity);
  }

  /** Takes one token: 0 when allowed, else the seconds until the next token. */
  take(key: string): number {
    const now = this.clock();
    const b = this.keys.find(key, now) ?? this.keys.add(key, { tokens: this.capacity, at: now }, now);
    b.tokens = Math.min(this.capacity, this.level(b, now));
    b.at = now;
    let wait = 0;
    if (b.tokens >= 1) b.tokens -= 1;
    else wait = (1 - b.tokens) / this.perSecond;
    this.keys.touch(key, b, b.tokens < 1);
    return wait;
  }

  private level(b: { tokens: number; at: number }, now: number): number {
    return b.tokens + ((now - b.at) / 1000) * this.perSecond;
  }
}

/** Counts events (e.g. failures) per key in a fixed window; over `limit`, the key waits for the window's end. */
export class WindowCounter {
  /** The windows (exposed for tests: size and work done). */
  readonly keys: KeyTable<{ count: number; resetAt: number }>;

  constructor(
    protected readonly limit: number,
    private readonly windowMs: number,
    protected readonly clock: () => number = Date.now,
    maxKeys = MAX_KEYS,
  ) {
    this.keys = new KeyTable(maxKeys, (h, now) => h.resetAt <= now);
  }

  /** Seconds until `key` may try again; 0 when it is under its limit. */
  wait(key: string): number {
    const now = this.clock();
    const h = this.keys.find(key, now);
    if (!h || h.count < this.limit) return 0;
    return (h.resetAt - now) / 1000;
  }

  /** Counts one event; returns the count in the window so far. */
  count(key: string): number {
    const now = this.clock();
    const h = this.keys.find(key, now) ?? this.keys.add(key, { count: 0, resetAt: now + this.windowMs }, now);
    h.count++;
    this.keys.touch(key, h, h.count >= this.limit);
    return h.count;
  }
}

/**
 * OWASP's growing delays for one account: the first `free` failures cost nothing, then each
 * further failure makes the account wait 1 s, 2 s, 4 s ... up to `maxDelaySeconds` before its next
 * try. Nobody is locked out for long (a colleague's right password works after at most the cap),
 * and guessing slows to a crawl. A success clears the account; a quiet hour forgets it. An account
 * that is being delayed is held: a flood of other accounts cannot make it forgotten.
 */
export class GrowingDelay {
  /** The failures (exposed for tests: size and work done). */
  readonly keys: KeyTable<{ count: number; lastAt: number }>;

  constructor(
    private readonly clock: () => number = Date.now,
    private readonly free = 3,
    private readonly maxDelaySeconds = 60,
    private readonly forgetMs = 60 * 60 * 1000,
    maxKeys = MAX_KEYS,
  ) {
    this.keys = new KeyTable(maxKeys, (f, now) => now - f.lastAt >= this.forgetMs);
  }

  delaySeconds(count: number): number {
    return count < this.free ? 0 : Math.min(this.maxDelaySeconds, 2 ** (count - this.free));
  }

  /** Seconds before `key` may try again; 0 when it may try now. */
  wait(key: string): number {
    const now = this.clock();
    const f = this.keys.find(key, now);
    if (!f) return 0;
    return Math.max(0, f.lastAt + this.delaySeconds(f.count) * 1000 - now) / 1000;
  }

  fail(key: string): void {
    const now = this.clock();
    const f = this.keys.find(key, now) ?? this.keys.add(key, { count: 0, lastAt: now }, now);
    f.count++;
    f.lastAt = now;
    this.keys.touch(key, f, f.count >= this.free);
  }

  succeed(key: string): void {
    this.keys.delete(key);
  }
}

/**
 * Keys remembered for a while after they were last marked (e.g. an account that signed in from an
 * address), bounded like every limiter here: when full, the oldest are forgotten first.
 */
export class RecentKeys {
  readonly keys: KeyTable<{ until: number }>;

  constructor(
    private readonly ttlMs: number,
    private readonly clock: () => number = Date.now,
    maxKeys = MAX_KEYS,
  ) {
    this.keys = new KeyTable(maxKeys, (k, now) => k.until <= now);
  }

  /** True while `key` was marked less than the time to live ago. (Keys are never held, so no
   * overflow entry ever stands in for an absent one.) */
  has(key: string): boolean {
    return this.keys.find(key, this.clock()) !== undefined;
  }

  mark(key: string): void {
    const now = this.clock();
    const k = this.keys.find(key, now) ?? this.keys.add(key, { until: now + this.ttlMs }, now);
    k.until = now + this.ttlMs;
    this.keys.touch(key, k, false);
  }
}

/** A fixed-window counter per client address (the booking and remote-queue limits of routes/home.ts) that allows or refuses each hit. */
export class RateLimiter extends WindowCounter {
  /** True while `key` is over its limit (does not count a hit). */
  blocked(key: string): boolean {
    return this.wait(key) > 0;
  }

  /** Counts one hit; true when this hit is allowed. */
  hit(key: string): boolean {
    return this.count(key) <= this.limit;
  }

  /** Whole seconds until `key` may try again (at least 1). */
  retryAfterSeconds(key: string): number {
    const now = this.clock();
    const h = this.keys.find(key, now);
    return Math.max(1, Math.ceil(((h?.resetAt ?? now) - now) / 1000));
  }

  reset(key: string): void {
    this.keys.delete(key);
  }
}
