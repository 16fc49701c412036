import type { QueueEstimates, ServiceQueueView } from '@hallq/shared';
import { buildOpenApiDocument } from '../openapi';
import { SCREEN_ESTIMATES_INTERVAL_MS, SCREEN_MAX_DEFER_MS, SCREEN_RECHECK_MS, ScreenPacer, screenKey } from './screen-pacer';

// The pace of a hall's screens' estimates, counted in messages: the hall clock and real time are
// both driven by the test (a list of due callbacks stands for the timers).
function harness() {
  let hallNow = 0;
  let real = 0;
  let timers: Array<{ at: number; fn: () => void; live: boolean }> = [];
  const sent: string[] = [];
  const writes = { busy: false, unflushed: false };
  const pacer = new ScreenPacer<string>(
    (msg) => sent.push(msg),
    {
      now: () => hallNow,
      elapsed: () => real,
      after: (ms, fn) => {
        const t = { at: real + ms, fn, live: true };
        timers.push(t);
        return { cancel: () => void (t.live = false) };
      },
    },
    { busy: () => writes.busy || writes.unflushed, unflushed: () => writes.unflushed },
  );
  /** Real time and the hall's clock move on together; due timers fire in order. */
  const advance = (ms: number): void => {
    const end = real + ms;
    for (;;) {
      const next = timers.filter((t) => t.live && t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      hallNow += next.at - real;
      real = next.at;
      next.live = false;
      next.fn();
    }
    hallNow += end - real;
    real = end;
    timers = timers.filter((t) => t.live);
  };
  return { pacer, sent, writes, advance, pendingTimers: () => timers.filter((t) => t.live).length };
}

const view = (over: Partial<ServiceQueueView> = {}): ServiceQueueView => ({
  serviceId: 'svc-a',
  waiting: 3,
  longestWaitSeconds: 100,
  estimatedWaitSeconds: 600,
  estimatedWaitRange: { lowSeconds: 400, highSeconds: 900 },
  acceptingTickets: true,
  ...over,
});
const msg = (services: ServiceQueueView[], seq = 1): Pick<QueueEstimates, 'services' | 'seq'> => ({ seq, services });

describe('what a screen shows of queue.estimates (screenKey)', () => {
  test('the seconds behind a wait read in the same whole minutes, the longest wait, seq and at do not count', () => {
    const a = screenKey(msg([view()], 1));
    // 400-900 s reads 6-15 min; 410-880 s too.
    expect(screenKey(msg([view({ estimatedWaitSeconds: 610, estimatedWaitRange: { lowSeconds: 410, highSeconds: 880 }, longestWaitSeconds: 130 })], 9))).toBe(a);
  });
  test('the waiting count, the wait as shown, the range as shown and whether the service takes tickets count', () => {
    const a = screenKey(msg([view()]));
    expect(screenKey(msg([view({ waiting: 4 })]))).not.toBe(a);
    expect(screenKey(msg([view({ estimatedWaitRange: { lowSeconds: 400, highSeconds: 1000 } })]))).not.toBe(a);
    expect(screenKey(msg([view({ estimatedWaitRange: null })]))).not.toBe(a);
    expect(screenKey(msg([view({ estimatedWaitSeconds: null, estimatedWaitRange: null })]))).not.toBe(a);
    expect(screenKey(msg([view({ acceptingTickets: false, closedReason: 'quota_reached' })]))).not.toBe(a);
    expect(screenKey(msg([view(), view({ serviceId: 'svc-b' })]))).not.toBe(a);
  });
});

describe('ScreenPacer', () => {
  test('the first change goes out at once; the same figures again send nothing', () => {
    const h = harness();
    h.pacer.offer('m1', 'A');
    expect(h.sent).toEqual(['m1']);
    for (let i = 0; i < 10; i++) {
      h.advance(500);
      h.pacer.offer(`same${i}`, 'A');
    }
    expect(h.sent).toEqual(['m1']);
    expect(h.pendingTimers()).toBe(0);
  });

  test('changes within the interval wait for its end, then the latest goes out: one message, the last change not lost', () => {
    const h = harness();
    h.pacer.offer('m1', 'A');
    h.advance(100);
    h.pacer.offer('m2', 'B');
    h.advance(100);
    h.pacer.offer('m3', 'C');
    expect(h.sent).toEqual(['m1']);
    h.advance(SCREEN_ESTIMATES_INTERVAL_MS - 201);
    expect(h.sent).toEqual(['m1']);
    h.advance(1);
    expect(h.sent).toEqual(['m1', 'm3']);
    // Quiet again: nothing more, nothing armed.
    h.advance(10 * SCREEN_ESTIMATES_INTERVAL_MS);
    expect(h.sent).toEqual(['m1', 'm3']);
    expect(h.pendingTimers()).toBe(0);
  });

  test('a change undone within the interval sends nothing', () => {
    const h = harness();
    h.pacer.offer('m1', 'A');
    h.advance(100);
    h.pacer.offer('m2', 'B');
    h.advance(100);
    h.pacer.offer('m3', 'A');
    h.advance(10 * SCREEN_ESTIMATES_INTERVAL_MS);
    expect(h.sent).toEqual(['m1']);
  });

  test('under a steady stream of changes: one message per interval', () => {
    const h = harness();
    for (let i = 0; i < 200; i++) {
      h.pacer.offer(`m${i}`, `K${i}`);
      h.advance(100);
    }
    // 20 s of changes every 100 ms: one at once, then one per interval.
    expect(h.sent.length).toBe(1 + Math.floor((200 * 100) / SCREEN_ESTIMATES_INTERVAL_MS));
    h.advance(SCREEN_ESTIMATES_INTERVAL_MS);
    expect(h.sent.at(-1)).toBe('m199');
  });

  test('waits while the write path is busy or has just published, and goes out once it is quiet', () => {
    const h = harness();
    h.writes.busy = true;
    h.pacer.offer('m1', 'A');
    expect(h.sent).toEqual([]);
    h.advance(5 * SCREEN_RECHECK_MS);
    expect(h.sent).toEqual([]);
    h.pacer.offer('m2', 'B');
    h.writes.busy = false;
    h.advance(SCREEN_RECHECK_MS);
    // The latest figures, once.
    expect(h.sent).toEqual(['m2']);
  });

  test('a busy write path delays it at most SCREEN_MAX_DEFER_MS, and never while a batch is being flushed', () => {
    const h = harness();
    h.writes.busy = true;
    h.pacer.offer('m1', 'A');
    h.advance(SCREEN_MAX_DEFER_MS - 1);
    expect(h.sent).toEqual([]);
    h.writes.unflushed = true;
    h.advance(4 * SCREEN_RECHECK_MS);
    expect(h.sent).toEqual([]);
    h.writes.unflushed = false;
    h.advance(SCREEN_RECHECK_MS);
    expect(h.sent).toEqual(['m1']);
  });

  test('overdue while batches are always in flight: it goes out at the moment the write path says none is', () => {
    const h = harness();
    const gaps: Array<() => void> = [];
    const pacer = new ScreenPacer<string>((m) => h.sent.push(m), { now: () => 0, elapsed: () => elapsed, after: (_ms, fn) => (later.push(fn), { cancel: () => undefined }) }, {
      busy: () => true,
      unflushed: () => true,
      whenPublished: (work) => gaps.push(work),
    });
    let elapsed = 0;
    const later: Array<() => void> = [];
    pacer.offer('m1', 'A');
    expect(gaps).toHaveLength(0);
    elapsed = SCREEN_MAX_DEFER_MS;
    later.shift()!();
    expect(h.sent).toEqual([]);
    expect(gaps).toHaveLength(1);
    gaps[0]!();
    expect(h.sent).toEqual(['m1']);
  });

  test('after forget (no screen left) the same figures go out again as a change', () => {
    const h = harness();
    h.pacer.offer('m1', 'A');
    h.pacer.forget();
    h.advance(SCREEN_ESTIMATES_INTERVAL_MS);
    h.pacer.offer('m2', 'A');
    expect(h.sent).toEqual(['m1', 'm2']);
  });

  test('stopped: nothing goes out, nothing stays armed', () => {
    const h = harness();
    h.pacer.offer('m1', 'A');
    h.pacer.offer('m2', 'B');
    h.pacer.stop();
    h.pacer.offer('m3', 'C');
    h.advance(10 * SCREEN_ESTIMATES_INTERVAL_MS);
    expect(h.sent).toEqual(['m1']);
    expect(h.pendingTimers()).toBe(0);
  });
});

describe("the API document's cadence for screens", () => {
  test('says the interval and the longest deferral this code uses', () => {
    const doc = buildOpenApiDocument() as unknown as { 'x-realtime': { serverToClient: Record<string, { description: string }> } };
    const text = doc['x-realtime'].serverToClient['queue.estimates']!.description;
    expect(text).toContain(`At most one every ${SCREEN_ESTIMATES_INTERVAL_MS / 1000} seconds per hall`);
    expect(text).toContain(`up to ${SCREEN_MAX_DEFER_MS} ms`);
  });
});
