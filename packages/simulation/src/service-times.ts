// Service times as the scenario gives them: the distribution of each stage of a service, a
// visitor's drawn time, and the spread the hall starts from before it has learned its own.
import { normalCdf, normalQuantile } from '@hallq/shared';
import type { Random } from './rng';
import type { ScenarioService, ServiceTimeDistribution } from './scenario';

export function sampleMinutes(d: ServiceTimeDistribution, rng: Random): number {
  switch (d.distribution) {
    case 'exponential':
      return rng.exponential(d.mean);
    case 'lognormal':
      return rng.lognormal(d.mean, d.sd ?? d.mean * (d.cv ?? 1));
    case 'constant':
      return d.mean;
    case 'empirical':
      return rng.pick(d.values);
  }
}

/**
 * A service time (minutes) drawn from `d` given that it is longer than `elapsed` minutes: how long
 * a visit under way lasts in all, when nobody knows when it will end.
 */
export function sampleMinutesAfter(d: ServiceTimeDistribution, elapsed: number, rng: Random): number {
  if (elapsed <= 0) return sampleMinutes(d, rng);
  switch (d.distribution) {
    case 'exponential':
      return elapsed + rng.exponential(d.mean);
    case 'lognormal': {
      const sd = d.sd ?? d.mean * (d.cv ?? 1);
      const sigma = Math.sqrt(Math.log(1 + (sd * sd) / (d.mean * d.mean)));
      const mu = Math.log(d.mean) - (sigma * sigma) / 2;
      const below = normalCdf((Math.log(elapsed) - mu) / sigma);
      return Math.max(elapsed, Math.exp(mu + sigma * normalQuantile(below + rng.next() * (1 - below))));
    }
    case 'constant':
      return Math.max(elapsed, d.mean);
    case 'empirical': {
      const longer = d.values.filter((v) => v >= elapsed);
      return longer.length > 0 ? rng.pick(longer) : elapsed;
    }
  }
}

export function stageDistribution(s: ScenarioService, stage: number): ServiceTimeDistribution {
  if (stage === 0) return s.serviceMinutes;
  return s.stages?.[stage - 1]?.serviceMinutes ?? s.serviceMinutes;
}

/** Coefficient of variation of a distribution (0.7 for an empirical one). */
export function distributionCv(d: ServiceTimeDistribution): number {
  return d.distribution === 'lognormal' ? (d.sd !== undefined ? d.sd / d.mean : (d.cv ?? 1)) : d.distribution === 'exponential' ? 1 : d.distribution === 'constant' ? 0 : 0.7;
}
