import fc from 'fast-check';
import { DEFAULT_ROUTING_POLICY, pickNext } from '@hallq/shared';
import type { RoutingContext, RoutingService, RoutingWindow } from '@hallq/shared';
import type { SimTicket } from './waiting-room';
import { WaitingRoom } from './waiting-room';

const MIN = 60_000;
const services: RoutingService[] = [
  { id: 'A', waitTargetSeconds: 1200, stages: [{ officersOnly: false }, { officersOnly: true }] },
  { id: 'B', waitTargetSeconds: 2400, stages: [{ officersOnly: false }] },
  { id: 'C', waitTargetSeconds: 600, stages: [{ officersOnly: false }] },
];
const ctx: RoutingContext = { services: new Map(services.map((s) => [s.id, s])), policy: DEFAULT_ROUTING_POLICY };

const ticketArb = fc.record({
  serviceId: fc.constantFrom('A', 'B', 'C'),
  stage: fc.constantFrom(0, 0, 1),
  minutesAgo: fc.integer({ min: 0, max: 90 }),
  priority: fc.boolean(),
  appointmentIn: fc.option(fc.integer({ min: -20, max: 30 })),
  called: fc.boolean(),
});
const windowArb = fc.record({
  skills: fc.uniqueArray(fc.record({ serviceId: fc.constantFrom('A', 'B', 'C'), tier: fc.integer({ min: 1, max: 3 }) }), {
    minLength: 1,
    maxLength: 3,
    selector: (s) => s.serviceId,
  }),
  staffType: fc.constantFrom('officer' as const, 'helper' as const),
});

describe('waiting room', () => {
  test('R1-R6: a window calls exactly the ticket pickNext would choose over every waiting ticket', () => {
    fc.assert(
      fc.property(fc.array(ticketArb, { maxLength: 40 }), windowArb, (specs, w) => {
        const now = 1_000 * MIN;
        const room = new WaitingRoom();
        const tickets: SimTicket[] = specs.map((s, i) => ({
          id: `t${String(i).padStart(3, '0')}`,
          serviceId: s.serviceId,
          stage: s.serviceId === 'A' ? s.stage : 0,
          queuedAt: now - s.minutesAgo * MIN,
          priority: s.priority,
          appointmentAt: s.appointmentIn === null ? null : now + s.appointmentIn * MIN,
          arrivedAt: now - s.minutesAgo * MIN,
          waiting: false,
        }));
        for (const t of tickets) room.add(t);
        tickets.forEach((t, i) => {
          if (specs[i]!.called) room.remove(t);
        });
        const window: RoutingWindow = { id: 'w', skills: w.skills, staffType: w.staffType };
        const waiting = tickets.filter((t) => t.waiting);
        expect(room.size).toBe(waiting.length);
        expect(room.pick(window, ctx, now)?.ticket.id ?? null).toBe(pickNext(window, waiting, ctx, now)?.ticket.id ?? null);
      }),
      { numRuns: 300 },
    );
  });
});
