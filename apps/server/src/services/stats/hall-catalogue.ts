// Names and links of a hall's services, modules, windows, staff and organisations, deleted ones
// included: a report on last month still names the window that has since been removed.
import type { LocalizedText, Organisation, Service, StaffMember } from '@hallq/shared';
import type { Db } from '../../storage/db';

export interface HallCatalogue {
  services: Map<string, { code: string; name: LocalizedText; moduleId: string; waitTargetSeconds: number | null; stages: LocalizedText[] }>;
  modules: Map<string, LocalizedText>;
  windows: Map<string, number>;
  staff: Map<string, { name: string; username: string; organisationId: string }>;
  organisations: Map<string, Organisation>;
}

export function hallCatalogue(db: Db, hallId: string): HallCatalogue {
  const docs = (table: string) =>
    db.prepare(`SELECT * FROM ${table} WHERE hall_id = ? ORDER BY rowid`).all(hallId) as Array<{ id: string; doc: string; username?: string }>;
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
    (db.prepare('SELECT id, number FROM windows WHERE hall_id = ?').all(hallId) as Array<{ id: string; number: number }>).map((r) => [r.id, r.number]),
  );
  return { services, modules, windows, staff, organisations };
}
