// Follow-ups of bad ratings (opened by ticket-flow-service `rate`) and their append-only steps.
import type { FollowUpStatus } from '@hallq/shared';
import type { Db } from './db';

export { FOLLOW_UP_STATUSES, type FollowUpStatus } from '@hallq/shared';

export interface FollowUpRow {
  id: string;
  hall_id: string;
  ticket_id: string;
  level: number;
  reason: string;
  status: FollowUpStatus;
  deadline: string;
  created_at: number;
  assignee_id: string | null;
  closed_at: number | null;
  rectified: number | null;
  /** From the ticket: number, service, window, staff, issue date. */
  number: string;
  service_id: string;
  window_number: number | null;
  staff_id: string | null;
  service_date: string;
}

export interface StepRow {
  id: number;
  follow_up_id: string;
  action: string;
  at: number;
  actor_id: string | null;
  assignee_id: string | null;
  note: string | null;
}

const SELECT = `SELECT f.id, f.hall_id, f.ticket_id, f.level, f.reason, f.status, f.deadline, f.created_at, f.assignee_id, f.closed_at,
  f.rectified, t.number, t.service_id, t.window_number, t.staff_id, t.service_date
  FROM follow_ups f JOIN tickets t ON t.id = f.ticket_id`;

export class FollowUpRepo {
  constructor(private readonly db: Db) {}

  get(id: string): FollowUpRow | null {
    return (this.db.prepare(`${SELECT} WHERE f.id = ?`).get(id) as FollowUpRow | undefined) ?? null;
  }
  ofHall(hallId: string): FollowUpRow[] {
    return this.db.prepare(`${SELECT} WHERE f.hall_id = ? ORDER BY f.created_at, f.id`).all(hallId) as FollowUpRow[];
  }
  /** Follow-ups of tickets issued on local dates from..to. */
  ofIssueDates(hallId: string, from: string, to: string): FollowUpRow[] {
    return this.db.prepare(`${SELECT} WHERE f.hall_id = ? AND t.service_date BETWEEN ? AND ? ORDER BY f.created_at`).all(hallId, from, to) as FollowUpRow[];
  }
  ofTickets(ticketIds: readonly string[]): Map<string, FollowUpRow> {
    const out = new Map<string, FollowUpRow>();
    const stmt = this.db.prepare(`${SELECT} WHERE f.ticket_id = ?`);
    for (const id of ticketIds) {
      const r = stmt.get(id) as FollowUpRow | undefined;
      if (r) out.set(id, r);
    }
    return out;
  }
  steps(followUpIds: readonly string[]): Map<string, StepRow[]> {
    const out = new Map<string, StepRow[]>(followUpIds.map((id) => [id, []]));
    const stmt = this.db.prepare('SELECT * FROM follow_up_steps WHERE follow_up_id = ? ORDER BY id');
    for (const id of followUpIds) out.set(id, stmt.all(id) as StepRow[]);
    return out;
  }
  addStep(s: { followUpId: string; hallId: string; action: string; at: number; actorId: string | null; assigneeId: string | null; note: string | null }): void {
    this.db
      .prepare('INSERT INTO follow_up_steps (follow_up_id, hall_id, action, at, actor_id, assignee_id, note) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(s.followUpId, s.hallId, s.action, s.at, s.actorId, s.assigneeId, s.note);
  }
  /** Compare-and-set on the status, like tickets: false when another step got there first. */
  update(id: string, from: FollowUpStatus, patch: { status: FollowUpStatus; assigneeId?: string | null; closedAt?: number | null; rectified?: boolean | null }): boolean {
    const r = this.db
      .prepare(
        `UPDATE follow_ups SET status = @status,
           assignee_id = CASE WHEN @setAssignee THEN @assigneeId ELSE assignee_id END,
           closed_at = CASE WHEN @setClosed THEN @closedAt ELSE closed_at END,
           rectified = CASE WHEN @setRectified THEN @rectified ELSE rectified END
         WHERE id = @id AND status = @from`,
      )
      .run({
        id, from, status: patch.status,
        setAssignee: patch.assigneeId !== undefined ? 1 : 0, assigneeId: patch.assigneeId ?? null,
        setClosed: patch.closedAt !== undefined ? 1 : 0, closedAt: patch.closedAt ?? null,
        setRectified: patch.rectified !== undefined ? 1 : 0, rectified: patch.rectified === undefined || patch.rectified === null ? null : patch.rectified ? 1 : 0,
      });
    return r.changes === 1;
  }
}
