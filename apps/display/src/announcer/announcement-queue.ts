// Every call and recall is announced exactly once, in seq order, one at a time: chime, then the
// utterance(s) x repeat, then a gap. Replayed calls (caught up after an outage) are announced
// only while still recent; everything is shown on screen regardless.
import type { Scheduler } from './scheduler';
import type { Utterance, Voice } from './voice';

export interface CallToAnnounce {
  seq: number;
  ticketId: string;
  number: string;
  windowNumber: number;
  recall: boolean;
  /** When the server made the call (ms since epoch, on the server's clock corrected for skew). */
  at: number;
  /** Came in while catching up after a disconnect. */
  replayed: boolean;
}

export interface Announcement {
  call: CallToAnnounce;
  utterances: Utterance[];
}

export interface AnnouncementRecord {
  seq: number;
  number: string;
  windowNumber: number;
  recall: boolean;
  text: string;
  textEn: string | null;
  clips: string[];
  voice: Voice['kind'];
  startedAt: number;
}

export type EnqueueResult = 'queued' | 'duplicate' | 'stale';

export interface AnnouncementQueueOptions {
  voice: () => Voice;
  scheduler: Scheduler;
  /** Builds what to say for a call (the hall's template may change at any time). */
  compose: (call: CallToAnnounce) => Utterance[];
  /** How many times the utterances are said (hall.announcementRepeat). */
  repeat: () => number;
  gapMs?: number;
  pauseBetweenRepeatsMs?: number;
  /** A replayed call older than this is shown but not announced. */
  staleAfterMs?: number;
  /** Longest a single chime or utterance may take before the queue moves on (a stuck voice). */
  maxUtteranceMs?: number;
  /** Resolves when sound may play (e.g. after the click that enables audio). */
  ready?: () => Promise<void>;
  onStart?: (record: AnnouncementRecord) => void;
  onError?: (err: unknown) => void;
}

export class AnnouncementQueue {
  private readonly seen = new Set<number>();
  private readonly pending: Announcement[] = [];
  private running = false;
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly opts: AnnouncementQueueOptions) {}

  get length(): number {
    return this.pending.length + (this.running ? 1 : 0);
  }

  enqueue(call: CallToAnnounce): EnqueueResult {
    if (this.seen.has(call.seq)) return 'duplicate';
    this.seen.add(call.seq);
    const staleAfter = this.opts.staleAfterMs ?? 120_000;
    if (call.replayed && this.opts.scheduler.now() - call.at > staleAfter) return 'stale';
    // Events arrive in seq order; keep the queue sorted anyway so a late replay never jumps ahead.
    const item = { call, utterances: this.opts.compose(call) };
    const at = this.pending.findIndex((p) => p.call.seq > call.seq);
    if (at === -1) this.pending.push(item);
    else this.pending.splice(at, 0, item);
    if (!this.running) void this.run();
    return 'queued';
  }

  /** Resolves when nothing is queued or playing. */
  idle(): Promise<void> {
    if (!this.running && this.pending.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      if (this.opts.ready) await this.opts.ready();
      for (let next = this.pending.shift(); next; next = this.pending.shift()) {
        await this.play(next);
      }
    } finally {
      this.running = false;
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      waiters.forEach((w) => w());
    }
  }

  private async play({ call, utterances }: Announcement): Promise<void> {
    const { scheduler } = this.opts;
    const voice = this.opts.voice();
    const zh = utterances.find((u) => u.lang === 'zh');
    const en = utterances.find((u) => u.lang === 'en');
    this.opts.onStart?.({
      seq: call.seq,
      number: call.number,
      windowNumber: call.windowNumber,
      recall: call.recall,
      text: zh?.text ?? '',
      textEn: en?.text ?? null,
      clips: utterances.flatMap((u) => u.clips),
      voice: voice.kind,
      startedAt: scheduler.now(),
    });
    await this.guard(voice.chime());
    const repeat = Math.max(1, Math.min(5, Math.trunc(this.opts.repeat()) || 1));
    for (let r = 0; r < repeat; r++) {
      if (r > 0) await scheduler.sleep(this.opts.pauseBetweenRepeatsMs ?? 600);
      for (const u of utterances) await this.guard(voice.say(u));
    }
    await scheduler.sleep(this.opts.gapMs ?? 1200);
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
