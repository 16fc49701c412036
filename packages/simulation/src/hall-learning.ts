// What the simulated hall server learns from its own day, as the real one does: the mean service
// time per service and per stage (with its mean square, for the spread), and the share of called
// visitors who never came. Each starts from the scenario's calibration (the hall's history).
import { SERVICE_TIME_ALPHA, SERVICE_TIME_BOUNDS, stageKey, updateServiceSeconds, updateShare } from '@hallq/shared';
import type { ScenarioService } from './scenario';
import { distributionMean } from './scenario';
import { distributionCv, stageDistribution } from './service-times';

export interface StageMoments {
  mean: number;
  square: number;
}

export class HallLearning {
  /** Learned mean service time (s) per service. */
  readonly serviceSeconds: Map<string, number>;
  /** Learned share of called visitors who never came, per service. */
  readonly noShowShare: Map<string, number>;
  /** Per (service, stage): the learned mean and mean square of service times (s). */
  readonly stageMoments = new Map<string, StageMoments>();

  /** `alpha`: weight of each new observation; default the server's (SERVICE_TIME_ALPHA). */
  constructor(
    services: ReadonlyArray<ScenarioService>,
    readonly alpha?: number,
  ) {
    this.serviceSeconds = new Map(services.map((s) => [s.id, distributionMean(s.serviceMinutes) * 60]));
    this.noShowShare = new Map(services.map((s) => [s.id, s.noShowShare]));
    for (const s of services) {
      for (let k = 0; k <= (s.stages?.length ?? 0); k++) {
        const d = stageDistribution(s, k);
        const m = distributionMean(d) * 60;
        const cv = distributionCv(d);
        this.stageMoments.set(stageKey(s.id, k), { mean: m, square: m * m * (1 + cv * cv) });
      }
    }
  }

  /** The learned mean service time (s) of a service. */
  meanSeconds(serviceId: string): number {
    return this.serviceSeconds.get(serviceId) ?? 300;
  }

  /** A visitor was called for the first time: they came, or not. */
  onCalled(serviceId: string, noShow: boolean): void {
    this.noShowShare.set(serviceId, updateShare(this.noShowShare.get(serviceId) ?? 0, noShow, this.alpha));
  }

  /** A visitor's stage was served in `seconds`. */
  onServed(serviceId: string, stage: number, seconds: number): void {
    this.serviceSeconds.set(serviceId, updateServiceSeconds(this.meanSeconds(serviceId), seconds, this.alpha));
    const m = this.stageMoments.get(stageKey(serviceId, stage));
    if (!m) return;
    m.mean = updateServiceSeconds(m.mean, seconds, this.alpha);
    const x = Math.min(SERVICE_TIME_BOUNDS.max, Math.max(SERVICE_TIME_BOUNDS.min, seconds));
    m.square += (this.alpha ?? SERVICE_TIME_ALPHA) * (x * x - m.square);
  }
}
