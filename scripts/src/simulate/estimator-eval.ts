// How good is the wait shown at issue? Simulated days give, for every measured visitor, the real
// estimate (estimateWaits), the naive one (people ahead x mean / open windows) and the wait that
// happened. Anything tuned (the estimator's constants, the shown range's factors) is tuned on
// TUNING_SEEDS; the figures reported are on HELD_OUT_SEEDS, never used for tuning.
import { DRAWN_RANGE, SERVICE_TIME_ALPHA, sortedQuantile, WAIT_RANGE, waitRange } from '@hallq/shared';
import type { DrawnRangeSpec, WaitRangeFactors } from '@hallq/shared';
import type { Scenario, ScenarioWindow } from '@hallq/simulation';
import type { EstimateRecord, EstimatorConfig } from '@hallq/simulation';
import { runReplication } from '@hallq/simulation';
import { mean, quantile, round } from '@hallq/simulation';

export const TUNING_SEEDS: readonly number[] = Array.from({ length: 10 }, (_, i) => 1 + i);
export const HELD_OUT_SEEDS: readonly number[] = Array.from({ length: 10 }, (_, i) => 1001 + i);
export const GOAL_RATIO = 0.6;
export const COVERAGE_GOAL: readonly [number, number] = [0.75, 0.85];

export interface ErrorSummary {
  meanAbsErrorSeconds: number;
  p90AbsErrorSeconds: number;
  /** Mean of (estimate - actual): positive = the estimate is pessimistic. */
  meanErrorSeconds: number;
}

export interface SeedFigures {
  seed: number;
  visitors: number;
  maeRatio: number;
  rangeCoverage: number;
}

export interface EstimatorEvaluation {
  scenario: string;
  label: string | null;
  seeds: number[];
  replicationsPerSeed: number;
  serviceTimeAlpha: number;
  /** Visitors with an estimate at issue who were called (pooled over seeds). */
  visitors: number;
  estimator: ErrorSummary;
  naive: ErrorSummary;
  /** Estimator MAE / naive MAE over all seeds; the goal is at most `goalRatio`. */
  maeRatio: number;
  goalRatio: number;
  meetsGoal: boolean;
  perSeed: SeedFigures[];
  /** The largest per-seed ratio: at most 1 means never worse than naive. */
  worstSeedRatio: number;
  notWorseThanNaive: boolean;
  /**
   * The shown range and the share of waits inside it. Drawn: the random forecasts' quantiles
   * and slack (shared DRAWN_RANGE), shown to visitors who are not called at once (a visitor a
   * window is free for is called now: no range); `coverage` counts those, `coverageAll` everyone
   * (an immediate call counts as covered). Without draws: the factors of WAIT_RANGE around the estimate.
   */
  range: {
    kind: 'drawn' | 'factors';
    drawn: DrawnRangeSpec | null;
    factors: WaitRangeFactors | null;
    coverage: number;
    coverageAll: number;
    /** Share of visitors shown a range. */
    shownShare: number;
    coverageGoal: readonly [number, number];
    meetsCoverage: boolean;
  };
  /**
   * With `boundReplays`: the best any estimator could do. At each issue the simulated hall is
   * replayed forward from its state with fresh draws of what nobody knows then (arrivals, the
   * lengths of visits to come and of those under way given their time so far, no-shows, remote
   * holders); the median of the ticket's waits over the replays minimises the expected absolute
   * error given that state. Its MAE ratio is a floor for any estimator's on these seeds (up to the
   * replays' own noise, which only raises it).
   */
  bound: {
    replays: number;
    error: ErrorSummary;
    maeRatio: number;
    perSeed: number[];
    /** Mean |estimate - bound|: how far the shown estimate is from the best one. */
    estimatorFromBoundSeconds: number;
    /**
     * Expected MAE ratios given the states visited (each estimate's mean absolute error over its
     * replays, against naive's): the shown estimate's and the bound's, without the luck of the waits
     * that happened. The bound judged on its own replays is optimistic by about d (a median of n
     * replays), judged across halves pessimistic by about 2d: `best` = inSample + (crossHalf - inSample) / 3.
     */
    expectedRatio: { estimator: number; boundInSample: number; boundCrossHalf: number; best: number };
  } | null;
  /** With `estimator.atIssue`: the same figures for the estimate as answered at issue. */
  atIssue: AtIssueFigures | null;
}

/**
 * The estimate as the hall server answers it at issue (from its latest refresh, no forecast of
 * the new ticket: `estimateAtIssue` of `@hallq/shared`), over the visitors given both it and the
 * live estimate; the same goals as the live estimate's.
 */
export interface AtIssueFigures {
  visitors: number;
  estimator: ErrorSummary;
  naive: ErrorSummary;
  maeRatio: number;
  meetsGoal: boolean;
  perSeed: SeedFigures[];
  worstSeedRatio: number;
  notWorseThanNaive: boolean;
  /** Share of waits inside the range answered, over the visitors answered one. */
  coverage: number;
  shownShare: number;
  meetsCoverage: boolean;
}

/** The records as answered at issue (with that estimate in place of the live one). */
function atIssueRecords(records: ReadonlyArray<EstimateRecord>): EstimateRecord[] {
  const out: EstimateRecord[] = [];
  for (const r of records) {
    if (!r.atIssue) continue;
    out.push({ serviceId: r.serviceId, naiveSeconds: r.naiveSeconds, actualSeconds: r.actualSeconds, estimateSeconds: r.atIssue.estimateSeconds, drawnLowSeconds: r.atIssue.lowSeconds, drawnHighSeconds: r.atIssue.highSeconds });
  }
  return out;
}

function atIssueFigures(bySeed: ReadonlyArray<{ seed: number; records: ReadonlyArray<EstimateRecord> }>): AtIssueFigures | null {
  const seeds = bySeed.map((s) => ({ seed: s.seed, records: atIssueRecords(s.records) }));
  const all = seeds.flatMap((s) => s.records);
  if (all.length === 0) return null;
  const perSeed = seeds.map((s) => ({ seed: s.seed, visitors: s.records.length, maeRatio: round(ratio(s.records), 4), rangeCoverage: round(coverage(s.records), 4) }));
  const maeRatio = round(ratio(all), 4);
  const worstSeedRatio = Math.max(0, ...perSeed.map((s) => s.maeRatio));
  const cover = round(coverage(all), 4);
  return {
    visitors: all.length,
    estimator: errors(all, (r) => r.estimateSeconds),
    naive: errors(all, (r) => r.naiveSeconds),
    maeRatio,
    meetsGoal: maeRatio <= GOAL_RATIO,
    perSeed,
    worstSeedRatio,
    notWorseThanNaive: worstSeedRatio <= 1,
    coverage: cover,
    shownShare: round(all.filter((r) => shownRange(r) !== null).length / all.length, 4),
    meetsCoverage: cover >= COVERAGE_GOAL[0] && cover <= COVERAGE_GOAL[1],
  };
}

export interface EvaluateOptions {
  windows?: ReadonlyArray<ScenarioWindow>;
  label?: string | null;
  seeds?: readonly number[];
  replicationsPerSeed?: number;
  serviceTimeAlpha?: number;
  range?: WaitRangeFactors;
  /** The simulated server's estimator options (default: the server's). */
  estimator?: Partial<EstimatorConfig>;
  /** Replays of the hall per issue for the bound on any estimator (0 or unset: none; slow). */
  boundReplays?: number;
}

/** Replays per issue for `--estimator-bound` unless told: the median's own noise adds about 1% to the MAE. */
export const BOUND_REPLAYS = 50;

function errors(records: ReadonlyArray<EstimateRecord>, pick: (r: EstimateRecord) => number): ErrorSummary {
  const diffs = records.map((r) => pick(r) - r.actualSeconds);
  const abs = diffs.map(Math.abs);
  return { meanAbsErrorSeconds: round(mean(abs), 1), p90AbsErrorSeconds: round(quantile(abs, 0.9), 1), meanErrorSeconds: round(mean(diffs), 1) };
}

const absSum = (rs: ReadonlyArray<EstimateRecord>, pick: (r: EstimateRecord) => number): number => rs.reduce((a, r) => a + Math.abs(pick(r) - r.actualSeconds), 0);
const ratio = (rs: ReadonlyArray<EstimateRecord>, pick: (r: EstimateRecord) => number = (r) => r.estimateSeconds): number => {
  const naive = absSum(rs, (r) => r.naiveSeconds);
  return naive > 0 ? absSum(rs, pick) / naive : 0;
};
/** Expected MAE ratios against naive over the records' replays (records without replays left out). */
function expectedRatios(rs: ReadonlyArray<EstimateRecord>): { estimator: number; boundInSample: number; boundCrossHalf: number; best: number } {
  let inSample = 0;
  let crossHalf = 0;
  let estimator = 0;
  let naive = 0;
  for (const r of rs) {
    if (!r.expectedAbsError) continue;
    inSample += r.expectedAbsError.bound;
    crossHalf += r.expectedAbsError.boundCrossHalf;
    estimator += r.expectedAbsError.estimate;
    naive += r.expectedAbsError.naive;
  }
  if (naive === 0) return { estimator: 0, boundInSample: 0, boundCrossHalf: 0, best: 0 };
  return {
    estimator: round(estimator / naive, 4),
    boundInSample: round(inSample / naive, 4),
    boundCrossHalf: round(crossHalf / naive, 4),
    best: round((inSample + (crossHalf - inSample) / 3) / naive, 4),
  };
}

/** The bound's estimate of a record (the shown estimate where no replay reached the ticket). */
const boundOf = (r: EstimateRecord): number => r.boundSeconds ?? r.estimateSeconds;

/** The range shown with a record's estimate: the drawn one when it has one, else the factors'; null = called at once, none shown. */
export function shownRange(r: EstimateRecord, f: WaitRangeFactors = WAIT_RANGE): [number, number] | null {
  if (r.drawnHighSeconds !== undefined) return r.drawnHighSeconds > 0 ? [r.drawnLowSeconds ?? 0, r.drawnHighSeconds] : null;
  return waitRange(r.estimateSeconds, f);
}

/** Share of the records shown a range whose wait fell inside it (`all`: records shown none count as covered). */
export function coverage(records: ReadonlyArray<EstimateRecord>, f: WaitRangeFactors = WAIT_RANGE, all = false): number {
  let shown = 0;
  let inside = 0;
  for (const r of records) {
    const range = shownRange(r, f);
    if (!range) {
      if (all) inside++;
      continue;
    }
    shown++;
    if (r.actualSeconds >= range[0] && r.actualSeconds <= range[1]) inside++;
  }
  const n = all ? records.length : shown;
  return n === 0 ? 0 : inside / n;
}

/** The estimate records of one window set over the given seeds. */
export function estimateRecords(scenario: Scenario, seed: number, options: EvaluateOptions): EstimateRecord[] {
  const reps = options.replicationsPerSeed ?? 2;
  const out: EstimateRecord[] = [];
  for (let r = 0; r < reps; r++)
    out.push(...runReplication({ ...scenario, seed }, r, { windows: options.windows, evaluateEstimator: true, serviceTimeAlpha: options.serviceTimeAlpha, estimator: options.estimator, boundReplays: options.boundReplays }).estimates);
  return out;
}

export function evaluateEstimator(scenario: Scenario, options: EvaluateOptions = {}): EstimatorEvaluation {
  const seeds = [...(options.seeds ?? HELD_OUT_SEEDS)];
  const f = options.range ?? WAIT_RANGE;
  const bySeed = seeds.map((seed) => ({ seed, records: estimateRecords(scenario, seed, options) }));
  const all = bySeed.flatMap((s) => s.records);
  const perSeed = bySeed.map((s) => ({ seed: s.seed, visitors: s.records.length, maeRatio: round(ratio(s.records), 4), rangeCoverage: round(coverage(s.records, f), 4) }));
  const drawn = all.some((r) => r.drawnHighSeconds !== undefined);
  const maeRatio = round(ratio(all), 4);
  const worstSeedRatio = Math.max(0, ...perSeed.map((s) => s.maeRatio));
  const cover = round(coverage(all, f), 4);
  return {
    scenario: scenario.name,
    label: options.label ?? scenario.label ?? null,
    seeds,
    replicationsPerSeed: options.replicationsPerSeed ?? 2,
    serviceTimeAlpha: options.serviceTimeAlpha ?? SERVICE_TIME_ALPHA,
    visitors: all.length,
    estimator: errors(all, (r) => r.estimateSeconds),
    naive: errors(all, (r) => r.naiveSeconds),
    maeRatio,
    goalRatio: GOAL_RATIO,
    meetsGoal: maeRatio <= GOAL_RATIO,
    perSeed,
    worstSeedRatio,
    notWorseThanNaive: worstSeedRatio <= 1,
    range: {
      kind: drawn ? 'drawn' : 'factors',
      drawn: drawn ? (options.estimator?.range ?? DRAWN_RANGE) : null,
      factors: drawn ? null : f,
      coverage: cover,
      coverageAll: round(coverage(all, f, true), 4),
      shownShare: round(all.filter((r) => shownRange(r, f) !== null).length / Math.max(1, all.length), 4),
      coverageGoal: COVERAGE_GOAL,
      meetsCoverage: cover >= COVERAGE_GOAL[0] && cover <= COVERAGE_GOAL[1],
    },
    bound: options.boundReplays
      ? {
          replays: options.boundReplays,
          error: errors(all, boundOf),
          maeRatio: round(ratio(all, boundOf), 4),
          perSeed: bySeed.map((s) => round(ratio(s.records, boundOf), 4)),
          estimatorFromBoundSeconds: round(mean(all.map((r) => Math.abs(r.estimateSeconds - boundOf(r)))), 1),
          expectedRatio: expectedRatios(all),
        }
      : null,
    atIssue: atIssueFigures(bySeed),
  };
}

/** Range factors covering `goal` of the records (equal tails), as tuned on the tuning seeds. */
export function tuneRange(records: ReadonlyArray<EstimateRecord>, slackSeconds = WAIT_RANGE.slackSeconds, goal = 0.8): WaitRangeFactors {
  const ratios = records.map((r) => (r.actualSeconds + slackSeconds) / (r.estimateSeconds + slackSeconds));
  const tail = (1 - goal) / 2;
  return { lowFactor: round(quantile(ratios, tail), 3), highFactor: round(quantile(ratios, 1 - tail), 3), slackSeconds };
}

/**
 * The drawn range's quantiles [q, 1 - q] (with the shared slack and relative widening) covering `goal` of the waits shown one, as
 * tuned on the tuning seeds (the records must keep their draws).
 */
export function tuneDrawnQuantiles(records: ReadonlyArray<EstimateRecord>, goal = 0.8, slackSeconds = DRAWN_RANGE.slackSeconds, relative = DRAWN_RANGE.relative ?? 0): [number, number] {
  const shown = records.filter((r) => r.draws !== undefined && r.draws[r.draws.length - 1]! > 0);
  let best: [number, number] = [0.1, 0.9];
  let bestGap = Infinity;
  for (let q = 0.01; q <= 0.25 + 1e-9; q += 0.005) {
    const inside = shown.filter(
      (r) =>
        r.actualSeconds >= Math.round(sortedQuantile(r.draws!, q) * (1 - relative) - slackSeconds) &&
        r.actualSeconds <= Math.round(sortedQuantile(r.draws!, 1 - q) * (1 + relative) + slackSeconds),
    ).length;
    const gap = Math.abs(inside / Math.max(1, shown.length) - goal);
    if (gap < bestGap) {
      bestGap = gap;
      best = [round(q, 3), round(1 - q, 3)];
    }
  }
  return best;
}

/** Relative widenings of the drawn range tried when tuning it. */
export const RELATIVE_WIDENINGS: readonly number[] = [0, 0.01, 0.02, 0.03];

/**
 * Per window set (records keeping their draws, on the tuning seeds): the share of waits inside the
 * drawn range with the shared quantiles and slack, for each relative widening. The shared one
 * (DRAWN_RANGE.relative) is the one that covers every set most evenly within 80-85%.
 */
export function coverageByWidening(recordsBySet: ReadonlyArray<{ label: string | null; records: ReadonlyArray<EstimateRecord> }>): Array<{ label: string | null; coverage: Record<string, number> }> {
  const [qLow, qHigh] = DRAWN_RANGE.quantiles;
  const slack = DRAWN_RANGE.slackSeconds;
  return recordsBySet.map(({ label, records }) => {
    const shown = records.filter((r) => r.draws !== undefined && r.draws[r.draws.length - 1]! > 0 && Number.isFinite(sortedQuantile(r.draws, 0.5)));
    const coverage: Record<string, number> = {};
    for (const w of RELATIVE_WIDENINGS) {
      const inside = shown.filter((r) => {
        const high = sortedQuantile(r.draws!, qHigh) * (1 + w);
        return r.actualSeconds >= Math.max(0, Math.round(sortedQuantile(r.draws!, qLow) * (1 - w) - slack)) && (!Number.isFinite(high) || r.actualSeconds <= Math.round(high + slack));
      }).length;
      coverage[String(w)] = round(inside / Math.max(1, shown.length), 4);
    }
    return { label, coverage };
  });
}
