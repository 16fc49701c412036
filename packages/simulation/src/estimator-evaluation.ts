// The estimator evaluation: at each measured issue the simulated hall server estimates the new
// ticket's wait with the real estimator (@hallq/shared) and a naive one, from what a hall server
// knows then; at the ticket's first call the estimates are set against the actual wait.
import { callGapSeconds, CandidateIndex, DRAWN_RANGE, drawnEstimate, estimateAtIssue, issueProbeKind, scaledWaitRange, drawnWaits, ESTIMATE_DRAWS, expectedFreeAt, forecastCalls, naiveEstimateSeconds, NO_SHOW_HOLD_SECONDS, SERVICE_TIME_ALPHA, learnedMeanCv, seededUniform, sortedQuantile, stageKey, canServe } from '@hallq/shared';
import type { DrawnRangeSpec, EstimatorWindow, ExpectedArrivals, ForecastDraw, ForecastInput, RoutingContext, RoutingTicket, WaitingQueue } from '@hallq/shared';
import type { HallLearning } from './hall-learning';
import type { WindowState } from './hall-windows';
import type { RemoteHolding } from './remote-visitors';
import { Random } from './rng';
import type { Scenario } from './scenario';
import { rateAt } from './scenario';
import { hourOfDay } from './schedule';
import { aheadInService, type SimTicket } from './sim-ticket';

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
  /**
   * With `boundReplays`: the median of the ticket's waits over replays of the simulated hall from
   * its issue, the best estimate any estimator could give with what is known then.
   */
  boundSeconds?: number;
  /**
   * With `boundReplays`: the expected absolute error (s) of each estimate given the hall's state at
   * issue, over the replays' waits (the outcome's own luck averaged out). The bound's is judged on
   * the replays it is the median of (slightly optimistic); `boundCrossHalf`: the median of each half
   * of the replays judged on the other half (pessimistic: a median of half as many).
   */
  expectedAbsError?: { bound: number; boundCrossHalf: number; estimate: number; naive: number };
  /** With `boundReplays`: the ticket's waits (s) in the replays that called it, sorted. */
  replays?: readonly number[];
  /**
   * With `atIssue`: what the hall server answers at issue (`estimateAtIssue` from its latest
   * refresh), null when it answers no estimate; its range (high 0: none shown).
   */
  atIssue?: { estimateSeconds: number; lowSeconds: number; highSeconds: number } | null;
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
  /**
   * Also the estimate as the hall server answers it at issue: from its latest refresh (the hall as
   * it stood at its last change before the issue, with its probes) by `estimateAtIssue`, with no
   * forecast of the new ticket; an appointment gets the one expected forecast and the refresh's
   * range of its service moved to it (`scaledWaitRange`).
   */
  atIssue: boolean;
}

export const DEFAULT_ESTIMATOR_CONFIG: EstimatorConfig = {
  samples: ESTIMATE_DRAWS,
  arrivals: true,
  stages: true,
  cv: null,
  meanCv: null,
  range: DRAWN_RANGE,
  keepDraws: false,
  atIssue: false,
};

/** A ticket's estimates at issue: its record but for the actual wait (and none when no estimate was given). */
type Issued = Omit<EstimateRecord, 'serviceId' | 'actualSeconds' | 'estimateSeconds'> & { estimateSeconds: number | null };

/** The hall as it stands at an issue. */
export interface HallNow {
  windows: ReadonlyArray<WindowState>;
  noShows: ReadonlySet<SimTicket>;
  room: WaitingQueue<SimTicket>;
  holding: RemoteHolding;
  now: number;
  /** When the hall last changed before this issue (its server's latest refresh is of then). */
  changedAt?: number;
}

export class EstimatorEvaluation {
  private readonly issued = new Map<SimTicket, Issued>();
  private readonly arrivals: ExpectedArrivals[];
  private readonly forecastRandom: () => number;
  private readonly issueRandom: () => number;

  constructor(
    private readonly scenario: Scenario,
    replication: number,
    private readonly ctx: RoutingContext,
    private readonly config: EstimatorConfig,
    private readonly learning: HallLearning,
    endMs: number,
  ) {
    this.forecastRandom = seededUniform(Random.stream(scenario.seed, replication, 'forecast').next() * 2 ** 32);
    this.issueRandom = seededUniform(Random.stream(scenario.seed, replication, 'forecast-at-issue').next() * 2 ** 32);
    this.arrivals = scenario.services.map((s) => ({
      serviceId: s.id,
      ratePerHour: (t: number) => rateAt(s.arrivalsPerHour, hourOfDay(scenario.startHour, t)) * (1 - s.remoteShare),
      endsAt: endMs,
      priorityShare: s.priorityShare,
      appointmentShare: s.appointmentShare,
      appointmentLeadSeconds: s.appointmentLeadMinutes * 60,
    }));
  }

  /**
   * A measured ticket was issued: estimate its wait. `replays`: its waits (s, in the order drawn)
   * in replays of the hall from now, when computed: their median is the best estimate possible.
   */
  onIssue(ticket: SimTicket, hall: HallNow, replays?: readonly number[]): void {
    const issued = this.estimate(ticket, hall);
    if (replays && replays.length > 0) {
      const sorted = [...replays].sort((a, b) => a - b);
      const bound = sortedQuantile(sorted, 0.5);
      const expected = (e: number, waits: readonly number[] = sorted): number => waits.reduce((a, w) => a + Math.abs(e - w), 0) / waits.length;
      // Cross-fitted: the median of one half of the replays judged on the other (no in-sample luck).
      const halves = [replays.filter((_, k) => k % 2 === 0), replays.filter((_, k) => k % 2 === 1)].map((h) => [...h].sort((a, b) => a - b));
      const crossHalf = halves[1]!.length > 0 ? (expected(sortedQuantile(halves[0]!, 0.5), halves[1]) + expected(sortedQuantile(halves[1]!, 0.5), halves[0])) / 2 : expected(bound);
      issued.boundSeconds = bound;
      issued.replays = sorted;
      if (issued.estimateSeconds !== null)
        issued.expectedAbsError = { bound: expected(bound), boundCrossHalf: crossHalf, estimate: expected(issued.estimateSeconds), naive: expected(issued.naiveSeconds) };
    }
    this.issued.set(ticket, issued);
  }

  /** The ticket was called (or expired): its estimates against the actual wait, when it was measured. */
  take(ticket: SimTicket, actualSeconds: number): EstimateRecord | null {
    const est = this.issued.get(ticket);
    this.issued.delete(ticket);
    if (!est || est.estimateSeconds === null) return null;
    return {
      serviceId: ticket.serviceId,
      estimateSeconds: est.estimateSeconds,
      naiveSeconds: est.naiveSeconds,
      actualSeconds,
      ...(est.drawnLowSeconds !== undefined ? { drawnLowSeconds: est.drawnLowSeconds, drawnHighSeconds: est.drawnHighSeconds } : {}),
      ...(est.draws ? { draws: est.draws } : {}),
      ...(est.boundSeconds !== undefined ? { boundSeconds: est.boundSeconds } : {}),
      ...(est.expectedAbsError ? { expectedAbsError: est.expectedAbsError } : {}),
      ...(est.replays ? { replays: est.replays } : {}),
      ...(est.atIssue !== undefined ? { atIssue: est.atIssue } : {}),
    };
  }

  /** The ticket will not be called (its remote holder came too late). */
  forget(ticket: SimTicket): void {
    this.issued.delete(ticket);
  }

  private stageMean(serviceId: string, stage: number): number {
    return this.config.stages ? (this.learning.stageMoments.get(stageKey(serviceId, stage))?.mean ?? 300) : (this.learning.serviceSeconds.get(serviceId) ?? 300);
  }

  /** The windows as a forecast at `now` sees them. */
  private windowsAt(windows: ReadonlyArray<WindowState>, noShows: ReadonlySet<SimTicket>, now: number): EstimatorWindow[] {
    const { config } = this;
    return windows.map((w): EstimatorWindow => {
      const cur = w.current;
      const noShow = cur !== null && noShows.has(cur.ticket);
      const busyUntil = cur ? expectedFreeAt(cur.start, noShow ? NO_SHOW_HOLD_SECONDS : this.stageMean(cur.ticket.serviceId, cur.ticket.stage), now) : null;
      const closed = w.closed.filter((c) => c.to === null || c.to > now);
      // A window on a break is back at its end; one closed for the rest of the run is not.
      const open = w.open || (closed[0] !== undefined && closed[0].from <= now && closed[0].to !== null);
      const current = cur && config.stages ? { ticket: cur.ticket, since: cur.start, noShow } : undefined;
      return { ...w.routing, open, busyUntil, closed, current };
    });
  }

  private estimate(ticket: SimTicket, hall: HallNow): Issued {
    const live = this.liveEstimate(ticket, hall);
    return this.config.atIssue ? { ...live, atIssue: this.answeredAtIssue(ticket, hall) } : live;
  }

  /**
   * What the hall server answers at issue: its latest refresh ran its random forecasts over the
   * hall as it stood at its last change (without the new ticket), each with a probe of the ticket's
   * service (priority or not) taken then; the shared `estimateAtIssue` turns the probe's calls
   * into the answer, behind the tickets of the service taken since (one `callGapSeconds` each).
   */
  private answeredAtIssue(ticket: SimTicket, hall: HallNow): Issued['atIssue'] {
    const { config } = this;
    const at = Math.min(hall.now, hall.changedAt ?? hall.now);
    const kind = issueProbeKind(ticket);
    const probeOf = (priority: boolean): RoutingTicket => ({ id: '\uffffprobe', serviceId: ticket.serviceId, stage: 0, queuedAt: at, priority, appointmentAt: null });
    const probe = probeOf(kind === 'priority');
    const others = [...hall.room.all(), ...hall.holding.away()].filter((t) => t.id !== ticket.id);
    const lastPlain = others.filter((t) => t.serviceId === ticket.serviceId && t.stage === 0 && !t.priority && t.appointmentAt === null).reduce<SimTicket | null>((a, t) => (!a || t.queuedAt > a.queuedAt || (t.queuedAt === a.queuedAt && t.id > a.id) ? t : a), null);
    const sorted = CandidateIndex.sortBuckets([...others, probe]);
    const { input, draw } = this.forecastInput({ ...hall, now: at });
    const ids = lastPlain ? [probe.id, lastPlain.id] : [probe.id];
    const calls: number[] = [];
    const lastCalls: number[] = [];
    for (let k = 0; k < config.samples; k++) {
      const f = forecastCalls({ ...input, index: CandidateIndex.fromSorted(sorted), draw: { ...draw, random: this.issueRandom }, until: new Set(ids), focus: new Set([ticket.serviceId]) });
      const w = f.get(probe.id)?.estimatedWaitSeconds;
      calls.push(w === undefined || w === null ? Infinity : at + w * 1000);
      const l = lastPlain ? f.get(lastPlain.id)?.estimatedWaitSeconds : undefined;
      lastCalls.push(l === undefined || l === null ? Infinity : at + l * 1000);
    }
    const able = input.windows.filter((w) => w.open && w.staffType !== null && w.skills.some((s) => s.serviceId === ticket.serviceId)).length;
    const gap = callGapSeconds(calls, lastPlain ? lastCalls : undefined, (input.serviceSeconds.get(ticket.serviceId) ?? 300) / Math.max(1, able));
    const since = others.filter((t) => t.serviceId === ticket.serviceId && t.stage === 0 && t.queuedAt > at && (kind !== 'priority' || t.priority)).length;
    const answer = estimateAtIssue({ calls, peopleAhead: null, gapSeconds: gap }, since, hall.now, { spec: config.range });
    if (kind !== null) return answer ? { estimateSeconds: answer.estimateSeconds, lowSeconds: answer.range[0], highSeconds: answer.range[1] } : null;
    // A checked-in appointment: the one expected forecast at issue, with the refresh's range of its
    // service (the plain probe's) moved to it.
    const e = forecastCalls({ ...this.forecastInput(hall).input, index: new CandidateIndex([...others, ticket]), until: new Set([ticket.id]), focus: new Set([ticket.serviceId]) }).get(ticket.id)?.estimatedWaitSeconds;
    if (e === undefined || e === null) return null;
    const range = scaledWaitRange(answer?.range, answer?.estimateSeconds, e);
    return { estimateSeconds: e, lowSeconds: range?.lowSeconds ?? 0, highSeconds: range?.highSeconds ?? 0 };
  }

  /** The forecast input and random draw a hall server has at `hall.now` (as `liveEstimate` builds them). */
  private forecastInput(hall: HallNow): { input: Omit<ForecastInput, 'index'>; draw: ForecastDraw } {
    const { config, ctx, learning } = this;
    const serviceSeconds = new Map(this.scenario.services.map((s) => [s.id, this.stageMean(s.id, 0)]));
    const stageSeconds = new Map<string, number>();
    const cv = new Map<string, number>();
    if (config.stages) for (const [key, m] of learning.stageMoments) stageSeconds.set(key, m.mean);
    for (const s of this.scenario.services) {
      const m = learning.stageMoments.get(stageKey(s.id, 0))!;
      cv.set(s.id, config.cv ?? Math.sqrt(Math.max(0, m.square / (m.mean * m.mean) - 1)));
    }
    return {
      input: {
        windows: this.windowsAt(hall.windows, hall.noShows, hall.now),
        context: { ...ctx, awayShare: hall.holding.showShare },
        serviceSeconds,
        stageSeconds,
        noShowShare: learning.noShowShare,
        arrivals: config.arrivals ? this.arrivals : undefined,
        laterStages: config.stages,
        now: hall.now,
      },
      draw: { random: this.forecastRandom, cv, defaultCv: 0.7, meanCv: config.meanCv ?? learnedMeanCv(learning.alpha ?? SERVICE_TIME_ALPHA) },
    };
  }

  private liveEstimate(ticket: SimTicket, hall: HallNow): Issued {
    const { config, ctx, learning } = this;
    const { windows, noShows, room, holding, now } = hall;
    const alpha = learning.alpha;
    // What a hall server knows: the learned means (per stage), spreads and no-show shares, who is
    // at each window since when, the windows' timetable (a window on its break is back at the
    // break's end) and, with `arrivals`, the hourly arrival rates of its history.
    const serviceSeconds = new Map(this.scenario.services.map((s) => [s.id, this.stageMean(s.id, 0)]));
    const stageSeconds = new Map<string, number>();
    const cv = new Map<string, number>();
    for (const [key, m] of learning.stageMoments) {
      if (config.stages) stageSeconds.set(key, m.mean);
    }
    for (const s of this.scenario.services) {
      const m = learning.stageMoments.get(stageKey(s.id, 0))!;
      cv.set(s.id, config.cv ?? Math.sqrt(Math.max(0, m.square / (m.mean * m.mean) - 1)));
    }
    const estimatorWindows = this.windowsAt(windows, noShows, now);
    // E4: tickets held for absent remote holders count for the share of holders who come.
    const tickets = [...room.all(), ...holding.away()];
    const input = {
      windows: estimatorWindows,
      context: { ...ctx, awayShare: holding.showShare },
      serviceSeconds,
      stageSeconds,
      noShowShare: learning.noShowShare,
      arrivals: config.arrivals ? this.arrivals : undefined,
      laterStages: config.stages,
      now,
    };
    const open = windows.filter((w) => w.open && canServe(w.routing, ticket, ctx)).length;
    const naive = naiveEstimateSeconds(aheadInService(room, ticket), learning.meanSeconds(ticket.serviceId), open);
    if (config.samples > 0) {
      const sorted = CandidateIndex.sortBuckets(tickets);
      const draws = drawnWaits({ ...input, index: () => CandidateIndex.fromSorted(sorted), focus: new Set([ticket.serviceId]) }, { random: this.forecastRandom, cv, defaultCv: 0.7, meanCv: config.meanCv ?? learnedMeanCv(alpha ?? SERVICE_TIME_ALPHA) }, config.samples, [ticket.id]).get(ticket.id)!;
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
  }
}
