// The estimate a visitor is given when the ticket is issued, without running a forecast for it:
// the hall's latest refresh of random forecasts (E6) already gives, per forecast, the call of a
// visitor of each service taken at the refresh (its probe, with or without priority). The new
// ticket is that visitor, behind the tickets of its service taken since the refresh (one learned
// gap between calls each). Its estimate and range come from those calls as the live estimate's
// come from a ticket's own (`drawnEstimate`), so what the visitor hears at issue and what the
// displays show a moment later agree. The hall server answers with it and the simulator's
// estimator evaluation measures exactly it ("as answered at issue").
import { sortedQuantile } from './draw';
import type { RoutingTicket } from './types';
import { DRAWN_RANGE, drawnEstimate, type DrawnRangeSpec } from './wait-range';

/** Which probe of the refresh stands for a ticket at issue; null: none does (it gets the expected forecast). */
export type IssueProbeKind = 'normal' | 'priority';

/**
 * Priority visitors take the priority probe's place, others the plain one's. A checked-in
 * appointment is ordered by its booked time, which no probe has: it gets the one expected forecast.
 */
export function issueProbeKind(t: Pick<RoutingTicket, 'priority' | 'appointmentAt'>): IssueProbeKind | null {
  if (t.priority) return 'priority';
  return t.appointmentAt === null ? 'normal' : null;
}

/**
 * Seconds between two calls of a service, per the refresh: the middle of the differences between
 * the probe's call and the last waiting ticket's (of the plain lane) in the same forecasts (the
 * newest entries of each, paired). Without such a ticket (or a finite pair), `fallbackSeconds`.
 */
export function callGapSeconds(probe: ArrayLike<number>, last: ArrayLike<number> | undefined, fallbackSeconds: number): number {
  if (!last) return fallbackSeconds;
  const n = Math.min(probe.length, last.length);
  const gaps: number[] = [];
  for (let k = 1; k <= n; k++) {
    const d = probe[probe.length - k]! - last[last.length - k]!;
    if (Number.isFinite(d)) gaps.push(Math.max(0, d) / 1000);
  }
  if (gaps.length === 0) return fallbackSeconds;
  gaps.sort((a, b) => a - b);
  return sortedQuantile(gaps, 0.5);
}

/** What the refresh knows of a visitor of one service and kind taken at its time. */
export interface IssueProbe {
  /** Its call (ms since epoch; Infinity: not within the horizon) in each kept random forecast. */
  calls: ArrayLike<number>;
  /** The middle of its people ahead in those forecasts, when known. */
  peopleAhead: number | null;
  /** Seconds between two calls of its service (`callGapSeconds`). */
  gapSeconds: number;
}

export interface IssueAnswer {
  estimateSeconds: number;
  range: [number, number];
  peopleAhead: number | null;
}

/**
 * The wait of a ticket issued at `now` with `ahead` tickets of its service (of its kind or ahead
 * of it) taken since the refresh, as the refresh's probe gives it: each forecast's call moved back
 * by `ahead` gaps, a call past `horizonSeconds` not reached; then the middle and range of those
 * waits (`drawnEstimate` with `spec`). Null when most forecasts do not reach it.
 */
export function estimateAtIssue(
  probe: IssueProbe,
  ahead: number,
  now: number,
  options: { horizonSeconds?: number; spec?: DrawnRangeSpec } = {},
): IssueAnswer | null {
  const horizon = options.horizonSeconds ?? Infinity;
  const waits: number[] = [];
  for (let k = 0; k < probe.calls.length; k++) {
    const at = probe.calls[k]!;
    const wait = at === Infinity ? Infinity : Math.max(0, Math.round((at - now) / 1000 + ahead * probe.gapSeconds));
    waits.push(wait > horizon ? Infinity : wait);
  }
  waits.sort((a, b) => a - b);
  const d = drawnEstimate(waits, options.spec ?? DRAWN_RANGE);
  if (!d) return null;
  return { estimateSeconds: d.estimateSeconds, range: d.range, peopleAhead: probe.peopleAhead === null ? null : probe.peopleAhead + ahead };
}
