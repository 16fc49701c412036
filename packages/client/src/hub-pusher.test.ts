// The hall's pusher against a fake hub: catches up a week offline one batch at a time, backs off
// while the hub is away, resynchronises on seq_gap, and sends each seq exactly once.
import type { HallEvent } from '@hallq/shared';
import { HubPusher, type PusherSource } from './hub-pusher';

function log(n: number): HallEvent[] {
  return Array.from({ length: n }, (_, i) => ({
    seq: i + 1, type: 'notice.changed', at: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(), hallId: 'h1', actor: { kind: 'system', id: null }, notices: [],
  }) as HallEvent);
}

function source(events: HallEvent[], reads: number[]): PusherSource {
  return {
    lastSeq: () => events.length,
    eventsAfter: (after, limit) => {
      reads.push(limit);
      return events.slice(after, after + limit);
    },
    hallInfo: () => ({ timezone: 'Asia/Shanghai' }),
    live: () => ({ services: [] }),
  };
}

/** A fake hub: stores what it is sent by the same rules as the real one; may be "down". */
class FakeHub {
  stored: number[] = [];
  down = false;
  calls = 0;
  fetch: typeof fetch = async (_url, init) => {
    this.calls++;
    if (this.down) throw new TypeError('fetch failed');
    const body = JSON.parse(String(init?.body)) as { events: HallEvent[] };
    const ack = this.stored.length;
    const fresh = body.events.filter((e) => e.seq > ack);
    if (fresh.length > 0 && fresh[0]!.seq !== ack + 1) {
      return new Response(JSON.stringify({ error: { code: 'seq_gap', message: '', details: { expectedSeq: ack + 1 } } }), { status: 409 });
    }
    this.stored.push(...fresh.map((e) => e.seq));
    return new Response(JSON.stringify({ ackSeq: this.stored.length }), { status: 200 });
  };
}

const fast = { heartbeatMs: 50, coalesceMs: 1, minBackoffMs: 5, maxBackoffMs: 40 };

test('a week offline (50,000 events) is caught up in order, never more than one batch read at a time', async () => {
  const events = log(50_000);
  const reads: number[] = [];
  const hub = new FakeHub();
  const p = new HubPusher({ hubUrl: 'http://hub', token: 't', hallId: 'h1', source: source(events, reads), fetch: hub.fetch, batchSize: 500, ...fast });
  p.start();
  await p.until(50_000);
  await p.stop();
  expect(hub.stored).toEqual(events.map((e) => e.seq));
  expect(Math.max(...reads)).toBe(500);
  expect(reads.length).toBe(100);
});

test('while the hub is away the pusher backs off, then catches up without loss or duplicates', async () => {
  const events = log(1200);
  const hub = new FakeHub();
  hub.down = true;
  const p = new HubPusher({ hubUrl: 'http://hub', token: 't', hallId: 'h1', source: source(events, []), fetch: hub.fetch, batchSize: 100, ...fast });
  p.start();
  await new Promise((r) => setTimeout(r, 300));
  const attemptsWhileDown = hub.calls;
  expect(p.status().failures).toBeGreaterThan(0);
  // Back-off: far fewer attempts than a tight loop would make in 300 ms.
  expect(attemptsWhileDown).toBeLessThan(30);
  hub.down = false;
  await p.until(1200);
  await p.stop();
  expect(hub.stored).toEqual(events.map((e) => e.seq));
});

test('a hub that lost events (restored) answers seq_gap and gets them again from its expected seq', async () => {
  const events = log(300);
  const hub = new FakeHub();
  const p = new HubPusher({ hubUrl: 'http://hub', token: 't', hallId: 'h1', source: source(events, []), fetch: hub.fetch, batchSize: 100, ...fast });
  p.start();
  await p.until(300);
  hub.stored = hub.stored.slice(0, 120); // the hub's database restored from an older backup
  events.push(...log(310).slice(300));
  p.nudge();
  await p.until(310);
  await new Promise((r) => setTimeout(r, 100));
  await p.stop();
  expect(hub.stored).toEqual(events.map((e) => e.seq));
});

test('new events are pushed on a nudge without waiting for the heartbeat', async () => {
  const events = log(10);
  const hub = new FakeHub();
  const p = new HubPusher({ hubUrl: 'http://hub', token: 't', hallId: 'h1', source: source(events, []), fetch: hub.fetch, ...fast, heartbeatMs: 60_000 });
  p.start();
  await p.until(10);
  events.push(...log(11).slice(10));
  p.nudge();
  await new Promise((r) => setTimeout(r, 200));
  expect(hub.stored.length).toBe(11);
  await p.stop();
});
