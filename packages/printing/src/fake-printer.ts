import net from 'node:net';
import type { Duplex } from 'node:stream';
import { nextToken } from './decode';
import type { StatusReplies } from './status';
import type { PrinterState } from './types';

/** `silent`: connections are accepted but status requests are never answered (a printer with no
 * DLE EOT support); `paper_near_end`: ready and printing, with the paper near-end sensor on;
 * `stalled`: answers the status read as ready, then stops reading once a job's bytes arrive (a
 * printer hung part-way through: the connection's buffers fill and a large enough job's write
 * never completes). */
export type FakePrinterState = PrinterState | 'silent' | 'paper_near_end' | 'stalled';

// DLE EOT replies a real Epson-compatible printer gives in each state (fixed bits 0x12 set).
const REPLIES: Record<Exclude<FakePrinterState, 'silent' | 'stalled'>, Required<StatusReplies>> = {
  ready: { printer: 0x12, offline: 0x12, error: 0x12, paper: 0x12 },
  paper_near_end: { printer: 0x12, offline: 0x12, error: 0x12, paper: 0x1e },
  offline: { printer: 0x1a, offline: 0x12, error: 0x12, paper: 0x12 },
  paper_out: { printer: 0x1a, offline: 0x32, error: 0x12, paper: 0x72 },
  cover_open: { printer: 0x1a, offline: 0x16, error: 0x12, paper: 0x12 },
  error: { printer: 0x1a, offline: 0x52, error: 0x1a, paper: 0x12 },
};
const REPLY_KEY: Record<number, keyof StatusReplies> = { 1: 'printer', 2: 'offline', 3: 'error', 4: 'paper' };

export interface FakePrinterOptions {
  port?: number;
  host?: string;
  state?: FakePrinterState;
}

/**
 * A network ESC/POS printer on loopback for tests, e2e runs and the demo: answers DLE EOT from a
 * settable state and keeps every job it receives. A job ends at a cut command (or when the
 * connection closes); status requests are answered, never counted as job bytes. Bytes are read in
 * order, so a status request right behind a job is answered in the state the job left.
 */
export class FakePrinter {
  /** Jobs received, in order, whatever the state (so tests can prove nothing was sent). */
  readonly jobs: Buffer[] = [];
  /** The n of every DLE EOT n received. */
  readonly statusRequests: number[] = [];
  private state: FakePrinterState;
  private stateAfterJob: FakePrinterState | null = null;
  private rawReplies: StatusReplies | null = null;
  private readonly sockets = new Set<Duplex>();
  private readonly jobWaiters: Array<() => void> = [];
  private taken = 0;

  private constructor(
    private readonly server: net.Server | null,
    readonly host: string,
    readonly port: number,
    state: FakePrinterState,
  ) {
    this.state = state;
  }

  static async start(options: FakePrinterOptions = {}): Promise<FakePrinter> {
    const host = options.host ?? '127.0.0.1';
    const server = net.createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => resolve());
    });
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('FakePrinter: no TCP address');
    const printer = new FakePrinter(server, host, address.port, options.state ?? 'ready');
    server.on('connection', (socket) => printer.serve(socket));
    return printer;
  }

  /** A printer with no network side: feed it any byte stream with `serve` (e.g. the far end of a
   * serial line). */
  static detached(state: FakePrinterState = 'ready'): FakePrinter {
    return new FakePrinter(null, '', 0, state);
  }

  /** `tcp://127.0.0.1:<port>`, for a device's printer setting. */
  get url(): string {
    return `tcp://${this.host.includes(':') ? `[${this.host}]` : this.host}:${this.port}`;
  }

  getState(): FakePrinterState {
    return this.state;
  }

  setState(state: FakePrinterState): void {
    this.state = state;
    this.rawReplies = null;
  }

  /** Goes into `state` as soon as the next job has arrived (at its cut, or when its connection
   * closes), before answering the status read that follows it: a printer that runs out of paper,
   * has its cover opened or stops answering (`silent`) while printing that ticket. Once only. */
  setStateAfterJob(state: FakePrinterState): void {
    this.stateAfterJob = state;
  }

  /** Answers with these exact bytes instead (e.g. malformed ones); a missing key is not answered. */
  setRawReplies(replies: StatusReplies | null): void {
    this.rawReplies = replies;
  }

  /** Resolves with the next job not yet returned by an earlier call. */
  waitForJob(timeoutMs = 5000): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const job = this.jobs[this.taken];
        if (!job) return false;
        this.taken++;
        clearTimeout(timer);
        resolve(job);
        return true;
      };
      const timer = setTimeout(() => {
        const index = this.jobWaiters.indexOf(waiter);
        if (index >= 0) this.jobWaiters.splice(index, 1);
        reject(new Error(`FakePrinter: no job within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter = (): void => {
        if (!check()) this.jobWaiters.push(waiter);
      };
      waiter();
    });
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    const server = this.server;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private reply(n: number): number | undefined {
    const key = REPLY_KEY[n];
    if (!key || this.state === 'silent') return undefined;
    return this.rawReplies ? this.rawReplies[key] : REPLIES[this.state === 'stalled' ? 'ready' : this.state][key];
  }

  private finishJob(job: Buffer): void {
    if (this.stateAfterJob !== null) {
      this.setState(this.stateAfterJob);
      this.stateAfterJob = null;
    }
    this.jobs.push(job);
    for (const waiter of this.jobWaiters.splice(0)) waiter();
  }

  /** Speaks the printer's side of ESC/POS on one byte stream (a TCP connection, a serial line). */
  serve(socket: Duplex): void {
    this.sockets.add(socket);
    let pending = Buffer.alloc(0);
    let job: Buffer[] = [];
    let jobBytesSeen = false;
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      let offset = 0;
      for (let next = nextToken(pending, offset); next; next = nextToken(pending, offset)) {
        const bytes = pending.subarray(offset, next.end);
        offset = next.end;
        if (next.token.kind === 'status-request') {
          this.statusRequests.push(next.token.n);
          const answer = this.reply(next.token.n);
          if (answer !== undefined) socket.write(Buffer.from([answer & 0xff]));
          continue;
        }
        job.push(Buffer.from(bytes));
        jobBytesSeen = true;
        if (next.token.kind === 'cut') {
          this.finishJob(Buffer.concat(job));
          job = [];
        }
      }
      pending = Buffer.from(pending.subarray(offset));
      if (this.state === 'stalled' && jobBytesSeen) socket.pause();
    });
    const flush = (): void => {
      this.sockets.delete(socket);
      const rest = Buffer.concat([...job, pending]);
      job = [];
      pending = Buffer.alloc(0);
      if (rest.length > 0) this.finishJob(rest);
    };
    socket.on('close', flush);
    socket.on('error', () => socket.destroy());
  }
}
