// The in-memory mirror of each hall: configuration, windows, the tickets at windows and the
// waiting queue. Loaded at start and changed only after a commit (from the committed rows), so
// reads and call-next never scan SQL and never see uncommitted state. Of a waiting ticket only
// what routing needs is kept (a RoutingTicket); the rest is read from SQLite when asked.
import { callOf, RECENT_CALLS } from '@hallq/shared';
import type {
  CallView,
  Hall,
  HallEvent,
  Module,
  Notice,
  RoutingContext,
  RoutingService,
  RoutingTicket,
  Uniform,
  WaitEstimate,
  WaitRange,
} from '@hallq/shared';
import { WaitingQueue } from '@hallq/shared';
import type { Tx } from '../storage/tx';
import type { Repos } from '../storage/repos';
import type { StoredService } from '../storage/service-repo';
import type { StoredTicket } from '../storage/ticket-repo';
import type { StoredWindow } from '../storage/window-repo';
import { arrivalsUpToDate, type LearnedArrivals } from './estimate-arrivals';
import { loadLearning, reloadLearning, type EstimateLearning } from './estimate-learning';
import { toRoutingTicket } from './ticket-view';

const AT_WINDOW = new Set(['called', 'serving']);

/** A waiting ticket's live estimate with the range shown beside it (null: none, e.g. called at once). */
export interface LiveEstimate extends WaitEstimate {
  estimatedWaitRange: WaitRange | null;
}

/** First-stage tickets of a service taken at or after some time, and of them those with priority. */
export interface TakenCount {
  all: number;
  priority: number;
}

/** The latest random forecasts' calls, kept between refreshes (services/estimate-draws.ts). */
export interface DrawnWaitsStore {
  /**
   * Per waiting ticket reached by any of them: its call (ms; Infinity = not within the horizon) in
   * each of the latest forecasts, oldest first (at most ESTIMATE_DRAWS).
   */
  tickets: Map<string, Float64Array>;
  /** Per service: the call of a ticket taken at the time of each forecast, oldest first. */
  services: Map<string, Float64Array>;
  /** The same for a priority visitor of each service. */
  priority: Map<string, Float64Array>;
  /** Per probe id: the middle of its people ahead in the latest refresh's forecasts. */
  ahead: Map<string, number | null>;
  /** Per service: seconds between two of its calls, as the kept forecasts put them (`callGapSeconds`). */
  gaps: Map<string, number>;
  /**
   * Per service: its first-stage tickets waiting at the latest refresh that were taken at or after
   * the refresh's time (the same millisecond), which a ticket issued later must not count as taken since.
   */
  takenAtRefresh: Map<string, TakenCount>;
  /** The hall's seq when each of the kept forecasts ran, oldest first. */
  seqs: number[];
  /** The windows (open, staff, skills) the kept forecasts ran with: when they change, none is kept. */
  key: string;
  random?: Uniform;
}

export interface HallMirror {
  hall: Hall;
  modules: Module[];
  services: Map<string, StoredService>;
  windows: Map<string, StoredWindow>;
  /** Tickets called or being served (at most one per window). */
  atWindows: Map<string, StoredTicket>;
  /** The waiting tickets' routing fields, in queue order per (service, stage). */
  waiting: WaitingQueue;
  /** Remote tickets waiting, not arrived and passed over: when (ms), for the expiry sweep. */
  passedOver: Map<string, number>;
  seq: number;
  recentCalls: CallView[];
  notices: Notice[];
  ctx: RoutingContext;
  /**
   * Latest forecast calls of waiting tickets, refreshed (throttled) after changes. Only tickets
   * the forecast reaches within its horizon are here; when `estimatesFresh`, a waiting ticket
   * that is absent has no estimate (null), rather than an old one.
   */
  estimates: Map<string, LiveEstimate>;
  estimatesFresh: boolean;
  /** When the latest refresh was computed (ms), and its wait per service for a ticket taken then. */
  estimatesAt: number;
  serviceWaits: Map<string, number | null>;
  /** Share of remote visitors who come (learned from arrivals and expiries), for forecasts (E4). */
  remoteShowShare: number;
  /** Learned spread of service times per stage and no-show shares, for random forecasts (E6). */
  learning: EstimateLearning;
  /** The latest random forecasts' calls, carried from refresh to refresh (E6). */
  draws: DrawnWaitsStore;
  /** Per service, the shown range of the wait of a ticket taken at the latest refresh. */
  serviceRanges: Map<string, [number, number] | null>;
  /** Per waiting ticket reached by the forecasts, the range shown with its estimate. */
  ranges: Map<string, [number, number]>;
  /** Hourly arrivals learned from the hall's history (E5), once a day; null until first learned. */
  arrivals: LearnedArrivals | null;
}

/** Before any remote ticket has arrived or expired: most people who take a place from home come. */
export const DEFAULT_REMOTE_SHOW_SHARE = 0.8;
const SHOW_SHARE_ALPHA = 0.05;

export class HallsMirror {
  private readonly halls = new Map<string, HallMirror>();

  constructor(private readonly repos: Repos) {}

  loadAll(): void {
    for (const h of this.repos.halls.list()) this.load(h.id);
  }

  load(hallId: string): HallMirror | null {
    const hall = this.repos.halls.get(hallId);
    if (!hall) return null;
    const atWindows = new Map<string, StoredTicket>();
    const waiting = new WaitingQueue();
    const passedOver = new Map<string, number>();
    for (const { routing, passedOverAt } of this.repos.tickets.waitingOfHall(hallId)) {
      waiting.add(routing);
      if (passedOverAt !== null) passedOver.set(routing.id, passedOverAt);
    }
    for (const t of this.repos.tickets.atWindowsOfHall(hallId)) atWindows.set(t.id, t);
    const calls = this.repos.log.recentOfTypes(hallId, ['ticket.called', 'ticket.recalled'], RECENT_CALLS);
    const m: HallMirror = {
      hall,
      modules: [],
      services: new Map(),
      windows: new Map(),
      atWindows,
      waiting,
      passedOver,
      seq: this.repos.log.lastSeq(hallId),
      recentCalls: calls.map(toCallView).filter((c): c is CallView => c !== null),
      notices: [],
      ctx: { services: new Map(), policy: hall.routing },
      estimates: new Map(),
      estimatesFresh: false,
      estimatesAt: 0,
      serviceWaits: new Map(),
      remoteShowShare: this.repos.tickets.remoteShowShare(hallId) ?? DEFAULT_REMOTE_SHOW_SHARE,
      learning: { stageTimes: new Map(), noShowShare: new Map() },
      draws: { tickets: new Map(), services: new Map(), priority: new Map(), ahead: new Map(), gaps: new Map(), takenAtRefresh: new Map(), seqs: [], key: '' },
      serviceRanges: new Map(),
      ranges: new Map(),
      arrivals: null,
    };
    this.reloadConfig(m);
    m.learning = loadLearning(this.repos, hallId, m.services.values());
    this.halls.set(hallId, m);
    return m;
  }

  /** Learns the hall's hourly arrivals from its history at first, then again when its local date changes. */
  arrivalsUpToDate(m: HallMirror, now: number): void {
    arrivalsUpToDate(this.repos, m, now);
  }

  get(hallId: string): HallMirror | undefined {
    return this.halls.get(hallId);
  }
  ids(): string[] {
    return [...this.halls.keys()];
  }

  /** Applies a batch of committed commands, in order; answers the halls they changed. */
  applyCommitted(committed: readonly Tx[]): Set<string> {
    const touched = new Set<string>();
    for (const tx of committed) for (const h of this.apply(tx)) touched.add(h);
    return touched;
  }

  /** Applies one committed command: reloads what it touched, advances seq, records calls. */
  apply(tx: Tx): Set<string> {
    const touched = new Set<string>();
    for (const e of tx.effects) {
      let m = this.halls.get(e.hallId);
      if (!m) {
        m = this.load(e.hallId) ?? undefined;
        if (!m) continue;
      }
      touched.add(e.hallId);
      if (e.kind === 'config') this.reloadConfig(m);
      else if (e.kind === 'window') this.reloadWindow(m, e.windowId, e.row);
      else if (e.kind === 'ticket') {
        if (e.waiting) this.toWaiting(m, e.waiting);
        else this.reloadTicket(m, e.ticketId, e.row);
      }
      else {
        const s = this.repos.services.get(e.hallId, e.serviceId);
        if (s) {
          m.services.set(s.id, s);
          reloadLearning(this.repos, m.learning, s);
        }
      }
    }
    for (const ev of tx.events) {
      const m = this.halls.get(ev.hallId);
      if (!m) continue;
      touched.add(ev.hallId);
      m.estimatesFresh = false;
      m.seq = Math.max(m.seq, ev.seq);
      if (ev.type === 'ticket.arrived' || ev.type === 'ticket.expired') {
        const came = ev.type === 'ticket.arrived' ? 1 : 0;
        m.remoteShowShare = (1 - SHOW_SHARE_ALPHA) * m.remoteShowShare + SHOW_SHARE_ALPHA * came;
      }
      const call = toCallView(ev);
      if (call) {
        m.recentCalls.push(call);
        if (m.recentCalls.length > RECENT_CALLS) m.recentCalls.shift();
      }
    }
    return touched;
  }

  private reloadConfig(m: HallMirror): void {
    const hallId = m.hall.id;
    m.hall = this.repos.halls.get(hallId) ?? m.hall;
    m.modules = this.repos.halls.modules(hallId);
    m.notices = this.repos.halls.notices(hallId);
    m.services = new Map(this.repos.services.listOfHall(hallId).map((s) => [s.id, s]));
    m.windows = new Map(this.repos.windows.listOfHall(hallId).map((w) => [w.id, w]));
    const routing = new Map<string, RoutingService>();
    for (const s of m.services.values()) {
      routing.set(s.id, { id: s.id, waitTargetSeconds: s.waitTargetSeconds ?? m.hall.waitTargetSeconds, stages: s.stages });
    }
    m.ctx = { services: routing, policy: m.hall.routing };
  }

  /** `row`: the window as the command left it (no read back). */
  private reloadWindow(m: HallMirror, windowId: string, row?: StoredWindow): void {
    const w = row ?? this.repos.windows.get(windowId);
    if (w && w.hallId === m.hall.id) m.windows.set(w.id, w);
    else m.windows.delete(windowId);
  }

  /** A ticket now waiting, known from the command itself (no read back). */
  private toWaiting(m: HallMirror, t: RoutingTicket): void {
    m.atWindows.delete(t.id);
    m.waiting.add(t);
  }

  /** `row`: the ticket as the command left it (no read back). */
  private reloadTicket(m: HallMirror, ticketId: string, row?: StoredTicket): void {
    const t = row ?? this.repos.tickets.get(ticketId);
    if (t?.status === 'waiting') {
      if (t.remote === true && !t.arrivedAt && t.passedOverAt) m.passedOver.set(t.id, Date.parse(t.passedOverAt));
      else m.passedOver.delete(t.id);
      return this.toWaiting(m, toRoutingTicket(t));
    }
    m.passedOver.delete(ticketId);
    m.waiting.remove(ticketId);
    m.estimates.delete(ticketId);
    m.ranges.delete(ticketId);
    if (t && AT_WINDOW.has(t.status)) m.atWindows.set(t.id, t);
    else m.atWindows.delete(ticketId);
  }
}

/** The mirror's call history grows by the same rule as every client's hall state. */
function toCallView(e: HallEvent): CallView | null {
  return e.type === 'ticket.called' || e.type === 'ticket.recalled' ? callOf(e) : null;
}
