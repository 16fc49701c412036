import { erlangC, erlangCAgentsFor, erlangCMeanWait, erlangCWaitProbability } from './erlang';

describe('Erlang C', () => {
  test('table values at 5 erlangs (100 calls/h, 3 min each): C(6) = 0.5875, C(7) = 0.3241, C(8) = 0.1673', () => {
    expect(erlangC(6, 100, 20)).toBeCloseTo(0.5875, 4);
    expect(erlangC(7, 100, 20)).toBeCloseTo(0.3241, 4);
    expect(erlangC(8, 100, 20)).toBeCloseTo(0.1673, 4);
  });

  test('single server M/M/1: C = rho and Wq = rho / (mu - lambda)', () => {
    expect(erlangC(1, 3, 4)).toBeCloseTo(0.75, 10);
    expect(erlangCMeanWait(1, 3, 4)).toBeCloseTo(0.75, 10);
  });

  test('M/M/2 with a = 1: C = 1/3 and Wq = C / (2 mu - lambda)', () => {
    expect(erlangC(2, 1, 1)).toBeCloseTo(1 / 3, 10);
    expect(erlangCMeanWait(2, 1, 1)).toBeCloseTo(1 / 3, 10);
  });

  test('lambda = 20/h, 6-minute service, c = 3 (a = 2): C = 4/9, Wq = 8/3 min', () => {
    expect(erlangC(3, 20, 10)).toBeCloseTo(4 / 9, 10);
    expect(erlangCMeanWait(3, 20, 10) * 60).toBeCloseTo(8 / 3, 8);
    expect(erlangCWaitProbability(3, 20, 10, 0)).toBeCloseTo(5 / 9, 10);
    expect(erlangCWaitProbability(3, 20, 10, 0.1)).toBeCloseTo(1 - (4 / 9) * Math.exp(-1), 10);
  });

  test('overload: everybody waits, the mean wait is unbounded, nobody is within target', () => {
    expect(erlangC(2, 30, 10)).toBe(1);
    expect(erlangCMeanWait(2, 30, 10)).toBe(Infinity);
    expect(erlangCWaitProbability(3, 30, 10, 1)).toBe(0);
  });

  test('no arrivals: no wait, no agent needed', () => {
    expect(erlangC(1, 0, 1)).toBe(0);
    expect(erlangCAgentsFor(0, 1, 1, 0.9)).toBe(0);
  });

  test('agents for a goal: the fewest that meet it', () => {
    const c = erlangCAgentsFor(100, 20, 20 / 3600, 0.8);
    expect(erlangCWaitProbability(c, 100, 20, 20 / 3600)).toBeGreaterThanOrEqual(0.8);
    expect(erlangCWaitProbability(c - 1, 100, 20, 20 / 3600)).toBeLessThan(0.8);
    expect(c).toBe(8); // 7 agents give 74%, 8 give 88%
  });
});
