import fc from 'fast-check';
import { DEFAULT_ROUTING_POLICY } from '../domain';
import type { RoutingPolicy } from '../domain';
import { canServe, isStarving, orderForWindow, pickNext } from './engine';
import { CandidateIndex } from './candidate-index';
import type { RoutingContext, RoutingService, RoutingTicket, RoutingWindow } from './types';

const MIN = 60_000;
const T0 = Date.UTC(2026, 0, 5, 1, 0, 0);

function ctxOf(services: RoutingService[], policy: Partial<RoutingPolicy> = {}): RoutingContext {
  return { services: new Map(services.map((s) => [s.id, s])), policy: { ...DEFAULT_ROUTING_POLICY, ...policy } };
}
const svc = (id: string, targetMin = 40, officersOnly: boolean[] = [false]): RoutingService => ({
  id,
  waitTargetSeconds: targetMin * 60,
  stages: officersOnly.map((o) => ({ officersOnly: o })),
});
const tk = (id: string, serviceId: string, minutesAgo: number, extra: Partial<RoutingTicket> = {}): RoutingTicket => ({
  id,
  serviceId,
  stage: 0,
  queuedAt: T0 - minutesAgo * MIN,
  priority: false,
  appointmentAt: null,
  ...extra,
});
const win = (id: string, skills: Array<[string, number]>, staffType: RoutingWindow['staffType'] = 'officer'): RoutingWindow => ({
  id,
  skills: skills.map(([serviceId, tier]) => ({ serviceId, tier })),
  staffType,
});

describe('routing engine', () => {
  const ctx = ctxOf([svc('A'), svc('B'), svc('C', 40, [false, true])]);

  test('R1: a window takes only tickets of its skills, best tier first', () => {
    const w = win('w1', [['A', 2], ['B', 1]]);
    const waiting = [tk('a1', 'A', 30), tk('b1', 'B', 5), tk('x1', 'X', 50)];
    expect(pickNext(w, waiting, ctx, T0)?.ticket.id).toBe('b1');
    expect(orderForWindow(w, waiting, ctx, T0).map((t) => t.id)).toEqual(['b1', 'a1']);
  });

  test('R1: a service listed twice counts with its best tier', () => {
    const w = win('w1', [['A', 3], ['A', 1], ['B', 2]]);
    expect(pickNext(w, [tk('b1', 'B', 30), tk('a1', 'A', 1)], ctx, T0)?.tier).toBe(1);
  });

  test('R2: helpers never take an officers-only stage; an empty window takes nothing', () => {
    const t = tk('c2', 'C', 10, { stage: 1 });
    expect(canServe(win('h', [['C', 1]], 'helper'), t, ctx)).toBe(false);
    expect(canServe(win('o', [['C', 1]], 'officer'), t, ctx)).toBe(true);
    expect(canServe(win('h', [['C', 1]], 'helper'), { ...t, stage: 0 }, ctx)).toBe(true);
    expect(canServe(win('e', [['C', 1]], null), { ...t, stage: 0 }, ctx)).toBe(false);
    expect(canServe(win('o', [['C', 1]], 'officer'), { ...t, stage: 5 }, ctx)).toBe(false);
  });

  test('R3: priority visitors, then due appointments, then the rest', () => {
    const w = win('w', [['A', 1]]);
    const waiting = [
      tk('old', 'A', 30),
      tk('appt-later', 'A', 2, { appointmentAt: T0 + 60 * MIN }),
      tk('appt-due', 'A', 1, { appointmentAt: T0 + 5 * MIN }),
      tk('prio', 'A', 0, { priority: true }),
    ];
    expect(orderForWindow(w, waiting, ctx, T0).map((t) => t.id)).toEqual(['prio', 'appt-due', 'old', 'appt-later']);
  });

  test('R4: longest wait relative to the service target first', () => {
    const short = ctxOf([svc('A', 10), svc('B', 60)]);
    const w = win('w', [['A', 1], ['B', 1]]);
    // A waited 6 of 10 minutes (0.6), B waited 30 of 60 (0.5).
    expect(pickNext(w, [tk('b', 'B', 30), tk('a', 'A', 6)], short, T0)?.ticket.id).toBe('a');
  });

  test('R5: a ticket past its target jumps tiers; switched off, it does not', () => {
    const w = win('w', [['A', 1], ['B', 2]]);
    const waiting = [tk('a', 'A', 5), tk('b', 'B', 41)];
    expect(isStarving(waiting[1]!, ctx, T0)).toBe(true);
    expect(pickNext(w, waiting, ctx, T0)).toMatchObject({ ticket: { id: 'b' }, reason: 'starvation' });
    const off = ctxOf([svc('A'), svc('B')], { starvationEnabled: false });
    expect(pickNext(w, waiting, off, T0)?.ticket.id).toBe('a');
  });

  test('R6: ties go to the earlier issue time, then the smaller id', () => {
    const w = win('w', [['A', 1]]);
    expect(pickNext(w, [tk('b', 'A', 5), tk('a', 'A', 5)], ctx, T0)?.ticket.id).toBe('a');
  });

  test('R9: a remote ticket whose holder has not arrived is passed over live, and keeps its place', () => {
    const c = ctxOf([svc('A')]);
    const w = win('w', [['A', 1]]);
    const away = tk('r1', 'A', 30, { away: true });
    const later = tk('t2', 'A', 10);
    expect(pickNext(w, [away, later], c, T0)?.ticket.id).toBe('t2');
    expect(new CandidateIndex([away, later]).pick(w, c, T0)?.ticket.id).toBe('t2');
    // Arrived: its original time puts it first again.
    expect(pickNext(w, [{ ...away, away: false }, later], c, T0)?.ticket.id).toBe('r1');
    // A forecast (awayShare set) keeps it in its place; so does the server's "whose turn is it".
    expect(pickNext(w, [away, later], { ...c, awayShare: 0.7 }, T0)?.ticket.id).toBe('r1');
    expect(new CandidateIndex([away, later]).pick(w, { ...c, awayShare: 0.7 }, T0)?.ticket.id).toBe('r1');
    // Only away tickets waiting: nothing to call.
    expect(pickNext(w, [away], c, T0)).toBeNull();
    expect(orderForWindow(w, [away, later], c, T0).map((t) => t.id)).toEqual(['t2']);
  });

  test('R9: away appointments and priority tickets are passed over too', () => {
    const c = ctxOf([svc('A')]);
    const w = win('w', [['A', 1]]);
    const ts = [
      tk('p1', 'A', 20, { priority: true, away: true }),
      tk('p2', 'A', 10, { priority: true }),
      tk('a1', 'A', 20, { appointmentAt: T0 - MIN, away: true }),
      tk('a2', 'A', 15, { appointmentAt: T0 - MIN }),
    ];
    const index = new CandidateIndex(ts);
    expect(index.pick(w, c, T0)?.ticket.id).toBe('p2');
    index.remove('p2');
    expect(index.pick(w, c, T0)?.ticket.id).toBe('a2');
    index.remove('a2');
    expect(index.pick(w, c, T0)).toBeNull();
  });

  test('R7: nothing servable gives no ticket', () => {
    expect(pickNext(win('w', [['B', 1]]), [tk('a', 'A', 5)], ctx, T0)).toBeNull();
    expect(pickNext(win('w', [['A', 1]]), [], ctx, T0)).toBeNull();
  });
});

// ---- properties -------------------------------------------------------------------------

const SERVICES = ['A', 'B', 'C', 'D'];
const propCtx = ctxOf([svc('A', 20), svc('B', 40), svc('C', 40, [false, true]), svc('D', 60)]);
const propCtxLive = propCtx;

const ticketArb = fc.record({
  serviceId: fc.constantFrom(...SERVICES),
  stage: fc.constantFrom(0, 0, 1),
  minutesAgo: fc.integer({ min: 0, max: 120 }),
  priority: fc.boolean(),
  appointmentIn: fc.option(fc.integer({ min: -30, max: 90 }), { nil: null }),
  away: fc.boolean(),
});
const ticketsArb = fc.array(ticketArb, { maxLength: 60 }).map((ts) =>
  ts.map((t, i) =>
    tk(`t${String(i).padStart(3, '0')}`, t.serviceId, t.minutesAgo, {
      stage: t.serviceId === 'C' ? t.stage : 0,
      priority: t.priority,
      appointmentAt: t.appointmentIn === null ? null : T0 + t.appointmentIn * MIN,
      ...(t.away && t.minutesAgo % 3 === 0 ? { away: true } : {}),
    }),
  ),
);
const windowArb = fc.record({
  skills: fc.uniqueArray(fc.record({ serviceId: fc.constantFrom(...SERVICES), tier: fc.integer({ min: 1, max: 3 }) }), {
    selector: (s) => s.serviceId,
    minLength: 1,
    maxLength: 4,
  }),
  staffType: fc.constantFrom('officer' as const, 'helper' as const),
});
const windowsArb = fc.array(windowArb, { minLength: 1, maxLength: 6 }).map((ws) => ws.map((w, i) => ({ id: `w${i}`, ...w })));

/** Windows take turns calling until none can take anything; returns the calls in order. */
function drain(windows: RoutingWindow[], tickets: RoutingTicket[], now: number): Array<{ window: string; ticket: string }> {
  const waiting = new Map(tickets.map((t) => [t.id, t]));
  const calls: Array<{ window: string; ticket: string }> = [];
  let progress = true;
  while (progress) {
    progress = false;
    for (const w of windows) {
      const pick = pickNext(w, waiting.values(), propCtx, now);
      if (!pick) continue;
      waiting.delete(pick.ticket.id);
      calls.push({ window: w.id, ticket: pick.ticket.id });
      progress = true;
    }
  }
  return calls;
}

describe('routing engine properties', () => {
  test('R8/R1: no ticket is served twice, and every servable ticket is eventually called', () => {
    fc.assert(
      fc.property(ticketsArb, windowsArb, (tickets, windows) => {
        const calls = drain(windows, tickets, T0);
        const ids = calls.map((c) => c.ticket);
        expect(new Set(ids).size).toBe(ids.length);
        for (const t of tickets) {
          const servable = windows.some((w) => canServe(w, t, propCtx)) && t.away !== true;
          expect(ids.includes(t.id)).toBe(servable);
        }
      }),
    );
  });

  test('R1/R5: tier order is respected unless the starvation rule fires', () => {
    fc.assert(
      fc.property(ticketsArb, windowArb, (tickets, w) => {
        const window = { id: 'w', ...w };
        const pick = pickNext(window, tickets, propCtx, T0);
        if (!pick) return;
        const chosenStarving = isStarving(pick.ticket, propCtx, T0);
        for (const t of tickets) {
          if (!canServe(window, t, propCtx) || t === pick.ticket || t.away === true) continue;
          const tier = Math.min(...window.skills.filter((s) => s.serviceId === t.serviceId).map((s) => s.tier));
          if (!chosenStarving) {
            // Nobody is starving, so nothing of a better tier may be left behind.
            expect(isStarving(t, propCtx, T0)).toBe(false);
            expect(tier).toBeGreaterThanOrEqual(pick.tier);
          }
        }
      }),
    );
  });

  test('R1-R6, R9: the candidate index chooses exactly what pickNext chooses, call after call, live or forecast', () => {
    fc.assert(
      fc.property(ticketsArb, windowsArb, fc.integer({ min: 0, max: 90 }), fc.boolean(), (tickets, windows, later, forecast) => {
        const now = T0 + later * MIN;
        const propCtx: RoutingContext = forecast ? { ...propCtxLive, awayShare: 0.5 } : propCtxLive;
        const index = new CandidateIndex(tickets);
        const waiting = new Map(tickets.map((t) => [t.id, t]));
        for (let round = 0; round < tickets.length + windows.length; round++) {
          const w = windows[round % windows.length]!;
          const expected = pickNext(w, waiting.values(), propCtx, now);
          const actual = index.pick(w, propCtx, now);
          expect(actual?.ticket.id).toBe(expected?.ticket.id);
          if (expected) {
            waiting.delete(expected.ticket.id);
            index.remove(expected.ticket.id);
          }
        }
      }),
    );
  });
});
