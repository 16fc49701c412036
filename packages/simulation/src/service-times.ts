// Service times as the scenario gives them: the distribution of each stage of a service, a
// visitor's drawn time, and the spread the hall starts from before it has learned its own.
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

export function stageDistribution(s: ScenarioService, stage: number): ServiceTimeDistribution {
  if (stage === 0) return s.serviceMinutes;
  return s.stages?.[stage - 1]?.serviceMinutes ?? s.serviceMinutes;
}

/** Coefficient of variation of a distribution (0.7 for an empirical one). */
export function distributionCv(d: ServiceTimeDistribution): number {
  return d.distribution === 'lognormal' ? (d.sd !== undefined ? d.sd / d.mean : (d.cv ?? 1)) : d.distribution === 'exponential' ? 1 : d.distribution === 'constant' ? 0 : 0.7;
}
