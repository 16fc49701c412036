// One batch of commands in ONE SQLite transaction (one fsync with synchronous=FULL), each command
// inside its own SAVEPOINT so a failing command rolls back only itself. The command queue decides
// what goes into a batch and when its callers learn the outcome; this runs it.
import type { Db } from './db';
import { Tx, type BatchState } from './tx';

export interface BatchCommand {
  run: (tx: Tx) => unknown;
  /** false: the command writes nothing itself (see `RunOptions.savepoint`). */
  savepoint: boolean;
}

export type Outcome = { ok: true; value: unknown; tx: Tx } | { ok: false; error: unknown };

export interface BatchResult {
  /** One per command, in order. */
  outcomes: Outcome[];
  /** A command's writes were rolled back, its events with them: the halls' last seqs are unknown. */
  undone: boolean;
  /**
   * Committed lazily and the connection changed something since the last batch: it needs a flush.
   * A batch that wrote nothing is durable once those before it are.
   */
  wrote: boolean;
}

type Statement = { run(): unknown; get?(): unknown };

export class BatchTransaction {
  private statements: Record<'begin' | 'savepoint' | 'release' | 'rollbackTo' | 'commit' | 'rollback' | 'lazy' | 'full' | 'changes', Statement> | null = null;

  /** The connection's `total_changes()` after the last lazy batch. */
  private changes = -1;

  constructor(private readonly db: Db) {}

  /** Transaction control, prepared once. */
  private control() {
    this.statements ??= {
      begin: this.db.prepare('BEGIN IMMEDIATE'),
      savepoint: this.db.prepare('SAVEPOINT command'),
      release: this.db.prepare('RELEASE command'),
      rollbackTo: this.db.prepare('ROLLBACK TO command'),
      commit: this.db.prepare('COMMIT'),
      rollback: this.db.prepare('ROLLBACK'),
      // Only around the batch's own COMMIT; every other write of the connection stays FULL.
      lazy: this.db.prepare('PRAGMA synchronous = NORMAL'),
      full: this.db.prepare('PRAGMA synchronous = FULL'),
      changes: this.db.prepare('SELECT total_changes() AS n'),
    };
    return this.statements;
  }

  private totalChanges(): number {
    return (this.control().changes.get!() as { n: number }).n;
  }

  /**
   * Runs the commands and commits them (`lazy`: the COMMIT does not wait for the disk, a flush
   * does that afterwards). Throws, with nothing committed and the connection back to
   * synchronous=FULL, when the transaction cannot begin or commit.
   */
  run(batch: readonly BatchCommand[], state: BatchState, lazy: boolean): BatchResult {
    const sql = this.control();
    if (lazy && this.changes < 0) this.changes = this.totalChanges();
    try {
      if (lazy) sql.lazy.run();
      sql.begin.run();
    } catch (error) {
      if (lazy) sql.full.run();
      throw error;
    }
    let undone = false;
    const outcomes: Outcome[] = [];
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
      if (this.db.inTransaction) sql.rollback.run();
      if (lazy) sql.full.run();
      throw error;
    }
    if (!lazy) return { outcomes, undone, wrote: false };
    sql.full.run();
    const changes = this.totalChanges();
    const wrote = changes !== this.changes;
    this.changes = changes;
    return { outcomes, undone, wrote };
  }
}
