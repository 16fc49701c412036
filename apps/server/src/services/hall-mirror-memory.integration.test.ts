// What the hall server keeps in memory of a day's tickets: of a waiting ticket only what routing
// needs (the rest is read from SQLite when asked), of a ticket at a window the ticket itself, and
// nothing of a ticket once it is done.
import v8 from 'node:v8';
import vm from 'node:vm';
import { WaitingQueue, type RoutingTicket } from '@hallq/shared';
import { issueTicketCommand } from '../routes/halls';
import type { Identity } from './core';
import { PAGE_CACHE_KIB } from '../storage/db';
import { startTestServer, type TestServer } from '../test-support/test-server';

const ROUTING_FIELDS = ['appointmentAt', 'id', 'priority', 'queuedAt', 'serviceId', 'stage'];

describe('the mirror keeps only what routing needs', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  test('a waiting ticket is its routing fields; a done ticket leaves the mirror', async () => {
    const kiosk = s.deviceToken('kiosk');
    const issued = await Promise.all(
      ['svc-reg', 'svc-chg', 'svc-reg'].map((serviceId) => s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId } })),
    );
    for (const r of issued) expect(r.status).toBe(201);
    const m = s.server.deps.mirror.get('demo')!;
    s.server.broadcaster.refresh('demo');
    for (const r of issued) {
      const kept = m.waiting.get(r.body.ticket.id as string)!;
      expect(Object.keys(kept).sort()).toEqual(ROUTING_FIELDS);
      // Names, numbers, languages and public ids are read from SQLite when asked.
      const full = await s.api('GET', `/public/tickets/${r.body.ticket.publicId as string}`);
      expect(full.status).toBe(200);
    }
    expect(m.atWindows.size).toBe(0);

    const staff = await s.login('w01');
    expect((await s.api('POST', '/windows/win-1/sign-in', { token: staff, body: {} })).status).toBe(200);
    const call = await s.api('POST', '/windows/win-1/call-next', { token: staff, body: {} });
    expect(call.status).toBe(200);
    const id = call.body.ticket.id as string;
    expect(m.waiting.has(id)).toBe(false);
    expect(m.atWindows.has(id)).toBe(true);
    expect((await s.api('POST', `/tickets/${id}/start`, { token: staff, body: {} })).status).toBe(200);
    expect((await s.api('POST', `/tickets/${id}/complete`, { token: staff, body: {} })).status).toBe(200);
    s.server.broadcaster.refresh('demo');
    expect([m.waiting.has(id), m.atWindows.has(id), m.estimates.has(id), m.passedOver.has(id)]).toEqual([false, false, false, false]);
    expect(m.waiting.size).toBe(2);
  });

  test("SQLite's page cache is bounded, not the driver's 16 MB default", () => {
    expect(s.server.db.pragma('cache_size', { simple: true })).toBe(-PAGE_CACHE_KIB);
    expect(PAGE_CACHE_KIB).toBeLessThanOrEqual(4096);
  });
});

// What the live queue keeps per waiting ticket, beyond the ticket's own routing fields: its entry
// in the id map and one slot in its lane (no wrapper object, no copy). A hall's 100,000 waiting
// tickets must fit the server's memory budget; measured after a full GC, not timed.
test('the queue keeps per waiting ticket only its id entry and one lane slot', () => {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  const n = 30_000; // fills most of the id map's capacity (32,768), so the figure is not padding
  const tickets: RoutingTicket[] = Array.from({ length: n }, (_, i) => ({
    id: `t${String(i).padStart(7, '0')}`,
    serviceId: ['A', 'B', 'C'][i % 3]!,
    stage: 0,
    queuedAt: Date.UTC(2026, 0, 5, 2) + i * 1000,
    priority: i % 50 === 0,
    appointmentAt: null,
  }));
  const heapUsed = (): number => {
    gc();
    gc();
    return process.memoryUsage().heapUsed;
  };
  const before = heapUsed();
  const queue = new WaitingQueue();
  for (const t of tickets) queue.add(t);
  const perTicket = (heapUsed() - before) / n;
  expect(queue.size).toBe(n);
  // A map entry is 3 words plus its share of the hash buckets; a lane slot one word (arrays grow
  // by half again). A wrapper object per ticket ({ticket, lane}) alone would add 40 bytes.
  expect(perTicket).toBeLessThan(64);
  // Each ticket leaves by its id alone: its lane is found from its own fields.
  for (const t of tickets) queue.remove(t.id);
  expect(queue.size).toBe(0);
});

// What a burst of kiosk requests leaves in V8's old generation: the waiting ticket's routing
// fields, and little else. Each issued ticket's answer, event and batch state are garbage once the
// batch is answered; if they reach the old generation (kept by an old WeakMap's values, or
// allocated there, as V8 does for a literal spreading one object and adding properties), the heap
// grows by kilobytes per ticket until a full collection, and V8 sizes the heap from that.
test('issuing tickets leaves in the old generation little more than what stays live', async () => {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as (options?: { type: 'minor' | 'major' }) => void;
  const s = await startTestServer();
  try {
    const deps = s.server.deps;
    const kiosk = deps.auth.resolve(s.deviceToken('kiosk')) as Identity;
    const issue = (n: number): Promise<unknown[]> =>
      Promise.all(Array.from({ length: n }, (_, i) => deps.run(issueTicketCommand(deps, kiosk, 'demo', { serviceId: i % 2 ? 'svc-reg' : 'svc-chg' }), { savepoint: false })));
    const oldSpace = (): number => v8.getHeapSpaceStatistics().find((x) => x.space_name === 'old_space')!.space_used_size;
    for (let i = 0; i < 10; i++) await issue(32);
    gc();
    gc();
    const [heap0, old0] = [process.memoryUsage().heapUsed, oldSpace()];
    const n = 3000;
    for (let b = 0; b < n / 30; b++) {
      await issue(30); // one batch, answered
      if (b % 10 === 9) gc({ type: 'minor' });
    }
    // Two young collections: what is still referenced then is promoted, as under load.
    gc({ type: 'minor' });
    gc({ type: 'minor' });
    const promoted = (oldSpace() - old0) / n;
    gc();
    gc();
    const live = (process.memoryUsage().heapUsed - heap0) / n;
    // About 350 bytes per ticket measured (250 of them live); 2.5-3.5 kB before the answer and the
    // event were built without a spread literal and the batch kept its tickets in a WeakMap.
    expect(live).toBeLessThan(600);
    expect(promoted).toBeLessThan(1024);
  } finally {
    await s.close();
  }
});
