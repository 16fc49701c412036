// Live wait estimates from the mirror: the shared estimator runs the routing policy forward over
// the waiting tickets and the open windows with each service's learned mean time.
import {
  CandidateIndex,
  expectedFreeAt,
  forecastCalls,
  type EstimatorWindow,
  type RoutingTicket,
  type ServiceQueueView,
  type WaitEstimate,
} from '@hallq/shared';
import type { StoredTicket } from '../storage/ticket-repo';
import type { HallMirror } from './hall-mirror';
import { closedReasonOf, type IssuedCount } from './service-availability';

export function serviceSeconds(m: HallMirror): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of m.services.values()) out.set(s.id, s.learnedServiceSeconds ?? s.expectedServiceSeconds);
  return out;
}

function estimatorWindows(m: HallMirror, means: ReadonlyMap<string, number>, now: number): EstimatorWindow[] {
  return [...m.windows.values()].map((w) => {
    const current = w.currentTicketId ? m.active.get(w.currentTicketId) : undefined;
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
  const index = CandidateIndex.fromSorted(m.waiting.sortedBuckets());
  for (const t of options.extra ?? []) index.insert(t);
  for (const id of options.exclude ?? []) index.remove(id);
  return forecastCalls({
    index,
    windows: estimatorWindows(m, means, now),
    // E4: away remote tickets keep their place, weighted by the share of such visitors who come.
    context: { ...m.ctx, awayShare: m.remoteShowShare },
    serviceSeconds: means,
    now,
    horizonSeconds: FORECAST_HORIZON_SECONDS,
    until: options.until,
  });
}

/** Refreshes the hall's live estimates: the forecast calls within the horizon (bounded size). */
export function refreshEstimates(m: HallMirror, now: number): Map<string, WaitEstimate> {
  m.estimates = forecast(m, now);
  m.estimatesFresh = true;
  return m.estimates;
}

/**
 * The live estimate of a waiting ticket: the latest forecast's, or null when the forecast does
 * not reach it; the one given at issue while no forecast has run since the last change.
 */
export function liveEstimate(m: HallMirror, t: StoredTicket): WaitEstimate {
  const e = m.estimates.get(t.id);
  if (e) return e;
  if (m.estimatesFresh) return { ticketId: t.id, peopleAhead: null, estimatedWaitSeconds: null };
  return { ticketId: t.id, peopleAhead: t.peopleAhead, estimatedWaitSeconds: t.estimatedWaitSeconds };
}

/**
 * Per service: waiting count, longest wait and the estimated wait of a ticket taken now; with
 * `issuedCount`, also whether it takes tickets now (and why not).
 */
export function serviceViews(m: HallMirror, now: number, issuedCount?: IssuedCount): ServiceQueueView[] {
  const stats = new Map<string, { waiting: number; oldest: number }>();
  for (const t of m.waiting.all()) {
    const s = stats.get(t.serviceId) ?? { waiting: 0, oldest: now };
    s.waiting++;
    s.oldest = Math.min(s.oldest, t.queuedAt);
    stats.set(t.serviceId, s);
  }
  return [...m.services.values()]
    .filter((s) => s.active)
    .map((s) => {
      // One forecast per service, with one visitor arriving now: visitors of other services
      // arriving at the same moment must not delay this one.
      const probe: RoutingTicket = { id: `\uffffprobe:${s.id}`, serviceId: s.id, stage: 0, queuedAt: now, priority: false, appointmentAt: null };
      const est = forecast(m, now, { extra: [probe], until: new Set([probe.id]) });
      const st = stats.get(s.id);
      const closed = issuedCount ? closedReasonOf(m, s, now, issuedCount) : undefined;
      return {
        serviceId: s.id,
        waiting: st?.waiting ?? 0,
        longestWaitSeconds: st ? Math.max(0, Math.round((now - st.oldest) / 1000)) : 0,
        estimatedWaitSeconds: est.get(probe.id)?.estimatedWaitSeconds ?? null,
        ...(issuedCount ? { acceptingTickets: closed === undefined, ...(closed ? { closedReason: closed } : {}) } : {}),
      };
    });
}
