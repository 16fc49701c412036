// The bound on any wait estimator: replays of the simulated hall from each issue.
import { Random } from './rng';
import type { ScenarioInput } from './scenario';
import { parseScenario } from './scenario';
import { sampleMinutes, sampleMinutesAfter } from './service-times';
import { runReplication } from './simulator';

const hall = (extra: Partial<ScenarioInput> = {}): ScenarioInput => ({
  name: 'bound',
  seed: 3,
  replications: 1,
  hours: 3,
  warmupHours: 0,
  startHour: 9,
  drain: true,
  waitTargetMinutes: 30,
  services: [{ id: 'A', arrivalsPerHour: 14, serviceMinutes: { distribution: 'constant', mean: 9 }, noShowShare: 0 }],
  windows: [
    { id: 'w1', skills: [{ serviceId: 'A', tier: 1 }], breaks: [{ from: 10, to: 10.5 }] },
    { id: 'w2', skills: [{ serviceId: 'A', tier: 1 }] },
  ],
  ...extra,
});

describe('estimator bound: replays of the hall from each issue', () => {
  test('a hall whose future is known (one service in order, fixed service times, no no-shows): every replay gives the wait that happened', () => {
    const r = runReplication(parseScenario(hall()), 0, { evaluateEstimator: true, boundReplays: 4 });
    expect(r.estimates.length).toBeGreaterThan(20);
    expect(r.estimates.some((e) => e.actualSeconds > 600)).toBe(true);
    for (const e of r.estimates) {
      expect(e.replays).toHaveLength(4);
      for (const w of e.replays!) expect(w).toBeCloseTo(e.actualSeconds, 6);
      expect(e.boundSeconds).toBeCloseTo(e.actualSeconds, 6);
    }
  });

  test('replaying does not change the day: the same waits and estimates with and without replays', () => {
    const scenario = parseScenario(hall({ services: [{ id: 'A', arrivalsPerHour: 14, serviceMinutes: { distribution: 'lognormal', mean: 9, cv: 0.7 }, noShowShare: 0.1 }] }));
    const plain = runReplication(scenario, 1, { evaluateEstimator: true });
    const replayed = runReplication(scenario, 1, { evaluateEstimator: true, boundReplays: 5 });
    expect(replayed.waits).toEqual(plain.waits);
    expect(replayed.estimates.map((e) => e.estimateSeconds)).toEqual(plain.estimates.map((e) => e.estimateSeconds));
    // Random visits: the replays spread, and their median is the best estimate over them.
    expect(replayed.estimates.some((e) => e.replays!.length > 1 && e.replays![0]! < e.replays![e.replays!.length - 1]!)).toBe(true);
    for (const e of replayed.estimates) expect(e.expectedAbsError!.bound).toBeLessThanOrEqual(e.expectedAbsError!.estimate + 1e-9);
  });

  test.each([
    { distribution: 'exponential' as const, mean: 10 },
    { distribution: 'lognormal' as const, mean: 10, cv: 0.8 },
    { distribution: 'empirical' as const, values: [2, 5, 9, 14, 30] },
  ])('a visit under way lasts a draw longer than its time so far, from its distribution (%o)', (d) => {
    const rng = new Random(5);
    const elapsed = 8;
    const longer = Array.from({ length: 40_000 }, () => sampleMinutes(d, rng)).filter((x) => x > elapsed);
    const given = Array.from({ length: 20_000 }, () => sampleMinutesAfter(d, elapsed, rng));
    const mean = (xs: number[]): number => xs.reduce((a, x) => a + x, 0) / xs.length;
    expect(Math.min(...given)).toBeGreaterThanOrEqual(elapsed);
    expect(Math.abs(mean(given) / mean(longer) - 1)).toBeLessThan(0.03);
  });
});
