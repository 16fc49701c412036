// After each commit (once the write path has brought the mirror up to date): emit the committed
// events to their hall's room in seq order, and (throttled per hall) recompute and emit live
// estimates (to the hall's display screens only when what they show changed: screen-pacer.ts). The recomputation (a few random forecasts, services/estimate-draws.ts) runs one
// slice of bounded work per turn of the event loop, and gives way to writes waiting to run
// (`sliceWhenIdle`), so no request waits long behind it; while the
// estimates still rest on forecasts of an older state, more refreshes follow (throttled).
import type { Server } from 'socket.io';
import type { Logger } from 'pino';
import type { HallEvent, QueueEstimates } from '@hallq/shared';
import type { Tx } from '../storage/tx';
import type { Clock } from '../services/clock';
import { needsMoreDraws } from '../services/estimate-draws';
import { refreshEstimates, serviceViews, startRefresh } from '../services/estimates';
import type { HallMirror, HallsMirror } from '../services/hall-mirror';
import type { IssuedCount } from '../services/service-availability';
import { SCREEN_QUIET_MS, ScreenPacer, screenKey } from './screen-pacer';

export const hallRoom = (hallId: string): string => `hall:${hallId}`;
/**
 * The hall's display screens (also in the hall's room): they show per-service waits, never a
 * waiting ticket's own estimate, so their `queue.estimates` carries no ticket list (with thousands
 * waiting it would be most of the message, sent to every screen after every refresh), and goes
 * out only when what they show changed, at most every few seconds (see screen-pacer.ts).
 */
export const screensRoom = (hallId: string): string => `hall:${hallId}:screens`;

/** Longest a refresh slice waits for the write path to have no command waiting to run. */
export const MAX_SLICE_WAIT_MS = 20;
/**
 * While the write path is busy (a burst of issues or calls), a hall's estimate refresh is put off,
 * but never longer than this after its last one ended: under a steady stream of writes a refresh
 * starts every BUSY_REFRESH_MS instead of every throttle period, and as soon as the writes stop.
 */
export const BUSY_REFRESH_MS = 2000;
/** How often a put-off refresh looks again whether the write path is still busy. */
export const BUSY_RECHECK_MS = 25;

/** What the write path is doing, as a refresh slice needs to know it. */
export interface WritePath {
  /** Commands read and waiting for their batch to run. */
  waiting(): boolean;
  /** A batch committed and waiting for its disk flush: its answers and broadcast are not out yet. */
  unflushed(): boolean;
  /**
   * Runs `work` at the first moment no batch waits for its flush, starting no batch meanwhile (a
   * pipelined write path may always have one under a stream of writes).
   */
  whenPublished?(work: () => void): void;
}

const IDLE: WritePath = { waiting: () => false, unflushed: () => false };

/**
 * Runs `slice` at the next turn of the event loop when the write path is idle. Never while a batch
 * is committed and not yet published: a slice run there would hold its answers and its broadcast
 * (they go out when the flush is done, on the event loop). While commands wait to run (requests
 * already read, their batch not yet run), it looks again every millisecond and runs anyway once
 * `maxWaitMs` have passed (but still not before the flushing batches are published: then it asks
 * the write path for a moment with none, `whenPublished`), so a refresh always goes on: under a
 * stream of writes, one slice per `maxWaitMs` at least. A slice thus always sees exactly what was
 * published: the estimates it sends never run ahead of the events sent.
 */
export function sliceWhenIdle(slice: () => void, writes: WritePath, maxWaitMs = MAX_SLICE_WAIT_MS): void {
  const since = Date.now();
  const attempt = (): void => {
    const late = Date.now() - since >= maxWaitMs;
    if (!writes.unflushed() && (!writes.waiting() || late)) slice();
    else if (late && writes.whenPublished) writes.whenPublished(slice);
    else setTimeout(attempt, 1);
  };
  setImmediate(attempt);
}

/**
 * What `holdWrites` relies on of a socket's Engine.IO connection: its WebSocket transport sends
 * what `flush` hands it, frame after frame, and is not `writable` until the last was written.
 */
interface EngineConn {
  readyState: string;
  writeBuffer: unknown[];
  transport?: { name: string; writable: boolean; socket?: { _socket?: { cork(): void; uncork(): void } } };
  flush(): void;
}

/**
 * Holds the writes to the WebSocket connections of these rooms that are idle now: what is emitted
 * to them meanwhile waits in each connection's buffer, and `releaseWrites` sends it in one write
 * per connection (the frames corked together). A connection busy writing, or on another
 * transport, is left alone (it sends its buffer when its write is done, as always).
 */
export function holdWrites(io: Server, rooms: Iterable<string>): Array<[EngineConn, NonNullable<EngineConn['transport']>]> {
  const held: Array<[EngineConn, NonNullable<EngineConn['transport']>]> = [];
  for (const room of rooms) {
    const ids = io.sockets.adapter.rooms.get(room);
    if (!ids) continue;
    for (const id of ids) {
      const conn = io.sockets.sockets.get(id)?.conn as unknown as EngineConn | undefined;
      const t = conn?.transport;
      if (!conn || !t || t.name !== 'websocket' || !t.writable || conn.readyState !== 'open' || conn.writeBuffer.length > 0) continue;
      t.writable = false;
      held.push([conn, t]);
    }
  }
  return held;
}

export function releaseWrites(held: Array<[EngineConn, NonNullable<EngineConn['transport']>]>): void {
  for (const [conn, t] of held) {
    if (conn.transport !== t) continue;
    t.writable = true;
    const raw = t.socket?._socket;
    raw?.cork();
    try {
      conn.flush();
    } finally {
      raw?.uncork();
    }
  }
}

/** Told after each commit (the mirror already applied) and after each estimate refresh of a hall. */
export interface BroadcastListener {
  afterCommit(committed: Tx[]): void;
  afterEstimates(hallId: string): void;
}

export class Broadcaster {
  private io: Server | null = null;
  private readonly listeners: BroadcastListener[] = [];
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly lastRun = new Map<string, number>();
  /** Halls whose refresh is running in slices; `true` once a commit made it stale. */
  private readonly running = new Map<string, boolean>();
  private closed = false;
  /** Refreshes run only when `refresh` is called (see `stopRefreshes`). */
  private manual = false;
  /** Per hall: the pace of its screens' estimates. */
  private readonly screens = new Map<string, ScreenPacer<QueueEstimates>>();
  /** Per hall: the latest estimates computed, as a screen gets them (what a screen resuming is sent). */
  private readonly latestForScreens = new Map<string, QueueEstimates>();
  /** Real time (performance.now) at which a batch's events last went out. */
  private lastBatchOut = -Infinity;
  /** The write path: refresh slices give way to its waiting commands and its unpublished batch. */
  private writes: WritePath = IDLE;
  /** True while the write path is busy: a refresh due then is put off (see BUSY_REFRESH_MS). */
  private writesBusy: () => boolean = () => false;

  constructor(
    private readonly mirror: HallsMirror,
    private readonly clock: Clock,
    private readonly logger: Logger,
    /** At most one estimate refresh per hall per this many ms. */
    private readonly throttleMs = 500,
    /** With it, the per-service views say whether each service takes tickets now. */
    private readonly issuedCount?: IssuedCount,
  ) {}

  attach(io: Server): void {
    this.io = io;
  }

  /** Refresh slices (the first included) give way to the write path (see `sliceWhenIdle`). */
  yieldTo(writes: WritePath): void {
    this.writes = writes;
  }

  /** A refresh due while `busy` says true is put off (at most BUSY_REFRESH_MS after the last one). */
  deferWhile(busy: () => boolean): void {
    this.writesBusy = busy;
  }

  /**
   * Whether a socket of this server is in the room now. Socket.IO encodes a packet before it looks
   * at the room, so an emit to an empty room (a hall with no screen connected) is skipped.
   */
  private anyoneIn(room: string): boolean {
    return (this.io?.sockets.adapter.rooms.get(room)?.size ?? 0) > 0;
  }

  listen(listener: BroadcastListener): void {
    this.listeners.push(listener);
  }

  /** `touched`: the halls the commit changed (what `HallsMirror.applyCommitted` answered). */
  onCommit(committed: Tx[], touched: ReadonlySet<string>): void {
    const events: HallEvent[] = [];
    for (const tx of committed) events.push(...tx.events);
    // In seq order: the tickets of a batch are written (and their events appended) at its end.
    events.sort((a, b) => a.seq - b.seq);
    if (this.io) {
      // A call is two events (ticket.called, window.changed), a cancel at a window two more: each
      // socket gets a batch's events in one write, not one write (and one wake-up of the
      // screen's process) per event.
      const held = events.length > 1 ? holdWrites(this.io, new Set(events.map((ev) => hallRoom(ev.hallId)))) : [];
      try {
        for (const ev of events) if (this.anyoneIn(hallRoom(ev.hallId))) this.io.to(hallRoom(ev.hallId)).emit(ev.type, ev as never);
      } finally {
        releaseWrites(held);
      }
    }
    if (events.length > 0) this.lastBatchOut = performance.now();
    for (const l of this.listeners) l.afterCommit(committed);
    for (const h of touched) this.scheduleEstimates(h);
  }

  private scheduleEstimates(hallId: string): void {
    if (this.manual) return;
    if (this.running.has(hallId)) {
      this.running.set(hallId, true);
      return;
    }
    if (this.timers.has(hallId)) return;
    const since = Date.now() - (this.lastRun.get(hallId) ?? 0);
    this.startAfter(hallId, Math.max(0, this.throttleMs - since));
  }

  /** Starts the hall's refresh after `delay` ms, or later while the write path is busy. */
  private startAfter(hallId: string, delay: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(hallId);
      const last = this.lastRun.get(hallId);
      if (last !== undefined && Date.now() - last < BUSY_REFRESH_MS && this.writesBusy()) {
        this.startAfter(hallId, BUSY_RECHECK_MS);
        return;
      }
      this.refreshInSlices(hallId);
    }, delay);
    timer.unref();
    this.timers.set(hallId, timer);
  }

  /** Recomputes a hall's estimates now, in one go (start-up, tests); returns what was sent. */
  refresh(hallId: string): QueueEstimates | null {
    const m = this.mirror.get(hallId);
    if (!m) return null;
    const now = this.clock();
    const seq = m.seq;
    this.mirror.arrivalsUpToDate(m, now);
    refreshEstimates(m, now);
    const msg = this.publish(m, seq, now);
    // The rest of the forecasts follow in slices (throttled).
    if (needsMoreDraws(m)) this.scheduleEstimates(hallId);
    return msg;
  }

  /**
   * A refresh of the hall, run in slices. Even its start (the state it forecasts is taken then)
   * waits for the write path as its slices do, so it never runs between a batch and its answers
   * and broadcast; the commits that land meanwhile are in the state it takes (one refresh for all).
   */
  private refreshInSlices(hallId: string): void {
    if (this.closed || this.manual) return;
    this.running.set(hallId, false);
    sliceWhenIdle(() => this.startRefresh(hallId), this.writes);
  }

  private startRefresh(hallId: string): void {
    const m = this.mirror.get(hallId);
    if (!m || this.closed || this.manual) {
      this.running.delete(hallId);
      return;
    }
    const now = this.clock();
    const seq = m.seq;
    this.mirror.arrivalsUpToDate(m, now);
    // Commits before this moment are in the state the refresh takes: it is not stale for them.
    this.running.set(hallId, false);
    const job = startRefresh(m, now);
    let more = false;
    const slice = (): void => {
      if (this.closed || this.manual) {
        this.running.delete(hallId);
        return;
      }
      try {
        // One slice of bounded work (STEPS_PER_SLICE forecast calls or TICKETS_PER_SLICE tickets).
        if (!job.slice()) {
          sliceWhenIdle(slice, this.writes);
          return;
        }
        job.finish();
        this.publish(m, seq, now);
        more = needsMoreDraws(m);
      } catch (err) {
        this.logger.error({ err, hallId }, 'estimate refresh failed');
      }
      const stale = this.running.get(hallId);
      this.running.delete(hallId);
      this.lastRun.set(hallId, Date.now());
      if (stale || more) this.scheduleEstimates(hallId);
    };
    slice();
  }

  private publish(m: HallMirror, seq: number, now: number): QueueEstimates {
    const msg: QueueEstimates = {
      hallId: m.hall.id,
      seq,
      at: new Date(now).toISOString(),
      tickets: [...m.estimates.values()],
      services: serviceViews(m, now, this.issuedCount),
    };
    const room = hallRoom(m.hall.id);
    if (this.io && this.anyoneIn(room)) {
      const rooms = this.io.sockets.adapter.rooms;
      const screens = screensRoom(m.hall.id);
      const nScreens = rooms.get(screens)?.size ?? 0;
      if (nScreens < (rooms.get(room)?.size ?? 0)) this.io.to(room).except(screens).emit('queue.estimates', msg);
    }
    this.toScreens(m.hall.id, { ...msg, tickets: [] });
    for (const l of this.listeners) l.afterEstimates(m.hall.id);
    return msg;
  }

  /**
   * The hall's screens get these figures when what they show changed, at most once per
   * SCREEN_ESTIMATES_INTERVAL_MS, and after the write path has been quiet a moment (see
   * screen-pacer.ts); kiosks, counters and boards get every refresh (`publish`).
   */
  private toScreens(hallId: string, msg: QueueEstimates): void {
    this.latestForScreens.set(hallId, msg);
    let pacer = this.screens.get(hallId);
    if (!this.io || !this.anyoneIn(screensRoom(hallId))) {
      // No screen connected: one that connects gets a snapshot (or `latestScreenEstimates`).
      pacer?.forget();
      return;
    }
    if (!pacer) {
      pacer = new ScreenPacer<QueueEstimates>(
        (out) => {
          if (this.io && this.anyoneIn(screensRoom(hallId))) this.io.to(screensRoom(hallId)).emit('queue.estimates', out);
        },
        {
          now: this.clock,
          elapsed: () => performance.now(),
          after: (ms, fn) => {
            const t = setTimeout(fn, ms);
            t.unref();
            return { cancel: () => clearTimeout(t) };
          },
        },
        {
          busy: () => this.writesBusy() || this.writes.waiting() || this.writes.unflushed() || performance.now() - this.lastBatchOut < SCREEN_QUIET_MS,
          unflushed: () => this.writes.unflushed(),
          whenPublished: this.writes.whenPublished ? (work) => this.writes.whenPublished!(work) : undefined,
        },
      );
      this.screens.set(hallId, pacer);
    }
    pacer.offer(msg, screenKey(msg));
  }

  /** What a display screen that resumes without a snapshot is sent: the latest figures (null before any refresh). */
  latestScreenEstimates(hallId: string): QueueEstimates | null {
    return this.latestForScreens.get(hallId) ?? null;
  }

  /**
   * From now on a hall's estimates are refreshed only when `refresh` is called (tests drive them:
   * a background refresh would move the figures); what `refresh` publishes goes out as always.
   */
  stopRefreshes(): void {
    this.manual = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const p of this.screens.values()) p.stop();
  }
}
