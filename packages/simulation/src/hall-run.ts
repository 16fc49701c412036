// A hall through one replication's day: a discrete-event simulation whose windows call tickets
// with the real routing engine (@hallq/shared) and, when asked, whose tickets get the real wait
// estimate at issue. Time is a simulated clock in ms; nothing here reads the wall clock. What a run
// is given and gives back is in replication.ts, the scenario's routing context in
// routing-context.ts; its copies for the estimator bound are made in hall-replay.ts, the run put
// together in simulator.ts.
import { canServe, tierFor } from '@hallq/shared';
import type { RoutingContext } from '@hallq/shared';
import { DEFAULT_ESTIMATOR_CONFIG, EstimatorEvaluation, type EstimatorConfig } from './estimator-evaluation';
import { HallLearning } from './hall-learning';
import { closedPeriods, type WindowState } from './hall-windows';
import { EventHeap } from './heap';
import { emptyResult, inc, push, type ReplicationOptions, type ReplicationResult, type Streams } from './replication';
import { routingContext } from './routing-context';
import type { Scenario } from './scenario';
import { HOUR_MS, hourOfDay, nextArrival, windowTransitions } from './schedule';
import { sampleMinutes, stageDistribution } from './service-times';
import { RemoteHolding } from './remote-visitors';
import { newWaitingRoom, type SimTicket } from './sim-ticket';

export type EventBody = { kind: 'arrival'; service: number } | { kind: 'done' | 'open' | 'close'; window: number } | { kind: 'arrive'; ticket: SimTicket };
export type SimEvent = EventBody & { time: number; seq: number };

/**
 * The new ticket's waits (s) over `replays` copies of the hall played forward from its issue
 * (hall-replay.ts).
 */
export type ReplayWaits = (hall: HallRun, ticket: SimTicket, si: number, remote: boolean, replays: number) => number[];

/**
 * A hall through its day. A run can be copied at an issue (hall-replay.ts): the copy plays the same
 * hall forward with fresh draws of what nobody knows at that moment, until the new ticket is called.
 */
export class HallRun {
  readonly ctx: RoutingContext;
  readonly services: Scenario['services'];
  readonly serviceIndex: Map<string, number>;
  readonly warmupMs: number;
  readonly endMs: number;
  heap = new EventHeap<SimEvent>();
  seq = 0;
  windows: WindowState[] = [];
  room = newWaitingRoom();
  noShows = new Set<SimTicket>();
  now = 0;
  lastChange = 0;
  ticketSeq = 0;
  holding: RemoteHolding;
  /** What the simulated hall server learns; null in a replay. */
  learning: HallLearning | null = null;
  evaluation: EstimatorEvaluation | null = null;
  result: ReplicationResult;
  /** In a replay: the ticket whose first call ends it, and its wait then (ms). */
  watched: SimTicket | null = null;
  watchedWaitMs: number | null = null;

  constructor(
    readonly scenario: Scenario,
    readonly replication: number,
    readonly options: ReplicationOptions,
    private streams: Streams,
    /** With `boundReplays`: how the measured issues are replayed (none in a replay itself). */
    private readonly replays: ReplayWaits | null = null,
  ) {
    this.ctx = routingContext(scenario);
    this.services = scenario.services;
    this.serviceIndex = new Map(this.services.map((s, i) => [s.id, i]));
    this.warmupMs = scenario.warmupHours * HOUR_MS;
    this.endMs = this.warmupMs + scenario.hours * HOUR_MS;
    this.holding = new RemoteHolding(scenario.remoteGraceMinutes * 60_000, options.serviceTimeAlpha);
    this.result = emptyResult(this.services, this.endMs - this.warmupMs);
  }

  /** A new day: the windows' timetables, the first arrivals, learning and (when asked) the estimator evaluation. */
  start(): void {
    const { scenario, options, endMs } = this;
    this.learning = new HallLearning(this.services, options.serviceTimeAlpha);
    const config: EstimatorConfig = { ...DEFAULT_ESTIMATOR_CONFIG, ...options.estimator };
    // With `evaluateEstimator`: the real and naive wait estimates at each measured issue.
    if (options.evaluateEstimator) this.evaluation = new EstimatorEvaluation(scenario, this.replication, this.ctx, config, this.learning, endMs);
    this.windows = (options.windows ?? scenario.windows).map((def, i) => {
      const { initiallyOpen, changes } = windowTransitions(def, scenario.startHour, endMs);
      for (const c of changes) this.schedule({ time: c.time, kind: c.open ? 'open' : 'close', window: i });
      this.result.windowBusyMs.set(def.id, 0);
      this.result.windowServed.set(def.id, 0);
      return {
        def,
        routing: { id: def.id, skills: def.skills, staffType: def.staffType },
        open: initiallyOpen,
        closed: closedPeriods(initiallyOpen, changes, scenario.drain ? endMs : Infinity),
        current: null,
        idleSince: 0,
      };
    });
    this.services.forEach((_, i) => this.scheduleArrival(i));
  }

  schedule(e: EventBody & { time: number }): void {
    this.heap.push({ ...e, seq: this.seq++ });
  }

  /** The next arrival of a service after now, if one comes before the end. */
  scheduleArrival(si: number): void {
    const t = nextArrival(this.services[si]!.arrivalsPerHour, this.scenario.startHour, this.now, this.endMs, this.streams.arrival[si]!);
    if (t !== null) this.schedule({ time: t, kind: 'arrival', service: si });
  }

  private measured(t: SimTicket): boolean {
    return this.watched === null && t.arrivedAt >= this.warmupMs && t.arrivedAt < this.endMs;
  }

  private arrivalHour(t: SimTicket): number {
    return Math.floor(hourOfDay(this.scenario.startHour, t.arrivedAt));
  }

  private accountWaiting(): void {
    const from = Math.max(this.lastChange, this.warmupMs);
    const to = Math.min(this.now, this.endMs);
    if (to > from) this.result.waitingIntegralMs += this.room.size * (to - from);
    this.lastChange = this.now;
  }

  private call(w: WindowState, ticket: SimTicket): void {
    const { result, now } = this;
    this.accountWaiting();
    this.room.remove(ticket.id);
    const si = this.serviceIndex.get(ticket.serviceId)!;
    const svc = this.services[si]!;
    let durationMs: number;
    let serviceSeconds: number | null = null;
    if (ticket.stage === 0) {
      if (ticket === this.watched) this.watchedWaitMs = now - ticket.arrivedAt;
      this.holding.onCall(ticket, now);
      const noShow = this.streams.noShow[si]!.chance(svc.noShowShare);
      if (noShow) this.noShows.add(ticket);
      this.learning?.onCalled(svc.id, noShow);
      if (this.measured(ticket)) {
        const wait = (now - ticket.arrivedAt) / 1000;
        result.waits.push(wait);
        push(result.waitsByService, ticket.serviceId, wait);
        push(result.waitsByHour, this.arrivalHour(ticket), wait);
        inc(noShow ? result.noShowsByService : result.servedByService, ticket.serviceId);
        if (!noShow) inc(result.windowServed, w.def.id);
        const record = this.evaluation?.take(ticket, wait);
        if (record) result.estimates.push(record);
      }
      this.evaluation?.forget(ticket);
    }
    if (this.noShows.has(ticket)) {
      durationMs = svc.noShowMinutes * 60_000;
    } else {
      serviceSeconds = sampleMinutes(stageDistribution(svc, ticket.stage), this.streams.service[si]!) * 60;
      durationMs = serviceSeconds * 1000;
    }
    w.current = { ticket, start: now, serviceSeconds };
    this.schedule({ time: now + durationMs, kind: 'done', window: this.windows.indexOf(w) });
    if (this.options.recordTickets && ticket.stage === 0 && this.watched === null)
      result.tickets.push({ serviceId: ticket.serviceId, windowId: w.def.id, arrivedAt: ticket.arrivedAt, calledAt: now, endedAt: now + durationMs, noShow: this.noShows.has(ticket) });
  }

  private callNext(w: WindowState): void {
    if (!w.open || w.current) return;
    const pick = this.room.pick(w.routing, this.ctx, this.now);
    if (pick) this.call(w, pick.ticket as SimTicket);
  }

  /** A new waiting ticket: the idle window with the best tier for it calls it (then the longest idle). */
  private offer(ticket: SimTicket): void {
    let best: WindowState | null = null;
    let bestTier = Infinity;
    for (const w of this.windows) {
      if (!w.open || w.current || !canServe(w.routing, ticket, this.ctx)) continue;
      const tier = tierFor(w.def.skills, ticket.serviceId)!;
      if (tier < bestTier || (tier === bestTier && best !== null && w.idleSince < best.idleSince)) {
        best = w;
        bestTier = tier;
      }
    }
    if (best) this.callNext(best);
  }

  /** Runs events until none is left, the run's end (without drain) or, in a replay, the watched ticket's call. */
  run(): void {
    for (;;) {
      if (this.watchedWaitMs !== null) return;
      const e = this.heap.pop();
      if (!e) break;
      if (e.time > this.endMs && !this.scenario.drain) break;
      const changedAt = this.now;
      this.now = e.time;
      if (e.kind === 'arrival') this.arrival(e.service, changedAt);
      else if (e.kind === 'arrive') {
        if (this.holding.arrive(e.ticket, this.now) === 'join') {
          this.accountWaiting();
          this.room.add(e.ticket);
          this.offer(e.ticket);
        } else this.evaluation?.forget(e.ticket);
      } else if (e.kind === 'done') this.done(this.windows[e.window]!);
      else if (e.kind === 'open') {
        if (this.now > this.endMs) continue;
        const w = this.windows[e.window]!;
        w.open = true;
        w.idleSince = this.now;
        this.callNext(w);
      } else {
        // After the last arrival a draining hall keeps its open windows open until everyone is called.
        if (this.now > this.endMs) continue;
        this.windows[e.window]!.open = false;
      }
    }
  }

  /** A visitor takes a ticket (`changedAt`: when the hall last changed before). */
  private arrival(si: number, changedAt: number): void {
    const { now, streams } = this;
    const svc = this.services[si]!;
    const rng = streams.visitor[si]!;
    const priority = rng.chance(svc.priorityShare);
    const appointment = rng.chance(svc.appointmentShare);
    const ticket: SimTicket = {
      id: `T${String(this.ticketSeq++).padStart(7, '0')}`,
      serviceId: svc.id,
      stage: 0,
      queuedAt: now,
      priority,
      appointmentAt: appointment ? now + svc.appointmentLeadMinutes * 60_000 : null,
      arrivedAt: now,
    };
    const remote = svc.remoteShare > 0 && streams.remote[si]!.chance(svc.remoteShare);
    if (remote) {
      // Taken from home: held (not called) until its holder walks in, if they come at all.
      const comes = streams.remote[si]!.chance(svc.remoteShowShare);
      this.holding.hold(ticket, comes);
      if (comes) this.schedule({ time: now + streams.remote[si]!.exponential(svc.remoteArriveMinutes) * 60_000, kind: 'arrive', ticket });
    } else {
      this.accountWaiting();
      this.room.add(ticket);
    }
    if (this.measured(ticket)) {
      inc(this.result.arrivalsByService, svc.id);
      inc(this.result.arrivalsByHour, this.arrivalHour(ticket));
      if (this.evaluation) {
        const replays = this.options.boundReplays && this.replays ? this.replays(this, ticket, si, remote, this.options.boundReplays) : undefined;
        this.evaluation.onIssue(ticket, { windows: this.windows, noShows: this.noShows, room: this.room, holding: this.holding, now, changedAt }, replays);
      }
    }
    this.continueIssue(ticket, si, remote);
  }

  /** The rest of an issue: a window free for the new ticket calls it, and the service's next arrival. */
  continueIssue(ticket: SimTicket, si: number, remote: boolean): void {
    if (!remote) this.offer(ticket);
    this.scheduleArrival(si);
  }

  private done(w: WindowState): void {
    const { now, result } = this;
    const cur = w.current!;
    const busy = Math.min(now, this.endMs) - Math.max(cur.start, this.warmupMs);
    if (busy > 0) inc(result.windowBusyMs, w.def.id, busy);
    if (cur.serviceSeconds !== null) this.learning?.onServed(cur.ticket.serviceId, cur.ticket.stage, cur.serviceSeconds);
    w.current = null;
    w.idleSince = now;
    const svc = this.services[this.serviceIndex.get(cur.ticket.serviceId)!]!;
    const moveOn = !this.noShows.has(cur.ticket) && cur.ticket.stage < (svc.stages?.length ?? 0);
    if (moveOn) {
      // Next stage: the ticket keeps its number and its original time (its place).
      this.accountWaiting();
      cur.ticket.stage++;
      this.room.add(cur.ticket);
    }
    this.callNext(w);
    if (moveOn && this.room.has(cur.ticket.id)) this.offer(cur.ticket);
  }

  /** After the last event: who was never called, and the windows' busy time up to the end. */
  finish(): ReplicationResult {
    const { result, room, holding, endMs, warmupMs } = this;
    this.now = Math.max(this.now, endMs);
    holding.expireDue(this.now);
    result.remoteExpired = holding.expired;
    const measured = (t: SimTicket): boolean => t.stage === 0 && t.arrivedAt >= warmupMs && t.arrivedAt < endMs;
    // Measured visitors never called: still waiting for their first call, away, or expired.
    for (const t of [...room.all(), ...holding.away(), ...holding.expiredTickets]) if (measured(t)) inc(result.unservedByService, t.serviceId);
    for (const t of room.all()) if (measured(t)) push(result.waitingAtEndByService, t.serviceId, (this.now - t.arrivedAt) / 1000);
    this.accountWaiting();
    // Visitors still at a window at the end count their busy time up to the end.
    for (const w of this.windows) {
      if (!w.current) continue;
      const busy = endMs - Math.max(w.current.start, warmupMs);
      if (busy > 0) inc(result.windowBusyMs, w.def.id, busy);
    }
    return result;
  }
}
