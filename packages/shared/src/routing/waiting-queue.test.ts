import fc from 'fast-check';
import { pickNext } from './engine';
import { DEFAULT_ROUTING_POLICY } from '../domain';
import type { RoutingContext, RoutingTicket, RoutingWindow } from './types';
import { WaitingQueue } from './waiting-queue';

const ctx: RoutingContext = {
  services: new Map(['A', 'B', 'C'].map((id, i) => [id, { id, waitTargetSeconds: 600 * (i + 1), stages: [{ officersOnly: false }, { officersOnly: true }] }])),
  policy: DEFAULT_ROUTING_POLICY,
};
const T0 = Date.UTC(2026, 0, 5, 2);

// R1-R6 on the live queue: after any sequence of arrivals, transfers and calls, the index
// chooses what pickNext over the same waiting tickets chooses.
test('the live waiting queue chooses exactly what pickNext chooses, through adds and removals', () => {
  const op = fc.oneof(
    fc.record({
      kind: fc.constant('add' as const),
      serviceId: fc.constantFrom('A', 'B', 'C'),
      stage: fc.constantFrom(0, 1),
      ago: fc.integer({ min: 0, max: 120 }),
      priority: fc.boolean(),
      appt: fc.option(fc.integer({ min: -20, max: 60 }), { nil: null }),
    }),
    fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant('call' as const), w: fc.nat(), staff: fc.constantFrom('officer' as const, 'helper' as const) }),
  );
  fc.assert(
    fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
      const index = new WaitingQueue();
      const waiting = new Map<string, RoutingTicket>();
      const windows: RoutingWindow[] = [
        { id: 'w0', skills: [{ serviceId: 'A', tier: 1 }, { serviceId: 'B', tier: 2 }], staffType: 'officer' },
        { id: 'w1', skills: [{ serviceId: 'C', tier: 1 }, { serviceId: 'A', tier: 3 }], staffType: 'officer' },
      ];
      let n = 0;
      for (const o of ops) {
        if (o.kind === 'add') {
          const t: RoutingTicket = {
            id: `t${String(n++).padStart(3, '0')}`,
            serviceId: o.serviceId,
            stage: o.stage,
            queuedAt: T0 - o.ago * 60_000,
            priority: o.priority,
            appointmentAt: o.appt === null ? null : T0 + o.appt * 60_000,
          };
          index.add(t);
          waiting.set(t.id, t);
        } else if (o.kind === 'remove' && waiting.size > 0) {
          const id = [...waiting.keys()][o.pick % waiting.size]!;
          index.remove(id);
          waiting.delete(id);
        } else if (o.kind === 'call') {
          const w = { ...windows[o.w % windows.length]!, staffType: o.staff };
          const expected = pickNext(w, waiting.values(), ctx, T0);
          expect(index.pick(w, ctx, T0)?.ticket.id).toBe(expected?.ticket.id);
          // Skipping tickets (claimed earlier in the same batch) is the same as their absence.
          if (expected) {
            const rest = [...waiting.values()].filter((t) => t.id !== expected.ticket.id);
            expect(index.pick(w, ctx, T0, [expected.ticket.id])?.ticket.id).toBe(pickNext(w, rest, ctx, T0)?.ticket.id);
          }
          if (expected) {
            index.remove(expected.ticket.id);
            waiting.delete(expected.ticket.id);
          }
        }
        expect(index.size).toBe(waiting.size);
        expect(index.all().map((t) => t.id).sort()).toEqual([...waiting.keys()].sort());
      }
    }),
  );
});

// A simulated day at a huge arrival rate and one window leaves hundreds of thousands waiting in one
// lane: listing them must not pass the lane as call arguments (the call stack overflowed).
test('all() lists a lane of 300,000 tickets, in order', () => {
  const index = new WaitingQueue();
  const n = 300_000;
  for (let i = 0; i < n; i++) index.add({ id: `t${i}`, serviceId: 'A', stage: 0, queuedAt: T0 + i, priority: false, appointmentAt: null });
  index.add({ id: 'p', serviceId: 'B', stage: 0, queuedAt: T0, priority: true, appointmentAt: null });
  const all = index.all();
  expect(all).toHaveLength(n + 1);
  expect(all[0]!.id).toBe('t0');
  expect(all[n - 1]!.id).toBe(`t${n - 1}`);
  expect(all[n]!.id).toBe('p');
});
