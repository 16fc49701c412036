// The wait estimator on held-out seeds, seed-hall after (the planner's pooled windows), one
// simulated day per seed. There 0.6 is out of reach for any estimator: replaying the simulated
// hall from each issue, the best estimate possible given the hall's state (the median of the
// replays' waits) is itself above 0.6 on the held-out days (scripts/README.md). The test checks
// at most 0.75x, that the best estimate (20 replays per issue) misses 0.6 too and that the
// estimate is near it; the shown range must cover 75-85% of the held-out waits of visitors shown
// one. The other two scenarios: estimator-heldout.test.ts.
import { planScenario } from '@hallq/simulation';
import { COVERAGE_GOAL, evaluateEstimator, GOAL_RATIO } from './estimator-eval';
import { day, expectAtIssue } from './estimator-heldout.test-util';
import { loadScenario } from './load-scenario';
import { plannedWindows } from './plan-report';

describe('wait estimator on held-out seeds', () => {
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
