// The write path. Commands that arrive in the same event-loop turn run in ONE SQLite transaction
// (one fsync with synchronous=FULL), each inside its own SAVEPOINT so a failing command rolls back
// only itself. Every caller is answered only after the commit; `onCommit` then updates the
// in-memory mirror and broadcasts the events, in command order.
import type { HallEvent } from '@hallq/shared';
import type { Db } from './db';

/** What a committed command changed, so the in-memory mirror can reload exactly that. */
export type Effect =
  | { kind: 'ticket'; hallId: string; ticketId: string }
  | { kind: 'window'; hallId: string; windowId: string }
  | { kind: 'config'; hallId: string }
  | { kind: 'service-time'; hallId: string; serviceId: string };

/** State shared by the commands of one batch (one transaction). */
export interface BatchState {
  /** Tickets claimed by earlier commands of this batch: the mirror does not know yet. */
  claimed: Set<string>;
  /**
   * Work done once per batch after its commands and before the commit, in registration order
   * (e.g. one wait forecast for all the tickets issued together). Keys make a hook run once.
   */
  beforeCommit: Map<string, () => void>;
  /** Idempotency records written by earlier commands of this batch. */
  idempotent: Map<string, { fingerprint: string; status: number; body: unknown }>;
}

/** One command's view of the transaction: records its events and effects for after the commit. */
export class Tx {
  readonly events: HallEvent[] = [];
  readonly effects: Effect[] = [];
  constructor(
    readonly db: Db,
    readonly batch: BatchState,
  ) {}
  touchTicket(hallId: string, ticketId: string): void {
    this.effects.push({ kind: 'ticket', hallId, ticketId });
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
    const state: BatchState = { claimed: new Set(), beforeCommit: new Map(), idempotent: new Map() };
    const outcomes: Array<{ ok: true; value: unknown; tx: Tx } | { ok: false; error: unknown }> = [];
    const sql = (text: string): void => void this.db.prepare(text).run();
    try {
      sql('BEGIN IMMEDIATE');
    } catch (error) {
      for (const p of batch) p.reject(error);
      return;
    }
    for (const p of batch) {
      const tx = new Tx(this.db, state);
      sql('SAVEPOINT command');
      try {
        const value = p.run(tx);
        sql('RELEASE command');
        outcomes.push({ ok: true, value, tx });
      } catch (error) {
        sql('ROLLBACK TO command');
        sql('RELEASE command');
        outcomes.push({ ok: false, error });
      }
    }
    for (const hook of state.beforeCommit.values()) {
      sql('SAVEPOINT hook');
      try {
        hook();
        sql('RELEASE hook');
      } catch {
        // A hook only refines what the commands did (estimates); its failure must not undo them.
        sql('ROLLBACK TO hook');
        sql('RELEASE hook');
      }
    }
    try {
      sql('COMMIT');
    } catch (error) {
      if (this.db.inTransaction) sql('ROLLBACK');
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
