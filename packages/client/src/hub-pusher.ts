// Pushes the hall's event log to the city hub, in the background: never in a request's path.
//
// - Starts by asking the hub's ackSeq (an empty batch), then sends the events after it in seq
//   order, at most `batchSize` read from the log at a time (a week offline is caught up batch by
//   batch; only one batch is ever in memory).
// - Woken by each commit (nudge) so the city sees a call within a fraction of a second; otherwise
//   a heartbeat every `heartbeatMs` keeps the hall shown online.
// - While the hub is away (network down, hub restarting, 5xx) it backs off exponentially, with
//   jitter, up to `maxBackoffMs`; the hall goes on serving its visitors regardless.
// - 409 seq_gap tells it where the hub stands: it resumes from `expectedSeq`.
import type { HallEvent, HubHallInfo, HubLiveInfo, HubPushBody } from '@hallq/shared';

export interface PusherSource {
  lastSeq(): number;
  /** Events with seq in (afterSeq, afterSeq + limit], in seq order. */
  eventsAfter(afterSeq: number, limit: number): HallEvent[];
  /** The hall's catalogue (names, targets, timezone, public address). */
  hallInfo(): HubHallInfo;
  /** Live estimates per service. */
  live(): HubLiveInfo;
}

export interface PusherOptions {
  hubUrl: string;
  token: string;
  hallId: string;
  source: PusherSource;
  batchSize?: number;
  heartbeatMs?: number;
  /** Delay after a nudge, so a burst of commits leaves as one batch. */
  coalesceMs?: number;
  minBackoffMs?: number;
  maxBackoffMs?: number;
  requestTimeoutMs?: number;
  fetch?: typeof fetch;
  log?: { warn: (obj: object, msg: string) => void; info: (obj: object, msg: string) => void };
  random?: () => number;
}

export interface PusherStatus {
  ackSeq: number | null;
  failures: number;
  lastError: string | null;
  running: boolean;
}

class HubAnswerError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export class HubPusher {
  private ackSeq: number | null = null;
  private failures = 0;
  private lastError: string | null = null;
  private running = false;
  private sendInfo = true;
  /** The live estimates last acknowledged by the hub: sent again only when they change. */
  private lastLive: string | null = null;
  private wake: (() => void) | null = null;
  /** A commit happened since the last read of the log. */
  private pending = false;
  private readonly waiters = new Set<{ seq: number; done: () => void }>();
  private loop: Promise<void> | null = null;
  /** Aborts an exchange in flight when the pusher stops. */
  private readonly stopping = new AbortController();
  private readonly o: Required<Omit<PusherOptions, 'log'>> & Pick<PusherOptions, 'log'>;

  constructor(options: PusherOptions) {
    this.o = {
      batchSize: 500,
      heartbeatMs: 15_000,
      coalesceMs: 20,
      minBackoffMs: 1_000,
      maxBackoffMs: 60_000,
      requestTimeoutMs: 15_000,
      fetch: globalThis.fetch,
      random: Math.random,
      ...options,
      hubUrl: options.hubUrl.replace(/\/+$/, ''),
    };
  }

  status(): PusherStatus {
    return { ackSeq: this.ackSeq, failures: this.failures, lastError: this.lastError, running: this.running };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.stopping.abort();
    this.wake?.();
    await this.loop;
  }

  /** New events were committed: push soon (a no-op while backing off from a failure). */
  nudge(): void {
    this.pending = true;
    if (this.failures > 0 || !this.wake) return;
    const wake = this.wake;
    setTimeout(wake, this.o.coalesceMs);
  }

  /** Resolves once the hub has acknowledged `seq` (tests and the benchmark). */
  until(seq: number, timeoutMs = 30_000): Promise<void> {
    if (this.ackSeq !== null && this.ackSeq >= seq) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`hub ack ${this.ackSeq} < ${seq} after ${timeoutMs} ms (${this.lastError ?? 'no error'})`));
      }, timeoutMs);
      const waiter = { seq, done: () => (clearTimeout(timer), resolve()) };
      this.waiters.add(waiter);
      this.nudge();
    });
  }

  private acknowledged(ack: number): void {
    this.ackSeq = ack;
    for (const w of this.waiters) {
      if (w.seq <= ack) {
        this.waiters.delete(w);
        w.done();
      }
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      let more = false;
      try {
        more = await this.step();
        if (this.failures > 0) this.o.log?.info({ ackSeq: this.ackSeq, after: this.failures }, 'hub reachable again');
        this.failures = 0;
        this.lastError = null;
      } catch (err) {
        this.failures++;
        this.lastError = err instanceof Error ? err.message : String(err);
        if (err instanceof HubAnswerError && err.status === 409) this.failures = 0; // resynchronised: go on now
        else if (this.failures === 1 || this.failures % 20 === 0) this.o.log?.warn({ err: this.lastError, failures: this.failures }, 'hub push failed; backing off');
      }
      if (!this.running) break;
      if (more && this.failures === 0) continue;
      if (this.failures === 0 && this.pending) {
        // Committed while the last exchange was in flight: go again, after the coalescing delay.
        await new Promise((r) => setTimeout(r, this.o.coalesceMs));
        continue;
      }
      await this.sleep(this.failures > 0 ? this.backoff() : this.o.heartbeatMs);
    }
  }

  private backoff(): number {
    const base = Math.min(this.o.maxBackoffMs, this.o.minBackoffMs * 2 ** Math.min(this.failures - 1, 16));
    return base / 2 + (this.o.random() * base) / 2;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = null;
        done();
      };
    });
  }

  /** One exchange with the hub; true when there is more to send right away. */
  private async step(): Promise<boolean> {
    this.pending = false;
    const last = this.o.source.lastSeq();
    const events = this.ackSeq === null || this.ackSeq >= last ? [] : this.o.source.eventsAfter(this.ackSeq, this.o.batchSize);
    const live = this.o.source.live();
    const liveText = JSON.stringify(live);
    const body: HubPushBody = { events };
    if (liveText !== this.lastLive) body.live = live;
    if (this.sendInfo || events.some((e) => e.type === 'config.changed')) body.hall = this.o.source.hallInfo();
    const ack = await this.post(body);
    this.sendInfo = false;
    this.lastLive = liveText;
    if (ack > last) this.o.log?.warn({ hubAckSeq: ack, lastSeq: last }, 'the hub holds more events than this hall (restored from an older backup?)');
    this.acknowledged(ack);
    return ack < last;
  }

  private async post(body: HubPushBody): Promise<number> {
    const url = `${this.o.hubUrl}/api/v1/hub/halls/${encodeURIComponent(this.o.hallId)}/events`;
    const res = await this.o.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.o.token}` },
      body: JSON.stringify(body),
      signal: AbortSignal.any([AbortSignal.timeout(this.o.requestTimeoutMs), this.stopping.signal]),
    });
    const answer = (await res.json().catch(() => null)) as { ackSeq?: number; error?: { code?: string; details?: { expectedSeq?: number } } } | null;
    if (res.ok && typeof answer?.ackSeq === 'number') return answer.ackSeq;
    const expected = answer?.error?.details?.expectedSeq;
    if (res.status === 409 && answer?.error?.code === 'seq_gap' && typeof expected === 'number') {
      this.ackSeq = expected - 1;
      throw new HubAnswerError(409, `hub expects seq ${expected}`);
    }
    throw new HubAnswerError(res.status, `hub answered ${res.status} ${answer?.error?.code ?? ''}`.trim());
  }
}
