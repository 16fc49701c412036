// The wait estimator runs the routing policy forward: open windows take tickets in the order
// the engine would call them, each visitor taking the service's learned mean time. The result is
// each ticket's expected time to its call and how many tickets are called before it.
import { CandidateIndex } from './candidate-index';
import { canServe } from './engine';
import type { EstimateInput, EstimatorWindow, RoutingContext, RoutingTicket, WaitEstimate } from './types';

const DEFAULT_SERVICE_SECONDS = 300;

export interface ForecastInput {
  /** The waiting tickets; the forecast removes the ones it calls. */
  index: CandidateIndex;
  windows: ReadonlyArray<EstimatorWindow>;
  context: RoutingContext;
  serviceSeconds: ReadonlyMap<string, number>;
  now: number;
  /** Calls later than this many seconds from now are not forecast (a working day is plenty). */
  horizonSeconds?: number;
  /** Stop as soon as all of these tickets have their forecast call. */
  until?: ReadonlySet<string>;
}

/** The first time at or after `t` the window's timetable lets it call; null when it will not again. */
export function callableAt(window: EstimatorWindow, t: number): number | null {
  let at = t;
  for (const c of window.closed ?? []) {
    if (at < c.from) continue;
    if (c.to === null) return null;
    if (at < c.to) at = c.to;
  }
  return at;
}

/** The forecast calls, in order: only tickets called within the horizon appear. */
export function forecastCalls(input: ForecastInput): Map<string, WaitEstimate> {
  const { index, context, serviceSeconds, now } = input;
  const horizon = now + (input.horizonSeconds ?? Infinity) * 1000;
  const out = new Map<string, WaitEstimate>();
  let pending = input.until?.size ?? -1;
  // Windows that can work, each with the time it next becomes free.
  const lanes = input.windows
    .filter((w) => w.open && w.staffType !== null)
    .map((w) => ({ window: w, freeAt: callableAt(w, Math.max(now, w.busyUntil ?? now)), calls: 0 }))
    .filter((l): l is { window: EstimatorWindow; freeAt: number; calls: number } => l.freeAt !== null);
  // `peopleAhead` counts only the calls made by the windows able to serve the ticket: what a
  // visitor can check against the wall display, never the whole hall's traffic.
  const allLanes = [...lanes];
  const ableLanes = new Map<string, typeof lanes>();
  const ableTo = (t: RoutingTicket): typeof lanes => {
    const key = `${t.serviceId}\u0000${t.stage}`;
    let able = ableLanes.get(key);
    if (!able) {
      able = allLanes.filter((l) => canServe(l.window, t, context));
      ableLanes.set(key, able);
    }
    return able;
  };

  // Ends when every window has nothing left it may take, at the horizon, or once `until` is met.
  while (lanes.length > 0 && pending !== 0) {
    // The window that frees up first calls next (ties: the order given, which is stable).
    let li = 0;
    for (let i = 1; i < lanes.length; i++) if (lanes[i]!.freeAt < lanes[li]!.freeAt) li = i;
    const lane = lanes[li]!;
    if (lane.freeAt > horizon) break;
    const pick = index.pick(lane.window, context, lane.freeAt);
    if (!pick) {
      // It can serve nothing that is left; nothing new arrives in the forecast.
      lanes.splice(li, 1);
      continue;
    }
    index.remove(pick.ticket.id);
    let ahead = 0;
    for (const l of ableTo(pick.ticket)) ahead += l.calls;
    out.set(pick.ticket.id, {
      ticketId: pick.ticket.id,
      peopleAhead: ahead,
      estimatedWaitSeconds: Math.round((lane.freeAt - now) / 1000),
    });
    if (input.until?.has(pick.ticket.id)) pending--;
    lane.calls++;
    const mean = serviceSeconds.get(pick.ticket.serviceId) ?? DEFAULT_SERVICE_SECONDS;
    // E4: an away remote ticket takes its place, weighted by the share of such visitors who come.
    const busyMs = mean * 1000 * (pick.ticket.away === true ? (context.awayShare ?? 1) : 1);
    const next = callableAt(lane.window, lane.freeAt + busyMs);
    if (next === null) lanes.splice(li, 1);
    else lane.freeAt = next;
  }
  return out;
}

/** Estimates for every ticket; a ticket that no open window reaches within the horizon gets nulls. */
export function estimateWaits(input: EstimateInput & { horizonSeconds?: number }): Map<string, WaitEstimate> {
  const forecast = forecastCalls({ ...input, index: new CandidateIndex(input.tickets) });
  const result = new Map<string, WaitEstimate>();
  for (const t of input.tickets) {
    result.set(t.id, forecast.get(t.id) ?? { ticketId: t.id, peopleAhead: null, estimatedWaitSeconds: null });
  }
  return result;
}

/** The naive estimate visitors usually get: people ahead x mean service time / open windows. */
export function naiveEstimateSeconds(peopleAhead: number, meanServiceSeconds: number, openWindows: number): number {
  return Math.round((peopleAhead * meanServiceSeconds) / Math.max(1, openWindows));
}
