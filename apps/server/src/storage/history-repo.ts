// Reads over a hall's history for statistics, reports and the staffing planner: the events of a
// time range (through the (hall_id, type, at) index), the catalogue of names and links with
// deleted rows included (a report on last month still names the window since removed), and the
// reasons given with ratings.
import type { HallEvent, HallEventType, LocalizedText, Organisation, Service, StaffMember } from '@hallq/shared';
import type { Db } from './db';
import { toEvent, type EventRow } from './log-repo';

export interface HallCatalogue {
  services: Map<string, { code: string; name: LocalizedText; moduleId: string; waitTargetSeconds: number | null; stages: LocalizedText[] }>;
  modules: Map<string, LocalizedText>;
  windows: Map<string, number>;
  staff: Map<string, { name: string; username: string; organisationId: string }>;
  organisations: Map<string, Organisation>;
}

export class HistoryRepo {
  constructor(private readonly db: Db) {}

  /** Events of these types with `at` in [start, end), in seq order. */
  eventsBetween(hallId: string, types: readonly HallEventType[], start: number, end: number): HallEvent[] {
    const marks = types.map(() => '?').join(', ');
    const rows = this.db
      .prepare(`SELECT * FROM events WHERE hall_id = ? AND type IN (${marks}) AND at >= ? AND at < ? ORDER BY seq`)
      .all(hallId, ...types, start, end) as EventRow[];
    return rows.map(toEvent);
  }

  catalogue(hallId: string): HallCatalogue {
    const docs = (table: 'services' | 'modules' | 'staff' | 'organisations') =>
      this.db.prepare(`SELECT * FROM ${table} WHERE hall_id = ? ORDER BY rowid`).all(hallId) as Array<{ id: string; doc: string; username?: string }>;
    const services: HallCatalogue['services'] = new Map();
    for (const r of docs('services')) {
      const s = JSON.parse(r.doc) as Service;
      services.set(r.id, { code: s.code, name: s.name, moduleId: s.moduleId, waitTargetSeconds: s.waitTargetSeconds ?? null, stages: (s.stages ?? []).map((st) => st.name) });
    }
    const modules = new Map(docs('modules').map((r) => [r.id, (JSON.parse(r.doc) as { name: LocalizedText }).name]));
    const staff: HallCatalogue['staff'] = new Map();
    for (const r of docs('staff')) {
      const s = JSON.parse(r.doc) as StaffMember;
      staff.set(r.id, { name: s.name, username: r.username ?? '', organisationId: s.organisationId });
    }
    const organisations = new Map(docs('organisations').map((r) => [r.id, { ...(JSON.parse(r.doc) as Organisation), id: r.id }]));
    const windows = new Map(
      (this.db.prepare('SELECT id, number FROM windows WHERE hall_id = ?').all(hallId) as Array<{ id: string; number: number }>).map((r) => [r.id, r.number]),
    );
    return { services, modules, windows, staff, organisations };
  }

  /** The reason given with each of these tickets' ratings (null when none was given). */
  ratingReasons(ticketIds: readonly string[]): Map<string, string | null> {
    const reasonOf = this.db.prepare('SELECT reason FROM ratings WHERE ticket_id = ?');
    return new Map(ticketIds.map((id) => [id, (reasonOf.get(id) as { reason: string | null } | undefined)?.reason ?? null]));
  }
}
