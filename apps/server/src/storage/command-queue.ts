// The write path. Commands that arrive in the same event-loop turn run in ONE SQLite transaction
// (one fsync with synchronous=FULL), each inside its own SAVEPOINT so a failing command rolls back
// only itself (batch-transaction.ts). Every caller is answered only after the commit is durable.
//
// Each batch is taken in two steps. Right after its COMMIT, `apply` brings the in-memory mirror up
// to date, before the next batch runs: every command sees every batch committed before it (claimed
// tickets, window states, event seqs). Once the batch is durable, `publish` tells the world (the
// events to the sockets, push, the city hub, then the callers' answers), strictly in commit order.
//
// With a `Durability` (the app's WAL flush thread) the COMMIT does not wait for the disk on the
// event loop: the batch is committed with synchronous=NORMAL and the thread flushes the WAL while
// the event loop goes on. The write path may be pipelined: with a `depth` over one, the next batch
// may run and COMMIT while the batch before it is still being flushed (at most `depth` batches
// wait for their flush; by default one, see MAX_UNPUBLISHED).
// One flush is under way at a time; the batches committed meanwhile share the next one (an fsync
// started after a COMMIT returned covers that batch and every one before it). A flush that fails
// is fatal: the database (and the mirror) hold commits nobody may be told of; the callers of every
// batch not yet published and of every later command get an error, nothing of those batches is
// published, and `onFatal` restarts the server, which loads its state from the database again.
//
// What this allows: a read served from the mirror (an HTTP read, a snapshot to a socket, a
// forecast) may see a committed change one flush before it is durable and published. Nothing is
// pushed to anyone before it is durable: events, answers, push messages, the hub's log. Work that
// must see exactly what was published (an estimate refresh slice) asks for a moment with no
// batch waiting for its flush (`whenPublished`).
import type { Db } from './db';
import type { BatchState, Tx } from './tx';
import { BatchTransaction, type BatchCommand, type Outcome } from './batch-transaction';
import { UnpublishedBatches } from './unpublished-batches';
import type { Durability } from './wal-sync';
import { AppError } from '../services/errors';

export interface QueueOptions {
  /** Flushes committed batches off the event loop; without it each COMMIT flushes on the thread. */
  durability?: Durability;
  /** A committed batch could not be made durable: the server must stop and start again. */
  onFatal?: (error: Error) => void;
  /** At most this many committed batches wait for their flush (default MAX_UNPUBLISHED). */
  depth?: number;
}

/**
 * What the queue does with a committed batch (its commands that succeeded, in order). `apply` runs
 * right after the COMMIT, before the next batch runs (the in-memory mirror); what it answers is
 * handed to `publish`, which runs once the batch is durable, in commit order, before its callers
 * are answered (events, push). A plain function is a `publish` with nothing to apply.
 */
export interface CommitHooks<A = unknown> {
  apply(committed: Tx[]): A;
  publish(committed: Tx[], applied: A): void;
}

export interface RunOptions {
  /**
   * false: the command writes nothing itself (its writes, if any, are done by a `beforeCommit`
   * hook of the batch), so it runs without a SAVEPOINT of its own; if it throws, there is nothing
   * to undo. Default true.
   */
  savepoint?: boolean;
}

interface Pending extends BatchCommand {
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** The write path counts as busy this long (ms) after its last batch ran (see `busy`). */
export const BUSY_GAP_MS = 10;
/**
 * By default at most this many committed batches wait for their flush; the commands that come
 * meanwhile wait to run and gather into one batch (each batch costs a transaction and, for issues,
 * one forecast). One: the next batch runs once the one before is published. A deeper pipeline
 * (`depth`, WRITE_PIPELINE_DEPTH) lets a command that comes while a batch is flushed run at once,
 * but then how commands gather depends on how fast the disk answers (a fast flush leaves every
 * concurrent request a batch of its own), and on this product's call-next bench it did not lower
 * the server time's tail. Also bounds the answers held in memory.
 */
export const MAX_UNPUBLISHED = 1;

export class CommandQueue {
  private pending: Pending[] = [];
  private scheduled = false;
  private closed = false;
  /** Committed batches waiting for their flush (and for those before them), in commit order. */
  private readonly unpublished = new UnpublishedBatches<Pending>();
  /** Flush generations: one per committed batch that wrote; `durableGen` is on disk. */
  private commitGen = 0;
  private durableGen = 0;
  /** A flush is under way (the batches committed meanwhile wait for the next one). */
  private syncing = false;
  /** When the last published batch was known to be durable (performance.now()). */
  private lastDurableAt = -Infinity;
  /** Work waiting for a moment with no unpublished batch; no batch runs before it has run. */
  private gapWaiters: Array<() => void> = [];
  private failure: Error | null = null;
  private idle: Array<() => void> = [];
  private readonly durability: Durability | null;
  private readonly depth: number;
  private readonly hooks: CommitHooks;
  /**
   * Each hall's last event seq after the last committed batch, when known for sure: the next
   * batch starts from it instead of reading the log (events are appended only through the queue,
   * after start-up; the log's primary key refuses a seq taken twice).
   */
  private readonly lastSeqs = new Map<string, number>();
  /** When (performance.now()) the last batch began to run. */
  private lastBatchAt = -Infinity;
  private readonly transaction: BatchTransaction;

  constructor(
    db: Db,
    onCommit: ((committed: Tx[]) => void) | CommitHooks<any>, // eslint-disable-line @typescript-eslint/no-explicit-any
    private readonly options: QueueOptions = {},
  ) {
    this.durability = options.durability ?? null;
    this.transaction = new BatchTransaction(db);
    this.depth = Math.max(1, options.depth ?? MAX_UNPUBLISHED);
    this.hooks = typeof onCommit === 'function' ? { apply: () => undefined, publish: (committed) => onCommit(committed) } : onCommit;
  }

  run<T>(command: (tx: Tx) => T, options: RunOptions = {}): Promise<T> {
    if (this.failure) return Promise.reject(unsaved(this.failure));
    if (this.closed) return Promise.reject(new Error('the command queue is closed'));
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ run: command, savepoint: options.savepoint !== false, resolve: resolve as (v: unknown) => void, reject });
      if (this.mayRun()) this.schedule();
    });
  }

  /** A batch may run now: no failure, room in the pipeline, and no work waiting for a gap. */
  private mayRun(): boolean {
    return !this.failure && this.unpublished.length < this.depth && this.gapWaiters.length === 0;
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

  /** Committed batches wait for their flush: the database holds changes nobody may learn of yet. */
  get unflushed(): boolean {
    return this.unpublished.length > 0;
  }

  /** How many committed batches wait for their flush (or for an earlier batch's). */
  get unpublishedBatches(): number {
    return this.unpublished.length;
  }

  /**
   * Whether a committed batch not yet published touched this ticket: what the mirror says of it
   * may not be told yet (that batch's publication will tell it).
   */
  unpublishedTicket(ticketId: string): boolean {
    return this.unpublished.touched(ticketId);
  }

  /**
   * The hall's last event seq that has been published (every event up to it is durable and was
   * sent), or undefined when no unpublished batch has events of the hall (then every event in the
   * log is published).
   */
  publishedSeq(hallId: string): number | undefined {
    return this.unpublished.publishedSeq(hallId);
  }

  /**
   * Runs `work` at the first moment no committed batch waits for its flush (at once if none
   * does, else after the last one's callers are answered); no new batch runs before it has run.
   * For work that must see exactly what was published, which may not wait forever under a
   * stream of writes.
   */
  whenPublished(work: () => void): void {
    if (this.unpublished.length === 0) {
      work();
      return;
    }
    this.gapWaiters.push(work);
  }

  /**
   * Under a stream of writes: commands wait to run, a batch is being flushed, or one ran less than
   * BUSY_GAP_MS ago (the next is on its way). Work that can wait (an estimate refresh) waits.
   */
  get busy(): boolean {
    return this.pending.length > 0 || this.unpublished.length > 0 || performance.now() - this.lastBatchAt < BUSY_GAP_MS;
  }

  /** Runs what is queued now (unless the pipeline is full: then when a batch is published). */
  flush(): void {
    this.scheduled = false;
    if (this.unpublished.length === 0 && this.gapWaiters.length > 0) {
      const waiters = this.gapWaiters;
      this.gapWaiters = [];
      for (const work of waiters) {
        try {
          work();
        } catch (error) {
          // Not the write path's failure: it goes on, and the error surfaces as it would have.
          setImmediate(() => {
            throw error;
          });
        }
      }
    }
    if (!this.mayRun()) return;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) {
      this.settle();
      return;
    }
    this.lastBatchAt = performance.now();
    const state: BatchState = { claimed: new Set(), beforeCommit: new Map(), idempotent: new Map(), seqs: new Map(this.lastSeqs), gathered: new Map() };
    let outcomes: Outcome[];
    let wrote: boolean;
    try {
      const result = this.transaction.run(batch, state, this.durability !== null);
      ({ outcomes, wrote } = result);
      // A hall whose events were undone in this batch is known again only from its later appends.
      if (result.undone) this.lastSeqs.clear();
    } catch (error) {
      // Nothing of the batch was committed.
      this.lastSeqs.clear();
      for (const p of batch) p.reject(error);
      this.settle();
      return;
    }
    for (const [hallId, seq] of state.seqs) this.lastSeqs.set(hallId, seq);
    const committed: Tx[] = [];
    for (const o of outcomes) if (o.ok) committed.push(o.tx);
    const u = this.unpublished.add({ batch, outcomes, committed, state, applied: undefined, needs: wrote ? ++this.commitGen : 0 });
    // The disk starts at once; its answer is read after this turn, once the mirror has the batch.
    if (wrote) this.startSync();
    // The mirror takes the batch now: the next batch sees it, even before it is durable.
    try {
      u.applied = this.hooks.apply(committed);
    } catch (error) {
      u.applyError = error;
    }
    this.publishDurable();
  }

  /** Asks for a flush of everything committed so far, unless one is under way (the next one will). */
  private startSync(): void {
    if (this.syncing || this.failure || this.durableGen === this.commitGen) return;
    this.syncing = true;
    const gen = this.commitGen;
    this.durability!.sync().then(
      (fsyncMs) => {
        this.syncing = false;
        if (this.failure) return;
        const at = performance.now();
        this.durableGen = gen;
        for (const u of this.unpublished) {
          if (u.needs === 0 || u.needs > gen || u.state.durableAt !== undefined) continue;
          u.state.durableAt = at;
          if (typeof fsyncMs === 'number') u.state.fsyncMs = fsyncMs;
        }
        // The batches committed during this flush get the next one at once.
        this.startSync();
        this.publishDurable();
      },
      (error: unknown) => {
        this.syncing = false;
        this.fail(error instanceof Error ? error : new Error(String(error)));
      },
    );
  }

  /**
   * Publishes, in commit order, every batch at the head that is durable: the hooks, then its
   * callers. What gathered meanwhile runs next, but only once these callers have been answered
   * (run here, the next batch would hold their answers until it committed).
   */
  private publishDurable(): void {
    let thrown: { error: unknown } | null = null;
    while (this.unpublished.length > 0 && this.unpublished.head!.needs <= this.durableGen && !this.failure) {
      const u = this.unpublished.shift();
      // A batch that wrote nothing is durable once every batch before it is.
      if (u.state.durableAt === undefined) {
        u.state.durableAt = Math.max(u.state.committedAt!, this.lastDurableAt);
        if (u.needs === 0 && this.durability) u.state.fsyncMs = 0;
      }
      this.lastDurableAt = u.state.durableAt;
      try {
        if (u.applyError !== undefined) throw u.applyError;
        this.hooks.publish(u.committed, u.applied);
      } catch (error) {
        thrown ??= { error };
      } finally {
        u.batch.forEach((p, i) => {
          const o = u.outcomes[i]!;
          if (o.ok) p.resolve(o.value);
          else p.reject(o.error);
        });
      }
    }
    this.next();
    if (thrown) throw thrown.error;
  }

  /** After a publication: the work waiting for a gap and the next batch run (once the answers are out). */
  private next(): void {
    if (this.unpublished.length === 0 && this.gapWaiters.length > 0) this.schedule();
    else if (this.pending.length > 0) {
      if (this.mayRun()) this.schedule();
    } else this.settle();
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    const refused = unsaved(error);
    // Nothing of the batches not yet published is told: their callers and every later one get
    // the error.
    for (const u of this.unpublished.clear()) for (const p of u.batch) p.reject(refused);
    for (const p of this.pending) p.reject(refused);
    this.pending = [];
    // Work that waited for a gap goes on (on the mirror as it is; the server restarts).
    const waiters = this.gapWaiters;
    this.gapWaiters = [];
    for (const work of waiters) setImmediate(work);
    this.settle();
    this.options.onFatal?.(error);
  }

  private settle(): void {
    if (this.unpublished.length > 0 || this.pending.length > 0) return;
    const idle = this.idle;
    this.idle = [];
    for (const resolve of idle) resolve();
  }

  /** Refuses new commands, runs and flushes those already queued. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.pending.length > 0 && this.mayRun()) this.flush();
    if (this.unpublished.length > 0 || this.pending.length > 0) await new Promise<void>((resolve) => this.idle.push(resolve));
    await this.durability?.close();
  }
}

function unsaved(error: Error): AppError {
  return new AppError('internal', `the change could not be saved to disk (${error.message}); the server restarts`);
}
