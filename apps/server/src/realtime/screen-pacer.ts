// The pace of `queue.estimates` to a hall's display screens. A refresh ends about twice a second
// while a hall is busy, and each one used to go to every screen whatever it changed; a screen
// shows per-service waits in whole minutes, which move far more slowly. So a screen gets the
// estimates only when what it shows changed, at most once per SCREEN_ESTIMATES_INTERVAL_MS, and
// not on top of a call's broadcast to the same screens.
import { waitShown, type QueueEstimates } from '@hallq/shared';

/**
 * At most one `queue.estimates` per hall to its screens per this many ms (by the hall's clock).
 * A screen's waits read in whole minutes, from across the hall: a figure a few seconds late is
 * not seen, while each message goes to every screen of the hall at once (a thousand screens of a
 * few kilobytes each, beside the calls, which must reach them first). The first change after a
 * quiet spell goes out at once; changes within the interval wait for its end, and the latest
 * figures then go out (the last change is never lost).
 */
export const SCREEN_ESTIMATES_INTERVAL_MS = 3000;
/**
 * A screens message waits until the write path has been quiet this long (ms of real time): no
 * command waiting, no batch being flushed, none published to screens this recently. A call's
 * events reach a hall's screens in tens of milliseconds; the estimates go out after them, not in
 * the same turn, competing for the screens' connections and the server's thread.
 */
export const SCREEN_QUIET_MS = 50;
/** ...but no longer than this (ms of real time) under a steady stream of writes: then it goes out at the next moment no batch is being flushed. */
export const SCREEN_MAX_DEFER_MS = 1000;
/** How often a deferred screens message looks again whether the write path is quiet (ms). */
export const SCREEN_RECHECK_MS = 25;

/**
 * What a display screen shows of a `queue.estimates` (apps/display, queue-summary): per service,
 * its waiting count, its wait as shown (whole minutes: the range, "within", "under a minute", or
 * the single figure; nothing when unknown) and whether it takes tickets now. Two messages with the
 * same key look the same on a screen: `longestWaitSeconds`, the exact seconds and the `seq` and
 * `at` of the refresh are not shown.
 */
export function screenKey(msg: Pick<QueueEstimates, 'services'>): string {
  return JSON.stringify(
    msg.services.map((s) => [s.serviceId, s.waiting, waitShown(s.estimatedWaitSeconds, s.estimatedWaitRange), s.acceptingTickets ?? null, s.closedReason ?? null]),
  );
}

export interface PacerClock {
  /** The hall's clock (ms): the interval is counted on it (a test's fake clock drives it). */
  now(): number;
  /** Real time (ms, monotonic): the short deferral behind the write path is counted on it. */
  elapsed(): number;
  /** Calls `fn` after `ms` ms of real time. */
  after(ms: number, fn: () => void): { cancel(): void };
}

export interface PacerWrites {
  /** Commands wait to run, a batch is being flushed, or one was published less than SCREEN_QUIET_MS ago. */
  busy(): boolean;
  /** A batch is committed and being flushed: nothing else goes out before its answers and events. */
  unflushed(): boolean;
  /** Runs `work` at the first moment no batch waits for its flush (a pipelined write path may always have one). */
  whenPublished?(work: () => void): void;
}

/** One hall's screens: what they were last sent, and the latest figures waiting to go out. */
export class ScreenPacer<T> {
  private lastKey: string | null = null;
  private lastSentAt: number | null = null;
  private pending: { msg: T; key: string } | null = null;
  private timer: { cancel(): void } | null = null;
  /** Real time at which the pending message was first due (its interval over): the deferral's bound. */
  private dueSince: number | null = null;
  private stopped = false;

  constructor(
    private readonly send: (msg: T) => void,
    private readonly clock: PacerClock,
    private readonly writes: PacerWrites,
  ) {}

  /** The latest figures: sent now, later, or not at all when the screens already show the same. */
  offer(msg: T, key: string): void {
    if (this.stopped) return;
    if (key === this.lastKey) {
      // Back to what the screens show: nothing to send.
      this.pending = null;
      this.dueSince = null;
      this.cancel();
      return;
    }
    this.pending = { msg, key };
    this.cancel();
    this.attempt();
  }

  /** The screens left (none connected): the next figures go out as a change. */
  forget(): void {
    this.lastKey = null;
    this.pending = null;
    this.dueSince = null;
    this.cancel();
  }

  stop(): void {
    this.stopped = true;
    this.forget();
  }

  private cancel(): void {
    this.timer?.cancel();
    this.timer = null;
  }

  private attempt(): void {
    this.timer = null;
    if (!this.pending || this.stopped) return;
    const now = this.clock.now();
    // The interval is counted from the last message sent (a clock set back counts as over).
    if (this.lastSentAt !== null && now >= this.lastSentAt && now - this.lastSentAt < SCREEN_ESTIMATES_INTERVAL_MS) {
      this.dueSince = null;
      this.timer = this.clock.after(SCREEN_ESTIMATES_INTERVAL_MS - (now - this.lastSentAt), () => this.attempt());
      return;
    }
    const t = this.clock.elapsed();
    this.dueSince ??= t;
    const overdue = t - this.dueSince >= SCREEN_MAX_DEFER_MS;
    if (overdue && this.writes.unflushed() && this.writes.whenPublished) {
      // Under a stream of writes there may always be a batch in flight: the write path says when none is.
      let live = true;
      this.timer = { cancel: () => void (live = false) };
      this.writes.whenPublished(() => {
        if (!live) return;
        this.timer = null;
        this.sendPending(now);
      });
      return;
    }
    if (this.writes.unflushed() || (!overdue && this.writes.busy())) {
      this.timer = this.clock.after(SCREEN_RECHECK_MS, () => this.attempt());
      return;
    }
    this.sendPending(now);
  }

  private sendPending(now: number): void {
    if (!this.pending || this.stopped) return;
    const { msg, key } = this.pending;
    this.pending = null;
    this.dueSince = null;
    this.lastKey = key;
    this.lastSentAt = now;
    this.send(msg);
  }
}
