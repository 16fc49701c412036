import { startTestServer, type TestServer } from '../test-support/test-server';

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

  test('each ticket is one counter bump, one ticket row and one event; nothing is read back or rewritten', async () => {
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

    expect(count(/^INSERT INTO ticket_counters/)).toBe(n);
    expect(count(/^INSERT INTO tickets /)).toBe(n);
    expect(count(/^INSERT INTO events /)).toBe(n);
    // No ticket or event is updated after it is written, and no row is read back for the reply.
    expect(count(/^UPDATE (tickets|events)/)).toBe(0);
    expect(count(/^DELETE FROM events/)).toBe(0);
    expect(count(/FROM tickets WHERE id = /)).toBe(0);
    // The token was resolved once before: no session or device lookup per request.
    expect(count(/FROM (sessions|devices)/)).toBe(0);
    // The hall's last seq is read at most once per batch, never once per event.
    const batches = count(/^BEGIN/);
    expect(count(/MAX\(seq\)/)).toBeLessThanOrEqual(batches);
    // Each batch's COMMIT leaves the disk flush to its own thread: it is committed with
    // synchronous=NORMAL (set before BEGIN, FULL again after COMMIT) and flushed off the event loop.
    expect(count(/^PRAGMA synchronous = NORMAL/)).toBe(batches);
    expect(count(/^PRAGMA synchronous = FULL/)).toBe(batches);
    // Per batch: BEGIN, COMMIT, the last seq, the two switches and the check that it wrote
    // something; per ticket: the three writes and its savepoint.
    expect(issued).toBeLessThanOrEqual(6 * batches + 5 * n);

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
