// Live estimates from random forecasts: each refresh does its work in slices of bounded size (a
// number of forecast calls or of tickets, never a time), runs DRAWS_PER_REFRESH forecasts and
// carries the rest of each ticket's ESTIMATE_DRAWS over; the learned spread and no-show share
// come from the hall's own visits.
import { ESTIMATE_DRAWS, stageKey, type RoutingTicket } from '@hallq/shared';
import { startDrivenServer, type TestServer } from '../test-support/test-server';
import { DRAWS_PER_REFRESH, needsMoreDraws, STEPS_PER_SLICE, TICKETS_PER_SLICE } from './estimate-draws';
import { refreshEstimates, startRefresh } from './estimates';

describe('live estimates from random forecasts', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startDrivenServer([
      ['w01', 'win-1'],
      ['w02', 'win-2'],
    ]);
  });
  afterAll(() => s.close());

  test('a refresh of a long queue: every slice does bounded work, and every ticket within the horizon gets an estimate and its range', () => {
    const m = s.server.deps.mirror.get('demo')!;
    const now = s.clock.read();
    // 1,500 waiting tickets straight into the mirror's queue (the refresh reads only the mirror).
    const added: RoutingTicket[] = [];
    for (let i = 0; i < 1500; i++) {
      const t = { id: `load-${i}`, serviceId: i % 3 === 0 ? 'svc-chg' : 'svc-reg', stage: 0, queuedAt: now - 1000 * (1500 - i), priority: false, appointmentAt: null };
      m.waiting.add(t);
      added.push(t);
    }
    try {
      const job = startRefresh(m, now);
      let slices = 0;
      let steps = 0;
      let tickets = 0;
      for (let done = false; !done; slices++) {
        done = job.slice();
        const { steps: st, tickets: tk } = job.lastSlice;
        expect(st).toBeLessThanOrEqual(STEPS_PER_SLICE);
        expect(tk).toBeLessThanOrEqual(TICKETS_PER_SLICE);
        // A slice runs forecast calls or combines tickets, never both.
        expect(st === 0 || tk === 0).toBe(true);
        steps += st;
        tickets += tk;
        expect(slices).toBeLessThan(10_000);
      }
      job.finish();
      expect(job.drawsDone).toBe(DRAWS_PER_REFRESH);
      // Forecast calls: at most one per waiting ticket (and its later stage) per forecast, plus idle looks.
      expect(steps).toBeGreaterThan(DRAWS_PER_REFRESH * 100);
      expect(steps).toBeLessThanOrEqual(DRAWS_PER_REFRESH * (2 * added.length + 200));
      expect(slices).toBeGreaterThanOrEqual(Math.ceil(steps / STEPS_PER_SLICE) + Math.ceil(tickets / TICKETS_PER_SLICE));
      const first = m.estimates.get('load-0')!;
      const last = m.estimates.get('load-1499');
      expect(first.estimatedWaitSeconds).not.toBeNull();
      const [low, high] = m.ranges.get('load-0')!;
      expect(low).toBeLessThanOrEqual(first.estimatedWaitSeconds!);
      expect(high).toBeGreaterThanOrEqual(first.estimatedWaitSeconds!);
      // Later in the queue, later called (when the forecasts reach it within the working day).
      if (last) expect(last.estimatedWaitSeconds!).toBeGreaterThan(first.estimatedWaitSeconds!);
      expect(tickets).toBeLessThanOrEqual(added.length);
    } finally {
      for (const t of added) m.waiting.remove(t.id);
      refreshEstimates(m, s.clock.read());
    }
  });

  test('forecasts are carried over while the windows stay the same, renewed DRAWS_PER_REFRESH at a time', async () => {
    const kiosk = s.deviceToken('kiosk');
    const m = s.server.deps.mirror.get('demo')!;
    for (let i = 0; i < 6; i++) expect((await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-reg' } })).status).toBe(201);
    const id = [...m.waiting.all()].find((t) => t.serviceId === 'svc-reg')!.id;
    refreshEstimates(m, s.clock.read());
    const refreshes = Math.ceil(ESTIMATE_DRAWS / DRAWS_PER_REFRESH);
    for (let i = 1; i < refreshes; i++) {
      expect(needsMoreDraws(m)).toBe(true);
      refreshEstimates(m, s.clock.read());
    }
    expect(m.draws.tickets.get(id)!.length).toBe(ESTIMATE_DRAWS);
    expect(m.draws.seqs).toHaveLength(ESTIMATE_DRAWS);
    expect(needsMoreDraws(m)).toBe(false);
    expect(m.serviceWaits.get('svc-reg')).not.toBeNull();
    expect(m.serviceRanges.get('svc-reg')).not.toBeNull();
    // A new ticket: the kept forecasts are of an older queue, so more refreshes follow.
    expect((await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-reg' } })).status).toBe(201);
    expect(needsMoreDraws(m)).toBe(true);
    // A snapshot asked for before the next refresh: one forecast of the new queue joins the kept ones.
    expect((await s.api('GET', '/halls/demo/queue', { token: kiosk })).status).toBe(200);
    expect(m.draws.seqs.filter((q) => q === m.seq)).toHaveLength(1);
    expect(m.draws.tickets.get(id)!.length).toBe(ESTIMATE_DRAWS);
    refreshEstimates(m, s.clock.read());
    expect(m.draws.seqs.filter((q) => q === m.seq)).toHaveLength(1 + DRAWS_PER_REFRESH);
    expect(m.draws.tickets.get(id)!.length).toBe(ESTIMATE_DRAWS);
    // A window closes: earlier forecasts no longer say anything; only the new ones count.
    const staff = await s.login('w02');
    expect((await s.api('POST', '/windows/win-2/sign-out', { token: staff, body: {} })).status).toBe(200);
    refreshEstimates(m, s.clock.read());
    expect(m.draws.tickets.get(id)!.length).toBe(DRAWS_PER_REFRESH);
    expect(m.draws.seqs).toHaveLength(DRAWS_PER_REFRESH);
  });

  test("the spread per stage and the no-show share are learned from the hall's visits and kept", async () => {
    const m = s.server.deps.mirror.get('demo')!;
    const staff = await s.login('w01');
    const key = stageKey('svc-reg', 0);
    const before = m.learning.stageTimes.get(key);
    const call = await s.api('POST', '/windows/win-1/call-next', { token: staff, body: {} });
    expect(call.status).toBe(200);
    const t = call.body.ticket as { id: string; serviceId: string };
    expect((await s.api('POST', `/tickets/${t.id}/start`, { token: staff, body: {} })).status).toBe(200);
    s.clock.advance(30 * 60);
    expect((await s.api('POST', `/tickets/${t.id}/complete`, { token: staff, body: {} })).status).toBe(200);
    const learned = m.learning.stageTimes.get(stageKey(t.serviceId, 0))!;
    const stored = s.server.deps.repos.services.stageTimes(t.serviceId, 0)!;
    expect(stored.mean).toBeCloseTo(learned.mean, 6);
    expect(stored.square).toBeCloseTo(learned.square, 6);
    if (t.serviceId === 'svc-reg' && before) expect(learned.mean).toBeGreaterThan(before.mean);
    expect(m.learning.noShowShare.get(t.serviceId)).toBeCloseTo(0, 6);

    const next = await s.api('POST', '/windows/win-1/call-next', { token: staff, body: {} });
    const n = next.body.ticket as { id: string; serviceId: string };
    const share = m.learning.noShowShare.get(n.serviceId) ?? 0;
    s.clock.advance(3 * 60);
    expect((await s.api('POST', `/tickets/${n.id}/no-show`, { token: staff, body: {} })).status).toBe(200);
    expect(m.learning.noShowShare.get(n.serviceId)!).toBeGreaterThan(share);
    expect(s.server.deps.repos.services.get('demo', n.serviceId)!.learnedNoShowShare).toBeCloseTo(m.learning.noShowShare.get(n.serviceId)!, 9);
  });
});
