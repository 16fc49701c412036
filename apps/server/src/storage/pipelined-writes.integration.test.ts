import type { Tx } from './tx';
import { WalSyncThread } from './wal-sync';
import { Broadcaster } from '../realtime/broadcaster';
import { startTestServer, type ApiResponse, type TestServer } from '../test-support/test-server';

// The write path pipelined, through the whole server, with the disk flushes held by the test: a
// batch runs and commits while the one before waits for its flush, and still no ticket is called
// twice, no number is given twice, nothing is told before it is durable, batches are published in
// commit order, and a failed flush fails every caller not yet answered and tells nobody.
/** A pipeline two batches deep (the default is one). */
const DEPTH = 2;

describe('the write path pipelined', () => {
  let s: TestServer;
  /** While true, each flush waits for the test (`held`); it is done for real when released. */
  let hold = false;
  let held: Array<{ release: () => void; fail: (e: Error) => void }> = [];
  /** The event seqs of each published batch, in the order published. */
  let published: number[][] = [];
  let fatal: Error[] = [];

  const sync = WalSyncThread.prototype.sync;
  beforeEach(async () => {
    hold = false;
    held = [];
    published = [];
    fatal = [];
    // No estimate refresh: a slice kept waiting by a held flush would ask the write path for a
    // moment with no batch unpublished and hold the next batch (slice-when-idle.test.ts and
    // refresh-after-answers.integration.test.ts cover that).
    jest.spyOn(Broadcaster.prototype as unknown as { scheduleEstimates(hallId: string): void }, 'scheduleEstimates').mockImplementation(() => undefined);
    jest.spyOn(WalSyncThread.prototype, 'sync').mockImplementation(function (this: WalSyncThread) {
      if (!hold) return sync.call(this);
      return new Promise<number>((resolve, reject) => held.push({ release: () => void sync.call(this).then(resolve, reject), fail: reject }));
    });
    const onCommit = Broadcaster.prototype.onCommit;
    jest.spyOn(Broadcaster.prototype, 'onCommit').mockImplementation(function (this: Broadcaster, committed: Tx[], touched: ReadonlySet<string>) {
      published.push(committed.flatMap((tx) => tx.events.map((e) => e.seq)));
      return onCommit.call(this, committed, touched);
    });
    s = await startTestServer({ onFatal: (e) => fatal.push(e), env: { WRITE_PIPELINE_DEPTH: String(DEPTH) } });
  });
  afterEach(async () => {
    hold = false;
    for (const h of held.splice(0)) h.release();
    jest.restoreAllMocks();
    await s.close();
  });

  const count = (sql: string): number => (s.server.db.prepare(sql).get() as { n: number }).n;
  /** Waits (a bounded number of turns) until the database shows what a batch committed. */
  const until = async (what: () => boolean): Promise<void> => {
    for (let i = 0; i < 2000 && !what(); i++) await new Promise((r) => setTimeout(r, 2));
    expect(what()).toBe(true);
  };
  const tracked = <T>(p: Promise<T>, answers: string[], name: string): Promise<T> => p.then((r) => (answers.push(name), r));
  /** Every published seq, in publication order: consecutive (what a client needs, or it resyncs). */
  const seqs = (): number[] => published.flat();
  const consecutive = (xs: number[]): boolean => xs.every((x, i) => i === 0 || x === xs[i - 1]! + 1);

  async function signIn(windows: number[]): Promise<string[]> {
    const tokens = await Promise.all(windows.map((n) => s.login(`w${String(n).padStart(2, '0')}`)));
    for (const [i, n] of windows.entries()) expect((await s.api('POST', `/windows/win-${n}/sign-in`, { token: tokens[i], body: {} })).status).toBe(200);
    return tokens;
  }

  test('tickets issued in batches committed while earlier ones wait for their flush get numbers of their own', async () => {
    const kiosk = s.deviceToken('kiosk');
    const before = count('SELECT count(*) AS n FROM tickets');
    const from = published.length;
    hold = true;
    const answers: string[] = [];
    const replies: Array<Promise<ApiResponse>> = [];
    for (let i = 0; i < 2; i++) {
      replies.push(tracked(s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-reg' } }), answers, `t${i}`));
      await until(() => count('SELECT count(*) AS n FROM tickets') === before + i + 1);
    }
    // Two batches committed, the second while the first waited for its flush (one under way)...
    expect(held).toHaveLength(1);
    // ...and that is as deep as the pipeline goes: a third waits to run.
    expect(s.server.deps.config.pipelineDepth).toBe(DEPTH);
    replies.push(tracked(s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-reg' } }), answers, 't2'));
    for (let i = 0; i < 20; i++) await new Promise((r) => setTimeout(r, 5));
    expect(count('SELECT count(*) AS n FROM tickets')).toBe(before + 2);
    expect(answers).toEqual([]);
    expect(published.length).toBe(from);
    const numbers = (s.server.db.prepare("SELECT number FROM tickets WHERE service_id = 'svc-reg' ORDER BY issued_at, rowid").all() as Array<{ number: string }>).map((r) => r.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    hold = false;
    held[0]!.release();
    const done = await Promise.all(replies);
    expect(done.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(answers).toEqual(['t0', 't1', 't2']);
    const given = done.map((r) => r.body.ticket.number as string);
    expect(new Set(given).size).toBe(3);
    expect(numbers.slice(-2)).toEqual(given.slice(0, 2));
    // Published in commit order: every seq once, consecutive.
    expect(published.length).toBe(from + 3);
    expect(consecutive(seqs())).toBe(true);
  });

  test('two windows calling at once, each in a batch of its own while the other waits for its flush, never get the same ticket', async () => {
    const tokens = await signIn([1, 2]);
    const kiosk = s.deviceToken('kiosk');
    for (let i = 0; i < 3; i++) expect((await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-reg' } })).status).toBe(201);
    const from = published.length;
    hold = true;
    const answers: string[] = [];
    const first = tracked(s.api('POST', '/windows/win-1/call-next', { token: tokens[0], body: {} }), answers, 'win-1');
    await until(() => count("SELECT count(*) AS n FROM tickets WHERE status = 'called'") === 1);
    const second = tracked(s.api('POST', '/windows/win-2/call-next', { token: tokens[1], body: {} }), answers, 'win-2');
    await until(() => count("SELECT count(*) AS n FROM tickets WHERE status = 'called'") === 2);
    // Both committed, the second while the first waited for its flush; nobody told yet.
    expect(held).toHaveLength(1);
    expect(answers).toEqual([]);
    expect(published.length).toBe(from);
    hold = false;
    held[0]!.release();
    const [a, b] = await Promise.all([first, second]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.ticket.id).not.toBe(b.body.ticket.id);
    expect(answers).toEqual(['win-1', 'win-2']);
    const called = (s.server.db.prepare("SELECT id FROM tickets WHERE status = 'called' ORDER BY id").all() as Array<{ id: string }>).map((r) => r.id);
    expect(called).toEqual([a.body.ticket.id, b.body.ticket.id].sort());
    // The first call's batch was published before the second's, every seq once, in order.
    expect(published.length).toBe(from + 2);
    expect(consecutive(seqs())).toBe(true);
  });

  test('a failed flush fails the callers of both batches and publishes neither; the server is stopped', async () => {
    const tokens = await signIn([1, 2]);
    const kiosk = s.deviceToken('kiosk');
    for (let i = 0; i < 2; i++) expect((await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-reg' } })).status).toBe(201);
    const from = published.length;
    hold = true;
    const first = s.api('POST', '/windows/win-1/call-next', { token: tokens[0], body: {} });
    await until(() => count("SELECT count(*) AS n FROM tickets WHERE status = 'called'") === 1);
    const second = s.api('POST', '/windows/win-2/call-next', { token: tokens[1], body: {} });
    await until(() => count("SELECT count(*) AS n FROM tickets WHERE status = 'called'") === 2);
    held[0]!.fail(new Error('EIO'));
    const [a, b] = await Promise.all([first, second]);
    expect([a.status, b.status]).toEqual([500, 500]);
    expect(a.body.error.message).toContain('EIO');
    expect(published.length).toBe(from);
    expect(fatal.map((e) => e.message)).toEqual(['EIO']);
    // Every later write is refused until the server has started again.
    expect((await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-reg' } })).status).toBe(500);
  });
});
