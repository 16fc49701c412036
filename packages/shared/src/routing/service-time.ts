// Learned service time per service: an exponentially weighted mean of recent services, starting
// from a configured prior, so one unusually long visit moves it only a little.
export const SERVICE_TIME_ALPHA = 0.05;
/** Observations outside this range are clipped: a forgotten "complete" must not ruin estimates. */
export const SERVICE_TIME_BOUNDS = { min: 10, max: 4 * 3600 };

export function updateServiceSeconds(previousMean: number, observedSeconds: number, alpha = SERVICE_TIME_ALPHA): number {
  const observed = Math.min(SERVICE_TIME_BOUNDS.max, Math.max(SERVICE_TIME_BOUNDS.min, observedSeconds));
  return previousMean + alpha * (observed - previousMean);
}
