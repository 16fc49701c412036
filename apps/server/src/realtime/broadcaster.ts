// After each commit (once the write path has brought the mirror up to date): emit the committed
// events to their hall's room in seq order, and (throttled per hall) recompute and emit live
// estimates. The recomputation (a few random forecasts, services/estimate-draws.ts) runs one
// slice of bounded work per turn of the event loop, and gives way to writes waiting to run
// (`sliceWhenIdle`), so no request waits long behind it; while the
// estimates still rest on forecasts of an older state, more refreshes follow (throttled).
import type { Server } from 'socket.io';
import type { Logger } from 'pino';
import type { HallEvent, QueueEstimates } from '@hallq/shared';
import type { Tx } from '../storage/command-queue';
import type { Clock } from '../services/clock';
import { needsMoreDraws } from '../services/estimate-draws';
import { refreshEstimates, serviceViews, startRefresh } from '../services/estimates';
import type { HallMirror, HallsMirror } from '../services/hall-mirror';
import type { IssuedCount } from '../services/service-availability';

export const hallRoom = (hallId: string): string => `hall:${hallId}`;

/** Longest a refresh slice waits for the write path to have no command waiting to run. */
export const MAX_SLICE_WAIT_MS = 20;

/**
 * Runs `slice` at the next turn of the event loop when no write is waiting to run; while writes
 * wait (requests already read, their batch not yet run), it looks again every millisecond and runs
 * anyway once `maxWaitMs` have passed, so a refresh always goes on (under a stream of writes, one
 * slice per `maxWaitMs` at least). A slice run between a batch and its answers would hold all of
 * them; run while the batch's disk flush is under way, it costs them nothing.
 */
export function sliceWhenIdle(slice: () => void, writesWaiting: () => boolean, maxWaitMs = MAX_SLICE_WAIT_MS): void {
  const since = Date.now();
  const attempt = (): void => {
    if (!writesWaiting() || Date.now() - since >= maxWaitMs) slice();
    else setTimeout(attempt, 1);
  };
  setImmediate(attempt);
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
  /** True while commands of the write path wait to run: refresh slices give way to them. */
  private writesWaiting: () => boolean = () => false;

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

  /** Refresh slices give way to the write path while it has commands waiting to run. */
  yieldTo(writesWaiting: () => boolean): void {
    this.writesWaiting = writesWaiting;
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
    if (this.io) for (const ev of events) if (this.anyoneIn(hallRoom(ev.hallId))) this.io.to(hallRoom(ev.hallId)).emit(ev.type, ev as never);
    for (const l of this.listeners) l.afterCommit(committed);
    for (const h of touched) this.scheduleEstimates(h);
  }

  private scheduleEstimates(hallId: string): void {
    if (this.running.has(hallId)) {
      this.running.set(hallId, true);
      return;
    }
    if (this.timers.has(hallId)) return;
    const since = Date.now() - (this.lastRun.get(hallId) ?? 0);
    const delay = Math.max(0, this.throttleMs - since);
    const timer = setTimeout(() => {
      this.timers.delete(hallId);
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

  private refreshInSlices(hallId: string): void {
    const m = this.mirror.get(hallId);
    if (!m || this.closed) return;
    const now = this.clock();
    const seq = m.seq;
    this.mirror.arrivalsUpToDate(m, now);
    const job = startRefresh(m, now);
    this.running.set(hallId, false);
    let more = false;
    const slice = (): void => {
      if (this.closed) return;
      try {
        // One slice of bounded work (STEPS_PER_SLICE forecast calls or TICKETS_PER_SLICE tickets).
        if (!job.slice()) {
          sliceWhenIdle(slice, this.writesWaiting);
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
    if (this.anyoneIn(hallRoom(m.hall.id))) this.io?.to(hallRoom(m.hall.id)).emit('queue.estimates', msg);
    for (const l of this.listeners) l.afterEstimates(m.hall.id);
    return msg;
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
