// The range shown with a wait estimate ("about 25-40 minutes"): the estimate stretched by factors
// in proportion to (estimate + slack), so short estimates still get a useful width. The factors
// were chosen with the simulator on its tuning seeds to cover 80% of the waits that happened, and
// are checked on other (held-out) seeds: `npm run simulate -- --evaluate-estimator`.
export const WAIT_RANGE = { lowFactor: 0.8, highFactor: 1.28, slackSeconds: 300 } as const;

export interface WaitRangeFactors {
  lowFactor: number;
  highFactor: number;
  slackSeconds: number;
}

/** [low, high] seconds around an estimate, never below zero. */
export function waitRange(estimateSeconds: number, f: WaitRangeFactors = WAIT_RANGE): [number, number] {
  const base = estimateSeconds + f.slackSeconds;
  return [Math.max(0, Math.round(f.lowFactor * base - f.slackSeconds)), Math.max(0, Math.round(f.highFactor * base - f.slackSeconds))];
}
