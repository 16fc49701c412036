// The wait estimator runs the routing policy forward: open windows take tickets in the order
// the engine would call them, each visitor taking the service's learned mean time. The result is
// each ticket's expected time to its call and how many tickets are called before it. How long each
// call lasts (expected or drawn) is in forecast-visits.ts, the tickets joining on the way in
// forecast-joiners.ts, probes in forecast-probes.ts and the random draws' waits in forecast-draws.ts.
import { CandidateIndex } from './candidate-index';
import { canServe } from './engine';
import { DEFAULT_SERVICE_SECONDS, stageKey } from './forecast-input';
import { expectedHoldSeconds } from './service-time';
import type { ForecastInput, ForecastLane } from './forecast-input';
import { Joiners } from './forecast-joiners';
import { callProbes, probesFor } from './forecast-probes';
import { VisitLengths } from './forecast-visits';
import type { EstimateInput, EstimatorWindow, RoutingTicket, WaitEstimate } from './types';

export { DEFAULT_SERVICE_SECONDS, stageKey, type ExpectedArrivals, type ForecastDraw, type ForecastInput } from './forecast-input';

/**
 * The routing policy run forward, one call at a time; `run(steps)` may be called again until it
 * answers true, so a long forecast can be spread over several turns of an event loop (its index
 * must then not change in between: give it lanes of its own).
 */
export class Forecast {
  /** The forecast calls (and probes' calls), in order: only tickets called within the horizon. */
  readonly calls = new Map<string, WaitEstimate>();
  private readonly lanes: ForecastLane[];
  private readonly allLanes: ForecastLane[];
  /** Per (service, stage): the windows able to serve it. */
  private readonly ableLanes = new Map<string, ForecastLane[]>();
  private readonly horizon: number;
  private pending: number;
  private readonly joiners: Joiners;
  private readonly visits: VisitLengths;
  /** Calls simulated so far (the work done: each is one pick from the index). */
  steps = 0;

  constructor(private readonly input: ForecastInput) {
    const { now, context } = input;
    this.horizon = now + (input.horizonSeconds ?? Infinity) * 1000;
    this.pending = input.until?.size ?? -1;
    this.joiners = new Joiners(input, this.horizon);
    this.visits = new VisitLengths(input);
    // Windows that can work, each with the time it next becomes free.
    this.lanes = [];
    const linked = input.focus ? linkedServices(input.windows, input.focus) : null;
    for (const w of input.windows) {
      if (linked && !w.skills.some((k) => linked.has(k.serviceId))) continue;
      let busyUntil = w.busyUntil;
      const cur = w.current;
      if (cur && !cur.noShow) {
        // E6: a visit already under way ends after a draw longer than the time it has taken so far.
        busyUntil = this.visits.currentEnd(cur.ticket, cur.since, busyUntil);
        if (busyUntil !== null) this.joiners.laterStage(cur.ticket, Math.max(now, busyUntil));
      }
      if (!w.open || w.staffType === null) continue;
      const freeAt = callableAt(w, Math.max(now, busyUntil ?? now));
      if (freeAt !== null) this.lanes.push({ window: w, freeAt, calls: 0, probes: probesFor(w, input.probes, context) });
    }
    this.allLanes = [...this.lanes];
    this.joiners.startArrivals(linked);
  }

  /** Seconds a call holds its window (and the visitor's later stage, if any, joins the queue after it). */
  private hold(t: RoutingTicket, at: number): number {
    const { seconds, comes } = this.visits.hold(t);
    if (comes) this.joiners.laterStage(t, at + seconds * 1000);
    return seconds;
  }

  /**
   * People ahead of a ticket called now: only the calls made by the windows able to serve it, what
   * a visitor can check against the wall display, never the whole hall's traffic.
   */
  private ahead(t: RoutingTicket): number {
    const key = `${t.serviceId}\u0000${t.stage}`;
    let able = this.ableLanes.get(key);
    if (!able) {
      able = this.allLanes.filter((l) => canServe(l.window, t, this.input.context));
      this.ableLanes.set(key, able);
    }
    let n = 0;
    for (const l of able) n += l.calls;
    return n;
  }

  /** Simulates up to `steps` more calls; true once the forecast is complete. */
  run(steps = Infinity): boolean {
    const { index, context, now, until } = this.input;
    const lanes = this.lanes;
    // Ends when every window has nothing left it may take, at the horizon, or once `until` is met.
    for (let n = 0; n < steps; n++) {
      if (lanes.length === 0 || this.pending === 0) return true;
      this.steps++;
      // The window that frees up first calls next (ties: the order given, which is stable).
      let li = 0;
      for (let i = 1; i < lanes.length; i++) if (lanes[i]!.freeAt < lanes[li]!.freeAt) li = i;
      const lane = lanes[li]!;
      if (lane.freeAt > this.horizon) {
        lanes.length = 0;
        return true;
      }
      this.joiners.release(index, lane.freeAt);
      const pick = index.pick(lane.window, context, lane.freeAt);
      callProbes(lane, pick, context, now, this.calls, (p) => this.ahead(p));
      if (!pick) {
        // It can serve nothing that is left: it waits for the next ticket to join, if any will.
        const join = this.joiners.nextJoin(lane.window);
        const next = join === null ? null : callableAt(lane.window, Math.max(join, lane.freeAt));
        if (next === null) lanes.splice(li, 1);
        else lane.freeAt = next;
        continue;
      }
      index.remove(pick.ticket.id);
      if (!this.joiners.madeUp.has(pick.ticket.id)) {
        this.calls.set(pick.ticket.id, {
          ticketId: pick.ticket.id,
          peopleAhead: this.ahead(pick.ticket),
          estimatedWaitSeconds: Math.round((lane.freeAt - now) / 1000),
        });
        if (until?.has(pick.ticket.id)) this.pending--;
        // People ahead counts the tickets waiting now, not the forecast's later stages and arrivals.
        lane.calls++;
      }
      const next = callableAt(lane.window, lane.freeAt + this.hold(pick.ticket, lane.freeAt) * 1000);
      if (next === null) lanes.splice(li, 1);
      else lane.freeAt = next;
    }
    return lanes.length === 0 || this.pending === 0;
  }
}

/** The services linked to `focus` through windows that serve both (the focus included). */
function linkedServices(windows: ReadonlyArray<EstimatorWindow>, focus: ReadonlySet<string>): Set<string> {
  const linked = new Set(focus);
  for (let grew = true; grew; ) {
    grew = false;
    for (const w of windows) {
      if (!w.skills.some((k) => linked.has(k.serviceId))) continue;
      for (const k of w.skills) {
        if (!linked.has(k.serviceId)) {
          linked.add(k.serviceId);
          grew = true;
        }
      }
    }
  }
  return linked;
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

/**
 * True only when it is certain that the expected forecast (no random draw) calls none of
 * `tickets` within its horizon, so a forecast `until` them would simulate the whole horizon to
 * give each of them nothing (the visitor is told no estimate). Each ticket must be in
 * `input.index`, of the normal class (no priority, no appointment) and present. Within a lane the
 * engine offers only its first ticket, so the present tickets before one in its lane are all
 * called before it; each window calls one visitor at a time, and each of those calls holds its
 * window for the lane's expected hold, so by the horizon a window able to serve the lane has
 * called at most floor(horizon / hold) + 1 of them. When the tickets ahead outnumber what all the
 * able windows can call by then (one call of margin each), the ticket is not reached; the tickets
 * of the same lane behind the first of them are not either. Counting stops at that bound, so the
 * answer costs the same however long the queue is.
 */
export function beyondHorizon(input: ForecastInput, tickets: readonly RoutingTicket[]): boolean {
  const { horizonSeconds, draw } = input;
  if (draw || horizonSeconds === undefined || !Number.isFinite(horizonSeconds) || tickets.length === 0) return false;
  const first = new Map<string, RoutingTicket>();
  for (const t of tickets) {
    if (t.priority || t.appointmentAt !== null || t.away === true) return false;
    const key = stageKey(t.serviceId, t.stage);
    const f = first.get(key);
    if (!f || t.queuedAt < f.queuedAt || (t.queuedAt === f.queuedAt && t.id < f.id)) first.set(key, t);
  }
  for (const [key, t] of first) {
    const mean = (t.stage > 0 ? input.stageSeconds?.get(key) : undefined) ?? input.serviceSeconds.get(t.serviceId) ?? DEFAULT_SERVICE_SECONDS;
    const holdMs = expectedHoldSeconds(mean, t.stage === 0 ? (input.noShowShare?.get(t.serviceId) ?? 0) : 0) * 1000;
    if (!(holdMs > 0)) return false;
    let able = 0;
    for (const w of input.windows) if (w.open && canServe(w, t, input.context)) able++;
    if (able === 0) continue; // no window will ever call it
    const reachable = able * (Math.floor((horizonSeconds * 1000) / holdMs) + 2);
    if (input.index.presentAhead(t, reachable) < reachable) return false;
  }
  return true;
}

/** The forecast calls, in order: only tickets called within the horizon appear. */
export function forecastCalls(input: ForecastInput): Map<string, WaitEstimate> {
  const forecast = new Forecast(input);
  forecast.run();
  return forecast.calls;
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
