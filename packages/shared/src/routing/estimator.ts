// The wait estimator runs the routing policy forward: open windows take tickets in the order
// the engine would call them, each visitor taking the service's learned mean time. The result is
// each ticket's expected time to its call and how many tickets are called before it.
import { CandidateIndex } from './candidate-index';
import { canServe, pickNext } from './engine';
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
  /**
   * Visitors who would take a ticket now (one per service, say): each gets the call it would
   * have, as if it alone were added to the queue, from this one forecast. Their estimates are in
   * the result under their ids; the other calls are those of the queue without them.
   */
  probes?: ReadonlyArray<RoutingTicket>;
}

interface ForecastLane {
  window: EstimatorWindow;
  freeAt: number;
  /** Calls this window made so far in the forecast. */
  calls: number;
  /** Probes this window may serve. */
  probes: RoutingTicket[];
}

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

  constructor(private readonly input: ForecastInput) {
    const { now, context } = input;
    this.horizon = now + (input.horizonSeconds ?? Infinity) * 1000;
    this.pending = input.until?.size ?? -1;
    // Windows that can work, each with the time it next becomes free.
    this.lanes = [];
    for (const w of input.windows) {
      if (!w.open || w.staffType === null) continue;
      const freeAt = callableAt(w, Math.max(now, w.busyUntil ?? now));
      if (freeAt !== null) this.lanes.push({ window: w, freeAt, calls: 0, probes: (input.probes ?? []).filter((p) => canServe(w, p, context)) });
    }
    this.allLanes = [...this.lanes];
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
    const { index, context, serviceSeconds, now, until } = this.input;
    const lanes = this.lanes;
    // Ends when every window has nothing left it may take, at the horizon, or once `until` is met.
    for (let n = 0; n < steps; n++) {
      if (lanes.length === 0 || this.pending === 0) return true;
      // The window that frees up first calls next (ties: the order given, which is stable).
      let li = 0;
      for (let i = 1; i < lanes.length; i++) if (lanes[i]!.freeAt < lanes[li]!.freeAt) li = i;
      const lane = lanes[li]!;
      if (lane.freeAt > this.horizon) {
        lanes.length = 0;
        return true;
      }
      const pick = index.pick(lane.window, context, lane.freeAt);
      // A probe is called here if it would have been chosen over this pick: until then the
      // forecast with it is this one, call for call (the engine's order is a total order).
      for (const p of lane.probes) {
        if (this.calls.has(p.id)) continue;
        if (!pick || pickNext(lane.window, [pick.ticket, p], context, lane.freeAt)?.ticket === p) {
          this.calls.set(p.id, { ticketId: p.id, peopleAhead: this.ahead(p), estimatedWaitSeconds: Math.round((lane.freeAt - now) / 1000) });
        }
      }
      if (!pick) {
        // It can serve nothing that is left; nothing new arrives in the forecast.
        lanes.splice(li, 1);
        continue;
      }
      index.remove(pick.ticket.id);
      this.calls.set(pick.ticket.id, {
        ticketId: pick.ticket.id,
        peopleAhead: this.ahead(pick.ticket),
        estimatedWaitSeconds: Math.round((lane.freeAt - now) / 1000),
      });
      if (until?.has(pick.ticket.id)) this.pending--;
      lane.calls++;
      const mean = serviceSeconds.get(pick.ticket.serviceId) ?? DEFAULT_SERVICE_SECONDS;
      // E4: an away remote ticket takes its place, weighted by the share of such visitors who come.
      const busyMs = mean * 1000 * (pick.ticket.away === true ? (context.awayShare ?? 1) : 1);
      const next = callableAt(lane.window, lane.freeAt + busyMs);
      if (next === null) lanes.splice(li, 1);
      else lane.freeAt = next;
    }
    return lanes.length === 0 || this.pending === 0;
  }
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
