// The KPI definitions, once for every store: the hall computes them over its SQLite log, the city
// hub over PostgreSQL, and both answer in this shape.
//
// - A ticket belongs to the local date (its hall's timezone) of its `ticket.issued` event.
// - A wait runs from issue to the first call; a wait equal to the target meets it; the target is
//   the one recorded on that call when it carries one, else the service's own, else the hall's. `withinTargetShare` is over called tickets.
// - `served` counts tickets done; service time is per visit served at the counter: start to
//   completion or transfer. `firstTimeAcceptedShare` is over done visits whose flag was given.
// - Ratings 1..3 (非常满意, 满意, 基本满意) are satisfied, 4 and 5 (差评) bad; satisfied share is
//   over all ratings.
// - Percentiles are nearest-rank; means and percentiles are rounded to whole seconds; anything
//   with nothing to divide by is null (never NaN).

import type { Figures } from '../answers/stats';

export const SATISFIED_LEVELS = [1, 2, 3] as const;
export const BAD_LEVELS = [4, 5] as const;
const DAY_MS = 24 * 3600 * 1000;
/** How long after a range a ticket issued in it may still be called, served or cancelled. */
export const LIFECYCLE_SLACK_MS = 2 * DAY_MS;
/** How long after a range a rating of a ticket issued in it is still counted. */
export const RATING_SLACK_MS = 31 * DAY_MS;

export const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/** Nearest rank (1-based) of percentile p (a fraction) among n values: ceil(p * n), at least 1. */
export function percentileRank(p: number, n: number): number {
  return Math.max(1, Math.ceil(p * n));
}

/** Nearest-rank percentile of sorted values: the smallest value with at least p of the values at or below it. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[percentileRank(p, sorted.length) - 1]!;
}

/** Whole seconds from ms (null stays null). */
export const wholeSeconds = (ms: number | null): number | null => (ms === null ? null : Math.round(ms / 1000));

/** What a store adds up for one group; durations in ms, percentiles already picked by rank. */
export interface FigureAggregates {
  issued: number;
  served: number;
  noShow: number;
  cancelled: number;
  transferred: number;
  waitCount: number;
  waitSumMs: number;
  waitWithin: number;
  waitP50Ms: number | null;
  waitP90Ms: number | null;
  waitMaxMs: number | null;
  serviceCount: number;
  serviceSumMs: number;
  serviceP50Ms: number | null;
  serviceP90Ms: number | null;
  acceptedFlagged: number;
  accepted: number;
  /** counts of levels 1..5 */
  levels: [number, number, number, number, number];
}

export const EMPTY_AGGREGATES: FigureAggregates = {
  issued: 0, served: 0, noShow: 0, cancelled: 0, transferred: 0,
  waitCount: 0, waitSumMs: 0, waitWithin: 0, waitP50Ms: null, waitP90Ms: null, waitMaxMs: null,
  serviceCount: 0, serviceSumMs: 0, serviceP50Ms: null, serviceP90Ms: null,
  acceptedFlagged: 0, accepted: 0, levels: [0, 0, 0, 0, 0],
};

export function figuresFromAggregates(a: FigureAggregates): Figures {
  const [l1, l2, l3, l4, l5] = a.levels;
  const count = l1 + l2 + l3 + l4 + l5;
  const satisfied = SATISFIED_LEVELS.reduce((s, l) => s + a.levels[l - 1]!, 0);
  const bad = BAD_LEVELS.reduce((s, l) => s + a.levels[l - 1]!, 0);
  return {
    issued: a.issued,
    served: a.served,
    noShow: a.noShow,
    cancelled: a.cancelled,
    transferred: a.transferred,
    waitSeconds: {
      mean: wholeSeconds(a.waitCount === 0 ? null : a.waitSumMs / a.waitCount),
      p50: wholeSeconds(a.waitP50Ms),
      p90: wholeSeconds(a.waitP90Ms),
      max: wholeSeconds(a.waitMaxMs),
    },
    withinTargetShare: share(a.waitWithin, a.waitCount),
    serviceSeconds: {
      mean: wholeSeconds(a.serviceCount === 0 ? null : a.serviceSumMs / a.serviceCount),
      p50: wholeSeconds(a.serviceP50Ms),
      p90: wholeSeconds(a.serviceP90Ms),
    },
    firstTimeAcceptedShare: share(a.accepted, a.acceptedFlagged),
    ratings: { count, byLevel: { 1: l1, 2: l2, 3: l3, 4: l4, 5: l5 }, satisfiedShare: share(satisfied, count), bad },
  };
}
