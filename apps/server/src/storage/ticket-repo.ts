// Tickets, the daily number counters, ratings and follow-ups.
import type { Lang, RoutingTicket, Ticket, TicketStatus } from '@hallq/shared';
import type { Statement } from 'better-sqlite3';
import type { Db } from './db';

type RoutingRow = Pick<TicketRow, 'id' | 'service_id' | 'stage' | 'queued_at' | 'priority' | 'appointment_at' | 'remote' | 'arrived_at' | 'passed_over_at'>;

export interface TicketRow {
  id: string;
  hall_id: string;
  public_id: string;
  number: string;
  service_id: string;
  stage: number;
  status: TicketStatus;
  priority: number;
  appointment_code: string | null;
  appointment_at: number | null;
  lang: Lang;
  issued_at: number;
  queued_at: number;
  service_date: string;
  called_at: number | null;
  started_at: number | null;
  finished_at: number | null;
  window_id: string | null;
  window_number: number | null;
  staff_id: string | null;
  people_ahead: number | null;
  estimated_wait_seconds: number | null;
  first_time_accepted: number | null;
  note: string | null;
  issued_by: string | null;
  remote: number;
  arrived_at: number | null;
  passed_over_at: number | null;
}

/** A ticket with its server-side extras (hall, queue time) kept apart from the API shape. */
export interface StoredTicket extends Ticket {
  hallId: string;
  publicId: string;
  /** Where its place in the queue counts from, in ms: the issue, or the requeue after a no-show. A transfer keeps it. */
  queuedAtMs: number;
  firstTimeAccepted: boolean | null;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** Rows written by one INSERT at most when tickets are written together (`createMany`). */
export const ROWS_PER_INSERT = 64;

const INSERT_TICKET = `INSERT INTO tickets (id, hall_id, public_id, number, service_id, stage, status, priority, appointment_code,
     appointment_at, lang, issued_at, queued_at, service_date, people_ahead, estimated_wait_seconds, issued_by, remote) VALUES`;
const INSERT_TICKET_ROW = "(?, ?, ?, ?, ?, 0, 'waiting', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

/** The values of a new ticket's row, in the order of INSERT_TICKET_ROW's parameters. */
function insertValues(t: StoredTicket, issuedBy: string | null): unknown[] {
  const appointmentAt = t.appointmentAt === null ? null : Date.parse(t.appointmentAt);
  return [
    t.id, t.hallId, t.publicId, t.number, t.serviceId, t.priority ? 1 : 0, t.appointmentCode, appointmentAt, t.lang,
    t.queuedAtMs, t.queuedAtMs, t.serviceDate, t.peopleAhead, t.estimatedWaitSeconds, issuedBy, t.remote === true ? 1 : 0,
  ];
}

export function toTicket(r: TicketRow): StoredTicket {
  return {
    id: r.id,
    hallId: r.hall_id,
    publicId: r.public_id,
    number: r.number,
    serviceId: r.service_id,
    stage: r.stage,
    status: r.status,
    priority: r.priority === 1,
    appointmentCode: r.appointment_code,
    appointmentAt: iso(r.appointment_at),
    lang: r.lang,
    issuedAt: new Date(r.issued_at).toISOString(),
    serviceDate: r.service_date,
    calledAt: iso(r.called_at),
    startedAt: iso(r.started_at),
    finishedAt: iso(r.finished_at),
    windowId: r.window_id,
    windowNumber: r.window_number,
    staffId: r.staff_id,
    peopleAhead: r.people_ahead,
    estimatedWaitSeconds: r.estimated_wait_seconds,
    queuedAtMs: r.queued_at,
    firstTimeAccepted: r.first_time_accepted === null ? null : r.first_time_accepted === 1,
    ...(r.queued_at !== r.issued_at ? { queuedAt: new Date(r.queued_at).toISOString() } : {}),
    ...(r.remote === 1 ? { remote: true, arrivedAt: iso(r.arrived_at), passedOverAt: iso(r.passed_over_at) } : {}),
  };
}

export type TicketPatch = Partial<
  Pick<
    TicketRow,
    | 'status'
    | 'service_id'
    | 'stage'
    | 'called_at'
    | 'started_at'
    | 'finished_at'
    | 'window_id'
    | 'window_number'
    | 'staff_id'
    | 'first_time_accepted'
    | 'note'
    | 'arrived_at'
    | 'passed_over_at'
  >
>;

/** `arrivalsByHour`: parameters day start (ms), hall, service, first date, end date (exclusive). */
export const ARRIVALS_BY_HOUR_SQL = `SELECT service_date AS day, (((issued_at - CAST(? AS INTEGER)) % 86400000) + 86400000) % 86400000 / 3600000 AS hour, COUNT(*) AS n,
           SUM(priority) AS priority, SUM(appointment_at IS NOT NULL AND priority = 0) AS appointments,
           SUM(CASE WHEN appointment_at IS NOT NULL AND priority = 0 THEN MAX(0, appointment_at - issued_at) ELSE 0 END) AS leadMs
         FROM tickets WHERE hall_id = ? AND service_id = ? AND service_date >= ? AND service_date < ? AND remote = 0
         GROUP BY day, hour`;

/** Tickets of one service taken in one local hour of one day (`arrivalsByHour`). */
export interface ArrivalCount {
  day: string;
  hour: number;
  n: number;
  priority: number;
  appointments: number;
  leadMs: number;
}

export class TicketRepo {
  private readonly byId;
  private readonly byPublicId;
  private readonly atWindows;
  private readonly waiting;
  private readonly waitingFull;
  private readonly bump;
  private readonly insert;
  private readonly countIssued;
  private readonly ratingOf;
  private readonly insertRating;
  private readonly insertFollowUp;
  private readonly updates = new Map<string, Statement>();
  /** Multi-row inserts of new tickets, by their number of rows. */
  private readonly inserts = new Map<number, Statement>();

  constructor(private readonly db: Db) {
    this.byId = db.prepare<[string], TicketRow>('SELECT * FROM tickets WHERE id = ?');
    this.byPublicId = db.prepare<[string], TicketRow>('SELECT * FROM tickets WHERE public_id = ?');
    this.atWindows = db.prepare<[string], TicketRow>("SELECT * FROM tickets WHERE hall_id = ? AND status IN ('called', 'serving')");
    this.waiting = db.prepare<[string], RoutingRow>(
      "SELECT id, service_id, stage, queued_at, priority, appointment_at, remote, arrived_at, passed_over_at FROM tickets WHERE hall_id = ? AND status = 'waiting'",
    );
    this.waitingFull = db.prepare<[string], TicketRow>(
      "SELECT * FROM tickets WHERE hall_id = ? AND status = 'waiting' ORDER BY queued_at, id",
    );
    this.bump = db.prepare<[string, string, string, number], { last_value: number }>(
      `INSERT INTO ticket_counters (hall_id, service_date, prefix, last_value) VALUES (?, ?, ?, ?)
       ON CONFLICT (hall_id, service_date, prefix) DO UPDATE SET last_value = last_value + excluded.last_value
       RETURNING last_value`,
    );
    this.insert = db.prepare(`${INSERT_TICKET} ${INSERT_TICKET_ROW}`);
    this.countIssued = db.prepare<[string, string, string], { n: number }>(
      'SELECT COUNT(*) AS n FROM tickets WHERE hall_id = ? AND service_id = ? AND service_date = ?',
    );
    this.ratingOf = db.prepare<[string], { level: number }>('SELECT level FROM ratings WHERE ticket_id = ?');
    this.insertRating = db.prepare(
      `INSERT INTO ratings (ticket_id, hall_id, level, reason, at, by_kind, service_id, window_id, staff_id)
       VALUES (@ticketId, @hallId, @level, @reason, @at, @byKind, @serviceId, @windowId, @staffId)`,
    );
    this.insertFollowUp = db.prepare(
      `INSERT INTO follow_ups (id, hall_id, ticket_id, level, reason, deadline, created_at)
       VALUES (@id, @hallId, @ticketId, @level, @reason, @deadline, @createdAt)`,
    );
  }

  get(id: string): StoredTicket | null {
    const r = this.byId.get(id);
    return r ? toTicket(r) : null;
  }
  getByPublicId(publicId: string): StoredTicket | null {
    const r = this.byPublicId.get(publicId);
    return r ? toTicket(r) : null;
  }
  /** Tickets called or being served. */
  atWindowsOfHall(hallId: string): StoredTicket[] {
    return this.atWindows.all(hallId).map(toTicket);
  }
  /**
   * What routing needs of each waiting ticket (the mirror keeps only this in memory), and when a
   * remote one was passed over (its grace runs out in the sweep).
   */
  *waitingOfHall(hallId: string): Generator<{ routing: RoutingTicket; passedOverAt: number | null }> {
    for (const r of this.waiting.iterate(hallId)) {
      const routing: RoutingTicket = {
        id: r.id,
        serviceId: r.service_id,
        stage: r.stage,
        queuedAt: r.queued_at,
        priority: r.priority === 1,
        appointmentAt: r.appointment_at,
        // R9: a remote ticket whose holder has not arrived is passed over (same rule as toRoutingTicket).
        ...(r.remote === 1 && r.arrived_at === null ? { away: true } : {}),
      };
      yield { routing, passedOverAt: r.remote === 1 && r.arrived_at === null ? r.passed_over_at : null };
    }
  }
  /**
   * How many tickets of a service, at `fromStage` or a later stage, are still waiting, called or
   * being served (a deleted service, or a stage taken away, would strand them).
   */
  openOfService(hallId: string, serviceId: string, fromStage = 0): number {
    return (this.db
      .prepare<[string, string, number], { n: number }>(
        "SELECT COUNT(*) AS n FROM tickets WHERE hall_id = ? AND service_id = ? AND stage >= ? AND status IN ('waiting', 'called', 'serving')",
      )
      .get(hallId, serviceId, fromStage) ?? { n: 0 }).n;
  }
  /** The waiting tickets in full, in order of their original time. */
  waitingTickets(hallId: string): StoredTicket[] {
    return this.waitingFull.all(hallId).map(toTicket);
  }
  /**
   * Takes the next `count` values of the day's sequence for a prefix and answers the last of them
   * (so they are last - count + 1 .. last); the row is updated in the caller's transaction.
   */
  takeSequences(hallId: string, serviceDate: string, prefix: string, count = 1): number {
    return this.bump.get(hallId, serviceDate, prefix, count)!.last_value;
  }
  issuedCount(hallId: string, serviceId: string, serviceDate: string): number {
    return this.countIssued.get(hallId, serviceId, serviceDate)!.n;
  }
  /** Writes a newly issued ticket (waiting, stage 0), estimates included. */
  create(t: StoredTicket, issuedBy: string | null): void {
    this.insert.run(...insertValues(t, issuedBy));
  }
  /**
   * Writes tickets issued together (a batch's) with one INSERT per ROWS_PER_INSERT of them: the
   * same rows as `create` one by one, in this order.
   */
  createMany(list: ReadonlyArray<{ ticket: StoredTicket; issuedBy: string | null }>): void {
    for (let from = 0; from < list.length; from += ROWS_PER_INSERT) {
      const rows = Math.min(ROWS_PER_INSERT, list.length - from);
      const values: unknown[] = [];
      for (let k = from; k < from + rows; k++) values.push(...insertValues(list[k]!.ticket, list[k]!.issuedBy));
      let stmt = this.inserts.get(rows);
      if (!stmt) {
        stmt = this.db.prepare(`${INSERT_TICKET} ${Array<string>(rows).fill(INSERT_TICKET_ROW).join(', ')}`);
        this.inserts.set(rows, stmt);
      }
      stmt.run(...values);
    }
  }
  /**
   * Tickets taken at the hall (not from home) for one service on the days from..to (exclusive),
   * per day and local hour (`dayStartMs`: a local midnight, the hour counted from it), with how many
   * were priority, how many others had an appointment, and those appointments' total lead (ms from
   * ticket to booked time).
   * One query on the (hall, service, date) index.
   */
  arrivalsByHour(hallId: string, serviceId: string, from: string, to: string, dayStartMs: number): ArrivalCount[] {
    return this.db
      .prepare<[number, string, string, string, string], ArrivalCount>(
        ARRIVALS_BY_HOUR_SQL,
      )
      .all(dayStartMs, hallId, serviceId, from, to);
  }
  /** Share of the latest remote tickets whose holders arrived (of those that arrived or expired). */
  remoteShowShare(hallId: string, last = 200): number | null {
    const r = this.db
      .prepare<[string, number], { came: number | null; n: number }>(
        `SELECT SUM(arrived_at IS NOT NULL) AS came, COUNT(*) AS n FROM (
           SELECT arrived_at FROM tickets WHERE hall_id = ? AND remote = 1 AND (arrived_at IS NOT NULL OR status = 'expired')
           ORDER BY issued_at DESC LIMIT ?)`,
      )
      .get(hallId, last)!;
    return r.n === 0 ? null : (r.came ?? 0) / r.n;
  }
  remoteIssuedCount(hallId: string, serviceId: string, serviceDate: string): number {
    return (
      this.db
        .prepare<[string, string, string], { n: number }>('SELECT COUNT(*) AS n FROM tickets WHERE hall_id = ? AND service_id = ? AND service_date = ? AND remote = 1')
        .get(hallId, serviceId, serviceDate)!.n
    );
  }
  /** Compare-and-set: changes the ticket only while it is in one of `from`; false when it was not. */
  transition(id: string, from: readonly TicketStatus[], patch: TicketPatch): boolean {
    const { stmt, params } = this.update(id, from, patch, false);
    return stmt.run(params).changes === 1;
  }
  /**
   * The same compare-and-set, answering the ticket as it is after the change (one statement,
   * `RETURNING`: no read back), or null when it was not in one of `from`.
   */
  transitionTo(id: string, from: readonly TicketStatus[], patch: TicketPatch): StoredTicket | null {
    const { stmt, params } = this.update(id, from, patch, true);
    const r = stmt.get(params) as TicketRow | undefined;
    return r ? toTicket(r) : null;
  }
  private update(id: string, from: readonly TicketStatus[], patch: TicketPatch, returning: boolean): { stmt: Statement; params: Record<string, unknown> } {
    const keys = Object.keys(patch) as Array<keyof TicketPatch>;
    const params: Record<string, unknown> = { id, ...patch };
    for (let i = 0; i < from.length; i++) params[`from${i}`] = from[i];
    // Prepared once per shape (the patch's columns, the number of statuses, RETURNING or not).
    const shape = `${keys.join(',')}|${from.length}|${returning ? 1 : 0}`;
    let stmt = this.updates.get(shape);
    if (!stmt) {
      const sets = keys.map((k) => `${k} = @${k}`).join(', ');
      const fromList = from.map((_, i) => `@from${i}`).join(', ');
      stmt = this.db.prepare(`UPDATE tickets SET ${sets} WHERE id = @id AND status IN (${fromList})${returning ? ' RETURNING *' : ''}`);
      this.updates.set(shape, stmt);
    }
    return { stmt, params };
  }
  ratingLevel(ticketId: string): number | null {
    return this.ratingOf.get(ticketId)?.level ?? null;
  }
  addRating(r: {
    ticketId: string;
    hallId: string;
    level: number;
    reason: string | null;
    at: number;
    byKind: string;
    serviceId: string;
    windowId: string | null;
    staffId: string | null;
  }): void {
    this.insertRating.run(r);
  }
  addFollowUp(f: { id: string; hallId: string; ticketId: string; level: number; reason: string; deadline: string; createdAt: number }): void {
    this.insertFollowUp.run(f);
  }
}
