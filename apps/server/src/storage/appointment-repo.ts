// Appointments by hall and code.
import type { Appointment } from '@hallq/shared';
import type { Db } from './db';

interface Row {
  id: string;
  hall_id: string;
  code: string;
  service_id: string;
  at: number;
  service_date: string;
  status: Appointment['status'];
  ticket_id: string | null;
  end_at: number | null;
  contact: string | null;
}

export interface StoredAppointment extends Appointment {
  hallId: string;
  atMs: number;
  /** End of the booked slot (ms), for bookings made from home. */
  endMs: number | null;
}

const toAppointment = (r: Row): StoredAppointment => ({
  id: r.id,
  hallId: r.hall_id,
  code: r.code,
  serviceId: r.service_id,
  at: new Date(r.at).toISOString(),
  atMs: r.at,
  serviceDate: r.service_date,
  status: r.status,
  ticketId: r.ticket_id,
  end: r.end_at === null ? null : new Date(r.end_at).toISOString(),
  endMs: r.end_at,
});

export class AppointmentRepo {
  constructor(private readonly db: Db) {}

  byCode(hallId: string, code: string): StoredAppointment | null {
    const r = this.db.prepare<[string, string], Row>('SELECT * FROM appointments WHERE hall_id = ? AND code = ?').get(hallId, code);
    return r ? toAppointment(r) : null;
  }

  /** A booking code from the public hall page, whatever the hall (codes are made unique server-wide). */
  byCodeAnyHall(code: string): StoredAppointment | null {
    const r = this.db.prepare<[string], Row>('SELECT * FROM appointments WHERE code = ? ORDER BY created_at DESC LIMIT 1').get(code);
    return r ? toAppointment(r) : null;
  }

  ofDay(hallId: string, serviceDate: string): StoredAppointment[] {
    return this.db
      .prepare<[string, string], Row>('SELECT * FROM appointments WHERE hall_id = ? AND service_date = ? ORDER BY at')
      .all(hallId, serviceDate)
      .map(toAppointment);
  }

  create(a: {
    id: string;
    hallId: string;
    code: string;
    serviceId: string;
    at: number;
    serviceDate: string;
    createdAt: number;
    endAt?: number;
    contact?: string | null;
  }): void {
    this.db
      .prepare('INSERT INTO appointments (id, hall_id, code, service_id, at, service_date, created_at, end_at, contact) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(a.id, a.hallId, a.code, a.serviceId, a.at, a.serviceDate, a.createdAt, a.endAt ?? null, a.contact ?? null);
  }

  /** Bookings holding a place in one slot (booked or already checked in). */
  countInSlot(hallId: string, serviceId: string, at: number): number {
    return this.db
      .prepare<[string, string, number], { n: number }>(
        "SELECT COUNT(*) AS n FROM appointments WHERE hall_id = ? AND service_id = ? AND at = ? AND status IN ('booked', 'checked_in')",
      )
      .get(hallId, serviceId, at)!.n;
  }

  /** Places taken per slot start (ms) of one service between two instants. */
  takenBetween(hallId: string, serviceId: string, from: number, to: number): Map<number, number> {
    const rows = this.db
      .prepare<[string, string, number, number], { at: number; n: number }>(
        "SELECT at, COUNT(*) AS n FROM appointments WHERE hall_id = ? AND service_id = ? AND at >= ? AND at < ? AND status IN ('booked', 'checked_in') GROUP BY at",
      )
      .all(hallId, serviceId, from, to);
    return new Map(rows.map((r) => [r.at, r.n]));
  }

  /** Marks a booked appointment as checked in; false when it was not booked any more. */
  checkIn(id: string, ticketId: string): boolean {
    return this.db.prepare("UPDATE appointments SET status = 'checked_in', ticket_id = ? WHERE id = ? AND status = 'booked'").run(ticketId, id).changes === 1;
  }

  cancel(id: string): boolean {
    return this.db.prepare("UPDATE appointments SET status = 'cancelled' WHERE id = ? AND status = 'booked'").run(id).changes === 1;
  }
}
