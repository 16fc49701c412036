// The write path. Commands that arrive in the same event-loop turn run in ONE SQLite transaction
// (one fsync with synchronous=FULL), each inside its own SAVEPOINT so a failing command rolls back
// only itself. Every caller is answered only after the commit is durable; `onCommit` then updates
// the in-memory mirror and broadcasts the events, in command order.
//
// With a `Durability` (the app's WAL flush thread) the COMMIT does not wait for the disk on the
// event loop: the batch is committed with synchronous=NORMAL and the thread flushes the WAL while
// the event loop goes on parsing requests, whose commands gather into the next batch. Only when
// the flush is done is the batch published (mirror, events, answers), and only then does the
// next batch run, so commands always see the mirror of every batch before theirs. A flush that
// fails is fatal: the database holds a commit the mirror does not, and nobody may be told about
// it; the batch's callers and every later one get an error and `onFatal` restarts the server,
// which loads its state from the database again.
import type { HallEvent, RoutingTicket } from '@hallq/shared';
import type { Db } from './db';
import type { StoredTicket } from './ticket-repo';
import type { StoredWindow } from './window-repo';
import type { Durability } from './wal-sync';
import { AppError } from '../services/errors';

/**
 * What a committed command changed, so the in-memory mirror can reload exactly that. A `row` is
 * the ticket or window as the command left it (the mirror takes it instead of reading it back);
 * it may be given only when the command wrote the row last in that command (every later write of
 * the same row, in this command or a later one of the batch, touches it again).
 */
export type Effect =
  /** `waiting`: the ticket is now waiting with these routing fields (the mirror needs no read). */
  | { kind: 'ticket'; hallId: string; ticketId: string; waiting?: RoutingTicket; row?: StoredTicket }
  | { kind: 'window'; hallId: string; windowId: string; row?: StoredWindow }
  | { kind: 'config'; hallId: string }
  | { kind: 'service-time'; hallId: string; serviceId: string };

/** State shared by the commands of one batch (one transaction). */
export interface BatchState {
  /** Tickets claimed by earlier commands of this batch: the mirror does not know yet. */
  claimed: Set<string>;
  /**
   * Work done once per batch after its commands and before the commit, in registration order
   * (e.g. writing the tickets issued together once their one forecast is known). Keys make a hook
   * run once. A hook that throws fails the whole batch: nothing is committed, every caller gets
   * the error (a hook finishes what commands began, so it must not be half done).
   */
  beforeCommit: Map<string, () => void>;
  /**
   * Last event seq per hall: known from the batches before (the queue keeps them: every event is
   * appended through it), else read from the log at the hall's first event; emptied when a
   * command's savepoint is undone (its events are undone with it).
   */
  seqs: Map<string, number>;
  /** Idempotency records written by earlier commands of this batch. */
  idempotent: Map<string, { fingerprint: string; status: number; body: unknown }>;
  /**
   * What commands of this batch gather for its `beforeCommit` hooks, by the hook's key. Kept on the
   * batch itself: a WeakMap keyed by the batch would keep every batch's values (tickets, replies)
   * alive through young-generation collections until the next full one, because V8's scavenger
   * treats the values of an old WeakMap as roots. They then filled the old generation.
   */
  gathered: Map<string, unknown>;
  /** When (performance.now()) the batch's COMMIT returned, and when it was known to be on disk. */
  committedAt?: number;
  durableAt?: number;
  /**
   * How long (ms) the disk itself took to flush the batch (the fsync alone, measured on the flush
   * thread), when the durability reports it; 0 when the batch wrote nothing and needed no flush.
   */
  fsyncMs?: number;
}

/** One command's view of the transaction: records its events and effects for after the commit. */
export class Tx {
  readonly events: HallEvent[] = [];
  readonly effects: Effect[] = [];
  /** Set when the command failed and its savepoint was undone. */
  rolledBack = false;
  constructor(
    readonly db: Db,
    readonly batch: BatchState,
  ) {}
  /** `row`: the ticket as this command left it, if the command has it (see `Effect`). */
  touchTicket(hallId: string, ticketId: string, row?: StoredTicket): void {
    this.effects.push(row ? { kind: 'ticket', hallId, ticketId, row } : { kind: 'ticket', hallId, ticketId });
  }
  /** A ticket issued (or put back) waiting: the mirror takes its routing fields from here. */
  touchWaiting(hallId: string, ticket: RoutingTicket): void {
    this.effects.push({ kind: 'ticket', hallId, ticketId: ticket.id, waiting: ticket });
  }
  /** `row`: the window as this command left it, if the command has it (see `Effect`). */
  touchWindow(hallId: string, windowId: string, row?: StoredWindow): void {
    this.effects.push(row ? { kind: 'window', hallId, windowId, row } : { kind: 'window', hallId, windowId });
  }
  touchConfig(hallId: string): void {
    this.effects.push({ kind: 'config', hallId });
  }
}

export interface QueueOptions {
  /** Flushes committed batches off the event loop; without it each COMMIT flushes on the thread. */
  durability?: Durability;
  /** A committed batch could not be made durable: the server must stop and start again. */
  onFatal?: (error: Error) => void;
}

export interface RunOptions {
  /**
   * false: the command writes nothing itself (its writes, if any, are done by a `beforeCommit`
   * hook of the batch), so it runs without a SAVEPOINT of its own; if it throws, there is nothing
   * to undo. Default true.
   */
  savepoint?: boolean;
}

interface Pending {
  run: (tx: Tx) => unknown;
  savepoint: boolean;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown; tx: Tx } | { ok: false; error: unknown };

/** The write path counts as busy this long (ms) after its last batch ran (see `busy`). */
export const BUSY_GAP_MS = 10;

export class CommandQueue {
  private pending: Pending[] = [];
  private scheduled = false;
  private closed = false;
  /** A committed batch waits for its flush: the next one waits for it. */
  private flushing = false;
  private failure: Error | null = null;
  /** The connection's `total_changes()` after the last batch. */
  private changes = -1;
  private idle: Array<() => void> = [];
  private readonly durability: Durability | null;
  /**
   * Each hall's last event seq after the last committed batch, when known for sure: the next
   * batch starts from it instead of reading the log (events are appended only through the queue,
   * after start-up; the log's primary key refuses a seq taken twice).
   */
  private readonly lastSeqs = new Map<string, number>();
  /** When (performance.now()) the last batch began to run. */
  private lastBatchAt = -Infinity;

  constructor(
    private readonly db: Db,
    private readonly onCommit: (committed: Tx[]) => void,
    private readonly options: QueueOptions = {},
  ) {
    this.durability = options.durability ?? null;
  }

  private statements: Record<
    'begin' | 'savepoint' | 'release' | 'rollbackTo' | 'commit' | 'rollback' | 'lazy' | 'full' | 'changes',
    { run(): unknown; get?(): unknown }
  > | null = null;

  /** Transaction control, prepared once. */
  private control() {
    this.statements ??= {
      begin: this.db.prepare('BEGIN IMMEDIATE'),
      savepoint: this.db.prepare('SAVEPOINT command'),
      release: this.db.prepare('RELEASE command'),
      rollbackTo: this.db.prepare('ROLLBACK TO command'),
      commit: this.db.prepare('COMMIT'),
      rollback: this.db.prepare('ROLLBACK'),
      // Only around the queue's own COMMIT; every other write of the connection stays FULL.
      lazy: this.db.prepare('PRAGMA synchronous = NORMAL'),
      full: this.db.prepare('PRAGMA synchronous = FULL'),
      changes: this.db.prepare('SELECT total_changes() AS n'),
    };
    return this.statements;
  }

  run<T>(command: (tx: Tx) => T, options: RunOptions = {}): Promise<T> {
    if (this.failure) return Promise.reject(unsaved(this.failure));
    if (this.closed) return Promise.reject(new Error('the command queue is closed'));
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ run: command, savepoint: options.savepoint !== false, resolve: resolve as (v: unknown) => void, reject });
      if (!this.flushing) this.schedule();
    });
  }

  /** The next batch runs after the callbacks due now (answers, requests already read). */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  /** Commands waiting for their batch to run. */
  get waiting(): number {
    return this.pending.length;
  }

  /** A committed batch is being flushed: the database holds changes nobody may learn of yet. */
  get unflushed(): boolean {
    return this.flushing;
  }

  /**
   * Under a stream of writes: commands wait to run, a batch is being flushed, or one ran less than
   * BUSY_GAP_MS ago (the next is on its way). Work that can wait (an estimate refresh) waits.
   */
  get busy(): boolean {
    return this.pending.length > 0 || this.flushing || performance.now() - this.lastBatchAt < BUSY_GAP_MS;
  }

  /** Runs what is queued now (after the batch being flushed, if any). */
  flush(): void {
    this.scheduled = false;
    if (this.flushing || this.failure) return;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) {
      this.settle();
      return;
    }
    this.lastBatchAt = performance.now();
    const state: BatchState = { claimed: new Set(), beforeCommit: new Map(), idempotent: new Map(), seqs: new Map(this.lastSeqs), gathered: new Map() };
    let undone = false;
    const outcomes: Outcome[] = [];
    const sql = this.control();
    const lazy = this.durability !== null;
    if (lazy && this.changes < 0) this.changes = (sql.changes.get!() as { n: number }).n;
    try {
      if (lazy) sql.lazy.run();
      sql.begin.run();
    } catch (error) {
      if (lazy) sql.full.run();
      for (const p of batch) p.reject(error);
      this.settle();
      return;
    }
    for (const p of batch) {
      const tx = new Tx(this.db, state);
      if (p.savepoint) sql.savepoint.run();
      try {
        const value = p.run(tx);
        if (p.savepoint) sql.release.run();
        outcomes.push({ ok: true, value, tx });
      } catch (error) {
        if (p.savepoint) {
          sql.rollbackTo.run();
          sql.release.run();
          // Its events are undone too: the next append reads the hall's last seq again.
          state.seqs.clear();
          undone = true;
        }
        tx.rolledBack = true;
        outcomes.push({ ok: false, error });
      }
    }
    try {
      for (const hook of state.beforeCommit.values()) hook();
      sql.commit.run();
      state.committedAt = performance.now();
    } catch (error) {
      this.lastSeqs.clear();
      if (this.db.inTransaction) sql.rollback.run();
      if (lazy) sql.full.run();
      for (const p of batch) p.reject(error);
      this.settle();
      return;
    }
    // A hall whose events were undone in this batch is known again only from its later appends.
    if (undone) this.lastSeqs.clear();
    for (const [hallId, seq] of state.seqs) this.lastSeqs.set(hallId, seq);
    if (!lazy) {
      state.durableAt = state.committedAt;
      this.publish(batch, outcomes);
      return;
    }
    sql.full.run();
    // A batch that wrote nothing has nothing to flush (every earlier batch is already durable).
    const changes = (sql.changes.get!() as { n: number }).n;
    const wrote = changes !== this.changes;
    this.changes = changes;
    if (!wrote) {
      state.durableAt = state.committedAt;
      state.fsyncMs = 0;
      this.publish(batch, outcomes);
      return;
    }
    this.flushing = true;
    this.durability!.sync().then(
      (fsyncMs) => {
        state.durableAt = performance.now();
        if (typeof fsyncMs === 'number') state.fsyncMs = fsyncMs;
        this.flushing = false;
        this.publish(batch, outcomes);
      },
      (error: unknown) => {
        this.flushing = false;
        this.fail(batch, error instanceof Error ? error : new Error(String(error)));
      },
    );
  }

  /** The batch is durable: the mirror and the clients learn of it, then its callers. */
  private publish(batch: Pending[], outcomes: Outcome[]): void {
    const committed: Tx[] = [];
    for (const o of outcomes) if (o.ok) committed.push(o.tx);
    try {
      this.onCommit(committed);
    } finally {
      batch.forEach((p, i) => {
        const o = outcomes[i]!;
        if (o.ok) p.resolve(o.value);
        else p.reject(o.error);
      });
      // What gathered while this batch was flushed runs next, but only once its callers have been
      // answered: run here, the next batch would hold every answer of this one until it committed.
      if (this.pending.length > 0) this.schedule();
      else this.settle();
    }
  }

  private fail(batch: Pending[], error: Error): void {
    this.failure = error;
    const refused = unsaved(error);
    for (const p of [...batch, ...this.pending]) p.reject(refused);
    this.pending = [];
    this.settle();
    this.options.onFatal?.(error);
  }

  private settle(): void {
    if (this.flushing || this.pending.length > 0) return;
    const idle = this.idle;
    this.idle = [];
    for (const resolve of idle) resolve();
  }

  /** Refuses new commands, runs and flushes those already queued. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.pending.length > 0 && !this.flushing) this.flush();
    if (this.flushing || this.pending.length > 0) await new Promise<void>((resolve) => this.idle.push(resolve));
    await this.durability?.close();
  }
}

function unsaved(error: Error): AppError {
  return new AppError('internal', `the change could not be saved to disk (${error.message}); the server restarts`);
}
