// The wait estimator on held-out seeds (never used for tuning its constants or the shown range),
// one simulated day per seed. The MAE goal (at most 0.6x the naive "people ahead x mean /
// windows", never worse than naive on any seed) on seed-hall before and pre-review-hall. On
// seed-hall after (the planner's pooled windows) 0.6 is out of reach for any estimator: replaying
// the simulated hall from each issue, the best estimate possible given the hall's state (the median
// of the replays' waits) is itself above 0.6 on the held-out days (scripts/README.md). There the
// test checks at most 0.75x, that the best estimate (20 replays per issue) misses 0.6 too and that
// the estimate is near it.
// The shown range must cover 75-85% of the held-out waits of visitors shown one, on all three.
import { planScenario } from '@hallq/simulation';
import { COVERAGE_GOAL, evaluateEstimator, GOAL_RATIO, HELD_OUT_SEEDS, TUNING_SEEDS, type EstimatorEvaluation } from './estimator-eval';
import { loadScenario } from './load-scenario';
import { plannedWindows } from './plan-report';

// Each evaluation also measures the estimate as the hall server answers it at issue (from its latest
// refresh, with no forecast of the new ticket): it must meet the same goals as the live one.
const day = { replicationsPerSeed: 1, seeds: HELD_OUT_SEEDS, estimator: { atIssue: true } };

function expectAtIssue(e: EstimatorEvaluation, goal: number): void {
  const a = e.atIssue!;
  expect(a.visitors).toBeGreaterThan(0.95 * e.visitors);
  expect(a.notWorseThanNaive).toBe(true);
  expect(a.maeRatio).toBeLessThanOrEqual(goal);
  expect(a.coverage).toBeGreaterThanOrEqual(COVERAGE_GOAL[0]);
  expect(a.coverage).toBeLessThanOrEqual(COVERAGE_GOAL[1]);
}

describe('wait estimator on held-out seeds', () => {
  test('held-out seeds are at least ten and none is a tuning seed', () => {
    expect(HELD_OUT_SEEDS.length).toBeGreaterThanOrEqual(10);
    expect(HELD_OUT_SEEDS.filter((s) => TUNING_SEEDS.includes(s))).toEqual([]);
  });

  test.each(['seed-hall', 'pre-review-hall'])('%s: MAE at most 0.6x naive pooled, never worse on a seed, range covers 75-85%%', (name) => {
    const e = evaluateEstimator(loadScenario(name), day);
    expect(e.notWorseThanNaive).toBe(true);
    expect(e.maeRatio).toBeLessThanOrEqual(GOAL_RATIO);
    expect(e.range.kind).toBe('drawn');
    expect(e.range.coverage).toBeGreaterThanOrEqual(COVERAGE_GOAL[0]);
    expect(e.range.coverage).toBeLessThanOrEqual(COVERAGE_GOAL[1]);
    expectAtIssue(e, GOAL_RATIO);
  });

  test("seed-hall after (the planner's windows): never worse than naive, at most 0.75x, 0.6 out of reach even for the best estimate possible and near it, range covers 75-85%", () => {
    const scenario = loadScenario('seed-hall');
    const e = evaluateEstimator(scenario, { ...day, windows: plannedWindows(planScenario(scenario)), boundReplays: 20 });
    expect(e.notWorseThanNaive).toBe(true);
    expect(e.maeRatio).toBeLessThanOrEqual(0.75);
    expect(e.range.coverage).toBeGreaterThanOrEqual(COVERAGE_GOAL[0]);
    expect(e.range.coverage).toBeLessThanOrEqual(COVERAGE_GOAL[1]);
    // The best estimate possible (the median of 20 replays of the hall from each issue) misses 0.6
    // too: on the waits that happened and expected over the replays, even judged on the replays it
    // is the median of (the optimistic end). The estimate is within 0.04 of it, expected.
    const b = e.bound!;
    expect(b.maeRatio).toBeGreaterThan(GOAL_RATIO);
    expect(b.expectedRatio.boundInSample).toBeGreaterThan(GOAL_RATIO);
    expect(b.expectedRatio.boundInSample).toBeLessThanOrEqual(b.expectedRatio.estimator);
    expect(b.expectedRatio.estimator - b.expectedRatio.best).toBeLessThanOrEqual(0.04);
    expectAtIssue(e, 0.75);
  });
});
