import { serviceQueues } from './board';
import { service, ticket } from './fixtures.test-util';

const t0 = Date.parse('2025-03-03T01:00:00.000Z');
const iso = (s: number) => new Date(t0 + s * 1000).toISOString();

describe("the board's queue rows", () => {
  const services = [service('a'), service('b', { waitTargetSeconds: 100 })];
  const waiting = [ticket('a1', 'a', iso(0)), ticket('a2', 'a', iso(300)), ticket('b1', 'b', iso(400))];
  it('counts waiting tickets and the longest wait per service, on the given clock', () => {
    const rows = serviceQueues(services, waiting, [], 600, t0 + 500_000);
    expect(rows.map((r) => [r.service.id, r.waiting, r.longestWaitSeconds, r.targetSeconds, r.waitLevel])).toEqual([
      ['a', 2, 500, 600, 'warn'],
      ['b', 1, 100, 100, 'over'],
    ]);
  });
  it('colours the estimate on its own, and the row by the worse of the two', () => {
    const rows = serviceQueues(services, [], [{ serviceId: 'a', waiting: 0, longestWaitSeconds: 0, estimatedWaitSeconds: 700 }], 600, t0);
    expect(rows[0]).toMatchObject({ waitLevel: 'ok', estimateLevel: 'over', level: 'over', estimatedWaitSeconds: 700 });
    expect(rows[1]).toMatchObject({ level: 'ok', estimatedWaitSeconds: null, estimatedWaitRange: null });
  });
});
