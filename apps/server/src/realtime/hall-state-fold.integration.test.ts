// The rule every client's hall state rests on: folding the events a hall sends after a snapshot
// (with the one `applyEvent` of @hallq/shared, through `connectHall` of @hallq/client) gives
// exactly the snapshot the server answers at the end, for any sequence of counter actions.
import fc from 'fast-check';
import { connectHall, type HallConnection } from '@hallq/client';
import { fromSnapshot, type HallState, type QueueSnapshot } from '@hallq/shared';
import { startTestServer, type TestServer } from '../test-support/test-server';

const SERVICES = ['svc-reg', 'svc-chg', 'svc-food', 'svc-consult'];
const WINDOWS = [1, 2, 3, 5]; // window 3 is a helper's

type Op =
  | { op: 'issue'; service: number; priority: boolean }
  | { op: 'sign-in' | 'sign-out' | 'pause' | 'resume' | 'call-next' | 'recall' | 'start' | 'complete' | 'no-show'; win: number }
  | { op: 'transfer'; win: number; service: number }
  | { op: 'cancel'; pick: number }
  | { op: 'requeue'; pick: number }
  | { op: 'arrive'; pick: number }
  | { op: 'remote' }
  | { op: 'wait' };

const windowOp = (op: Exclude<Op, { win: number; service: number }>['op'] & string, weight: number) => ({
  weight,
  arbitrary: fc.record({ op: fc.constant(op), win: fc.nat(WINDOWS.length - 1) }) as fc.Arbitrary<Op>,
});

// Weighted so that most runs call, serve and transfer many tickets (windows start signed in).
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('issue' as const), service: fc.nat(SERVICES.length - 1), priority: fc.boolean() }) },
  windowOp('call-next', 6),
  windowOp('start', 4),
  windowOp('complete', 4),
  windowOp('recall', 1),
  windowOp('no-show', 2),
  windowOp('pause', 1),
  windowOp('resume', 1),
  windowOp('sign-out', 1),
  windowOp('sign-in', 2),
  { weight: 2, arbitrary: fc.record({ op: fc.constant('transfer' as const), win: fc.nat(WINDOWS.length - 1), service: fc.nat(SERVICES.length - 1) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('cancel' as const), pick: fc.nat() }) },
  // Visitors from home, and no-shows back in the queue.
  { weight: 2, arbitrary: fc.record({ op: fc.constant('remote' as const) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constantFrom('arrive' as const, 'requeue' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('wait' as const) }) },
);

/** What the fold must reproduce: everything but live estimates, which are derived, not folded. */
function comparable(s: HallState) {
  return {
    hallId: s.hallId,
    seq: s.seq,
    waiting: s.waiting.map(({ peopleAhead: _p, estimatedWaitSeconds: _e, estimatedWaitRange: _r, ...t }) => t),
    windows: s.windows,
    recentCalls: s.recentCalls,
    notices: s.notices,
  };
}

const until = async (cond: () => boolean): Promise<void> => {
  for (let i = 0; i < 500 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!cond()) throw new Error('condition not reached');
};

describe('hall state fold', () => {
  let s: TestServer;
  let display: string;
  let kiosk: string;
  const staff = new Map<number, string>();
  beforeAll(async () => {
    s = await startTestServer();
    display = s.deviceToken('display');
    kiosk = s.deviceToken('kiosk');
    for (const n of WINDOWS) {
      const token = await s.login(`w${String(n).padStart(2, '0')}`);
      staff.set(n, token);
      expect((await s.api('POST', `/windows/win-${n}/sign-in`, { token, body: {} })).status).toBe(200);
    }
  }, 60_000);
  afterAll(() => s.close());

  async function run(op: Op, issued: string[], remote: string[], noShows: string[]): Promise<void> {
    s.clock.advance(1);
    if (op.op === 'wait') {
      s.clock.advance(11 * 60); // past a passed-over remote ticket's grace
      return;
    }
    if (op.op === 'remote') {
      const res = await s.api('POST', '/public/halls/demo/remote-tickets', { body: { serviceId: 'svc-food' } });
      if (res.status === 201) {
        remote.push(res.body.ticket.publicId);
        issued.push(res.body.ticket.id);
      }
      return;
    }
    if (op.op === 'arrive') {
      if (remote.length === 0) return;
      const code = (await s.api('GET', '/halls/demo/arrival-code', { token: display })).body.code;
      await s.api('POST', `/public/tickets/${remote[op.pick % remote.length]}/arrive`, { body: { arrivalCode: code } });
      return;
    }
    if (op.op === 'requeue') {
      if (noShows.length === 0) return;
      await s.api('POST', `/tickets/${noShows[op.pick % noShows.length]}/requeue`, { token: staff.get(1), body: {} });
      return;
    }
    if (op.op === 'issue') {
      const res = await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: SERVICES[op.service], priority: op.priority } });
      if (res.status === 201) issued.push(res.body.ticket.id);
      return;
    }
    if (op.op === 'cancel') {
      if (issued.length === 0) return;
      await s.api('POST', `/tickets/${issued[op.pick % issued.length]}/cancel`, { token: staff.get(1) });
      return;
    }
    const n = WINDOWS[op.win]!;
    const token = staff.get(n)!;
    if (op.op === 'sign-in' || op.op === 'sign-out' || op.op === 'pause' || op.op === 'resume' || op.op === 'call-next') {
      await s.api('POST', `/windows/win-${n}/${op.op}`, { token, body: {} });
      return;
    }
    const queue = (await s.api<QueueSnapshot>('GET', '/halls/demo/queue', { token: display })).body;
    const current = queue.windows.find((w) => w.number === n)?.current;
    if (!current) return;
    const body = op.op === 'transfer' ? { serviceId: SERVICES[op.service] } : op.op === 'complete' ? { firstTimeAccepted: true } : {};
    const res = await s.api('POST', `/tickets/${current.ticketId}/${op.op}`, { token, body });
    if (op.op === 'no-show' && res.status === 200) noShows.push(current.ticketId);
  }

  it('any sequence of counter actions, folded live from a snapshot, equals the snapshot at its end', async () => {
    const runs = Number(process.env.HALLQ_FUZZ_RUNS ?? 25);
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 10, maxLength: 60, size: 'max' }), async (ops) => {
        let connection: HallConnection | undefined;
        try {
          connection = connectHall({ url: s.base, token: display });
          await until(() => connection?.state !== null);
          const issued: string[] = [];
          const remote: string[] = [];
          const noShows: string[] = [];
          for (const op of ops) await run(op, issued, remote, noShows);
          const end = (await s.api<QueueSnapshot>('GET', '/halls/demo/queue', { token: display })).body;
          await until(() => (connection?.state?.seq ?? 0) >= end.seq);
          expect(comparable(connection.state!)).toEqual(comparable(fromSnapshot(end)));
        } finally {
          connection?.close();
        }
      }),
      { numRuns: runs },
    );
  }, 300_000);
});
