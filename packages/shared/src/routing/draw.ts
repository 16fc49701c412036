// Random draws for a random forecast (E6): a seeded uniform source, lognormal service times, and
// the rest of a visit already under way (a lognormal draw known to exceed the time spent so far).

/** Uniform numbers in [0, 1). */
export type Uniform = () => number;

/** mulberry32: a small, fast, seeded uniform source (reproducible forecasts and tests). */
export function seededUniform(seed: number): Uniform {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal cumulative distribution (Abramowitz-Stegun 7.1.26 through erf; error < 1e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y);
}

/** Inverse of the standard normal cumulative distribution (Acklam's rational approximation). */
export function normalQuantile(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.928510446969, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const q = Math.min(1 - 1e-12, Math.max(1e-12, p));
  if (q < 0.02425) {
    const r = Math.sqrt(-2 * Math.log(q));
    return (((((c[0]! * r + c[1]!) * r + c[2]!) * r + c[3]!) * r + c[4]!) * r + c[5]!) / ((((d[0]! * r + d[1]!) * r + d[2]!) * r + d[3]!) * r + 1);
  }
  if (q > 1 - 0.02425) return -normalQuantile(1 - q);
  const r = q - 0.5;
  const s = r * r;
  return ((((((a[0]! * s + a[1]!) * s + a[2]!) * s + a[3]!) * s + a[4]!) * s + a[5]!) * r) / (((((b[0]! * s + b[1]!) * s + b[2]!) * s + b[3]!) * s + b[4]!) * s + 1);
}

function logParams(mean: number, cv: number): { mu: number; sigma: number } {
  const sigma2 = Math.log(1 + cv * cv);
  return { mu: Math.log(Math.max(1e-9, mean)) - sigma2 / 2, sigma: Math.sqrt(sigma2) };
}

/** A lognormal draw with the given mean and coefficient of variation (sd / mean). */
export function lognormalDraw(mean: number, cv: number, random: Uniform): number {
  if (cv <= 0) return mean;
  const { mu, sigma } = logParams(mean, cv);
  return Math.exp(mu + sigma * normalQuantile(random()));
}

/** A lognormal draw (mean, cv) known to exceed `elapsed`: how long a visit under way lasts in all. */
export function conditionalLognormal(mean: number, cv: number, elapsed: number, random: Uniform): number {
  if (cv <= 0) return Math.max(mean, elapsed);
  if (elapsed <= 0) return lognormalDraw(mean, cv, random);
  const { mu, sigma } = logParams(mean, cv);
  const below = normalCdf((Math.log(elapsed) - mu) / sigma);
  return Math.max(elapsed, Math.exp(mu + sigma * normalQuantile(below + random() * (1 - below))));
}

/** The q-quantile (0..1) of numbers already sorted ascending, interpolated between neighbours. */
export function sortedQuantile(sorted: ReadonlyArray<number>, q: number): number {
  if (sorted.length === 0) return NaN;
  const at = Math.min(1, Math.max(0, q)) * (sorted.length - 1);
  const i = Math.floor(at);
  const a = sorted[i]!;
  const b = sorted[Math.min(sorted.length - 1, i + 1)]!;
  return a === b ? a : a + (at - i) * (b - a);
}
