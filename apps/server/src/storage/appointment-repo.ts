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
}

export interface StoredAppointment extends Appointment {
  hallId: string;
  atMs: number;
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
});

export class AppointmentRepo {
  constructor(private readonly db: Db) {}

  byCode(hallId: string, code: string): StoredAppointment | null {
    const r = this.db.prepare<[string, string], Row>('SELECT * FROM appointments WHERE hall_id = ? AND code = ?').get(hallId, code);
    return r ? toAppointment(r) : null;
  }

  ofDay(hallId: string, serviceDate: string): StoredAppointment[] {
    return this.db
      .prepare<[string, string], Row>('SELECT * FROM appointments WHERE hall_id = ? AND service_date = ? ORDER BY at')
      .all(hallId, serviceDate)
      .map(toAppointment);
  }

  create(a: { id: string; hallId: string; code: string; serviceId: string; at: number; serviceDate: string; createdAt: number }): void {
    this.db
      .prepare('INSERT INTO appointments (id, hall_id, code, service_id, at, service_date, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(a.id, a.hallId, a.code, a.serviceId, a.at, a.serviceDate, a.createdAt);
  }

  /** Marks a booked appointment as checked in; false when it was not booked any more. */
  checkIn(id: string, ticketId: string): boolean {
    return this.db.prepare("UPDATE appointments SET status = 'checked_in', ticket_id = ? WHERE id = ? AND status = 'booked'").run(ticketId, id).changes === 1;
  }

  cancel(id: string): boolean {
    return this.db.prepare("UPDATE appointments SET status = 'cancelled' WHERE id = ? AND status = 'booked'").run(id).changes === 1;
  }
}
