import { startTestServer, type TestServer } from '../test-support/test-server';

// What keeps a call quick while every window calls, counted rather than timed: a call costs the
// same statements however long the queue is, reads only the tickets it needs, and nothing on the
// way to it commits (and waits for the disk) on its own.
describe('the cost of calling the next ticket', () => {
  let s: TestServer;
  const statements: string[] = [];
  beforeEach(async () => {
    statements.length = 0;
    s = await startTestServer({ onSql: (sql) => statements.push(sql.replace(/\s+/g, ' ').trim()) });
  });
  afterEach(() => s.close());

  const issue = async (n: number): Promise<void> => {
    const kiosk = s.deviceToken('kiosk');
    const services = ['svc-reg', 'svc-chg', 'svc-food'];
    for (let i = 0; i < n; i += 50) {
      const replies = await Promise.all(
        Array.from({ length: Math.min(50, n - i) }, (_, j) => s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: services[(i + j) % 3] } })),
      );
      expect(replies.every((r) => r.status === 201)).toBe(true);
    }
  };

  /** The statements of one call and of the batch it ran in (the estimate refresh is not one of them). */
  const callOnce = async (token: string): Promise<{ ticketId: string; sql: string[] }> => {
    statements.length = 0;
    const r = await s.api('POST', '/windows/win-1/call-next', { token, body: {} });
    expect(r.status).toBe(200);
    const sql = [...statements];
    expect((await s.api('POST', `/tickets/${r.body.ticket.id}/cancel`, { token, body: {} })).status).toBe(200);
    return { ticketId: r.body.ticket.id, sql };
  };

  test('a call costs the same statements with 30 or 300 tickets waiting, and reads only the tickets it needs', async () => {
    const staff = await s.login('w01');
    expect((await s.api('POST', '/windows/win-1/sign-in', { token: staff, body: {} })).status).toBe(200);
    await issue(30);
    await callOnce(staff); // the token and the hall's statements are now known
    const short = await callOnce(staff);
    await issue(270);
    const long = await callOnce(staff);
    // The statements with their values left out (ids, seqs and payloads differ from call to call).
    const shape = (sql: string[]): string[] => sql.map((q) => q.replace(/'(?:[^']|'')*'(\/\*\+\d+ bytes\*\/)?/g, '?').replace(/\b\d+(\.\d+)?\b/g, '?'));
    expect(shape(long.sql)).toEqual(shape(short.sql));
    // No statement reads the waiting queue: the choice is made in memory.
    expect(long.sql.filter((q) => /status\s*(=|IN)\s*\(?'waiting'/i.test(q) && /^SELECT/i.test(q))).toEqual([]);
    // The ticket called is never read back: the claim (a compare-and-set with RETURNING) answers
    // it, and the window's view, the answer and the mirror after the commit take it from there.
    expect(long.sql.filter((q) => /^SELECT .* FROM tickets\b/i.test(q))).toEqual([]);
    // The window is read once (is the caller signed in there, is it free); its update answers it.
    expect(long.sql.filter((q) => /^SELECT .* FROM windows\b/i.test(q))).toHaveLength(1);
    // The hall's last event seq is known from the batch before; nobody follows this ticket on a
    // phone, which is known without asking the database.
    expect(long.sql.filter((q) => /MAX\(seq\)|push_subscriptions/i.test(q))).toEqual([]);
    // One write batch, committed once.
    expect(long.sql.filter((q) => q === 'BEGIN IMMEDIATE')).toHaveLength(1);
    expect(long.sql.filter((q) => q === 'COMMIT')).toHaveLength(1);
    // What correctness needs and no more: the batch (synchronous off the loop, BEGIN, COMMIT,
    // synchronous back, did it write), the command's savepoint and its release, the window read,
    // the claim, the window's update, the two events (ticket.called, window.changed).
    expect(long.sql).toHaveLength(12);
  }, 60_000);

  test('a cancel at the window reads the ticket and the window once each and nothing after the commit', async () => {
    const staff = await s.login('w01');
    expect((await s.api('POST', '/windows/win-1/sign-in', { token: staff, body: {} })).status).toBe(200);
    await issue(5);
    await callOnce(staff);
    const r = await s.api('POST', '/windows/win-1/call-next', { token: staff, body: {} });
    expect(r.status).toBe(200);
    statements.length = 0;
    expect((await s.api('POST', `/tickets/${r.body.ticket.id}/cancel`, { token: staff, body: {} })).status).toBe(200);
    expect(statements.filter((q) => /^SELECT .* FROM tickets\b/i.test(q))).toHaveLength(1);
    expect(statements.filter((q) => /^SELECT .* FROM windows\b/i.test(q))).toHaveLength(1);
    expect(statements.filter((q) => /MAX\(seq\)|push_subscriptions/i.test(q))).toEqual([]);
    // The batch's five, the savepoint's two, the two reads, the two updates, the two events.
    expect(statements).toHaveLength(13);
  });

  test("a staff session's last use is written inside a write batch, never committed on its own", async () => {
    const staff = await s.login('w01');
    expect((await s.api('POST', '/windows/win-1/sign-in', { token: staff, body: {} })).status).toBe(200);
    await issue(5);
    // Past the token cache and the touch interval: the next request touches the session.
    s.clock.advance(90);
    statements.length = 0;
    expect((await s.api('POST', '/windows/win-1/call-next', { token: staff, body: {} })).status).toBe(200);
    const touch = statements.findIndex((q) => q.startsWith('UPDATE sessions SET last_seen_at'));
    expect(touch).toBeGreaterThanOrEqual(0);
    // The touch runs between the batch's BEGIN and its COMMIT (flushed off the event loop with the
    // batch), not as a statement of its own with a commit that waits for the disk.
    const before = statements.slice(0, touch);
    const lastBegin = before.lastIndexOf('BEGIN IMMEDIATE');
    expect(lastBegin).toBeGreaterThanOrEqual(0);
    expect(before.slice(lastBegin)).not.toContain('COMMIT');
    expect(statements.slice(touch)).toContain('COMMIT');
    const row = s.server.db.prepare('SELECT last_seen_at FROM sessions ORDER BY last_seen_at DESC LIMIT 1').get() as { last_seen_at: number };
    expect(row.last_seen_at).toBe(s.clock.now);
  });
});
