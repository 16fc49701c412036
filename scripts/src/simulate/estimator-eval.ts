// How good is the wait shown at issue? Simulated days give, for every measured visitor, the real
// estimate (estimateWaits), the naive one (people ahead x mean / open windows) and the wait that
// happened. A stated interval is calibrated on the first replications and checked on the others.
import { SERVICE_TIME_ALPHA } from '@hallq/shared';
import type { Scenario, ScenarioWindow } from './scenario';
import type { EstimateRecord } from './simulator';
import { runReplication } from './simulator';
import { mean, quantile, round } from './stats';

export interface ErrorSummary {
  meanAbsErrorSeconds: number;
  p90AbsErrorSeconds: number;
  /** Mean of (estimate - actual): positive = the estimate is pessimistic. */
  meanErrorSeconds: number;
}

export interface EstimatorEvaluation {
  scenario: string;
  label: string | null;
  replications: number;
  /** Learning weight of the service-time mean used (the server's default unless overridden). */
  serviceTimeAlpha: number;
  /** Visitors with an estimate at issue who were called (pooled). */
  visitors: number;
  estimator: ErrorSummary;
  naive: ErrorSummary;
  /** Estimator MAE / naive MAE; the goal is at most `goalRatio`. */
  maeRatio: number;
  goalRatio: number;
  meetsGoal: boolean;
  /**
   * The range shown to visitors: [low x (est + slack) - slack, high x (est + slack) - slack],
   * clipped at 0. The slack keeps short estimates from giving a zero-width range.
   */
  interval: {
    coverageGoal: number;
    slackSeconds: number;
    lowFactor: number;
    highFactor: number;
    calibrationReplications: number;
    calibrationCoverage: number;
    /** Coverage on the replications not used for calibration (null with one replication). */
    checkCoverage: number | null;
  };
}

function errors(records: ReadonlyArray<EstimateRecord>, pick: (r: EstimateRecord) => number): ErrorSummary {
  const diffs = records.map((r) => pick(r) - r.actualSeconds);
  const abs = diffs.map(Math.abs);
  return {
    meanAbsErrorSeconds: round(mean(abs), 1),
    p90AbsErrorSeconds: round(quantile(abs, 0.9), 1),
    meanErrorSeconds: round(mean(diffs), 1),
  };
}

export interface EvaluateOptions {
  windows?: ReadonlyArray<ScenarioWindow>;
  label?: string | null;
  coverageGoal?: number;
  slackSeconds?: number;
  goalRatio?: number;
  /** Learning weight of the service-time mean; default the server's. */
  serviceTimeAlpha?: number;
}

export function shownRange(estimateSeconds: number, lowFactor: number, highFactor: number, slackSeconds: number): [number, number] {
  const base = estimateSeconds + slackSeconds;
  return [Math.max(0, lowFactor * base - slackSeconds), Math.max(0, highFactor * base - slackSeconds)];
}

export function evaluateEstimator(scenario: Scenario, options: EvaluateOptions = {}): EstimatorEvaluation {
  const coverageGoal = options.coverageGoal ?? 0.8;
  const slack = options.slackSeconds ?? 300;
  const goalRatio = options.goalRatio ?? 0.6;
  const perRep: EstimateRecord[][] = [];
  for (let r = 0; r < scenario.replications; r++)
    perRep.push(runReplication(scenario, r, { windows: options.windows, evaluateEstimator: true, serviceTimeAlpha: options.serviceTimeAlpha }).estimates);
  const all = perRep.flat();

  const calibrationReps = Math.max(1, Math.floor(scenario.replications / 2));
  const calibration = perRep.slice(0, calibrationReps).flat();
  const check = perRep.slice(calibrationReps).flat();
  const ratios = calibration.map((r) => (r.actualSeconds + slack) / (r.estimateSeconds + slack));
  const tail = (1 - coverageGoal) / 2;
  const low = quantile(ratios, tail);
  const high = quantile(ratios, 1 - tail);
  const coverage = (records: ReadonlyArray<EstimateRecord>): number => {
    if (records.length === 0) return 0;
    const inside = records.filter((r) => {
      const [a, b] = shownRange(r.estimateSeconds, low, high, slack);
      return r.actualSeconds >= a && r.actualSeconds <= b;
    });
    return round(inside.length / records.length, 4);
  };

  const estimator = errors(all, (r) => r.estimateSeconds);
  const naive = errors(all, (r) => r.naiveSeconds);
  const maeRatio = naive.meanAbsErrorSeconds > 0 ? round(estimator.meanAbsErrorSeconds / naive.meanAbsErrorSeconds, 4) : 0;
  return {
    scenario: scenario.name,
    label: options.label ?? scenario.label ?? null,
    replications: scenario.replications,
    serviceTimeAlpha: options.serviceTimeAlpha ?? SERVICE_TIME_ALPHA,
    visitors: all.length,
    estimator,
    naive,
    maeRatio,
    goalRatio,
    meetsGoal: maeRatio <= goalRatio,
    interval: {
      coverageGoal,
      slackSeconds: slack,
      lowFactor: round(low, 3),
      highFactor: round(high, 3),
      calibrationReplications: calibrationReps,
      calibrationCoverage: coverage(calibration),
      checkCoverage: check.length ? coverage(check) : null,
    },
  };
}
