// One set of KPI figures (the shape of GET /halls/:hallId/stats and of each of its rows) and the
// accumulator that builds it. Durations leave as whole seconds, shares as fractions 0..1, and
// anything with nothing to divide by as null (never NaN).

// The definitions (shapes, shares, nearest-rank percentiles, satisfied and bad levels) are the
// shared ones of packages/shared kpi, which the city hub runs in SQL too.
import { percentile, share, wholeSeconds, type Figures } from '@hallq/shared';

export { percentile, share, type Figures, type RatingFigures } from '@hallq/shared';

const seconds = wholeSeconds;

export class FigureAcc {
  issued = 0;
  served = 0;
  noShow = 0;
  cancelled = 0;
  transferred = 0;
  private readonly waits: number[] = [];
  private within = 0;
  private readonly service: number[] = [];
  private accepted = 0;
  private flagged = 0;
  private readonly levels = [0, 0, 0, 0, 0];

  /** A wait in ms and whether it met its target (a wait equal to the target meets it). */
  wait(waitMs: number, targetSeconds: number): void {
    this.waits.push(waitMs);
    if (waitMs <= targetSeconds * 1000) this.within++;
  }
  serviceTime(msValue: number): void {
    this.service.push(msValue);
  }
  firstTimeAccepted(flag: boolean | null): void {
    if (flag === null) return;
    this.flagged++;
    if (flag) this.accepted++;
  }
  rating(level: number): void {
    if (level >= 1 && level <= 5) this.levels[level - 1]!++;
  }

  figures(): Figures {
    const waits = [...this.waits].sort((a, b) => a - b);
    const service = [...this.service].sort((a, b) => a - b);
    const mean = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length);
    const count = this.levels.reduce((s, n) => s + n, 0);
    const [l1, l2, l3, l4, l5] = this.levels as [number, number, number, number, number];
    return {
      issued: this.issued,
      served: this.served,
      noShow: this.noShow,
      cancelled: this.cancelled,
      transferred: this.transferred,
      waitSeconds: {
        mean: seconds(mean(waits)),
        p50: seconds(percentile(waits, 0.5)),
        p90: seconds(percentile(waits, 0.9)),
        max: seconds(waits.length ? waits[waits.length - 1]! : null),
      },
      withinTargetShare: share(this.within, waits.length),
      serviceSeconds: { mean: seconds(mean(service)), p50: seconds(percentile(service, 0.5)), p90: seconds(percentile(service, 0.9)) },
      firstTimeAcceptedShare: share(this.accepted, this.flagged),
      ratings: { count, byLevel: { 1: l1, 2: l2, 3: l3, 4: l4, 5: l5 }, satisfiedShare: share(l1 + l2 + l3, count), bad: l4 + l5 },
    };
  }
}

/** Accumulators by key, kept in first-seen order. */
export class Groups<K extends string | number> {
  readonly map = new Map<K, FigureAcc>();
  of(key: K): FigureAcc {
    let acc = this.map.get(key);
    if (!acc) this.map.set(key, (acc = new FigureAcc()));
    return acc;
  }
}
