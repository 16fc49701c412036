// Every call and recall this display covers is announced once, in seq order, one at a time:
// chime, then the utterance(s) x repeat, then a gap. When the backlog would make a call wait
// longer than the hall's lag, the queue catches up: each call is read once in the short form,
// back to back; a recall of a ticket still queued merges into its pending announcement. Nothing
// is dropped without a record (`onSkip`), and `onHandled` reports how far every call has been
// dealt with, so a reloaded display resumes exactly there.
import { BacklogEstimate, MODES_RICHEST_FIRST, type AnnounceMode } from './backlog-estimate';
import type { Scheduler } from './scheduler';
import type { Utterance, Voice } from './voice';

export type { AnnounceMode } from './backlog-estimate';

export interface CallToAnnounce {
  seq: number;
  ticketId: string;
  number: string;
  windowNumber: number;
  recall: boolean;
  /** When the server made the call (ms since epoch, on the server's clock corrected for skew). */
  at: number;
  /** Came in while catching up after a disconnect or a reload. */
  replayed: boolean;
}

export interface AnnouncementRecord {
  seq: number;
  /** Later calls of the same ticket merged into this announcement. */
  mergedSeqs: number[];
  number: string;
  windowNumber: number;
  recall: boolean;
  mode: AnnounceMode;
  text: string;
  textEn: string | null;
  clips: string[];
  voice: Voice['kind'];
  /** When the call was made and when its announcement started (ms). */
  calledAt: number;
  startedAt: number;
  lagMs: number;
}

export type SkipReason = 'stale' | 'merged' | 'not-covered';
export type EnqueueResult = 'queued' | 'duplicate' | SkipReason;

export interface SkipRecord {
  seq: number;
  number: string;
  windowNumber: number;
  reason: SkipReason;
  /** For 'merged': the pending announcement that now carries this call. */
  intoSeq?: number;
  at: number;
}

export interface AnnouncementQueueOptions {
  voice: () => Voice;
  scheduler: Scheduler;
  /** Builds what to say for a call (the hall's template may change at any time). */
  compose: (call: CallToAnnounce, mode: AnnounceMode) => Utterance[];
  /** How many times the utterances are said in the full form (hall.announcementRepeat, 1-3). */
  repeat: () => number;
  /** Longest wait from a call to the start of its announcement before catching up (ms). */
  maxLagMs?: () => number;
  /** false: always the full form, however long the backlog (how displays worked before; for comparison). */
  catchUp?: boolean;
  /** Does this display announce calls of that window? (default: every window) */
  covers?: (windowNumber: number) => boolean;
  /** Calls at or below this seq were dealt with before (kept across reloads). */
  handledThrough?: number;
  gapMs?: number;
  briefGapMs?: number;
  pauseBetweenRepeatsMs?: number;
  /** A call older than this when it would start is shown but not announced (logged). */
  staleAfterMs?: number;
  /** Longest a single chime or utterance may take before the queue moves on (a stuck voice). */
  maxUtteranceMs?: number;
  /** Resolves when sound may play (e.g. after the click that enables audio). */
  ready?: () => Promise<void>;
  onStart?: (record: AnnouncementRecord) => void;
  onSkip?: (record: SkipRecord) => void;
  /** Every call at or below this seq has been spoken (once at least) or logged as skipped. */
  onHandled?: (seq: number) => void;
  onError?: (err: unknown) => void;
}

interface Pending {
  call: CallToAnnounce;
  mergedSeqs: number[];
}

export const DEFAULT_MAX_LAG_MS = 15_000;
export const DEFAULT_STALE_AFTER_MS = 10 * 60_000;
/** A short announcement within this long of the last one follows it without a chime (a busy hall hears one run). */
export const RUN_QUIET_MS = 8_000;

/** About 300 ms a spoken character (clips and speech engines alike), plus the chime and gaps. */
function guessMs(utterances: Utterance[], repeat: number): number {
  const speech = utterances.reduce((ms, u) => ms + (u.text.replace(/[\s,，。]/g, '').length * 300) / (u.rate ?? 1), 0);
  return 1500 + repeat * speech + (repeat - 1) * 600 + 1200;
}

export class AnnouncementQueue {
  private readonly seen = new Set<number>();
  private readonly pending: Pending[] = [];
  private playing: Pending | null = null;
  private running = false;
  private idleWaiters: Array<() => void> = [];
  private handled: number;
  private highestSeen: number;
  private lastMode: AnnounceMode | null = null;
  private lastEnd = -Infinity;
  readonly estimate = new BacklogEstimate();

  constructor(private readonly opts: AnnouncementQueueOptions) {
    this.handled = opts.handledThrough ?? 0;
    this.highestSeen = this.handled;
    this.estimate.guess = (mode) => {
      const head = this.pending[0]?.call;
      return head ? guessMs(opts.compose(head, mode), mode === 'full' ? this.repeatCount() : 1) : null;
    };
  }

  private repeatCount(): number {
    return Math.max(1, Math.min(3, Math.trunc(this.opts.repeat()) || 1));
  }

  get length(): number {
    return this.pending.length + (this.playing ? 1 : 0);
  }

  /** Every call at or below this seq is spoken or logged. */
  get handledThrough(): number {
    return this.handled;
  }

  enqueue(call: CallToAnnounce): EnqueueResult {
    if (call.seq <= this.handled || this.seen.has(call.seq)) return 'duplicate';
    this.seen.add(call.seq);
    this.highestSeen = Math.max(this.highestSeen, call.seq);
    if (!call.replayed) this.estimate.arrived(this.opts.scheduler.now());
    const result = this.place(call);
    this.updateHandled();
    if (result === 'queued' && !this.running) void this.run();
    return result;
  }

  /** Resolves when nothing is queued or playing. */
  idle(): Promise<void> {
    if (!this.running && this.pending.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private place(call: CallToAnnounce): EnqueueResult {
    if (this.opts.covers && !this.opts.covers(call.windowNumber)) return this.skip(call, 'not-covered');
    if (this.isStale(call)) return this.skip(call, 'stale');
    // A recall (or a new call) of a ticket whose announcement has not started yet: one
    // announcement, with the newest window, counted from the first call.
    const same = this.pending.find((p) => p.call.ticketId === call.ticketId);
    if (same) {
      same.call = { ...same.call, number: call.number, windowNumber: call.windowNumber, recall: same.call.recall || call.recall };
      same.mergedSeqs.push(call.seq);
      return this.skip(call, 'merged', same.call.seq);
    }
    // Events arrive in seq order; keep the queue sorted anyway so a late replay never jumps ahead.
    const item: Pending = { call, mergedSeqs: [] };
    const at = this.pending.findIndex((p) => p.call.seq > call.seq);
    if (at === -1) this.pending.push(item);
    else this.pending.splice(at, 0, item);
    return 'queued';
  }

  private isStale(call: CallToAnnounce): boolean {
    return this.opts.scheduler.now() - call.at > (this.opts.staleAfterMs ?? DEFAULT_STALE_AFTER_MS);
  }

  private skip(call: CallToAnnounce, reason: SkipReason, intoSeq?: number): SkipReason {
    this.opts.onSkip?.({ seq: call.seq, number: call.number, windowNumber: call.windowNumber, reason, at: this.opts.scheduler.now(), ...(intoSeq !== undefined ? { intoSeq } : {}) });
    return reason;
  }

  /** The lowest seq still waiting to be spoken, minus one; or everything seen. */
  private updateHandled(): void {
    const open = [...this.pending, ...(this.playing ? [this.playing] : [])].flatMap((p) => [p.call.seq, ...p.mergedSeqs]);
    const through = open.length ? Math.min(...open) - 1 : this.highestSeen;
    if (through > this.handled) {
      this.handled = through;
      this.opts.onHandled?.(through);
    }
  }

  /**
   * The richest form the hall's pace allows, as long as every queued call would still start
   * within the lag if read that way; the short form once a backlog builds (half the lag), and the
   * fast short form when even that would not do.
   */
  modeFor(now: number): AnnounceMode {
    if (this.opts.catchUp === false) return 'full';
    const maxLag = this.opts.maxLagMs?.() ?? DEFAULT_MAX_LAG_MS;
    const pace = this.estimate.paceMode(now);
    const modes = MODES_RICHEST_FIRST.slice(Math.min(MODES_RICHEST_FIRST.indexOf(pace), MODES_RICHEST_FIRST.indexOf('brief')));
    const fits = (mode: AnnounceMode) => {
      const limit = mode === 'brief' ? maxLag / 5 : maxLag;
      let t = now;
      for (const p of this.pending) {
        if (t - p.call.at > limit) return false;
        t += this.estimate.ms(mode);
      }
      return true;
    };
    return modes.find(fits) ?? 'rush';
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      if (this.opts.ready) await this.opts.ready();
      while (this.pending.length > 0) {
        const mode = this.modeFor(this.opts.scheduler.now());
        const next = this.pending.shift()!;
        this.playing = next;
        if (this.isStale(next.call)) {
          // Sound was off (or the voice stuck) for so long that this visitor has long been served.
          this.skip(next.call, 'stale');
          for (const seq of next.mergedSeqs) this.skip({ ...next.call, seq }, 'stale');
        } else {
          await this.play(next, mode);
        }
        this.playing = null;
        this.updateHandled();
      }
    } finally {
      this.running = false;
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      waiters.forEach((w) => w());
    }
  }

  private async play({ call, mergedSeqs }: Pending, mode: AnnounceMode): Promise<void> {
    const { scheduler } = this.opts;
    const voice = this.opts.voice();
    const utterances = this.opts.compose(call, mode);
    const zh = utterances.find((u) => u.lang === 'zh');
    const en = utterances.find((u) => u.lang === 'en');
    const startedAt = scheduler.now();
    this.opts.onStart?.({
      seq: call.seq,
      mergedSeqs,
      number: call.number,
      windowNumber: call.windowNumber,
      recall: call.recall,
      mode,
      text: zh?.text ?? '',
      textEn: en?.text ?? null,
      clips: utterances.flatMap((u) => u.clips),
      voice: voice.kind,
      calledAt: call.at,
      startedAt,
      lagMs: startedAt - call.at,
    });
    // In a run of short announcements one chime opens the run; each call still gets its own.
    const short = (m: AnnounceMode | null) => m === 'brief' || m === 'rush';
    const inRun = short(mode) && short(this.lastMode) && startedAt - this.lastEnd < RUN_QUIET_MS;
    if (!inRun) await this.guard(voice.chime());
    const repeat = mode !== 'full' ? 1 : this.repeatCount();
    for (let r = 0; r < repeat; r++) {
      if (r > 0) await scheduler.sleep(this.opts.pauseBetweenRepeatsMs ?? 600);
      for (const u of utterances) await this.guard(voice.say(u));
      if (r === 0) {
        // Said once in full: a reload from here on must not say it again.
        this.playing = null;
        this.updateHandled();
      }
    }
    await scheduler.sleep(short(mode) ? (this.opts.briefGapMs ?? 150) : (this.opts.gapMs ?? 1200));
    this.lastMode = mode;
    this.lastEnd = scheduler.now();
    this.estimate.record(mode, this.lastEnd - startedAt);
  }

  /** A voice that never finishes must not block every later call. */
  private async guard(p: Promise<void>): Promise<void> {
    const limit = this.opts.maxUtteranceMs ?? 20_000;
    let timedOut = false;
    try {
      await Promise.race([
        p,
        this.opts.scheduler.sleep(limit).then(() => {
          timedOut = true;
        }),
      ]);
    } catch (err) {
      this.opts.onError?.(err);
    }
    if (timedOut) this.opts.onError?.(new Error('voice did not finish in time'));
  }
}
