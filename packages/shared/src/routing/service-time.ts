// Learned service time per service: an exponentially weighted mean of recent services, starting
// from a configured prior, so one unusually long visit moves it only a little.
// The weight 0.01 (about the last hundred visits) was chosen with the simulator's estimator
// evaluation on its tuning seeds: 0.05 made a busy service's mean swing by about 11%.
export const SERVICE_TIME_ALPHA = 0.01;
/** Observations outside this range are clipped: a forgotten "complete" must not ruin estimates. */
export const SERVICE_TIME_BOUNDS = { min: 10, max: 4 * 3600 };

export function updateServiceSeconds(previousMean: number, observedSeconds: number, alpha = SERVICE_TIME_ALPHA): number {
  const observed = Math.min(SERVICE_TIME_BOUNDS.max, Math.max(SERVICE_TIME_BOUNDS.min, observedSeconds));
  return previousMean + alpha * (observed - previousMean);
}

/**
 * Share of the mean service time still expected from a visitor who has already been at the
 * window longer than the mean: they are not done "now". 0.2 was chosen with the simulator's
 * estimator evaluation (scripts, tuning seeds).
 */
export const OVERRUN_RESIDUAL_SHARE = 0.2;

/** When a window serving a visitor since `since` (ms) is expected to be free, as seen at `now`. */
export function expectedFreeAt(since: number, meanSeconds: number, now: number): number {
  return Math.max(since + meanSeconds * 1000, now + OVERRUN_RESIDUAL_SHARE * meanSeconds * 1000);
}

/** A learned share (e.g. of no-shows) moved by one observation (1 = it happened, 0 = not). */
export function updateShare(previousShare: number, happened: boolean, alpha = SERVICE_TIME_ALPHA): number {
  return previousShare + alpha * ((happened ? 1 : 0) - previousShare);
}

/** How long a window is expected to be lost to a called visitor who never comes (no-show). */
export const NO_SHOW_HOLD_SECONDS = 60;

/**
 * Expected seconds a call holds a window: the learned mean service time for visitors who come,
 * and the short no-show hold for the learned share who do not.
 */
export function expectedHoldSeconds(meanServiceSeconds: number, noShowShare: number, noShowHoldSeconds = NO_SHOW_HOLD_SECONDS): number {
  const p = Math.min(1, Math.max(0, noShowShare));
  return (1 - p) * meanServiceSeconds + p * noShowHoldSeconds;
}

/**
 * Relative standard error of a learned mean (E6): an exponentially weighted mean of service times
 * with coefficient of variation `cv` varies with sd cv x sqrt(alpha / (2 - alpha)) around the true
 * mean.
 */
export function learnedMeanCv(alpha = SERVICE_TIME_ALPHA, cv = 0.7): number {
  return cv * Math.sqrt(alpha / (2 - alpha));
}

/** A learned service time with its spread: exponentially weighted mean and mean square (seconds). */
export interface ServiceTimeMoments {
  mean: number;
  square: number;
}

/** Before anything was observed, the spread of service times is taken as this coefficient of variation. */
export const DEFAULT_SERVICE_TIME_CV = 0.7;

/** Moments of a service time known only by its mean (`cv`: the assumed spread). */
export function priorMoments(meanSeconds: number, cv = DEFAULT_SERVICE_TIME_CV): ServiceTimeMoments {
  return { mean: meanSeconds, square: meanSeconds * meanSeconds * (1 + cv * cv) };
}

/** The moments moved by one observed service time (clipped as for the mean). */
export function updateMoments(previous: ServiceTimeMoments, observedSeconds: number, alpha = SERVICE_TIME_ALPHA): ServiceTimeMoments {
  const x = Math.min(SERVICE_TIME_BOUNDS.max, Math.max(SERVICE_TIME_BOUNDS.min, observedSeconds));
  return { mean: updateServiceSeconds(previous.mean, observedSeconds, alpha), square: previous.square + alpha * (x * x - previous.square) };
}

/** The coefficient of variation (sd / mean) of learned moments. */
export function momentsCv(m: ServiceTimeMoments): number {
  return m.mean > 0 ? Math.sqrt(Math.max(0, m.square / (m.mean * m.mean) - 1)) : DEFAULT_SERVICE_TIME_CV;
}
