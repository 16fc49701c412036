import { sortedQuantile } from './draw';

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

/**
 * E6: random forecasts per estimate. Their median is the estimate shown; 25 keep its own noise
 * small (chosen with the simulator's estimator evaluation on its tuning seeds).
 */
export const ESTIMATE_DRAWS = 25;

/**
 * The range shown with a drawn estimate: the 8.5% and 91.5% quantiles of the random forecasts,
 * each moved out by 2% of itself (what the forecasts do not know grows with the wait: the learned
 * means' own error, the day's drift) and by a quarter of a minute. Tuned on the simulator's tuning
 * seeds (1-10, 6 days each, three window sets): the quantiles alone covered 78.9% of seed-hall's
 * "before" waits (long ones missed high) but 81-82% elsewhere; of relative widenings 0, 1, 2 and
 * 3% the 2% one covers the three most evenly (82.9-83.5%). Held-out figures: scripts/README.md.
 */
export const DRAWN_RANGE: DrawnRangeSpec = { quantiles: [0.085, 0.915], relative: 0.02, slackSeconds: 15 };

export interface DrawnRangeSpec {
  quantiles: readonly [number, number];
  /** Each quantile moved out by this share of itself (0: none). */
  relative?: number;
  slackSeconds: number;
}

/**
 * The estimate and range of a ticket's sorted random-forecast waits; null when most forecasts do
 * not reach it. The estimate is the mean of the middle half of the draws: near the median (which
 * minimises the mean absolute error) but less noisy with a few draws.
 */
export function drawnEstimate(sorted: ReadonlyArray<number>, spec: DrawnRangeSpec = DRAWN_RANGE): { estimateSeconds: number; range: [number, number] } | null {
  if (sorted.length === 0 || !Number.isFinite(sortedQuantile(sorted, 0.5))) return null;
  const from = Math.floor(sorted.length / 4);
  const to = Math.max(from + 1, Math.ceil((3 * sorted.length) / 4));
  let sum = 0;
  let n = 0;
  for (let i = from; i < to; i++) {
    if (!Number.isFinite(sorted[i]!)) break;
    sum += sorted[i]!;
    n++;
  }
  const median = sum / n;
  const [qLow, qHigh] = spec.quantiles;
  const r = spec.relative ?? 0;
  const low = sortedQuantile(sorted, qLow) * (1 - r);
  const high = sortedQuantile(sorted, qHigh) * (1 + r);
  // Called at once in every forecast: no range (the visitor is called now).
  if (high === 0) return { estimateSeconds: 0, range: [0, 0] };
  return {
    estimateSeconds: Math.round(median),
    range: [Math.max(0, Math.round(low - spec.slackSeconds)), Number.isFinite(high) ? Math.round(high + spec.slackSeconds) : Math.round(median * 2)],
  };
}
