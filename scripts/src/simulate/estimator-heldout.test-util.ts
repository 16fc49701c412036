// What the held-out tests share (estimator-heldout.test.ts and estimator-heldout-after.test.ts, two
// files so that jest runs them side by side): one simulated day per held-out seed, and the goals
// the estimate as answered at issue must meet.
import { COVERAGE_GOAL, HELD_OUT_SEEDS, type EstimatorEvaluation } from './estimator-eval';

// Each evaluation also measures the estimate as the hall server answers it at issue (from its latest
// refresh, with no forecast of the new ticket): it must meet the same goals as the live one.
export const day = { replicationsPerSeed: 1, seeds: HELD_OUT_SEEDS, estimator: { atIssue: true } };

export function expectAtIssue(e: EstimatorEvaluation, goal: number): void {
  const a = e.atIssue!;
  expect(a.visitors).toBeGreaterThan(0.95 * e.visitors);
  expect(a.notWorseThanNaive).toBe(true);
  expect(a.maeRatio).toBeLessThanOrEqual(goal);
  expect(a.coverage).toBeGreaterThanOrEqual(COVERAGE_GOAL[0]);
  expect(a.coverage).toBeLessThanOrEqual(COVERAGE_GOAL[1]);
}
