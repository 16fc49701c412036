// The wait estimator on held-out seeds (never used for tuning its constants or the shown range):
// never worse than the naive "people ahead x mean / windows" on any seed, clearly better pooled,
// and the shown range covers about 80% of the waits that happened. One simulated day per seed.
import { evaluateEstimator, HELD_OUT_SEEDS, TUNING_SEEDS } from './estimator-eval';
import { loadScenario } from './load-scenario';

const day = { replicationsPerSeed: 1, seeds: HELD_OUT_SEEDS };

describe('wait estimator on held-out seeds', () => {
  test('held-out seeds are at least ten and none is a tuning seed', () => {
    expect(HELD_OUT_SEEDS.length).toBeGreaterThanOrEqual(10);
    expect(HELD_OUT_SEEDS.filter((s) => TUNING_SEEDS.includes(s))).toEqual([]);
  });

  test.each(['seed-hall', 'pre-review-hall'])('%s: better than naive on every held-out seed, range coverage near 80%%', (name) => {
    const e = evaluateEstimator(loadScenario(name), day);
    expect(e.notWorseThanNaive).toBe(true);
    expect(e.maeRatio).toBeLessThan(0.85);
    expect(e.range.coverage).toBeGreaterThan(0.7);
    expect(e.range.coverage).toBeLessThan(0.9);
  });
});
