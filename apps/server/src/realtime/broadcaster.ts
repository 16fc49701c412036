// After each commit (once the write path has brought the mirror up to date): emit the committed
// events to their hall's room in seq order, and (throttled per hall) recompute and emit live
// estimates.
import type { Server } from 'socket.io';
import type { Logger } from 'pino';
import type { QueueEstimates } from '@hallq/shared';
import type { Tx } from '../storage/command-queue';
import type { Clock } from '../services/clock';
import { refreshEstimates, serviceViews } from '../services/estimates';
import type { HallsMirror } from '../services/hall-mirror';
import type { IssuedCount } from '../services/service-availability';

export const hallRoom = (hallId: string): string => `hall:${hallId}`;

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

  listen(listener: BroadcastListener): void {
    this.listeners.push(listener);
  }

  /** `touched`: the halls the commit changed (what `HallsMirror.applyCommitted` answered). */
  onCommit(committed: Tx[], touched: ReadonlySet<string>): void {
    for (const tx of committed) {
      if (this.io) for (const ev of tx.events) this.io.to(hallRoom(ev.hallId)).emit(ev.type, ev as never);
    }
    for (const l of this.listeners) l.afterCommit(committed);
    for (const h of touched) this.scheduleEstimates(h);
  }

  private scheduleEstimates(hallId: string): void {
    if (this.timers.has(hallId)) return;
    const since = Date.now() - (this.lastRun.get(hallId) ?? 0);
    const delay = Math.max(0, this.throttleMs - since);
    const timer = setTimeout(() => {
      this.timers.delete(hallId);
      this.lastRun.set(hallId, Date.now());
      try {
        this.refresh(hallId);
      } catch (err) {
        this.logger.error({ err, hallId }, 'estimate refresh failed');
      }
    }, delay);
    timer.unref();
    this.timers.set(hallId, timer);
  }

  /** Recomputes a hall's estimates now; returns what was sent. */
  refresh(hallId: string): QueueEstimates | null {
    const m = this.mirror.get(hallId);
    if (!m) return null;
    const now = this.clock();
    refreshEstimates(m, now);
    const msg: QueueEstimates = {
      hallId,
      seq: m.seq,
      at: new Date(now).toISOString(),
      tickets: [...m.estimates.values()],
      services: serviceViews(m, now, this.issuedCount),
    };
    this.io?.to(hallRoom(hallId)).emit('queue.estimates', msg);
    for (const l of this.listeners) l.afterEstimates(hallId);
    return msg;
  }

  close(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
