// The write path. Commands that arrive in the same event-loop turn run in ONE SQLite transaction
// (one fsync with synchronous=FULL), each inside its own SAVEPOINT so a failing command rolls back
// only itself. Every caller is answered only after the commit; `onCommit` then updates the
// in-memory mirror and broadcasts the events, in command order.
import type { HallEvent, RoutingTicket } from '@hallq/shared';
import type { Db } from './db';

/** What a committed command changed, so the in-memory mirror can reload exactly that. */
export type Effect =
  /** `waiting`: the ticket is now waiting with these routing fields (the mirror needs no read). */
  | { kind: 'ticket'; hallId: string; ticketId: string; waiting?: RoutingTicket }
  | { kind: 'window'; hallId: string; windowId: string }
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
  /** Last event seq per hall written in this batch (read from the log once per batch). */
  seqs: Map<string, number>;
  /** Idempotency records written by earlier commands of this batch. */
  idempotent: Map<string, { fingerprint: string; status: number; body: unknown }>;
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
  touchTicket(hallId: string, ticketId: string): void {
    this.effects.push({ kind: 'ticket', hallId, ticketId });
  }
  /** A ticket issued (or put back) waiting: the mirror takes its routing fields from here. */
  touchWaiting(hallId: string, ticket: RoutingTicket): void {
    this.effects.push({ kind: 'ticket', hallId, ticketId: ticket.id, waiting: ticket });
  }
  touchWindow(hallId: string, windowId: string): void {
    this.effects.push({ kind: 'window', hallId, windowId });
  }
  touchConfig(hallId: string): void {
    this.effects.push({ kind: 'config', hallId });
  }
}

interface Pending {
  run: (tx: Tx) => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export class CommandQueue {
  private pending: Pending[] = [];
  private scheduled = false;
  private closed = false;

  constructor(
    private readonly db: Db,
    private readonly onCommit: (committed: Tx[]) => void,
  ) {}

  private statements: Record<'begin' | 'savepoint' | 'release' | 'rollbackTo' | 'commit' | 'rollback', { run(): unknown }> | null = null;

  /** Transaction control, prepared once. */
  private control() {
    this.statements ??= {
      begin: this.db.prepare('BEGIN IMMEDIATE'),
      savepoint: this.db.prepare('SAVEPOINT command'),
      release: this.db.prepare('RELEASE command'),
      rollbackTo: this.db.prepare('ROLLBACK TO command'),
      commit: this.db.prepare('COMMIT'),
      rollback: this.db.prepare('ROLLBACK'),
    };
    return this.statements;
  }

  run<T>(command: (tx: Tx) => T): Promise<T> {
    if (this.closed) return Promise.reject(new Error('the command queue is closed'));
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ run: command, resolve: resolve as (v: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Runs what is queued now; also used at shutdown. */
  flush(): void {
    this.scheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    const state: BatchState = { claimed: new Set(), beforeCommit: new Map(), idempotent: new Map(), seqs: new Map() };
    const outcomes: Array<{ ok: true; value: unknown; tx: Tx } | { ok: false; error: unknown }> = [];
    const sql = this.control();
    try {
      sql.begin.run();
    } catch (error) {
      for (const p of batch) p.reject(error);
      return;
    }
    for (const p of batch) {
      const tx = new Tx(this.db, state);
      sql.savepoint.run();
      try {
        const value = p.run(tx);
        sql.release.run();
        outcomes.push({ ok: true, value, tx });
      } catch (error) {
        sql.rollbackTo.run();
        sql.release.run();
        tx.rolledBack = true;
        // Its events are undone too: the next append reads the hall's last seq again.
        state.seqs.clear();
        outcomes.push({ ok: false, error });
      }
    }
    try {
      for (const hook of state.beforeCommit.values()) hook();
      sql.commit.run();
    } catch (error) {
      if (this.db.inTransaction) sql.rollback.run();
      for (const p of batch) p.reject(error);
      return;
    }
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
    }
  }

  close(): void {
    this.flush();
    this.closed = true;
  }
}
