// Live wait estimates from the mirror: the shared estimator runs the routing policy forward over
// the waiting tickets and the open windows. The live estimates (phones, displays, kiosks' waits per
// service) come from random forecasts with the learned spread (estimate-draws.ts); a ticket being
// issued is answered from the latest refresh's forecasts with no forecast of its own
// (`answersFromDraws`: its service's probe, behind those taken since), and only an appointment, or
// a hall whose windows changed since the refresh, gets the one expected forecast (in the batch).
import {
  beyondHorizon,
  expectedFreeAt,
  forecastCalls,
  estimateAtIssue,
  issueProbeKind,
  scaledWaitRange,
  type IssueAnswer,
  waitRangeOf,
  type ForecastInput,
  type EstimatorWindow,
  type RoutingTicket,
  type ServiceQueueView,
  type WaitEstimate,
  type WaitRange,
} from '@hallq/shared';
import type { StoredTicket } from '../storage/ticket-repo';
import { canCarryDraws, DrawnRefresh, DRAWS_PER_REFRESH, issueProbe, takenSince } from './estimate-draws';
import type { HallMirror, LiveEstimate, TakenCount } from './hall-mirror';
import { closedReasonOf, type IssuedCount } from './service-availability';

export function serviceSeconds(m: HallMirror): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of m.services.values()) out.set(s.id, s.learnedServiceSeconds ?? s.expectedServiceSeconds);
  return out;
}

function estimatorWindows(m: HallMirror, means: ReadonlyMap<string, number>, now: number): EstimatorWindow[] {
  return [...m.windows.values()].map((w) => {
    const current = w.currentTicketId ? m.atWindows.get(w.currentTicketId) : undefined;
    let busyUntil: number | null = null;
    if (current && (current.status === 'called' || current.status === 'serving')) {
      const since = Date.parse(current.startedAt ?? current.calledAt ?? current.issuedAt);
      busyUntil = expectedFreeAt(since, means.get(current.serviceId) ?? 300, now);
    }
    return { id: w.id, skills: w.skills, staffType: w.staffType, open: w.state === 'open', busyUntil };
  });
}

/** A wait that cannot be served within a working day is not forecast: the visitor is told so. */
export const FORECAST_HORIZON_SECONDS = 12 * 3600;

/**
 * The forecast calls over the live queue plus `extra` tickets (e.g. those being issued now),
 * leaving out `exclude` (claimed but not yet committed). Only the calls within the horizon are
 * simulated, over the mirror's sorted lanes without copying them, so the cost does not grow with
 * the length of the queue. With `until`, it stops once those tickets have their forecast.
 */
export function forecast(
  m: HallMirror,
  now: number,
  options: { extra?: RoutingTicket[]; exclude?: Iterable<string>; until?: ReadonlySet<string> } = {},
): Map<string, WaitEstimate> {
  const means = serviceSeconds(m);
  const index = m.waiting.view();
  for (const t of options.extra ?? []) index.insert(t);
  for (const id of options.exclude ?? []) index.remove(id);
  const input: ForecastInput = {
    index,
    windows: estimatorWindows(m, means, now),
    // E4: away remote tickets keep their place, weighted by the share of such visitors who come.
    context: { ...m.ctx, awayShare: m.remoteShowShare },
    serviceSeconds: means,
    now,
    horizonSeconds: FORECAST_HORIZON_SECONDS,
    until: options.until,
  };
  // Tickets that more than a day's calls stand before get no estimate: no need to simulate the day.
  const until = options.until;
  const wanted = until ? (options.extra ?? []).filter((t) => until.has(t.id)) : [];
  if (until && wanted.length === until.size && beyondHorizon(input, wanted)) return new Map();
  return forecastCalls(input);
}

/**
 * A refresh of the hall's live estimates from random forecasts (estimate-draws.ts): a few new
 * forecasts of the queue within the horizon, with a probe per service (the wait of a ticket taken
 * now), combined with those carried from earlier refreshes. It reads copies of the lanes, so it
 * may be run in slices (`slice()`, bounded work each) while commits go on; `finish` then
 * publishes it into the mirror, fresh only if nothing was committed in between.
 */
export function startRefresh(m: HallMirror, now: number): DrawnRefresh {
  return new DrawnRefresh(m, now);
}

/**
 * Refreshes the hall's live estimates at once (start-up, tests); see `startRefresh`. `draws`:
 * forecasts to run (default DRAWS_PER_REFRESH).
 */
export function refreshEstimates(m: HallMirror, now: number, draws = DRAWS_PER_REFRESH): Map<string, WaitEstimate> {
  const job = new DrawnRefresh(m, now, draws);
  while (!job.slice());
  job.finish();
  return m.estimates;
}

/**
 * Brings the estimates up to the latest commit inside a request (a snapshot asked for between a
 * commit and the next sliced refresh): one new forecast when the kept ones ran with the same
 * windows (the sliced refreshes renew the rest), else DRAWS_PER_REFRESH.
 */
export function catchUpEstimates(m: HallMirror, now: number): void {
  refreshEstimates(m, now, canCarryDraws(m) ? 1 : DRAWS_PER_REFRESH);
}

/**
 * The range of a ticket's wait answered by the expected forecast (at issue, see `answersFromDraws`): the latest refresh's range for a ticket of its service taken then,
 * moved to this ticket's estimate with the same relative width (`scaledWaitRange`). The next
 * refresh gives the ticket its own range. Null when that service has no range yet.
 */
export function rangeAtIssue(m: HallMirror, serviceId: string, estimateSeconds: number | null): WaitRange | null {
  return scaledWaitRange(m.serviceRanges.get(serviceId), m.serviceWaits.get(serviceId), estimateSeconds);
}

/**
 * The answers at issue for tickets being issued together (in issue order) from the latest
 * refresh's random forecasts (`estimateAtIssue`): each takes its service's probe's place, behind
 * the tickets of its service taken since the refresh and those issued before it in the batch (for
 * a priority ticket: the priority ones). A ticket absent from the answer has no probe to stand for
 * it (an appointment, or windows changed since the refresh): it needs the expected forecast. A
 * ticket answered null is not reached within the horizon.
 */
export function answersFromDraws(m: HallMirror, tickets: readonly RoutingTicket[], now: number): Map<string, IssueAnswer | null> {
  const out = new Map<string, IssueAnswer | null>();
  const current = m.estimatesAt <= now && canCarryDraws(m);
  if (!current) return out;
  const buckets = m.waiting.sortedBuckets();
  const before = new Map<string, TakenCount>();
  for (const t of tickets) {
    let n = before.get(t.serviceId);
    if (!n) {
      n = takenSince(buckets, t.serviceId, m.estimatesAt, m.draws.takenAtRefresh.get(t.serviceId));
      before.set(t.serviceId, n);
    }
    const kind = issueProbeKind(t);
    const probe = kind ? issueProbe(m, t.serviceId, kind, true) : undefined;
    if (probe) out.set(t.id, estimateAtIssue(probe, kind === 'priority' ? n.priority : n.all, now, { horizonSeconds: FORECAST_HORIZON_SECONDS }));
    n.all++;
    if (t.priority) n.priority++;
  }
  return out;
}

/**
 * The live estimate of a waiting ticket: the latest forecast's, or null when the forecast does
 * not reach it; the one given at issue while no forecast has run since the last change (with the
 * range it was given then, or, read back from storage, the same rule's range: `rangeAtIssue`).
 */
export function liveEstimate(m: HallMirror, t: StoredTicket): LiveEstimate {
  const e = m.estimates.get(t.id);
  if (e) return e;
  if (m.estimatesFresh) return { ticketId: t.id, peopleAhead: null, estimatedWaitSeconds: null, estimatedWaitRange: null };
  const range = t.estimatedWaitRange !== undefined ? t.estimatedWaitRange : rangeAtIssue(m, t.serviceId, t.estimatedWaitSeconds);
  return { ticketId: t.id, peopleAhead: t.peopleAhead, estimatedWaitSeconds: t.estimatedWaitSeconds, estimatedWaitRange: range };
}

/**
 * Per service: waiting count, longest wait and the estimated wait of a ticket taken now (from
 * the latest refresh: one forecast with a probe per service, not one forecast per service); with
 * `issuedCount`, also whether it takes tickets now (and why not).
 */
export function serviceViews(m: HallMirror, now: number, issuedCount?: IssuedCount): ServiceQueueView[] {
  const counts = m.waiting.countByService();
  const oldest = m.waiting.oldestByService();
  return [...m.services.values()]
    .filter((s) => s.active)
    .map((s) => {
      const first = oldest.get(s.id);
      const closed = issuedCount ? closedReasonOf(m, s, now, issuedCount) : undefined;
      return {
        serviceId: s.id,
        waiting: counts.get(s.id) ?? 0,
        longestWaitSeconds: first === undefined ? 0 : Math.max(0, Math.round((now - Math.min(now, first)) / 1000)),
        estimatedWaitSeconds: m.serviceWaits.get(s.id) ?? null,
        estimatedWaitRange: waitRangeOf(m.serviceRanges.get(s.id), m.serviceWaits.get(s.id) ?? null),
        ...(issuedCount ? { acceptingTickets: closed === undefined, ...(closed ? { closedReason: closed } : {}) } : {}),
      };
    });
}
