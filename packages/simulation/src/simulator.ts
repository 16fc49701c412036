// One replication of a scenario: a discrete-event simulation whose windows call tickets with the
// real routing engine (@hallq/shared) and, when asked, whose tickets get the real wait estimate
// at issue. Time is a simulated clock in ms; nothing here reads the wall clock.
import { canServe, DEFAULT_ROUTING_POLICY, tierFor } from '@hallq/shared';
import type { RoutingContext, RoutingService } from '@hallq/shared';
import { DEFAULT_ESTIMATOR_CONFIG, EstimatorEvaluation, type EstimateRecord, type EstimatorConfig } from './estimator-evaluation';
import { HallLearning } from './hall-learning';
import { closedPeriods, type WindowState } from './hall-windows';
import { EventHeap } from './heap';
import { Random } from './rng';
import type { Scenario, ScenarioWindow } from './scenario';
import { HOUR_MS, hourOfDay, nextArrival, windowTransitions } from './schedule';
import { sampleMinutes, stageDistribution } from './service-times';
import { RemoteHolding } from './remote-visitors';
import { newWaitingRoom, type SimTicket } from './sim-ticket';

/** One visitor's first call, for generated history (option `recordTickets`). */
export interface TicketTrace {
  serviceId: string;
  windowId: string;
  /** ms since the start of the run. */
  arrivedAt: number;
  calledAt: number;
  /** When the window was free again (end of service, or of the no-show hold). */
  endedAt: number;
  noShow: boolean;
}

export interface ReplicationResult {
  /** Waits (s) of tickets that arrived in the measured period and were called, in call order. */
  waits: number[];
  waitsByService: Map<string, number[]>;
  arrivalsByService: Map<string, number>;
  servedByService: Map<string, number>;
  noShowsByService: Map<string, number>;
  /** Measured arrivals never called: still waiting at the end, remote holders still away, or expired. */
  unservedByService: Map<string, number>;
  /** Of those, the ones present and still waiting at the end: how long (s) each had waited so far. */
  waitingAtEndByService: Map<string, number[]>;
  /** By hour of day of arrival: waits of the called tickets that arrived then. */
  waitsByHour: Map<number, number[]>;
  arrivalsByHour: Map<number, number>;
  windowBusyMs: Map<string, number>;
  windowServed: Map<string, number>;
  /** Integral over the measured period of the number of waiting tickets (ticket-ms). */
  waitingIntegralMs: number;
  measuredMs: number;
  estimates: EstimateRecord[];
  /** With `recordTickets`: every visitor's first call, in call order. */
  tickets: TicketTrace[];
  /** Remote tickets whose holder did not come within the grace time after their turn. */
  remoteExpired: number;
}

export interface ReplicationOptions {
  /** Keep a trace of every visitor's first call (generated demo history). */
  recordTickets?: boolean;
  /** Compute the real and naive wait estimates at each measured issue (slower). */
  evaluateEstimator?: boolean;
  /** Run this window set instead of the scenario's `windows` (variants, staffing plans). */
  windows?: ReadonlyArray<ScenarioWindow>;
  /** Weight of each new observation in the learned mean service time; default the server's (SERVICE_TIME_ALPHA). */
  serviceTimeAlpha?: number;
  estimator?: Partial<EstimatorConfig>;
}

type EventBody = { kind: 'arrival'; service: number } | { kind: 'done' | 'open' | 'close'; window: number } | { kind: 'arrive'; ticket: SimTicket };
type SimEvent = EventBody & { time: number; seq: number };

export function routingContext(scenario: Scenario): RoutingContext {
  const services = new Map<string, RoutingService>();
  for (const s of scenario.services) {
    services.set(s.id, {
      id: s.id,
      waitTargetSeconds: (s.waitTargetMinutes ?? scenario.waitTargetMinutes) * 60,
      stages: [{ officersOnly: s.officersOnly }, ...(s.stages ?? []).map((st) => ({ officersOnly: st.officersOnly }))],
    });
  }
  return { services, policy: { ...DEFAULT_ROUTING_POLICY, ...scenario.routing } };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function inc<K>(map: Map<K, number>, key: K, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

export function runReplication(scenario: Scenario, replication: number, options: ReplicationOptions = {}): ReplicationResult {
  const ctx = routingContext(scenario);
  const warmupMs = scenario.warmupHours * HOUR_MS;
  const endMs = warmupMs + scenario.hours * HOUR_MS;
  const stream = (purpose: string): Random => Random.stream(scenario.seed, replication, purpose);
  const services = scenario.services;
  const serviceIndex = new Map(services.map((s, i) => [s.id, i]));
  const rngArrival = services.map((s) => stream(`arrivals:${s.id}`));
  const rngService = services.map((s) => stream(`service-time:${s.id}`));
  const rngVisitor = services.map((s) => stream(`visitor:${s.id}`));
  const rngNoShow = services.map((s) => stream(`no-show:${s.id}`));
  const rngRemote = services.map((s) => stream(`remote:${s.id}`));
  const holding = new RemoteHolding(scenario.remoteGraceMinutes * 60_000, options.serviceTimeAlpha);
  const learning = new HallLearning(services, options.serviceTimeAlpha);
  const config: EstimatorConfig = { ...DEFAULT_ESTIMATOR_CONFIG, ...options.estimator };
  // With `evaluateEstimator`: the real and naive wait estimates at each measured issue.
  const evaluation = options.evaluateEstimator ? new EstimatorEvaluation(scenario, replication, ctx, config, learning, endMs) : null;

  const result: ReplicationResult = {
    waits: [],
    waitsByService: new Map(services.map((s) => [s.id, []])),
    arrivalsByService: new Map(services.map((s) => [s.id, 0])),
    servedByService: new Map(services.map((s) => [s.id, 0])),
    noShowsByService: new Map(services.map((s) => [s.id, 0])),
    unservedByService: new Map(services.map((s) => [s.id, 0])),
    waitingAtEndByService: new Map(services.map((s) => [s.id, []])),
    waitsByHour: new Map(),
    arrivalsByHour: new Map(),
    windowBusyMs: new Map(),
    windowServed: new Map(),
    waitingIntegralMs: 0,
    measuredMs: endMs - warmupMs,
    estimates: [],
    tickets: [],
    remoteExpired: 0,
  };

  const heap = new EventHeap<SimEvent>();
  let seq = 0;
  const schedule = (e: EventBody & { time: number }): void => heap.push({ ...e, seq: seq++ });

  const windows: WindowState[] = (options.windows ?? scenario.windows).map((def, i) => {
    const { initiallyOpen, changes } = windowTransitions(def, scenario.startHour, endMs);
    for (const c of changes) schedule({ time: c.time, kind: c.open ? 'open' : 'close', window: i });
    result.windowBusyMs.set(def.id, 0);
    result.windowServed.set(def.id, 0);
    return {
      def,
      routing: { id: def.id, skills: def.skills, staffType: def.staffType },
      open: initiallyOpen,
      closed: closedPeriods(initiallyOpen, changes, scenario.drain ? endMs : Infinity),
      current: null,
      idleSince: 0,
    };
  });

  services.forEach((s, i) => {
    const t = nextArrival(s.arrivalsPerHour, scenario.startHour, 0, endMs, rngArrival[i]!);
    if (t !== null) schedule({ time: t, kind: 'arrival', service: i });
  });

  const room = newWaitingRoom();
  const noShows = new Set<SimTicket>();
  let now = 0;
  let lastChange = 0;
  let ticketSeq = 0;

  const measured = (t: SimTicket): boolean => t.arrivedAt >= warmupMs && t.arrivedAt < endMs;
  const arrivalHour = (t: SimTicket): number => Math.floor(hourOfDay(scenario.startHour, t.arrivedAt));
  const accountWaiting = (): void => {
    const from = Math.max(lastChange, warmupMs);
    const to = Math.min(now, endMs);
    if (to > from) result.waitingIntegralMs += room.size * (to - from);
    lastChange = now;
  };

  const call = (w: WindowState, ticket: SimTicket): void => {
    accountWaiting();
    room.remove(ticket.id);
    const svc = services[serviceIndex.get(ticket.serviceId)!]!;
    const si = serviceIndex.get(ticket.serviceId)!;
    let durationMs: number;
    let serviceSeconds: number | null = null;
    if (ticket.stage === 0) {
      holding.onCall(ticket, now);
      const noShow = rngNoShow[si]!.chance(svc.noShowShare);
      if (noShow) noShows.add(ticket);
      learning.onCalled(svc.id, noShow);
      if (measured(ticket)) {
        const wait = (now - ticket.arrivedAt) / 1000;
        result.waits.push(wait);
        push(result.waitsByService, ticket.serviceId, wait);
        push(result.waitsByHour, arrivalHour(ticket), wait);
        inc(noShow ? result.noShowsByService : result.servedByService, ticket.serviceId);
        if (!noShow) inc(result.windowServed, w.def.id);
        const record = evaluation?.take(ticket, wait);
        if (record) result.estimates.push(record);
      }
      evaluation?.forget(ticket);
    }
    if (noShows.has(ticket)) {
      durationMs = svc.noShowMinutes * 60_000;
    } else {
      serviceSeconds = sampleMinutes(stageDistribution(svc, ticket.stage), rngService[si]!) * 60;
      durationMs = serviceSeconds * 1000;
    }
    w.current = { ticket, start: now, expectedEnd: now + learning.meanSeconds(ticket.serviceId) * 1000, serviceSeconds };
    schedule({ time: now + durationMs, kind: 'done', window: windows.indexOf(w) });
    if (options.recordTickets && ticket.stage === 0)
      result.tickets.push({ serviceId: ticket.serviceId, windowId: w.def.id, arrivedAt: ticket.arrivedAt, calledAt: now, endedAt: now + durationMs, noShow: noShows.has(ticket) });
  };

  const callNext = (w: WindowState): void => {
    if (!w.open || w.current) return;
    const pick = room.pick(w.routing, ctx, now);
    if (pick) call(w, pick.ticket as SimTicket);
  };

  /** A new waiting ticket: the idle window with the best tier for it calls it (then the longest idle). */
  const offer = (ticket: SimTicket): void => {
    let best: WindowState | null = null;
    let bestTier = Infinity;
    for (const w of windows) {
      if (!w.open || w.current || !canServe(w.routing, ticket, ctx)) continue;
      const tier = tierFor(w.def.skills, ticket.serviceId)!;
      if (tier < bestTier || (tier === bestTier && best !== null && w.idleSince < best.idleSince)) {
        best = w;
        bestTier = tier;
      }
    }
    if (best) callNext(best);
  };

  for (;;) {
    const e = heap.pop();
    if (!e) break;
    if (e.time > endMs && !scenario.drain) break;
    const changedAt = now;
    now = e.time;
    if (e.kind === 'arrival') {
      const si = e.service;
      const svc = services[si]!;
      const rng = rngVisitor[si]!;
      const priority = rng.chance(svc.priorityShare);
      const appointment = rng.chance(svc.appointmentShare);
      const ticket: SimTicket = {
        id: `T${String(ticketSeq++).padStart(7, '0')}`,
        serviceId: svc.id,
        stage: 0,
        queuedAt: now,
        priority,
        appointmentAt: appointment ? now + svc.appointmentLeadMinutes * 60_000 : null,
        arrivedAt: now,
      };
      const remote = svc.remoteShare > 0 && rngRemote[si]!.chance(svc.remoteShare);
      if (remote) {
        // Taken from home: held (not called) until its holder walks in, if they come at all.
        const comes = rngRemote[si]!.chance(svc.remoteShowShare);
        holding.hold(ticket, comes);
        if (comes) schedule({ time: now + rngRemote[si]!.exponential(svc.remoteArriveMinutes) * 60_000, kind: 'arrive', ticket });
      } else {
        accountWaiting();
        room.add(ticket);
      }
      if (measured(ticket)) {
        inc(result.arrivalsByService, svc.id);
        inc(result.arrivalsByHour, arrivalHour(ticket));
        evaluation?.onIssue(ticket, { windows, noShows, room, holding, now, changedAt });
      }
      if (!remote) offer(ticket);
      const next = nextArrival(svc.arrivalsPerHour, scenario.startHour, now, endMs, rngArrival[si]!);
      if (next !== null) schedule({ time: next, kind: 'arrival', service: si });
    } else if (e.kind === 'arrive') {
      if (holding.arrive(e.ticket, now) === 'join') {
        accountWaiting();
        room.add(e.ticket);
        offer(e.ticket);
      } else evaluation?.forget(e.ticket);
    } else if (e.kind === 'done') {
      const w = windows[e.window]!;
      const cur = w.current!;
      const busy = Math.min(now, endMs) - Math.max(cur.start, warmupMs);
      if (busy > 0) inc(result.windowBusyMs, w.def.id, busy);
      if (cur.serviceSeconds !== null) {
        learning.onServed(cur.ticket.serviceId, cur.ticket.stage, cur.serviceSeconds);
      }
      w.current = null;
      w.idleSince = now;
      const svc = services[serviceIndex.get(cur.ticket.serviceId)!]!;
      const moveOn = !noShows.has(cur.ticket) && cur.ticket.stage < (svc.stages?.length ?? 0);
      if (moveOn) {
        // Next stage: the ticket keeps its number and its original time (its place).
        accountWaiting();
        cur.ticket.stage++;
        room.add(cur.ticket);
      }
      callNext(w);
      if (moveOn && room.has(cur.ticket.id)) offer(cur.ticket);
    } else if (e.kind === 'open') {
      if (now > endMs) continue;
      const w = windows[e.window]!;
      w.open = true;
      w.idleSince = now;
      callNext(w);
    } else {
      // After the last arrival a draining hall keeps its open windows open until everyone is called.
      if (now > endMs) continue;
      windows[e.window]!.open = false;
    }
  }
  now = Math.max(now, endMs);
  holding.expireDue(now);
  result.remoteExpired = holding.expired;
  // Measured visitors never called: still waiting for their first call, away, or expired.
  for (const t of [...room.all(), ...holding.away(), ...holding.expiredTickets]) if (t.stage === 0 && measured(t)) inc(result.unservedByService, t.serviceId);
  for (const t of room.all()) if (t.stage === 0 && measured(t)) push(result.waitingAtEndByService, t.serviceId, (now - t.arrivedAt) / 1000);
  accountWaiting();
  // Visitors still at a window at the end count their busy time up to the end.
  for (const w of windows) {
    if (!w.current) continue;
    const busy = endMs - Math.max(w.current.start, warmupMs);
    if (busy > 0) inc(result.windowBusyMs, w.def.id, busy);
  }
  return result;
}
