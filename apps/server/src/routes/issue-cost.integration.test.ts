import { io as connect } from 'socket.io-client';
import { Forecast } from '@hallq/shared';
import { startTestServer, type TestServer } from '../test-support/test-server';
import { ROWS_PER_INSERT } from '../storage/ticket-repo';

// What keeps ticket issue fast, counted rather than timed: the SQL a ticket costs, a token
// resolved once and then held, and an event log that is only ever appended to.
describe('the cost of issuing a ticket', () => {
  let s: TestServer;
  const statements: string[] = [];
  beforeEach(async () => {
    statements.length = 0;
    s = await startTestServer({ onSql: (sql) => statements.push(sql.replace(/\s+/g, ' ').trim()) });
  });
  afterEach(() => s.close());

  const count = (pattern: RegExp): number => statements.filter((q) => pattern.test(q)).length;

  test('a batch writes its tickets in one statement and their events in another, numbered by one counter update; nothing is read back or rewritten', async () => {
    const staff = await s.login('w01');
    await s.api('POST', '/windows/win-1/sign-in', { token: staff, body: {} });
    const kiosk = s.deviceToken('kiosk');
    await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-reg' } }); // the token is now known
    statements.length = 0;
    const n = 24;
    const replies = await Promise.all(
      Array.from({ length: n }, () => s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-reg' } })),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(n).fill(201));
    const issued = statements.length;

    const batches = count(/^BEGIN/);
    // One counter update per batch (and per day and prefix) gives the batch's tickets their numbers.
    expect(count(/^INSERT INTO ticket_counters/)).toBe(batches);
    // One multi-row insert of the batch's tickets and one of their events (up to 64 a statement).
    expect(batches).toBeLessThan(n);
    expect(count(/^INSERT INTO tickets /)).toBe(batches);
    // The issue command itself writes nothing (its writes are the batch's): no savepoint per ticket.
    expect(count(/^SAVEPOINT/)).toBe(0);
    expect(count(/^INSERT INTO events /)).toBe(batches);
    expect(s.server.deps.repos.log.eventsAfter('demo', 0, 10_000).filter((e) => e.type === 'ticket.issued')).toHaveLength(n + 1);
    // No ticket or event is updated after it is written, and no row is read back for the reply.
    expect(count(/^UPDATE (tickets|events)/)).toBe(0);
    expect(count(/^DELETE FROM events/)).toBe(0);
    expect(count(/FROM tickets WHERE id = /)).toBe(0);
    // The token was resolved once before: no session or device lookup per request.
    expect(count(/FROM (sessions|devices)/)).toBe(0);
    // The hall's last seq is read at most once per batch, never once per event.
    expect(count(/MAX\(seq\)/)).toBeLessThanOrEqual(batches);
    // Each batch's COMMIT leaves the disk flush to its own thread: it is committed with
    // synchronous=NORMAL (set before BEGIN, FULL again after COMMIT) and flushed off the event loop.
    expect(count(/^PRAGMA synchronous = NORMAL/)).toBe(batches);
    expect(count(/^PRAGMA synchronous = FULL/)).toBe(batches);
    // Per batch: BEGIN, COMMIT, the last seq, the counter, the two switches, the check that it
    // wrote something, the tickets and their events; nothing per ticket.
    expect(issued).toBeLessThanOrEqual(9 * batches);
    // Numbers in issue order, each once, with no gap.
    const numbers = replies.map((r) => Number(String(r.body.ticket.number).replace(/^\D+/, ''))).sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, i) => numbers[0]! + i));

    // The event carries the estimate the visitor was given: computed before it was appended.
    const events = s.server.deps.repos.log.eventsAfter('demo', 0, 10_000).filter((e) => e.type === 'ticket.issued');
    for (const r of replies) {
      const e = events.find((x) => x.type === 'ticket.issued' && x.ticket.id === r.body.ticket.id);
      expect(e?.type === 'ticket.issued' && [e.ticket.peopleAhead, e.ticket.estimatedWaitSeconds]).toEqual([r.body.ticket.peopleAhead, r.body.ticket.estimatedWaitSeconds]);
    }
    // Every seq once, in order, with no gap.
    const seqs = s.server.deps.repos.log.eventsAfter('demo', 0, 10_000).map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  });

  test('a batch of more tickets than one insert holds writes them all, in order, one insert per 64', async () => {
    const kiosk = s.deviceToken('kiosk');
    const first = await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-reg' } });
    const stored = s.server.deps.repos.tickets.get(first.body.ticket.id)!;
    const n = ROWS_PER_INSERT * 2 + 3;
    const copies = Array.from({ length: n }, (_, k) => ({
      ticket: { ...stored, id: `${stored.id}-${k}`, publicId: `${stored.publicId}${k}`, number: `Z${k}`, peopleAhead: k },
      issuedBy: k % 2 === 0 ? null : 'kiosk',
    }));
    statements.length = 0;
    const events = await s.server.deps.run(() => {
      s.server.deps.repos.tickets.createMany(copies);
      return s.server.deps.repos.log.appendMany(
        'demo',
        copies.map((c, k) => ({ seq: 1_000 + k, type: 'ticket.issued' as const, at: 5_000 + k, actor: { kind: 'device' as const, id: `d${k % 3}` }, payload: { n: k } })),
      );
    });
    expect(count(/^INSERT INTO tickets /)).toBe(3);
    expect(count(/^INSERT INTO events /)).toBe(3);
    for (const c of copies) {
      expect(s.server.deps.repos.tickets.get(c.ticket.id)).toEqual({ ...c.ticket, estimatedWaitRange: undefined });
    }
    const log = s.server.deps.repos.log.eventsAfter('demo', 999, 2_000);
    expect(log).toEqual(events);
    expect(log.map((e) => [e.seq, e.at, e.actor.id, (e as unknown as { n: number }).n])).toEqual(
      copies.map((_, k) => [1_000 + k, new Date(5_000 + k).toISOString(), `d${k % 3}`, k]),
    );
  });

  test('a ticket more than a day of calls behind (past the horizon) is told no estimate without simulating the day', async () => {
    const staff = await s.login('w01');
    await s.api('POST', '/windows/win-1/sign-in', { token: staff, body: {} });
    const kiosk = s.deviceToken('kiosk');
    const issue = () => s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-reg' } });
    const runs = jest.spyOn(Forecast.prototype, 'run');
    // The periodic refresh of the hall's estimates runs forecasts too, never `until` given tickets.
    const issueForecasts = () => runs.mock.contexts.filter((f) => (f as unknown as { input: { until?: unknown } }).input.until !== undefined).length;
    try {
      const first = await issue();
      expect(first.body.ticket.estimatedWaitSeconds).not.toBeNull();
      // At most the one expected forecast (none once the latest refresh's forecasts answer it).
      expect(issueForecasts()).toBeLessThanOrEqual(1);
      // One window at 10 minutes a visit: 72 calls fit in the 12-hour horizon.
      for (let i = 0; i < 4; i++) await Promise.all(Array.from({ length: 25 }, issue));
      // The hall's refresh has run with the 100 waiting (refreshes give way to writes, so when the
      // periodic one would have is not this test's business; the fake clock stands still, so the
      // tickets taken since a refresh cannot be told by their time).
      s.server.broadcaster.refresh('demo');
      runs.mockClear();
      const late = await Promise.all(Array.from({ length: 8 }, issue));
      expect(late.map((r) => [r.status, r.body.ticket.peopleAhead, r.body.ticket.estimatedWaitSeconds])).toEqual(Array(8).fill([201, null, null]));
      expect(issueForecasts()).toBe(0);
    } finally {
      runs.mockRestore();
    }
  });

  test('events are encoded for a hall only while a screen of it is connected', async () => {
    const kiosk = s.deviceToken('kiosk');
    const to = jest.spyOn(s.server.io, 'to');
    try {
      expect((await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-reg' } })).status).toBe(201);
      expect(to).not.toHaveBeenCalled();
      const display = connect(s.base, { auth: { token: s.deviceToken('display') }, transports: ['websocket'] });
      const issued: unknown[] = [];
      display.on('ticket.issued', (e) => issued.push(e));
      await new Promise<void>((resolve) => display.once('hello', () => resolve()));
      expect((await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-reg' } })).status).toBe(201);
      for (let i = 0; i < 200 && issued.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
      expect(issued).toHaveLength(1);
      expect(to).toHaveBeenCalledWith('hall:demo');
      display.close();
    } finally {
      to.mockRestore();
    }
  });

  test('ticket issue is routed ahead of the other routers, with the same checks at the door', async () => {
    interface Layer {
      route?: { path: string; methods: Record<string, boolean> };
      handle?: { stack?: unknown[] };
    }
    const stack = (s.server.app as unknown as { router: { stack: Layer[] } }).router.stack;
    const issue = stack.findIndex((l) => l.route?.path === '/api/v1/halls/:hallId/tickets' && l.route.methods.post);
    const firstRouter = stack.findIndex((l) => l.handle?.stack !== undefined);
    expect(issue).toBeGreaterThanOrEqual(0);
    expect(issue).toBeLessThan(firstRouter);
    const kiosk = s.deviceToken('kiosk');
    // The OpenAPI guard, the body parser, the token and the role still apply.
    expect((await s.api('POST', '/halls/demo/tickets?x=1', { token: kiosk, body: { serviceId: 'svc-reg' } })).body.error.code).toBe('validation_failed');
    expect((await s.api('POST', '/halls/demo/tickets', { token: kiosk, raw: '{"serviceId":', headers: { 'content-type': 'application/json' } })).body.error.code).toBe('invalid_json');
    expect((await s.api('POST', '/halls/demo/tickets', { body: { serviceId: 'svc-reg' } })).status).toBe(401);
    expect((await s.api('POST', '/halls/demo/tickets', { token: s.deviceToken('display'), body: { serviceId: 'svc-reg' } })).status).toBe(403);
    expect((await s.api('PUT', '/halls/demo/tickets', { token: kiosk, body: {} })).status).toBe(405);
    expect(s.server.deps.repos.log.eventsAfter('demo', 0, 10_000)).toEqual([]);
  });

  test('a revoked kiosk is refused at once, although its token was held', async () => {
    const kiosk = s.deviceToken('kiosk');
    expect((await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-reg' } })).status).toBe(201);
    const admin = await s.login('admin');
    const devices = await s.api('GET', '/halls/demo/devices', { token: admin });
    const device = devices.body.devices.find((d: { kind: string }) => d.kind === 'kiosk');
    expect((await s.api('PATCH', `/halls/demo/devices/${device.id}`, { token: admin, body: { revoked: true } })).status).toBe(200);
    expect((await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-reg' } })).status).toBe(401);
  });
});

describe('Server-Timing on a write', () => {
  test('splits the server time into the wait for the batch and the batch with its disk flush, and that into the batch and the flush', async () => {
    const s = await startTestServer({ env: { SERVER_TIMING: '1' } });
    try {
      const r = await s.api('POST', '/halls/demo/tickets', { token: s.deviceToken('kiosk'), body: { serviceId: 'svc-reg' } });
      expect(r.status).toBe(201);
      const m = /^app;dur=([\d.]+), queue;dur=([\d.]+), commit;dur=([\d.]+), batch;dur=([\d.]+), flush;dur=([\d.]+), fsync;dur=([\d.]+)$/.exec(
        r.headers.get('server-timing') ?? '',
      );
      expect(m).not.toBeNull();
      const [app, queue, commit, batch, flush, fsync] = m!.slice(1).map(Number) as [number, number, number, number, number, number];
      expect(queue + commit).toBeLessThanOrEqual(app + 0.002);
      // Of the batch with its flush: the batch until its COMMIT returned, then the wait for the disk.
      expect(batch + flush).toBeLessThanOrEqual(commit + 0.002);
      // Of the wait for the disk: the disk's own fsync, timed on the flush thread.
      expect(fsync).toBeGreaterThanOrEqual(0);
      expect(fsync).toBeLessThanOrEqual(flush + 0.002);
    } finally {
      await s.close();
    }
  });

  test('has no `fsync` part when the COMMIT flushes the disk itself (WRITE_FLUSH_THREAD=0)', async () => {
    const s = await startTestServer({ env: { SERVER_TIMING: '1', WRITE_FLUSH_THREAD: '0' } });
    try {
      const r = await s.api('POST', '/halls/demo/tickets', { token: s.deviceToken('kiosk'), body: { serviceId: 'svc-reg' } });
      expect(r.status).toBe(201);
      expect(r.headers.get('server-timing')).toMatch(/, flush;dur=[\d.]+$/);
    } finally {
      await s.close();
    }
  });
});
