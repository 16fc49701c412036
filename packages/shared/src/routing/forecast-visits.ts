// How long each call of a forecast holds its window: the learned mean (per stage) in the expected
// forecast; in a random one (E6) a lognormal draw around it, no-shows and away remote holders drawn
// with their learned shares, and the learned mean itself scaled once per service by its own error.
import { conditionalLognormal, lognormalDraw } from './draw';
import { DEFAULT_SERVICE_SECONDS, stageKey, type ForecastInput } from './forecast-input';
import { expectedHoldSeconds, NO_SHOW_HOLD_SECONDS } from './service-time';
import type { RoutingTicket } from './types';

export class VisitLengths {
  /** E6: this forecast's draw of each service's true mean, relative to the learned one. */
  private readonly meanScale = new Map<string, number>();

  constructor(private readonly input: ForecastInput) {}

  meanSeconds(t: RoutingTicket): number {
    const { stageSeconds, serviceSeconds, draw } = this.input;
    const mean = (t.stage > 0 ? stageSeconds?.get(stageKey(t.serviceId, t.stage)) : undefined) ?? serviceSeconds.get(t.serviceId) ?? DEFAULT_SERVICE_SECONDS;
    if (!draw?.meanCv) return mean;
    let scale = this.meanScale.get(t.serviceId);
    if (scale === undefined) {
      scale = lognormalDraw(1, draw.meanCv, draw.random);
      this.meanScale.set(t.serviceId, scale);
    }
    return mean * scale;
  }

  private cv(serviceId: string): number {
    const d = this.input.draw!;
    return d.cv?.get(serviceId) ?? d.defaultCv;
  }

  /**
   * When a visit under way since `since` (ms) ends: `busyUntil` (the expected end) in the expected
   * forecast; drawn (E6), a draw longer than the time it has taken so far.
   */
  currentEnd(t: RoutingTicket, since: number, busyUntil: number | null): number | null {
    const { draw, now } = this.input;
    if (!draw) return busyUntil;
    return since + 1000 * conditionalLognormal(this.meanSeconds(t), this.cv(t.serviceId), Math.max(0, (now - since) / 1000), draw.random);
  }

  /** Seconds a call holds its window, and whether the visitor comes (only then a later stage follows). */
  hold(t: RoutingTicket): { seconds: number; comes: boolean } {
    const { context, noShowShare, draw } = this.input;
    const mean = this.meanSeconds(t);
    const noShow = t.stage === 0 ? (noShowShare?.get(t.serviceId) ?? 0) : 0;
    if (draw) {
      // E4 drawn: an away remote holder comes with the learned share; one who does not costs nothing.
      let comes = true;
      if (t.away === true) comes = draw.random() < (context.awayShare ?? 1);
      if (comes && draw.random() < noShow) return { seconds: NO_SHOW_HOLD_SECONDS, comes: false };
      return { seconds: comes ? lognormalDraw(mean, this.cv(t.serviceId), draw.random) : 0, comes };
    }
    // E4: an away remote ticket takes its place, weighted by the share of such visitors who come.
    return { seconds: expectedHoldSeconds(mean, noShow) * (t.away === true ? (context.awayShare ?? 1) : 1), comes: true };
  }
}
