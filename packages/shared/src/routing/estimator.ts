// The wait estimator runs the routing policy forward: open windows take tickets in the order
// the engine would call them, each visitor taking the service's learned mean time. The result is
// each ticket's expected time to its call and how many tickets are called before it.
import { CandidateIndex } from './candidate-index';
import { canServe, pickNext } from './engine';
import { expectedHoldSeconds, NO_SHOW_HOLD_SECONDS } from './service-time';
import { conditionalLognormal, lognormalDraw, type Uniform } from './draw';
import type { EstimateInput, EstimatorWindow, RoutingContext, RoutingTicket, WaitEstimate } from './types';

const DEFAULT_SERVICE_SECONDS = 300;

/** The key of a (service, stage) pair in `stageSeconds`. */
export const stageKey = (serviceId: string, stage: number): string => `${serviceId}\u0000${stage}`;

/**
 * E5: visitors of one service expected to take a ticket while the forecast runs (learned from the
 * hall's history by hour of day). They matter when they will be called before tickets already
 * waiting: priority visitors, due appointments, a service of a better tier at a shared window.
 */
export interface ExpectedArrivals {
  serviceId: string;
  /** Expected tickets per hour at a time (ms). */
  ratePerHour: (at: number) => number;
  /** No ticket is taken at or after this time (ms): the hall stops issuing. */
  endsAt: number;
  priorityShare: number;
  appointmentShare: number;
  /** Visitors with an appointment take their ticket this many seconds before its time. */
  appointmentLeadSeconds: number;
}

/**
 * E6: one random day ahead instead of the expected one: every visit lasts a lognormal draw around
 * its learned mean (a visitor already at a window: a draw longer than the time spent so far), and
 * each called visitor is a no-show with the learned share. Many such draws give the wait's spread.
 */
export interface ForecastDraw {
  random: Uniform;
  /** Coefficient of variation of the service time, per service (learned), else `defaultCv`. */
  cv?: ReadonlyMap<string, number>;
  defaultCv: number;
  /**
   * Relative standard error of the learned means (a learned mean is itself uncertain): each random
   * forecast scales each service's mean by one lognormal draw with this cv. 0 or unset: none.
   */
  meanCv?: number;
}

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
   * The services of the tickets in `until`: windows (and expected arrivals) with no chain of shared
   * services to them cannot change their calls and are left out, so the forecast costs less. The
   * calls of other tickets are then not forecast.
   */
  focus?: ReadonlySet<string>;
  /**
   * Visitors who would take a ticket now (one per service, say): each gets the call it would
   * have, as if it alone were added to the queue, from this one forecast. Their estimates are in
   * the result under their ids; the other calls are those of the queue without them.
   */
  probes?: ReadonlyArray<RoutingTicket>;
  /** Mean seconds of one stage of a service, by `stageKey`; a stage not listed takes the service's mean. */
  stageSeconds?: ReadonlyMap<string, number>;
  /** Share of called visitors who never come, per service (learned); their call holds a window briefly. */
  noShowShare?: ReadonlyMap<string, number>;
  /** E5: tickets expected to be taken during the forecast. */
  arrivals?: ReadonlyArray<ExpectedArrivals>;
  /** E5: a visitor whose service has another stage joins that stage's queue when the visit ends. */
  laterStages?: boolean;
  /** E6: draw the visits' lengths at random (one sample of the day ahead). */
  draw?: ForecastDraw;
}

/** A ticket that will join the queue during the forecast: a later stage, or an expected arrival. */
interface Future {
  at: number;
  ticket: RoutingTicket;
}

interface ArrivalStream {
  spec: ExpectedArrivals;
  nextAt: number;
  /** Expected arrivals so far (mean forecast: a ticket each time it passes n + 0.5). */
  count: number;
}

interface ForecastLane {
  window: EstimatorWindow;
  freeAt: number;
  /** Calls this window made so far in the forecast. */
  calls: number;
  /** Probes this window may serve. */
  probes: RoutingTicket[];
}

/** Expected-arrival tickets per class: priority, appointment, the rest (shares of the service's rate). */
const CLASSES = ['priority', 'appointment', 'normal'] as const;
/** Step (ms) of the integration of an arrival rate (rates change by the hour: 5 minutes is fine). */
const RATE_STEP_MS = 300_000;

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
  /** Tickets joining the queue later (later stages), in time order. */
  private readonly futures: Future[] = [];
  private readonly streams: Array<ArrivalStream & { kind: (typeof CLASSES)[number]; share: number }> = [];
  /** Tickets the forecast made up (later stages, expected arrivals): their calls are not reported. */
  private readonly madeUp = new Set<string>();
  private arrivalSeq = 0;
  /** E6: this forecast's draw of each service's true mean, relative to the learned one. */
  private readonly meanScale = new Map<string, number>();

  constructor(private readonly input: ForecastInput) {
    const { now, context, draw } = input;
    this.horizon = now + (input.horizonSeconds ?? Infinity) * 1000;
    this.pending = input.until?.size ?? -1;
    // Windows that can work, each with the time it next becomes free.
    this.lanes = [];
    const linked = input.focus ? linkedServices(input.windows, input.focus) : null;
    for (const w of input.windows) {
      if (linked && !w.skills.some((k) => linked.has(k.serviceId))) continue;
      let busyUntil = w.busyUntil;
      const cur = w.current;
      if (cur && !cur.noShow) {
        // E6: a visit already under way ends after a draw longer than the time it has taken so far.
        if (draw) busyUntil = cur.since + 1000 * conditionalLognormal(this.meanSeconds(cur.ticket), this.cv(cur.ticket.serviceId), Math.max(0, (now - cur.since) / 1000), draw.random);
        if (busyUntil !== null) this.laterStage(cur.ticket, Math.max(now, busyUntil));
      }
      if (!w.open || w.staffType === null) continue;
      const freeAt = callableAt(w, Math.max(now, busyUntil ?? now));
      if (freeAt !== null) this.lanes.push({ window: w, freeAt, calls: 0, probes: (input.probes ?? []).filter((p) => canServe(w, p, context)) });
    }
    this.allLanes = [...this.lanes];
    for (const spec of input.arrivals ?? []) {
      if (linked && !linked.has(spec.serviceId)) continue;
      const shares = {
        priority: spec.priorityShare,
        appointment: (1 - spec.priorityShare) * spec.appointmentShare,
        normal: (1 - spec.priorityShare) * (1 - spec.appointmentShare),
      };
      for (const kind of CLASSES) {
        if (shares[kind] <= 0) continue;
        const stream = { spec, kind, share: shares[kind], nextAt: now, count: 0 };
        this.advance(stream);
        this.streams.push(stream);
      }
    }
  }

  private meanSeconds(t: RoutingTicket): number {
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

  /** A visitor done at `at` with a stage of the service still to come joins its queue again then. */
  private laterStage(t: RoutingTicket, at: number): void {
    if (!this.input.laterStages) return;
    const stages = this.input.context.services.get(t.serviceId)?.stages.length ?? 1;
    if (t.stage + 1 >= stages) return;
    const ticket: RoutingTicket = { ...t, id: `${t.id}\u0000${t.stage + 1}`, stage: t.stage + 1, away: false };
    this.madeUp.add(ticket.id);
    const f = this.futures;
    let lo = 0;
    let hi = f.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (f[mid]!.at <= at) lo = mid + 1;
      else hi = mid;
    }
    f.splice(lo, 0, { at, ticket });
  }

  /** The stream's next arrival: where its expected count (or, drawn, a Poisson count) next steps up. */
  private advance(s: ArrivalStream & { share: number }): void {
    const { draw } = this.input;
    const end = Math.min(s.spec.endsAt, this.horizon);
    let need = draw ? -Math.log(1 - draw.random()) : s.count === 0 ? 0.5 : 1;
    let t = s.nextAt;
    while (t < end) {
      const step = Math.min(RATE_STEP_MS, end - t);
      const perMs = (Math.max(0, s.spec.ratePerHour(t)) * s.share) / 3_600_000;
      if (perMs * step >= need) {
        s.nextAt = t + need / perMs;
        s.count++;
        return;
      }
      need -= perMs * step;
      t += step;
    }
    s.nextAt = Infinity;
  }

  /** Lets every ticket due to join the queue by `t` in. */
  private release(t: number): void {
    const { index } = this.input;
    while (this.futures.length > 0 && this.futures[0]!.at <= t) index.insert(this.futures.shift()!.ticket);
    for (const s of this.streams) {
      while (s.nextAt <= t) {
        const at = s.nextAt;
        const id = `\uffffarrival:${this.arrivalSeq++}`;
        this.madeUp.add(id);
        index.insert({
          id,
          serviceId: s.spec.serviceId,
          stage: 0,
          queuedAt: at,
          priority: s.kind === 'priority',
          appointmentAt: s.kind === 'appointment' ? at + s.spec.appointmentLeadSeconds * 1000 : null,
        });
        this.advance(s);
      }
    }
  }

  /** When the next ticket this window may serve joins the queue; null when none will. */
  private nextJoin(w: EstimatorWindow): number | null {
    const { context } = this.input;
    let at = Infinity;
    for (const f of this.futures) {
      if (canServe(w, f.ticket, context)) {
        at = f.at;
        break;
      }
    }
    for (const s of this.streams) {
      if (s.nextAt < at && canServe(w, { id: '', serviceId: s.spec.serviceId, stage: 0, queuedAt: 0, priority: false, appointmentAt: null }, context)) at = s.nextAt;
    }
    return at === Infinity ? null : at;
  }

  /** Seconds a call holds its window (and the visitor's later stage, if any, joins the queue after it). */
  private hold(t: RoutingTicket, at: number): number {
    const { context, noShowShare, draw } = this.input;
    const mean = this.meanSeconds(t);
    const noShow = t.stage === 0 ? (noShowShare?.get(t.serviceId) ?? 0) : 0;
    let seconds: number;
    let comes = true;
    if (draw) {
      // E4 drawn: an away remote holder comes with the learned share; one who does not costs nothing.
      if (t.away === true) comes = draw.random() < (context.awayShare ?? 1);
      if (comes && draw.random() < noShow) return NO_SHOW_HOLD_SECONDS;
      seconds = comes ? lognormalDraw(mean, this.cv(t.serviceId), draw.random) : 0;
    } else {
      // E4: an away remote ticket takes its place, weighted by the share of such visitors who come.
      seconds = expectedHoldSeconds(mean, noShow) * (t.away === true ? (context.awayShare ?? 1) : 1);
    }
    if (comes) this.laterStage(t, at + seconds * 1000);
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
      // The window that frees up first calls next (ties: the order given, which is stable).
      let li = 0;
      for (let i = 1; i < lanes.length; i++) if (lanes[i]!.freeAt < lanes[li]!.freeAt) li = i;
      const lane = lanes[li]!;
      if (lane.freeAt > this.horizon) {
        lanes.length = 0;
        return true;
      }
      this.release(lane.freeAt);
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
        // It can serve nothing that is left: it waits for the next ticket to join, if any will.
        const join = this.nextJoin(lane.window);
        const next = join === null ? null : callableAt(lane.window, Math.max(join, lane.freeAt));
        if (next === null) lanes.splice(li, 1);
        else lane.freeAt = next;
        continue;
      }
      index.remove(pick.ticket.id);
      if (!this.madeUp.has(pick.ticket.id)) {
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

/**
 * E6: the waits of `ids` in `samples` random forecasts (each with its own index from `index()`),
 * each list sorted; a sample that does not reach a ticket within the horizon counts as Infinity.
 * The median is the estimate to show (it minimises the mean absolute error), other quantiles give
 * the range. Each forecast stops once all of `ids` are called.
 */
export function drawnWaits(
  input: Omit<ForecastInput, 'index' | 'draw' | 'until' | 'probes' | 'focus'> & { index: () => CandidateIndex; focus?: ReadonlySet<string> },
  draw: ForecastDraw,
  samples: number,
  ids: ReadonlyArray<string>,
): Map<string, number[]> {
  const out = new Map<string, number[]>(ids.map((id) => [id, []]));
  const until = new Set(ids);
  for (let k = 0; k < samples; k++) {
    const calls = forecastCalls({ ...input, index: input.index(), draw, until });
    for (const id of ids) out.get(id)!.push(calls.get(id)?.estimatedWaitSeconds ?? Infinity);
  }
  for (const list of out.values()) list.sort((a, b) => a - b);
  return out;
}
