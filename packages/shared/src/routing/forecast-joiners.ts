// Tickets that join the queue while a forecast runs (E5): a visitor's later stage when a visit
// ends, and the visitors expected to take a ticket (priority, appointments, the rest), at their
// expected times or, in a random forecast, Poisson times.
import type { CandidateIndex } from './candidate-index';
import { canServe } from './engine';
import type { ExpectedArrivals, ForecastInput } from './forecast-input';
import type { EstimatorWindow, RoutingTicket } from './types';

/** A ticket that will join the queue during the forecast: a later stage, or an expected arrival. */
interface Future {
  at: number;
  ticket: RoutingTicket;
}

interface ArrivalStream {
  spec: ExpectedArrivals;
  kind: (typeof CLASSES)[number];
  share: number;
  nextAt: number;
  /** Expected arrivals so far (mean forecast: a ticket each time it passes n + 0.5). */
  count: number;
}

/** Expected-arrival tickets per class: priority, appointment, the rest (shares of the service's rate). */
const CLASSES = ['priority', 'appointment', 'normal'] as const;
/** Step (ms) of the integration of an arrival rate (rates change by the hour: 5 minutes is fine). */
const RATE_STEP_MS = 300_000;

export class Joiners {
  /** Tickets joining the queue later (later stages), in time order. */
  private readonly futures: Future[] = [];
  private readonly streams: ArrivalStream[] = [];
  /** Tickets the forecast made up (later stages, expected arrivals): their calls are not reported. */
  readonly madeUp = new Set<string>();
  private arrivalSeq = 0;

  constructor(
    private readonly input: ForecastInput,
    private readonly horizon: number,
  ) {}

  /** Starts the expected arrivals of the services in `linked` (null: all). */
  startArrivals(linked: ReadonlySet<string> | null): void {
    const { input } = this;
    for (const spec of input.arrivals ?? []) {
      if (linked && !linked.has(spec.serviceId)) continue;
      const shares = {
        priority: spec.priorityShare,
        appointment: (1 - spec.priorityShare) * spec.appointmentShare,
        normal: (1 - spec.priorityShare) * (1 - spec.appointmentShare),
      };
      for (const kind of CLASSES) {
        if (shares[kind] <= 0) continue;
        const stream = { spec, kind, share: shares[kind], nextAt: input.now, count: 0 };
        this.advance(stream);
        this.streams.push(stream);
      }
    }
  }

  /** A visitor done at `at` with a stage of the service still to come joins its queue again then. */
  laterStage(t: RoutingTicket, at: number): void {
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
  private advance(s: ArrivalStream): void {
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

  /** Lets every ticket due to join the queue by `t` into `index`. */
  release(index: CandidateIndex, t: number): void {
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
  nextJoin(w: EstimatorWindow): number | null {
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
}
