import { localDate, routingContext, waitingForWindow } from './queue';
import { config, service, ticket } from './fixtures.test-util';

const ctx = routingContext(config([service('a'), service('b')], 600));
const t0 = Date.parse('2025-03-03T01:00:00.000Z');
const iso = (s: number) => new Date(t0 + s * 1000).toISOString();

describe('the waiting list of a window', () => {
  const waiting = [
    ticket('b1', 'b', iso(0)),
    ticket('a1', 'a', iso(10)),
    ticket('a2', 'a', iso(20), { priority: true }),
    ticket('a3', 'a', iso(5), { stage: 1 }),
    ticket('c1', 'c', iso(0)),
  ];
  it('orders by tier, then priority, then wait, like the server', () => {
    const rows = waitingForWindow(waiting, [{ serviceId: 'a', tier: 1 }, { serviceId: 'b', tier: 2 }], 'officer', ctx, t0 + 60_000);
    expect(rows.map((r) => r.ticket.id)).toEqual(['a2', 'a3', 'a1', 'b1']);
    expect(rows.every((r) => r.servable)).toBe(true);
  });
  it('orders a ticket that went back to the queue after a no-show by its requeue time, like the server', () => {
    const requeued = ticket('r1', 'a', iso(-100), { queuedAt: iso(15) });
    const rows = waitingForWindow([...waiting, requeued], [{ serviceId: 'a', tier: 1 }], 'officer', ctx, t0 + 60_000);
    expect(rows.map((r) => r.ticket.id)).toEqual(['a2', 'a3', 'a1', 'r1']);
  });
  it("marks officers-only stages unavailable at a helper's window", () => {
    const rows = waitingForWindow(waiting, [{ serviceId: 'a', tier: 1 }], 'helper', ctx, t0 + 60_000);
    expect(rows.map((r) => [r.ticket.id, r.servable])).toEqual([
      ['a2', true],
      ['a1', true],
      ['a3', false],
    ]);
  });
  it('gives the local date in the hall timezone', () => {
    expect(localDate(Date.parse('2025-03-03T17:00:00Z'), 'Asia/Shanghai')).toBe('2025-03-04');
  });
});
