// What one command of the write path (command-queue.ts) sees of its batch's transaction, and what
// it records there for after the COMMIT: its events and its effects (what the mirror reloads).
import type { HallEvent, RoutingTicket } from '@hallq/shared';
import type { Db } from './db';
import type { StoredTicket } from './ticket-repo';
import type { StoredWindow } from './window-repo';

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
  /** Tickets claimed by earlier commands of this batch (the mirror takes them after the COMMIT). */
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
