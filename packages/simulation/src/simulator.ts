// One replication of a scenario: a discrete-event simulation whose windows call tickets with the
// real routing engine (@hallq/shared) and, when asked, whose tickets get the real wait estimate
// at issue. Time is a simulated clock in ms; nothing here reads the wall clock.
import { CandidateIndex, DEFAULT_ROUTING_POLICY, DRAWN_RANGE, drawnEstimate, drawnWaits, ESTIMATE_DRAWS, expectedFreeAt, forecastCalls, naiveEstimateSeconds, NO_SHOW_HOLD_SECONDS, SERVICE_TIME_ALPHA, SERVICE_TIME_BOUNDS, learnedMeanCv, seededUniform, stageKey, tierFor, canServe, updateServiceSeconds, updateShare } from '@hallq/shared';
import type { DrawnRangeSpec, EstimatorWindow, ExpectedArrivals, RoutingContext, RoutingService, RoutingWindow } from '@hallq/shared';
import { aheadInService, newWaitingRoom, type SimTicket } from './sim-ticket';
import { EventHeap } from './heap';
import { Random } from './rng';
import type { Scenario, ScenarioService, ScenarioWindow, ServiceTimeDistribution } from './scenario';
import { distributionMean, rateAt } from './scenario';
import { HOUR_MS, hourOfDay, nextArrival, windowTransitions } from './schedule';
import { RemoteHolding } from './remote-visitors';

export interface EstimateRecord {
  serviceId: string;
  estimateSeconds: number;
  naiveSeconds: number;
  actualSeconds: number;
  /** The spread of the random forecasts (E6): their 10% and 90% quantiles, when drawn. */
  drawnLowSeconds?: number;
  drawnHighSeconds?: number;
  /** With `keepDraws`: every random forecast's wait, sorted (for tuning the range's quantiles). */
  draws?: number[];
}

/** How the simulated hall server estimates (the shared estimator's options). */
export interface EstimatorConfig {
  /** Random forecasts per estimate (E6); 0 = the one expected forecast. */
  samples: number;
  /** Expected arrivals from the scenario's hourly rates, as the hall learns them from its history (E5). */
  arrivals: boolean;
  /** Learned mean per stage (else per service), and later stages joining the queue again. */
  stages: boolean;
  /** Coefficient of variation of service times when drawing; null = learned per service and stage. */
  cv: number | null;
  /** Relative standard error of a learned mean when drawing; null = that of the learning weight (alpha). */
  meanCv: number | null;
  /** The range shown: quantiles of the random forecasts' waits and slack. */
  range: DrawnRangeSpec;
  /** Keep every draw in the estimate records. */
  keepDraws: boolean;
}

export const DEFAULT_ESTIMATOR_CONFIG: EstimatorConfig = {
  samples: ESTIMATE_DRAWS,
  arrivals: true,
  stages: true,
  cv: null,
  meanCv: null,
  range: DRAWN_RANGE,
  keepDraws: false,
};

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

interface WindowState {
  def: ScenarioWindow;
  routing: RoutingWindow;
  open: boolean;
  /** The timetable: periods (ms) the window does not call; `to` null = closed for the rest of the run. */
  closed: Array<{ from: number; to: number | null }>;
  current: { ticket: SimTicket; start: number; expectedEnd: number; serviceSeconds: number | null } | null;
  idleSince: number;
}

interface Issued {
  estimateSeconds: number | null;
  naiveSeconds: number;
  drawnLowSeconds?: number;
  drawnHighSeconds?: number;
  draws?: number[];
}

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

function sampleMinutes(d: ServiceTimeDistribution, rng: Random): number {
  switch (d.distribution) {
    case 'exponential':
      return rng.exponential(d.mean);
    case 'lognormal':
      return rng.lognormal(d.mean, d.sd ?? d.mean * (d.cv ?? 1));
    case 'constant':
      return d.mean;
    case 'empirical':
      return rng.pick(d.values);
  }
}

function stageDistribution(s: ScenarioService, stage: number): ServiceTimeDistribution {
  if (stage === 0) return s.serviceMinutes;
  return s.stages?.[stage - 1]?.serviceMinutes ?? s.serviceMinutes;
}

/** Periods a window is closed, from its schedule's changes; a draining run ignores closings after `lastCloseMs`. */
function closedPeriods(initiallyOpen: boolean, changes: ReadonlyArray<{ time: number; open: boolean }>, lastCloseMs: number): Array<{ from: number; to: number | null }> {
  const out: Array<{ from: number; to: number | null }> = [];
  if (!initiallyOpen) out.push({ from: 0, to: null });
  for (const c of changes) {
    const last = out[out.length - 1];
    if (c.open && last && last.to === null) last.to = c.time;
    else if (!c.open && c.time <= lastCloseMs) out.push({ from: c.time, to: null });
  }
  return out;
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
  const learned = new Map(services.map((s) => [s.id, distributionMean(s.serviceMinutes) * 60]));
  // Learned like the service time, from the hall's history (the scenario's share) on: the share
  // of called visitors who never came.
  const learnedNoShow = new Map(services.map((s) => [s.id, s.noShowShare]));
  const config: EstimatorConfig = { ...DEFAULT_ESTIMATOR_CONFIG, ...options.estimator };
  // Per (service, stage), for the estimator: the learned mean and mean square of service times,
  // from the scenario's calibration (the hall's history) on.
  const stageMoments = new Map<string, { mean: number; square: number }>();
  for (const s of services) {
    for (let k = 0; k <= (s.stages?.length ?? 0); k++) {
      const d = stageDistribution(s, k);
      const m = distributionMean(d) * 60;
      const cv = d.distribution === 'lognormal' ? (d.sd !== undefined ? d.sd / d.mean : (d.cv ?? 1)) : d.distribution === 'exponential' ? 1 : d.distribution === 'constant' ? 0 : 0.7;
      stageMoments.set(stageKey(s.id, k), { mean: m, square: m * m * (1 + cv * cv) });
    }
  }
  const alpha = options.serviceTimeAlpha;
  const learnStage = (serviceId: string, stage: number, seconds: number): void => {
    const m = stageMoments.get(stageKey(serviceId, stage));
    if (!m) return;
    m.mean = updateServiceSeconds(m.mean, seconds, alpha);
    const x = Math.min(SERVICE_TIME_BOUNDS.max, Math.max(SERVICE_TIME_BOUNDS.min, seconds));
    m.square += (alpha ?? SERVICE_TIME_ALPHA) * (x * x - m.square);
  };
  const stageMean = (serviceId: string, stage: number): number =>
    config.stages ? (stageMoments.get(stageKey(serviceId, stage))?.mean ?? 300) : (learned.get(serviceId) ?? 300);
  const forecastRandom = seededUniform(Random.stream(scenario.seed, replication, 'forecast').next() * 2 ** 32);
  const arrivals: ExpectedArrivals[] = services.map((s) => ({
    serviceId: s.id,
    ratePerHour: (t: number) => rateAt(s.arrivalsPerHour, hourOfDay(scenario.startHour, t)) * (1 - s.remoteShare),
    endsAt: endMs,
    priorityShare: s.priorityShare,
    appointmentShare: s.appointmentShare,
    appointmentLeadSeconds: s.appointmentLeadMinutes * 60,
  }));

  const result: ReplicationResult = {
    waits: [],
    waitsByService: new Map(services.map((s) => [s.id, []])),
    arrivalsByService: new Map(services.map((s) => [s.id, 0])),
    servedByService: new Map(services.map((s) => [s.id, 0])),
    noShowsByService: new Map(services.map((s) => [s.id, 0])),
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
  const issued = new Map<SimTicket, Issued>();
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
      learnedNoShow.set(svc.id, updateShare(learnedNoShow.get(svc.id) ?? 0, noShow, options.serviceTimeAlpha));
      if (measured(ticket)) {
        const wait = (now - ticket.arrivedAt) / 1000;
        result.waits.push(wait);
        push(result.waitsByService, ticket.serviceId, wait);
        push(result.waitsByHour, arrivalHour(ticket), wait);
        inc(noShow ? result.noShowsByService : result.servedByService, ticket.serviceId);
        if (!noShow) inc(result.windowServed, w.def.id);
        const est = issued.get(ticket);
        if (est && est.estimateSeconds !== null)
          result.estimates.push({
            serviceId: ticket.serviceId,
            estimateSeconds: est.estimateSeconds,
            naiveSeconds: est.naiveSeconds,
            actualSeconds: wait,
            ...(est.drawnLowSeconds !== undefined ? { drawnLowSeconds: est.drawnLowSeconds, drawnHighSeconds: est.drawnHighSeconds } : {}),
            ...(est.draws ? { draws: est.draws } : {}),
          });
      }
      issued.delete(ticket);
    }
    if (noShows.has(ticket)) {
      durationMs = svc.noShowMinutes * 60_000;
    } else {
      serviceSeconds = sampleMinutes(stageDistribution(svc, ticket.stage), rngService[si]!) * 60;
      durationMs = serviceSeconds * 1000;
    }
    w.current = { ticket, start: now, expectedEnd: now + (learned.get(ticket.serviceId) ?? 300) * 1000, serviceSeconds };
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

  const estimate = (ticket: SimTicket): Issued => {
    // What a hall server knows: the learned means (per stage), spreads and no-show shares, who is
    // at each window since when, the windows' timetable (a window on its break is back at the
    // break's end) and, with `arrivals`, the hourly arrival rates of its history.
    const serviceSeconds = new Map(services.map((s) => [s.id, stageMean(s.id, 0)]));
    const stageSeconds = new Map<string, number>();
    const cv = new Map<string, number>();
    for (const [key, m] of stageMoments) {
      if (config.stages) stageSeconds.set(key, m.mean);
    }
    for (const s of services) {
      const m = stageMoments.get(stageKey(s.id, 0))!;
      cv.set(s.id, config.cv ?? Math.sqrt(Math.max(0, m.square / (m.mean * m.mean) - 1)));
    }
    const estimatorWindows: EstimatorWindow[] = windows.map((w) => {
      const cur = w.current;
      const noShow = cur !== null && noShows.has(cur.ticket);
      const busyUntil = cur ? expectedFreeAt(cur.start, noShow ? NO_SHOW_HOLD_SECONDS : stageMean(cur.ticket.serviceId, cur.ticket.stage), now) : null;
      const closed = w.closed.filter((c) => c.to === null || c.to > now);
      // A window on a break is back at its end; one closed for the rest of the run is not.
      const open = w.open || (closed[0] !== undefined && closed[0].from <= now && closed[0].to !== null);
      const current = cur && config.stages ? { ticket: cur.ticket, since: cur.start, noShow } : undefined;
      return { ...w.routing, open, busyUntil, closed, current };
    });
    // E4: tickets held for absent remote holders count for the share of holders who come.
    const tickets = [...room.all(), ...holding.away()];
    const input = {
      windows: estimatorWindows,
      context: { ...ctx, awayShare: holding.showShare },
      serviceSeconds,
      stageSeconds,
      noShowShare: learnedNoShow,
      arrivals: config.arrivals ? arrivals : undefined,
      laterStages: config.stages,
      now,
    };
    const open = windows.filter((w) => w.open && canServe(w.routing, ticket, ctx)).length;
    const naive = naiveEstimateSeconds(aheadInService(room, ticket), learned.get(ticket.serviceId) ?? 300, open);
    if (config.samples > 0) {
      const sorted = CandidateIndex.sortBuckets(tickets);
      const draws = drawnWaits({ ...input, index: () => CandidateIndex.fromSorted(sorted), focus: new Set([ticket.serviceId]) }, { random: forecastRandom, cv, defaultCv: 0.7, meanCv: config.meanCv ?? learnedMeanCv(alpha ?? SERVICE_TIME_ALPHA) }, config.samples, [ticket.id]).get(ticket.id)!;
      const d = drawnEstimate(draws, config.range);
      if (!d) return { estimateSeconds: null, naiveSeconds: naive };
      return {
        estimateSeconds: d.estimateSeconds,
        naiveSeconds: naive,
        drawnLowSeconds: d.range[0],
        drawnHighSeconds: d.range[1],
        ...(config.keepDraws ? { draws } : {}),
      };
    }
    const e = forecastCalls({ ...input, index: new CandidateIndex(tickets), until: new Set([ticket.id]), focus: new Set([ticket.serviceId]) }).get(ticket.id);
    return { estimateSeconds: e?.estimatedWaitSeconds ?? null, naiveSeconds: naive };
  };

  for (;;) {
    const e = heap.pop();
    if (!e) break;
    if (e.time > endMs && !scenario.drain) break;
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
        if (options.evaluateEstimator) issued.set(ticket, estimate(ticket));
      }
      if (!remote) offer(ticket);
      const next = nextArrival(svc.arrivalsPerHour, scenario.startHour, now, endMs, rngArrival[si]!);
      if (next !== null) schedule({ time: next, kind: 'arrival', service: si });
    } else if (e.kind === 'arrive') {
      if (holding.arrive(e.ticket, now) === 'join') {
        accountWaiting();
        room.add(e.ticket);
        offer(e.ticket);
      } else issued.delete(e.ticket);
    } else if (e.kind === 'done') {
      const w = windows[e.window]!;
      const cur = w.current!;
      const busy = Math.min(now, endMs) - Math.max(cur.start, warmupMs);
      if (busy > 0) inc(result.windowBusyMs, w.def.id, busy);
      if (cur.serviceSeconds !== null) {
        learned.set(cur.ticket.serviceId, updateServiceSeconds(learned.get(cur.ticket.serviceId) ?? 300, cur.serviceSeconds, options.serviceTimeAlpha));
        learnStage(cur.ticket.serviceId, cur.ticket.stage, cur.serviceSeconds);
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
  accountWaiting();
  // Visitors still at a window at the end count their busy time up to the end.
  for (const w of windows) {
    if (!w.current) continue;
    const busy = endMs - Math.max(w.current.start, warmupMs);
    if (busy > 0) inc(result.windowBusyMs, w.def.id, busy);
  }
  return result;
}
