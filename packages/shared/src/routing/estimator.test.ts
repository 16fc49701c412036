import fc from 'fast-check';
import { DEFAULT_ROUTING_POLICY } from '../domain';
import { Forecast, beyondHorizon, estimateWaits, forecastCalls, naiveEstimateSeconds } from './estimator';
import { CandidateIndex } from './candidate-index';
import { pickNext } from './engine';
import { expectedFreeAt, updateServiceSeconds } from './service-time';
import type { EstimatorWindow, RoutingContext, RoutingService, RoutingTicket } from './types';

const MIN = 60_000;
const T0 = Date.UTC(2026, 0, 5, 1, 0, 0);
const svc = (id: string, officersOnly = false): RoutingService => ({ id, waitTargetSeconds: 2400, stages: [{ officersOnly }] });
const ctx: RoutingContext = {
  services: new Map([svc('A'), svc('B'), svc('C', true)].map((s) => [s.id, s])),
  policy: DEFAULT_ROUTING_POLICY,
};
const tk = (id: string, serviceId: string, minutesAgo: number): RoutingTicket => ({
  id,
  serviceId,
  stage: 0,
  queuedAt: T0 - minutesAgo * MIN,
  priority: false,
  appointmentAt: null,
});
const win = (id: string, skills: Array<[string, number]>, extra: Partial<EstimatorWindow> = {}): EstimatorWindow => ({
  id,
  skills: skills.map(([serviceId, tier]) => ({ serviceId, tier })),
  staffType: 'officer',
  open: true,
  busyUntil: null,
  ...extra,
});

describe('wait estimator', () => {
  test('E4: an away remote ticket keeps its place in the forecast, weighted by the share who come', () => {
    const away: RoutingTicket = { ...tk('r1', 'A', 5), away: true };
    const tickets = [away, tk('t2', 'A', 3), tk('t3', 'A', 1)];
    const windows = [win('w', [['A', 1]])];
    const est = estimateWaits({ tickets, windows, context: { ...ctx, awayShare: 0.5 }, serviceSeconds: new Map([['A', 600]]), now: T0 });
    expect(est.get('r1')).toMatchObject({ peopleAhead: 0, estimatedWaitSeconds: 0 });
    expect(est.get('t2')).toMatchObject({ peopleAhead: 1, estimatedWaitSeconds: 300 });
    expect(est.get('t3')).toMatchObject({ peopleAhead: 2, estimatedWaitSeconds: 900 });
    // Nobody expected to come: it costs the others nothing; everyone: a full visit.
    const none = estimateWaits({ tickets, windows, context: { ...ctx, awayShare: 0 }, serviceSeconds: new Map([['A', 600]]), now: T0 });
    expect(none.get('t3')?.estimatedWaitSeconds).toBe(600);
    const all = estimateWaits({ tickets, windows, context: { ...ctx, awayShare: 1 }, serviceSeconds: new Map([['A', 600]]), now: T0 });
    expect(all.get('t3')?.estimatedWaitSeconds).toBe(1200);
  });

  test('E1: one window, one service: the k-th ticket waits k mean service times', () => {
    const tickets = [tk('t1', 'A', 3), tk('t2', 'A', 2), tk('t3', 'A', 1)];
    const est = estimateWaits({ tickets, windows: [win('w', [['A', 1]])], context: ctx, serviceSeconds: new Map([['A', 600]]), now: T0 });
    expect([...est.values()].map((e) => [e.ticketId, e.peopleAhead, e.estimatedWaitSeconds])).toEqual([
      ['t1', 0, 0],
      ['t2', 1, 600],
      ['t3', 2, 1200],
    ]);
  });

  test('E1: peopleAhead counts only the calls of windows able to serve the ticket, never the whole hall', () => {
    // Window 1 takes only A, window 2 only B; five B visitors came before the two A visitors.
    const tickets = [tk('b1', 'B', 9), tk('b2', 'B', 8), tk('b3', 'B', 7), tk('b4', 'B', 6), tk('b5', 'B', 5), tk('a1', 'A', 2), tk('a2', 'A', 1)];
    const windows = [win('w1', [['A', 1]]), win('w2', [['B', 1]])];
    const est = estimateWaits({ tickets, windows, context: ctx, serviceSeconds: new Map([['A', 600], ['B', 60]]), now: T0 });
    expect(est.get('a2')?.peopleAhead).toBe(1);
    expect(est.get('b5')?.peopleAhead).toBe(4);
    // A pooled window that serves both counts its B calls for an A visitor: it calls them first.
    const pooled = estimateWaits({ tickets, windows: [win('w1', [['A', 1], ['B', 1]])], context: ctx, serviceSeconds: new Map([['A', 600], ['B', 60]]), now: T0 });
    expect(pooled.get('a2')?.peopleAhead).toBe(6);
  });

  test('E1: a busy window frees up at the expected end of its visitor', () => {
    const est = estimateWaits({
      tickets: [tk('t1', 'A', 1)],
      windows: [win('w', [['A', 1]], { busyUntil: T0 + 5 * MIN })],
      context: ctx,
      serviceSeconds: new Map([['A', 600]]),
      now: T0,
    });
    expect(est.get('t1')?.estimatedWaitSeconds).toBe(300);
  });

  test('E1: pooled windows share the load across services, unlike "people ahead x average"', () => {
    // Two windows both skilled for A and B; 4 A tickets and no B tickets.
    const tickets = [tk('a1', 'A', 4), tk('a2', 'A', 3), tk('a3', 'A', 2), tk('a4', 'A', 1)];
    const windows = [win('w1', [['A', 1], ['B', 2]]), win('w2', [['B', 1], ['A', 2]])];
    const est = estimateWaits({ tickets, windows, context: ctx, serviceSeconds: new Map([['A', 600]]), now: T0 });
    expect(est.get('a4')).toMatchObject({ peopleAhead: 3, estimatedWaitSeconds: 600 });
  });

  test('E2: a ticket no open window can serve has no estimate', () => {
    const est = estimateWaits({
      tickets: [tk('b1', 'B', 1), tk('c1', 'C', 1)],
      windows: [win('w', [['A', 1]]), win('closed', [['B', 1]], { open: false }), win('h', [['C', 1]], { staffType: 'helper' })],
      context: ctx,
      serviceSeconds: new Map(),
      now: T0,
    });
    expect(est.get('b1')).toEqual({ ticketId: 'b1', peopleAhead: null, estimatedWaitSeconds: null });
    expect(est.get('c1')?.estimatedWaitSeconds).toBeNull();
  });

  test('E1: the forecast order is the order the routing engine would call in', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ s: fc.constantFrom('A', 'B'), ago: fc.integer({ min: 0, max: 80 }) }), { maxLength: 40 }),
        (specs) => {
          const tickets = specs.map((x, i) => tk(`t${String(i).padStart(2, '0')}`, x.s, x.ago));
          const w = win('w', [['A', 1], ['B', 2]]);
          const est = estimateWaits({ tickets, windows: [w], context: ctx, serviceSeconds: new Map([['A', 60], ['B', 60]]), now: T0 });
          // Replay with pickNext at the simulated times.
          const waiting = new Map(tickets.map((t) => [t.id, t]));
          let t = T0;
          let k = 0;
          for (;;) {
            const pick = pickNext(w, waiting.values(), ctx, t);
            if (!pick) break;
            expect(est.get(pick.ticket.id)).toMatchObject({ peopleAhead: k, estimatedWaitSeconds: (t - T0) / 1000 });
            waiting.delete(pick.ticket.id);
            t += 60_000;
            k++;
          }
          expect(k).toBe(tickets.length);
        },
      ),
    );
  });

  test('E2: calls beyond the horizon are not forecast; the forecast can stop at given tickets', () => {
    const tickets = [tk('t1', 'A', 3), tk('t2', 'A', 2), tk('t3', 'A', 1)];
    const base = { windows: [win('w', [['A', 1]])], context: ctx, serviceSeconds: new Map([['A', 600]]), now: T0 };
    const est = estimateWaits({ ...base, tickets, horizonSeconds: 900 });
    expect(est.get('t2')?.estimatedWaitSeconds).toBe(600);
    expect(est.get('t3')).toEqual({ ticketId: 't3', peopleAhead: null, estimatedWaitSeconds: null });
    const some = forecastCalls({ ...base, index: new CandidateIndex(tickets), until: new Set(['t2']) });
    expect([...some.keys()]).toEqual(['t1', 't2']);
  });

  test('E2: tickets proven beyond the horizon are the ones the forecast would not reach', () => {
    // One window, 10-minute visits, a one-hour horizon: at most 7 calls fit; with one call of
    // margin, 8 present tickets ahead prove the newcomer is not reached.
    const base = { windows: [win('w', [['A', 1]])], context: ctx, serviceSeconds: new Map([['A', 600]]), now: T0, horizonSeconds: 3600 };
    const queue = (n: number, away = 0) => [
      ...Array.from({ length: away }, (_, i) => ({ ...tk(`r${i}`, 'A', 90), away: true })),
      ...Array.from({ length: n }, (_, i) => tk(`t${String(i).padStart(2, '0')}`, 'A', 60 - i)),
    ];
    const newcomer = tk('new', 'A', 0);
    expect(beyondHorizon({ ...base, index: new CandidateIndex([...queue(8), newcomer]) }, [newcomer])).toBe(true);
    expect(beyondHorizon({ ...base, index: new CandidateIndex([...queue(7), newcomer]) }, [newcomer])).toBe(false);
    // Away tickets may cost less than a visit: they are not counted.
    expect(beyondHorizon({ ...base, index: new CandidateIndex([...queue(7, 5), newcomer]) }, [newcomer])).toBe(false);
    // Removed (claimed) tickets are not counted; nor is anything for a priority visitor or a random forecast.
    const claimed = new CandidateIndex([...queue(8), newcomer]);
    claimed.remove('t00');
    expect(beyondHorizon({ ...base, index: claimed }, [newcomer])).toBe(false);
    expect(beyondHorizon({ ...base, index: new CandidateIndex([...queue(40), { ...newcomer, priority: true }]) }, [{ ...newcomer, priority: true }])).toBe(false);
    expect(beyondHorizon({ ...base, index: new CandidateIndex([...queue(40), newcomer]), draw: { random: Math.random, defaultCv: 0.5 } }, [newcomer])).toBe(false);
    // The count stops at the bound: a long queue costs no more than a short one.
    expect(new CandidateIndex([...queue(50), newcomer]).presentAhead(newcomer, 8)).toBe(8);
  });

  test('E2: whenever tickets are proven beyond the horizon, the forecast calls none of them', () => {
    let proven = 0;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            s: fc.constantFrom('A', 'B', 'C'),
            ago: fc.integer({ min: 0, max: 120 }),
            prio: fc.boolean(),
            appt: fc.option(fc.integer({ min: -10, max: 40 }), { nil: null }),
            away: fc.boolean(),
            stage: fc.constantFrom(0, 0, 0, 1),
          }),
          { maxLength: 60 },
        ),
        fc.array(fc.record({ s: fc.constantFrom('A', 'B', 'C'), stage: fc.constantFrom(0, 0, 1) }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.record({ busy: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }), helper: fc.boolean(), open: fc.boolean() }), { minLength: 1, maxLength: 3 }),
        fc.record({ A: fc.integer({ min: 1, max: 900 }), B: fc.integer({ min: 1, max: 900 }), C: fc.integer({ min: 1, max: 900 }) }),
        fc.integer({ min: 1, max: 120 }),
        fc.record({ noShow: fc.double({ min: 0, max: 1, noNaN: true }), awayShare: fc.double({ min: 0, max: 1, noNaN: true }), laterStages: fc.boolean() }),
        (specs, extras, ws, means, horizonMinutes, o) => {
          const services = new Map([svc('A'), svc('B'), svc('C', true)].map((x) => [x.id, { ...x, stages: [...x.stages, { officersOnly: false }] }]));
          const context: RoutingContext = { ...ctx, services, awayShare: o.awayShare };
          const tickets = specs.map((x, i) => ({
            ...tk(`t${String(i).padStart(2, '0')}`, x.s, x.ago),
            stage: x.stage,
            priority: x.prio,
            appointmentAt: x.appt === null ? null : T0 + x.appt * MIN,
            ...(x.away ? { away: true } : {}),
          }));
          const added = extras.map((x, i) => ({ ...tk(`n${i}`, x.s, 0), stage: x.stage }));
          const skillSets: Array<Array<[string, number]>> = [[['A', 1], ['B', 2]], [['B', 1], ['C', 2]], [['C', 1], ['A', 3]]];
          const windows = ws.map((w, i) =>
            win(`w${i}`, skillSets[i]!, { busyUntil: w.busy === null ? null : T0 + w.busy * MIN, staffType: w.helper ? 'helper' : 'officer', open: w.open }),
          );
          const input = {
            windows,
            context,
            serviceSeconds: new Map(Object.entries(means)),
            stageSeconds: new Map([['A\u00001', means.B]]),
            noShowShare: new Map([['A', o.noShow]]),
            laterStages: o.laterStages,
            now: T0,
            horizonSeconds: horizonMinutes * 60,
          };
          if (!beyondHorizon({ ...input, index: new CandidateIndex([...tickets, ...added]) }, added)) return;
          proven++;
          const calls = forecastCalls({ ...input, index: new CandidateIndex([...tickets, ...added]), until: new Set(added.map((t) => t.id)) });
          for (const t of added) expect(calls.get(t.id)).toBeUndefined();
        },
      ),
      { numRuns: 1500 },
    );
    expect(proven).toBeGreaterThan(50);
  });

  test('E1: a forecast over shared sorted lanes plus inserted tickets equals one over a fresh index', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ s: fc.constantFrom('A', 'B'), ago: fc.integer({ min: 0, max: 80 }), prio: fc.boolean() }), { maxLength: 30 }),
        fc.array(fc.record({ s: fc.constantFrom('A', 'B'), prio: fc.boolean() }), { maxLength: 5 }),
        (specs, extras) => {
          const tickets = specs.map((x, i) => ({ ...tk(`t${String(i).padStart(2, '0')}`, x.s, x.ago), priority: x.prio }));
          const added = extras.map((x, i) => ({ ...tk(`n${i}`, x.s, 0), priority: x.prio }));
          const windows = [win('w1', [['A', 1], ['B', 2]]), win('w2', [['B', 1]])];
          const base = { windows, context: ctx, serviceSeconds: new Map([['A', 300], ['B', 500]]), now: T0 };
          const sorted = (s: string, prio: boolean) =>
            tickets.filter((t) => t.serviceId === s && t.priority === prio).sort((a, b) => a.queuedAt - b.queuedAt || (a.id < b.id ? -1 : 1));
          const shared = CandidateIndex.fromSorted(
            ['A', 'B'].map((s) => ({ serviceId: s, stage: 0, priority: sorted(s, true), appointments: [], normal: sorted(s, false) })),
          );
          for (const t of added) shared.insert(t);
          const a = forecastCalls({ ...base, index: shared });
          const b = forecastCalls({ ...base, index: new CandidateIndex([...tickets, ...added]) });
          expect([...a.entries()]).toEqual([...b.entries()]);
          // The shared lanes were not changed.
          expect(sorted('A', false).length + sorted('A', true).length + sorted('B', false).length + sorted('B', true).length).toBe(tickets.length);
        },
      ),
    );
  });

  test('E1: probes answered in one forecast equal one forecast per probe with that visitor added', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ s: fc.constantFrom('A', 'B', 'C'), ago: fc.integer({ min: 0, max: 120 }), prio: fc.boolean(), appt: fc.option(fc.integer({ min: -10, max: 40 }), { nil: null }) }),
          { maxLength: 40 },
        ),
        fc.array(fc.record({ busy: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null }), helper: fc.boolean() }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 1, max: 60 }),
        (specs, ws, horizonMinutes) => {
          const tickets = specs.map((x, i) => ({
            ...tk(`t${String(i).padStart(2, '0')}`, x.s, x.ago),
            priority: x.prio,
            appointmentAt: x.appt === null ? null : T0 + x.appt * MIN,
          }));
          const skillSets: Array<Array<[string, number]>> = [[['A', 1], ['B', 2]], [['B', 1], ['C', 2]], [['C', 1], ['A', 3]]];
          const windows = ws.map((w, i) =>
            win(`w${i}`, skillSets[i]!, { busyUntil: w.busy === null ? null : T0 + w.busy * MIN, staffType: w.helper ? 'helper' : 'officer' }),
          );
          const base = { windows, context: ctx, serviceSeconds: new Map([['A', 300], ['B', 500], ['C', 420]]), now: T0, horizonSeconds: horizonMinutes * 60 };
          const probes = ['A', 'B', 'C'].map((s) => ({ ...tk(`\uffffprobe:${s}`, s, 0) }));
          const together = forecastCalls({ ...base, index: new CandidateIndex(tickets), probes });
          for (const p of probes) {
            const alone = forecastCalls({ ...base, index: new CandidateIndex([...tickets, p]), until: new Set([p.id]) });
            expect(together.get(p.id) ?? null).toEqual(alone.get(p.id) ?? null);
          }
          // The queue's own calls are those of the forecast without probes.
          const plain = forecastCalls({ ...base, index: new CandidateIndex(tickets) });
          expect([...together.entries()].filter(([id]) => !id.startsWith('\uffff'))).toEqual([...plain.entries()]);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('E1: a forecast run in slices gives the same calls as one run at once', () => {
    const tickets = Array.from({ length: 30 }, (_, i) => tk(`t${String(i).padStart(2, '0')}`, i % 3 === 0 ? 'B' : 'A', 60 - i));
    const windows = [win('w1', [['A', 1], ['B', 2]]), win('w2', [['B', 1], ['A', 2]])];
    const base = { windows, context: ctx, serviceSeconds: new Map([['A', 300], ['B', 500]]), now: T0 };
    const sliced = new Forecast({ ...base, index: new CandidateIndex(tickets) });
    let turns = 1;
    while (!sliced.run(4)) turns++;
    expect(turns).toBeGreaterThan(5);
    expect([...sliced.calls.entries()]).toEqual([...forecastCalls({ ...base, index: new CandidateIndex(tickets) }).entries()]);
  });

  test('E1: taking out tickets the queue does not hold (claimed elsewhere) does not cut the forecast short', () => {
    const tickets = [tk('t1', 'A', 3), tk('t2', 'A', 2)];
    const index = new CandidateIndex(tickets);
    for (const ghost of ['x1', 'x2', 'x3']) index.remove(ghost);
    const calls = forecastCalls({ index, windows: [win('w', [['A', 1]])], context: ctx, serviceSeconds: new Map([['A', 600]]), now: T0 });
    expect([...calls.keys()]).toEqual(['t1', 't2']);
  });

  test('the naive estimate is people ahead x mean / open windows', () => {
    expect(naiveEstimateSeconds(6, 600, 3)).toBe(1200);
    expect(naiveEstimateSeconds(6, 600, 0)).toBe(3600);
  });
});

describe('learned service times', () => {
  test('E1: a window is free at its visitor\'s expected end; an overrunning visitor still needs 20% of the mean', () => {
    expect(expectedFreeAt(T0, 600, T0 + 60_000)).toBe(T0 + 600_000);
    expect(expectedFreeAt(T0, 600, T0 + 900_000)).toBe(T0 + 900_000 + 120_000);
  });

  test('E3: an exponentially weighted mean that one outlier moves only a little, clipped', () => {
    expect(updateServiceSeconds(600, 700)).toBeCloseTo(601);
    expect(updateServiceSeconds(600, 700, 0.2)).toBeCloseTo(620);
    expect(updateServiceSeconds(600, 10 * 3600)).toBeCloseTo(600 + 0.01 * (4 * 3600 - 600));
    expect(updateServiceSeconds(600, 0)).toBeCloseTo(600 + 0.01 * (10 - 600));
  });
});
