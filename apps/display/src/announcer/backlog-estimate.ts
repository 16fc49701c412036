// How long an announcement takes and how fast calls come, learned from the ones just played and
// received (the voice, the template, the repeat count and the hour all change them), so the queue
// can choose how much to say and still start every call within the hall's lag.
/**
 * `full`: chime + template x hall repeat; `once`: chime + template once; `brief`: "A零零七，五号窗口"
 * a little faster; `rush`: the same, faster still, while a backlog is building.
 */
export type AnnounceMode = 'full' | 'once' | 'brief' | 'rush';

export const MODES_RICHEST_FIRST: readonly AnnounceMode[] = ['full', 'once', 'brief', 'rush'];

/** Before anything was played and with nothing to guess from: chime + two readings + gap; chime + one reading; one short reading. */
const INITIAL_MS: Record<AnnounceMode, number> = { full: 13_000, once: 7_000, brief: 3_000, rush: 2_500 };
const WEIGHT = 0.3;
/** Calls counted over this window to know the hall's current pace. */
const RATE_WINDOW_MS = 3 * 60_000;
const MIN_RATE_SPAN_MS = 60_000;
/**
 * The longer forms are used only while they keep the voice busy at most this share of the time:
 * above it, calls arriving during a long announcement queue up behind it and wait past the lag.
 */
export const MAX_VOICE_LOAD = 0.5;

export class BacklogEstimate {
  private readonly mean: Partial<Record<AnnounceMode, number>> = {};
  private readonly arrivals: number[] = [];
  private firstArrival: number | null = null;

  /** Set by the queue: a first guess for a form not played yet (from the length of its text). */
  guess: (mode: AnnounceMode) => number | null = () => null;

  ms(mode: AnnounceMode): number {
    return this.mean[mode] ?? this.guess(mode) ?? INITIAL_MS[mode];
  }

  record(mode: AnnounceMode, ms: number): void {
    if (!Number.isFinite(ms) || ms <= 0) return;
    const prev = this.mean[mode];
    this.mean[mode] = prev === undefined ? ms : prev * (1 - WEIGHT) + ms * WEIGHT;
  }

  arrived(at: number): void {
    this.firstArrival ??= at;
    this.arrivals.push(at);
  }

  /**
   * Calls per millisecond over the last few minutes; right after start-up, over the time since
   * the first call (at least a minute), so a display started at the peak knows it at once.
   */
  rate(now: number): number {
    while (this.arrivals.length > 0 && this.arrivals[0]! < now - RATE_WINDOW_MS) this.arrivals.shift();
    const span = this.firstArrival === null ? RATE_WINDOW_MS : Math.min(RATE_WINDOW_MS, Math.max(MIN_RATE_SPAN_MS, now - this.firstArrival));
    return this.arrivals.length / span;
  }

  /** The richest form the hall's pace allows (the short form when nothing else does). */
  paceMode(now: number): AnnounceMode {
    const rate = this.rate(now);
    return MODES_RICHEST_FIRST.find((m) => rate * this.ms(m) <= MAX_VOICE_LOAD) ?? 'brief';
  }
}
