// What the visitor's phone needs to know about a ticket's path after its call (migration 010):
// its last recall, its one return to the queue after a no-show, and where a transfer came from.
import type { Statement } from 'better-sqlite3';
import type { Db } from './db';

export interface TicketPath {
  /** ms of the last recall of the current call; null when not recalled since. */
  recalledAt: number | null;
  /** ms at which the ticket went back to the queue after a no-show; null when it never did. */
  requeuedAt: number | null;
  transferredFrom: { serviceId: string; stage: number } | null;
}

interface PathRow {
  recalled_at: number | null;
  requeued_at: number | null;
  transferred_from_service: string | null;
  transferred_from_stage: number | null;
}

export class TicketPathRepo {
  private readonly read: Statement<[string], PathRow>;
  private readonly recalled: Statement<[number, string]>;
  private readonly transferred: Statement<[string, number, string]>;
  private readonly requeueStmt: Statement<{ id: string; now: number }>;
  private readonly ratingStmt: Statement<[string], { level: number; by_kind: string }>;

  constructor(db: Db) {
    this.read = db.prepare('SELECT recalled_at, requeued_at, transferred_from_service, transferred_from_stage FROM tickets WHERE id = ?');
    this.recalled = db.prepare('UPDATE tickets SET recalled_at = ? WHERE id = ?');
    this.transferred = db.prepare('UPDATE tickets SET transferred_from_service = ?, transferred_from_stage = ?, recalled_at = NULL WHERE id = ?');
    this.requeueStmt = db.prepare(
      `UPDATE tickets SET status = 'waiting', queued_at = @now, requeued_at = @now, recalled_at = NULL, called_at = NULL,
         started_at = NULL, finished_at = NULL, window_id = NULL, window_number = NULL, staff_id = NULL
       WHERE id = @id AND status = 'no_show' AND requeued_at IS NULL`,
    );
    this.ratingStmt = db.prepare('SELECT level, by_kind FROM ratings WHERE ticket_id = ?');
  }

  /** The ticket's one rating and who gave it (visitor = the phone, rating-pad, staff). */
  rating(ticketId: string): { level: number; by: string } | null {
    const r = this.ratingStmt.get(ticketId);
    return r ? { level: r.level, by: r.by_kind } : null;
  }

  get(ticketId: string): TicketPath {
    const r = this.read.get(ticketId);
    return {
      recalledAt: r?.recalled_at ?? null,
      requeuedAt: r?.requeued_at ?? null,
      transferredFrom: r?.transferred_from_service ? { serviceId: r.transferred_from_service, stage: r.transferred_from_stage ?? 0 } : null,
    };
  }

  markRecalled(ticketId: string, at: number): void {
    this.recalled.run(at, ticketId);
  }

  markTransferred(ticketId: string, fromServiceId: string, fromStage: number): void {
    this.transferred.run(fromServiceId, fromStage, ticketId);
  }

  /** No-show -> waiting at the back of the queue, once: false when not a no-show or already requeued. */
  requeue(ticketId: string, now: number): boolean {
    return this.requeueStmt.run({ id: ticketId, now }).changes === 1;
  }
}
