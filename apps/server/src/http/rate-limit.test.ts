// The limiters' memory and work under a flood of distinct keys, and their limits across expiry.
// No timing: work is counted as the entries each table looks at (KeyTable.visited), with a fake clock.
import { GrowingDelay, KeyTable, RateLimiter, RecentKeys, TokenBuckets, WindowCounter } from './rate-limit';

function fakeClock(start = 1_000_000): { now: () => number; advance: (ms: number) => void } {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms) };
}

/** Visits per request over a batch of `n` requests made by `request(i)`. */
function visitsPerRequest(table: { visited: number }, n: number, request: (i: number) => void): number {
  const before = table.visited;
  for (let i = 0; i < n; i++) request(i);
  return (table.visited - before) / n;
}

describe('KeyTable', () => {
  it('refuses a bound that is not a positive integer', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(() => new KeyTable(bad, () => false)).toThrow(RangeError);
  });
});

describe('a flood of distinct keys, none expiring', () => {
  it('keeps the table bounded and the work per request constant, whatever the table size', () => {
    for (const maxKeys of [1_000, 20_000]) {
      const clock = fakeClock();
      const unknownIds = new WindowCounter(60, 60_000, clock.now, maxKeys);
      // Fill the table, then keep flooding: every key is still within its window.
      visitsPerRequest(unknownIds.keys, maxKeys, (i) => unknownIds.count(`fill-${i}`));
      expect(unknownIds.keys.size).toBe(maxKeys);
      const perRequest = visitsPerRequest(unknownIds.keys, 5_000, (i) => {
        unknownIds.wait(`flood-${i}`);
        unknownIds.count(`flood-${i}`);
      });
      expect(unknownIds.keys.size).toBeLessThanOrEqual(maxKeys + 1);
      // The front of each list, plus the one entry evicted: independent of maxKeys.
      expect(perRequest).toBeLessThanOrEqual(3);
    }
  });

  it('bounds every limiter, with and without held keys', () => {
    const clock = fakeClock();
    const maxKeys = 500;
    const buckets = new TokenBuckets(10, 1, clock.now, maxKeys);
    const delays = new GrowingDelay(clock.now, 3, 60, 3_600_000, maxKeys);
    const home = new RateLimiter(2, 60_000, clock.now, maxKeys);
    for (let i = 0; i < 5_000; i++) {
      // Every key made held: the worst case for eviction.
      for (let j = 0; j < 11; j++) buckets.take(`p${i}`);
      for (let j = 0; j < 4; j++) delays.fail(`a${i}`);
      for (let j = 0; j < 3; j++) home.hit(`h${i}`);
    }
    for (const l of [buckets, delays, home]) {
      expect(l.keys.size).toBeLessThanOrEqual(maxKeys + 1);
      expect(l.keys.visited).toBeLessThanOrEqual(3 * 5_000 * 11);
    }
  });

  it('forgets expired keys oldest first as time passes, a few entries per request', () => {
    const clock = fakeClock();
    const unknownIds = new WindowCounter(60, 1_000, clock.now, 100_000);
    const perRequest = visitsPerRequest(unknownIds.keys, 20_000, (i) => {
      unknownIds.count(`k${i}`);
      clock.advance(1);
    });
    // Only the keys of the last second are kept; each key is looked at a bounded number of times.
    expect(unknownIds.keys.size).toBeLessThanOrEqual(1_001);
    expect(perRequest).toBeLessThanOrEqual(3);
  });
});

describe('a flood cannot lift the limit of a held key', () => {
  it('a blocked address stays blocked while a flood of other addresses fills the table', () => {
    const clock = fakeClock();
    const unknownIds = new WindowCounter(5, 60_000, clock.now, 100);
    for (let i = 0; i < 5; i++) unknownIds.count('attacker');
    expect(unknownIds.wait('attacker')).toBe(60);
    for (let i = 0; i < 1_000; i++) unknownIds.count(`spoof-${i}`); // open keys: evicted instead
    for (let i = 0; i < 1_000; i++) for (let j = 0; j < 5; j++) unknownIds.count(`held-${i}`); // held keys: overflow
    clock.advance(10_000);
    expect(unknownIds.wait('attacker')).toBe(50);
    expect(unknownIds.keys.size).toBeLessThanOrEqual(101);
  });

  it('when every slot is held, new keys share one overflow budget, never an unlimited one, until it expires', () => {
    const clock = fakeClock();
    const home = new RateLimiter(3, 60_000, clock.now, 10);
    for (let i = 0; i < 10; i++) for (let j = 0; j < 3; j++) home.hit(`held-${i}`);
    expect([home.hit('new-1'), home.hit('new-2'), home.hit('new-3'), home.hit('new-4')]).toEqual([true, true, true, false]);
    expect(home.blocked('new-5')).toBe(true);
    expect(home.retryAfterSeconds('new-5')).toBe(60);
    clock.advance(60_000); // the held keys and the overflow expire together
    expect(home.blocked('new-5')).toBe(false);
    expect(home.hit('new-5')).toBe(true);
  });

  it('a delayed account keeps its delay through a flood of failures on other accounts', () => {
    const clock = fakeClock();
    const delays = new GrowingDelay(clock.now, 3, 60, 3_600_000, 50);
    for (let i = 0; i < 8; i++) delays.fail('admin');
    expect(delays.wait('admin')).toBe(32);
    for (let i = 0; i < 500; i++) delays.fail(`user-${i}`);
    for (let i = 0; i < 500; i++) for (let j = 0; j < 3; j++) delays.fail(`guess-${i}`);
    expect(delays.wait('admin')).toBe(32);
    // A fresh account tried during the flood shares the overflow's delay rather than none.
    expect(delays.wait('fresh')).toBeGreaterThan(0);
    delays.succeed('fresh'); // a success clears its own account only, not the shared overflow
    expect(delays.wait('fresh')).toBeGreaterThan(0);
  });

  it('an open key is evicted oldest first, and only after maxKeys newer keys', () => {
    const clock = fakeClock();
    const unknownIds = new WindowCounter(5, 60_000, clock.now, 100);
    for (let i = 0; i < 4; i++) unknownIds.count('a');
    for (let i = 0; i < 99; i++) unknownIds.count(`k${i}`);
    unknownIds.count('a'); // still remembered: reaches the limit
    expect(unknownIds.wait('a')).toBe(60);
    for (let i = 0; i < 4; i++) unknownIds.count('b');
    for (let i = 0; i < 100; i++) unknownIds.count(`m${i}`); // 100 newer keys: 'b', under its limit, is the oldest open one
    unknownIds.count('b');
    expect(unknownIds.wait('b')).toBe(0); // forgotten: a fresh window (the price of a bound, paid in 100 fresh keys)
    expect(unknownIds.wait('a')).toBe(60); // held: kept
  });
});

describe('limits across expiry, with a fake clock', () => {
  it('token buckets: burst, refill, and a full bucket forgotten without changing the limit', () => {
    const clock = fakeClock();
    const buckets = new TokenBuckets(10, 1, clock.now, 100);
    for (let i = 0; i < 10; i++) expect(buckets.take('t')).toBe(0);
    expect(buckets.take('t')).toBe(1);
    clock.advance(1_000);
    expect(buckets.take('t')).toBe(0);
    expect(buckets.take('t')).toBeCloseTo(1);
    clock.advance(10_000); // full again: dropped when the next key arrives
    buckets.take('other');
    expect(buckets.keys.size).toBe(1);
    for (let i = 0; i < 10; i++) expect(buckets.take('t')).toBe(0);
    expect(buckets.take('t')).toBe(1);
    // One request a second, sustained, is never refused.
    clock.advance(10_000);
    for (let i = 0; i < 100; i++) {
      expect(buckets.take('steady')).toBe(0);
      clock.advance(1_000);
    }
  });

  it('window counters: blocked until the window ends, then a fresh window', () => {
    const clock = fakeClock();
    const counter = new WindowCounter(3, 60_000, clock.now, 100);
    for (let i = 0; i < 3; i++) counter.count('x');
    expect(counter.wait('x')).toBe(60);
    clock.advance(59_000);
    expect(counter.wait('x')).toBe(1);
    clock.advance(1_000);
    expect(counter.wait('x')).toBe(0);
    counter.count('x');
    expect(counter.wait('x')).toBe(0);
  });

  it('growing delays: 1 s, 2 s, 4 s ... capped, cleared by success, forgotten after a quiet hour', () => {
    const clock = fakeClock();
    const delays = new GrowingDelay(clock.now, 3, 60, 3_600_000, 100);
    for (let i = 0; i < 3; i++) delays.fail('u');
    expect(delays.wait('u')).toBe(1);
    delays.fail('u');
    expect(delays.wait('u')).toBe(2);
    for (let i = 0; i < 10; i++) delays.fail('u');
    expect(delays.wait('u')).toBe(60);
    clock.advance(3_600_000);
    expect(delays.wait('u')).toBe(0);
    delays.fail('u');
    expect(delays.wait('u')).toBe(0);
    for (let i = 0; i < 5; i++) delays.fail('v');
    delays.succeed('v');
    expect(delays.wait('v')).toBe(0);
  });

  it('fixed-window limiter: Retry-After counts down, reset clears', () => {
    const clock = fakeClock();
    const home = new RateLimiter(2, 600_000, clock.now, 100);
    expect([home.hit('ip'), home.hit('ip'), home.hit('ip')]).toEqual([true, true, false]);
    expect(home.blocked('ip')).toBe(true);
    clock.advance(300_500);
    expect(home.retryAfterSeconds('ip')).toBe(300);
    home.reset('ip');
    expect(home.blocked('ip')).toBe(false);
    expect(home.retryAfterSeconds('ip')).toBe(1);
    clock.advance(600_000);
    expect(home.hit('ip')).toBe(true);
  });
});

describe('RecentKeys', () => {
  test('a key is known for its time to live after its last mark, and memory stays bounded', () => {
    const clock = fakeClock();
    const known = new RecentKeys(1000, clock.now, 3);
    expect(known.has('a')).toBe(false);
    known.mark('a');
    clock.advance(600);
    known.mark('a');
    clock.advance(600);
    expect(known.has('a')).toBe(true);
    clock.advance(400);
    expect(known.has('a')).toBe(false);
    for (const k of ['b', 'c', 'd', 'e']) known.mark(k);
    expect(known.keys.size).toBeLessThanOrEqual(3);
    expect(known.has('e')).toBe(true);
    expect(known.has('b')).toBe(false);
  });
});
