// Live wait estimates from random forecasts (E6): each refresh runs a few random forecasts of the
// real routing policy over the live queue (visits drawn around the learned per-stage means with
// their learned spread, no-shows with their learned share, a visit under way lasting longer than
// it has so far, later stages coming back) and keeps their calls as times of day. A ticket's
// estimate is the middle of its latest ESTIMATE_DRAWS forecasts (carried from refresh to refresh
// while the windows stay the same; those of an older queue keep their spread but are moved to where
// this queue's forecasts put the call), its range their quantiles (DRAWN_RANGE), as the simulator's
// evaluation measures them.
//
// The work is cut into slices of at most STEPS_PER_SLICE forecast calls or TICKETS_PER_SLICE
// tickets, so a refresh never holds the event loop for long: `slice()` does one and answers true
// when the refresh is complete; `finish()` then publishes it into the mirror.
import {
  callGapSeconds,
  CandidateIndex,
  DRAWN_RANGE,
  drawnEstimate,
  ESTIMATE_DRAWS,
  Forecast,
  learnedMeanCv,
  momentsCv,
  seededUniform,
  stageKey,
  type EstimatorWindow,
  type ForecastDraw,
  type IssueProbe,
  type IssueProbeKind,
  type RoutingTicket,
  type SortedBucket,
  waitRangeOf,
} from '@hallq/shared';
import type { DrawnWaitsStore, HallMirror, LiveEstimate, TakenCount } from './hall-mirror';
import { expectedArrivals } from './estimate-arrivals';
import { stageMoments } from './estimate-learning';
import { toRoutingTicket } from './ticket-view';

/** Random forecasts run by one refresh; the rest of a ticket's ESTIMATE_DRAWS are carried over. */
export const DRAWS_PER_REFRESH = 5;
/** Forecast calls simulated in one slice at most (each is one pick from the queue's index: about 3-5 us measured on a 1,500-ticket queue, so a slice is about 1 ms). */
export const STEPS_PER_SLICE = 200;
/** Tickets whose draws are combined into an estimate in one slice at most. */
export const TICKETS_PER_SLICE = 200;
/** A wait that cannot be served within a working day is not forecast: the visitor is told so. */
export const DRAWN_HORIZON_SECONDS = 12 * 3600;

/** One forecast's call of a ticket: when (ms) and people ahead. */
interface DrawnCall {
  at: number;
  ahead: number;
}

/** The latest random forecasts of a hall, carried from one refresh to the next. */
/** What makes earlier forecasts useless when it changes: which windows work and what they serve. */
function windowsKey(m: HallMirror): string {
  return JSON.stringify([...m.windows.values()].map((w) => [w.id, w.state, w.staffType, w.skills]));
}

const PROBE = '\uffffprobe:';
/** A priority visitor's probe (the answer at issue for priority tickets: issue-estimate.ts). */
const PRIORITY_PROBE = '\uffffprobe!:';

function hashSeed(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

function estimatorWindows(m: HallMirror, now: number): EstimatorWindow[] {
  return [...m.windows.values()].map((w) => {
    const cur = w.currentTicketId ? m.atWindows.get(w.currentTicketId) : undefined;
    if (!cur || (cur.status !== 'called' && cur.status !== 'serving')) return { id: w.id, skills: w.skills, staffType: w.staffType, open: w.state === 'open', busyUntil: null };
    const since = Date.parse(cur.startedAt ?? cur.calledAt ?? cur.issuedAt);
    // A visit under way lasts a draw longer than its time so far (busyUntil is then only a fallback).
    return { id: w.id, skills: w.skills, staffType: w.staffType, open: w.state === 'open', busyUntil: Math.max(now, since), current: { ticket: toRoutingTicket(cur), since } };
  });
}

/** The carried calls followed by this refresh's, only the newest ESTIMATE_DRAWS kept. */
function combine(carried: Float64Array | undefined, fresh: ReadonlyArray<number>): Float64Array {
  const old = carried ?? new Float64Array(0);
  const keep = Math.min(old.length, Math.max(0, ESTIMATE_DRAWS - fresh.length));
  const out = new Float64Array(keep + Math.min(fresh.length, ESTIMATE_DRAWS));
  out.set(old.subarray(old.length - keep));
  for (let i = 0; i < out.length - keep; i++) out[keep + i] = fresh[fresh.length - (out.length - keep) + i]!;
  return out;
}

function median(values: ReadonlyArray<number>): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length % 2 === 1 ? sorted[sorted.length >> 1]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
}

/**
 * Forecasts carried over from an older state of the queue keep their spread but move to where this
 * state's forecasts put the call: shifted by the difference of the two medians (when either median
 * is out of reach, they are replaced by this state's own). `tags`: the seq of each entry's forecast.
 */
function align(calls: Float64Array, tags: ReadonlyArray<number>, seq: number): Float64Array {
  const cur: number[] = [];
  const old: number[] = [];
  for (let i = 0; i < calls.length; i++) (tags[i] === seq ? cur : old).push(calls[i]!);
  if (old.length === 0 || cur.length === 0) return calls;
  const shift = median(cur) - median(old);
  let k = 0;
  for (let i = 0; i < calls.length; i++) {
    if (tags[i] === seq) continue;
    calls[i] = Number.isFinite(shift) ? calls[i]! + shift : cur[k++ % cur.length]!;
  }
  return calls;
}

/** The estimate and range of a ticket's calls, seen at `now`; null when most do not reach it. */
function estimateOf(calls: Float64Array, now: number): { wait: number; range: [number, number] } | null {
  const waits = Array.from(calls, (at) => (at === Infinity ? Infinity : Math.max(0, Math.round((at - now) / 1000)))).sort((a, b) => a - b);
  const d = drawnEstimate(waits, DRAWN_RANGE);
  return d ? { wait: d.estimateSeconds, range: d.range } : null;
}

/** The middle of this refresh's people-ahead counts (lower median); null when most did not reach it. */
function medianAhead(calls: ReadonlyArray<DrawnCall | undefined>): number | null {
  const list = calls.filter((c): c is DrawnCall => c !== undefined).map((c) => c.ahead).sort((a, b) => a - b);
  if (list.length === 0 || list.length * 2 < calls.length) return null;
  return list[(list.length - 1) >> 1]!;
}

export class DrawnRefresh {
  /** Work done by the latest slice (for tests and diagnostics). */
  lastSlice = { steps: 0, tickets: 0 };
  /** Forecasts completed by this refresh so far. */
  drawsDone = 0;
  private readonly seq: number;
  private readonly key: string;
  /** The mirror's kept forecasts, when they ran with the same windows. */
  private readonly carried: DrawnWaitsStore | null;
  private readonly buckets: SortedBucket[];
  private readonly takenAtRefresh = new Map<string, TakenCount>();
  /** The seq of each kept forecast once this refresh's are added, oldest first. */
  private seqs: number[] = [];
  /** The tickets to combine: those reached by this refresh's or the carried forecasts. */
  private ids: string[] | null = null;
  private readonly probes: RoutingTicket[] = [];
  /** Waiting tickets and probes: a forecast that has called them all is complete. */
  private toCall = 0;
  private readonly windows: EstimatorWindow[];
  private readonly base: Omit<ConstructorParameters<typeof Forecast>[0], 'index' | 'draw'>;
  private readonly draw: ForecastDraw;
  private forecast: Forecast | null = null;
  /** This refresh's calls, per forecast. */
  private readonly results: Array<Map<string, DrawnCall>> = [];
  private collected = 0;
  private readonly next = {
    tickets: new Map<string, Float64Array>(),
    estimates: new Map<string, LiveEstimate>(),
    ranges: new Map<string, [number, number]>(),
  };

  constructor(
    private readonly m: HallMirror,
    private readonly now: number,
    private readonly drawsPerRefresh = DRAWS_PER_REFRESH,
  ) {
    this.seq = m.seq;
    this.key = windowsKey(m);
    this.carried = m.draws.key === this.key ? m.draws : null;
    // Copies of the lanes (references only): valid while commits go on between slices.
    this.buckets = m.waiting.detachedBuckets();
    for (const b of this.buckets) this.toCall += b.priority.length + b.appointments.length + b.normal.length;
    for (const s of m.services.values()) {
      const taken = takenSince(this.buckets, s.id, now);
      if (taken.all > 0) this.takenAtRefresh.set(s.id, taken);
    }
    for (const s of m.services.values()) {
      if (!s.active) continue;
      this.probes.push({ id: PROBE + s.id, serviceId: s.id, stage: 0, queuedAt: now, priority: false, appointmentAt: null });
      this.probes.push({ id: PRIORITY_PROBE + s.id, serviceId: s.id, stage: 0, queuedAt: now, priority: true, appointmentAt: null });
    }
    const serviceSeconds = new Map<string, number>();
    const stageSeconds = new Map<string, number>();
    const cv = new Map<string, number>();
    for (const s of m.services.values()) {
      const first = stageMoments(m.learning, s, 0);
      serviceSeconds.set(s.id, first.mean);
      cv.set(s.id, momentsCv(first));
      for (let k = 1; k < s.stages.length; k++) stageSeconds.set(stageKey(s.id, k), stageMoments(m.learning, s, k).mean);
    }
    this.toCall += this.probes.length;
    this.windows = estimatorWindows(m, now);
    this.base = {
      windows: this.windows,
      // E4: away remote tickets keep their place, drawn to come with the learned share.
      context: { ...m.ctx, awayShare: m.remoteShowShare },
      serviceSeconds,
      stageSeconds,
      noShowShare: m.learning.noShowShare,
      // E5: the visitors the hall's history says will still come today (estimate-arrivals.ts).
      arrivals: expectedArrivals(m, now),
      laterStages: true,
      now,
      horizonSeconds: DRAWN_HORIZON_SECONDS,
      probes: this.probes,
    };
    m.draws.random ??= seededUniform(hashSeed(m.hall.id));
    this.draw = { random: m.draws.random, cv, defaultCv: 0.7, meanCv: learnedMeanCv() };
  }

  /** One slice of work; true once the refresh is complete (then call `finish`). */
  slice(): boolean {
    this.lastSlice = { steps: 0, tickets: 0 };
    if (this.drawsDone < this.drawsPerRefresh) {
      this.forecast ??= new Forecast({ ...this.base, index: CandidateIndex.fromSorted(this.buckets), draw: this.draw });
      const before = this.forecast.steps;
      // Done once every waiting ticket and probe has its call: what the forecast would still make up
      // (later stages, expected arrivals) changes none of them.
      const done = this.forecast.run(STEPS_PER_SLICE) || this.forecast.calls.size >= this.toCall;
      this.lastSlice.steps = this.forecast.steps - before;
      if (done) {
        const calls = new Map<string, DrawnCall>();
        for (const [id, e] of this.forecast.calls) calls.set(id, { at: this.now + (e.estimatedWaitSeconds ?? 0) * 1000, ahead: e.peopleAhead ?? 0 });
        this.results.push(calls);
        this.forecast = null;
        this.drawsDone++;
      }
      return false;
    }
    if (!this.ids) {
      this.seqs = [...(this.carried?.seqs ?? []), ...this.results.map(() => this.seq)].slice(-ESTIMATE_DRAWS);
      this.ids = this.toCombine();
    }
    const ids = this.ids;
    const start = this.collected;
    const end = Math.min(ids.length, start + TICKETS_PER_SLICE);
    for (; this.collected < end; this.collected++) this.collect(ids[this.collected]!);
    this.lastSlice.tickets = end - start;
    return this.collected >= ids.length;
  }

  /**
   * Tickets reached by a forecast of this refresh (the calls within the horizon: a bounded number)
   * or of the carried ones, and still waiting; the others have no estimate.
   */
  private toCombine(): string[] {
    const ids = new Set<string>();
    for (const r of this.results) for (const id of r.keys()) if (!id.startsWith(PROBE) && !id.startsWith(PRIORITY_PROBE)) ids.add(id);
    for (const id of this.carried?.tickets.keys() ?? []) if (this.m.waiting.get(id)) ids.add(id);
    return [...ids];
  }

  /** A ticket's calls: those carried over plus this refresh's; its estimate and range. */
  private collect(id: string): void {
    const fresh = this.results.map((r) => r.get(id));
    const calls = this.aligned(combine(this.carried?.tickets.get(id), fresh.map((c) => c?.at ?? Infinity)));
    // A ticket no kept forecast reaches is not kept (nor shown an estimate).
    if (!calls.some((at) => at !== Infinity)) return;
    this.next.tickets.set(id, calls);
    const e = estimateOf(calls, this.now);
    if (!e) return;
    this.next.estimates.set(id, { ticketId: id, peopleAhead: medianAhead(fresh), estimatedWaitSeconds: e.wait, estimatedWaitRange: waitRangeOf(e.range, e.wait) });
    this.next.ranges.set(id, e.range);
  }

  /** A list of calls (the newest kept forecasts' entries) with the older states' moved to this one's. */
  private aligned(calls: Float64Array): Float64Array {
    return align(calls, this.seqs.slice(this.seqs.length - calls.length), this.seq);
  }

  /** Publishes the refresh into the mirror: fresh only if nothing was committed since it began. */
  finish(): void {
    const { m, now } = this;
    const services = new Map<string, Float64Array>();
    const priority = new Map<string, Float64Array>();
    const ahead = new Map<string, number | null>();
    const gaps = new Map<string, number>();
    const waits = new Map<string, number | null>();
    const ranges = new Map<string, [number, number] | null>();
    for (const p of this.probes) {
      const kind = p.priority ? priority : services;
      const calls = this.aligned(combine(this.carried?.[p.priority ? 'priority' : 'services'].get(p.serviceId), this.results.map((r) => r.get(p.id)?.at ?? Infinity)));
      kind.set(p.serviceId, calls);
      ahead.set(p.id, medianAhead(this.results.map((r) => r.get(p.id))));
      if (p.priority) continue;
      gaps.set(p.serviceId, callGapSeconds(calls, this.lastWaiting(p.serviceId), this.fallbackGap(p.serviceId)));
      const e = estimateOf(calls, now);
      waits.set(p.serviceId, e?.wait ?? null);
      ranges.set(p.serviceId, e?.range ?? null);
    }
    m.draws = { tickets: this.next.tickets, services, priority, ahead, gaps, takenAtRefresh: this.takenAtRefresh, seqs: this.seqs, key: this.key, random: m.draws.random };
    m.estimates = this.next.estimates;
    m.ranges = this.next.ranges;
    m.serviceWaits = waits;
    m.serviceRanges = ranges;
    m.estimatesAt = now;
    m.estimatesFresh = m.seq === this.seq;
  }

  /** The kept calls of the last ticket of a service's plain first-stage lane at this refresh. */
  private lastWaiting(serviceId: string): Float64Array | undefined {
    for (const b of this.buckets) {
      if (b.serviceId !== serviceId || b.stage !== 0) continue;
      const last = b.normal[b.normal.length - 1];
      return last ? this.next.tickets.get(last.id) : undefined;
    }
    return undefined;
  }

  /** Without a waiting ticket to measure it by: the learned mean visit over the open windows able to serve it. */
  private fallbackGap(serviceId: string): number {
    const mean = this.base.serviceSeconds.get(serviceId) ?? 300;
    const able = this.windows.filter((w) => w.open && w.staffType !== null && w.skills.some((k) => k.serviceId === serviceId)).length;
    return mean / Math.max(1, able);
  }
}

/**
 * Whether the hall's estimates still rest on forecasts of an older state of the queue (or on fewer
 * than ESTIMATE_DRAWS): another refresh then renews DRAWS_PER_REFRESH more of them.
 */
export function needsMoreDraws(m: HallMirror): boolean {
  return m.draws.seqs.length < ESTIMATE_DRAWS || m.draws.seqs.some((s) => s !== m.seq);
}

/** Whether the hall's kept forecasts ran with its windows as they are (so a refresh may add to them). */
export function canCarryDraws(m: HallMirror): boolean {
  return m.draws.seqs.length > 0 && m.draws.key === windowsKey(m);
}

/**
 * What the latest refresh says of a visitor of `serviceId` (priority or not) taken at its time:
 * the probe's kept calls, people ahead and the service's gap between calls (issue-estimate.ts).
 * Undefined when the kept forecasts ran with other windows (they say nothing of these) or the
 * service has no probe.
 */
export function issueProbe(m: HallMirror, serviceId: string, kind: IssueProbeKind, windowsCurrent: boolean): IssueProbe | undefined {
  if (!windowsCurrent) return undefined;
  const calls = (kind === 'priority' ? m.draws.priority : m.draws.services).get(serviceId);
  if (!calls || calls.length === 0) return undefined;
  const id = (kind === 'priority' ? PRIORITY_PROBE : PROBE) + serviceId;
  return { calls, peopleAhead: m.draws.ahead.get(id) ?? null, gapSeconds: m.draws.gaps.get(serviceId) ?? 0 };
}

/** Tickets in a lane (queue order: by the time taken) taken at or after `since` (ms): found by halving. */
function countFrom(lane: readonly RoutingTicket[], since: number): number {
  let lo = 0;
  let hi = lane.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lane[mid]!.queuedAt < since) lo = mid + 1;
    else hi = mid;
  }
  return lane.length - lo;
}

/**
 * First-stage tickets of a service waiting in `buckets` that were taken at or after `since`, less
 * `atRefresh` (those the refresh at `since` already had: taken in its very millisecond).
 */
export function takenSince(buckets: Iterable<SortedBucket>, serviceId: string, since: number, atRefresh?: TakenCount): TakenCount {
  for (const b of buckets) {
    if (b.serviceId !== serviceId || b.stage !== 0) continue;
    const priority = countFrom(b.priority, since);
    const all = priority + countFrom(b.appointments, since) + countFrom(b.normal, since);
    return { all: Math.max(0, all - (atRefresh?.all ?? 0)), priority: Math.max(0, priority - (atRefresh?.priority ?? 0)) };
  }
  return { all: 0, priority: 0 };
}
