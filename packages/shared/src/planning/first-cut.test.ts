import { erlangCAgentsFor } from './erlang';
import { firstCut, firstCutHour, pooledLoad } from './first-cut';

const hours = (at: Record<number, number>): number[] => Array.from({ length: 24 }, (_, h) => at[h] ?? 0);

describe('Erlang C first cut per hour', () => {
  const goal = { share: 0.9, targetMinutes: 20 };
  const services = [
    { id: 'a', groupId: 'm1', arrivalsPerHour: hours({ 9: 20, 10: 12 }), serviceMinutes: 6 },
    { id: 'b', groupId: 'm1', arrivalsPerHour: hours({ 9: 4 }), serviceMinutes: 15 },
    { id: 'c', groupId: 'm2', arrivalsPerHour: hours({ 9: 6 }), serviceMinutes: 10 },
  ];

  it('dedicated windows are Erlang C per service; an hour without arrivals needs none', () => {
    const h9 = firstCutHour(services, goal, 9);
    expect(h9.dedicated).toEqual({
      a: erlangCAgentsFor(20, 10, 1 / 3, 0.9),
      b: erlangCAgentsFor(4, 4, 1 / 3, 0.9),
      c: erlangCAgentsFor(6, 6, 1 / 3, 0.9),
    });
    expect(h9.dedicatedTotal).toBe(h9.dedicated.a! + h9.dedicated.b! + h9.dedicated.c!);
    const h3 = firstCutHour(services, goal, 3);
    expect([h3.dedicatedTotal, h3.groupedTotal, h3.pooled, h3.groupedWithinTarget]).toEqual([0, 0, 0, null]);
  });

  it('pooling by group and overall never needs more windows than dedicated, and meets the goal by Erlang C', () => {
    for (const h of firstCut(services, goal)) {
      expect(h.pooled).toBeLessThanOrEqual(h.groupedTotal);
      expect(h.groupedTotal).toBeLessThanOrEqual(h.dedicatedTotal);
      if (h.groupedWithinTarget !== null) expect(h.groupedWithinTarget).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('a pool serves the mean work per visitor: 20/h x 6 min + 4/h x 15 min = 3 erlangs over 24/h', () => {
    const l = pooledLoad([
      { rate: 20, mu: 10 },
      { rate: 4, mu: 4 },
    ]);
    expect(l.rate).toBe(24);
    expect(l.rate / l.mu).toBeCloseTo(3, 10);
  });
});
