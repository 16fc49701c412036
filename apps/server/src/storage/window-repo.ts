// Counter windows: configuration (number, zone, skills) and live state (who is signed in, the
// ticket at the counter).
import type { HallWindow, Skill, StaffType, WindowState } from '@hallq/shared';
import type { Statement } from 'better-sqlite3';
import type { Db } from './db';

export interface StoredWindow extends HallWindow {
  hallId: string;
  staffType: StaffType | null;
  currentTicketId: string | null;
}

interface Row {
  id: string;
  hall_id: string;
  number: number;
  zone: string;
  skills: string;
  state: WindowState;
  staff_id: string | null;
  staff_type: StaffType | null;
  pause_reason: string | null;
  current_ticket_id: string | null;
}

const toWindow = (r: Row): StoredWindow => ({
  id: r.id,
  hallId: r.hall_id,
  number: r.number,
  zone: r.zone,
  skills: JSON.parse(r.skills) as Skill[],
  state: r.state,
  staffId: r.staff_id,
  staffType: r.staff_type,
  pauseReason: r.pause_reason,
  currentTicketId: r.current_ticket_id,
});

export interface WindowStatePatch {
  state?: WindowState;
  staffId?: string | null;
  staffType?: StaffType | null;
  pauseReason?: string | null;
  currentTicketId?: string | null;
}

const COLUMN: Record<keyof WindowStatePatch, string> = {
  state: 'state',
  staffId: 'staff_id',
  staffType: 'staff_type',
  pauseReason: 'pause_reason',
  currentTicketId: 'current_ticket_id',
};

export class WindowRepo {
  private readonly byId;
  private readonly byStaff;
  /** State updates, prepared once per set of columns. */
  private readonly updates = new Map<string, Statement>();
  constructor(private readonly db: Db) {
    this.byId = db.prepare<[string], Row>('SELECT * FROM windows WHERE id = ? AND deleted = 0');
    this.byStaff = db.prepare<[string], Row>('SELECT * FROM windows WHERE staff_id = ? AND deleted = 0');
  }

  listOfHall(hallId: string): StoredWindow[] {
    return (this.db.prepare('SELECT * FROM windows WHERE hall_id = ? AND deleted = 0 ORDER BY number').all(hallId) as Row[]).map(toWindow);
  }
  get(id: string): StoredWindow | null {
    const r = this.byId.get(id);
    return r ? toWindow(r) : null;
  }
  getByNumber(hallId: string, number: number): StoredWindow | null {
    const r = this.db.prepare('SELECT * FROM windows WHERE hall_id = ? AND number = ? AND deleted = 0').get(hallId, number) as Row | undefined;
    return r ? toWindow(r) : null;
  }
  ofStaff(staffId: string): StoredWindow | null {
    const r = this.byStaff.get(staffId);
    return r ? toWindow(r) : null;
  }
  create(hallId: string, w: { id: string; number: number; zone: string; skills: Skill[] }): void {
    this.db
      .prepare('INSERT INTO windows (id, hall_id, number, zone, skills) VALUES (?, ?, ?, ?, ?)')
      .run(w.id, hallId, w.number, w.zone, JSON.stringify(w.skills));
  }
  updateConfig(id: string, w: { number: number; zone: string; skills: Skill[] }): void {
    this.db.prepare('UPDATE windows SET number = ?, zone = ?, skills = ? WHERE id = ?').run(w.number, w.zone, JSON.stringify(w.skills), id);
  }
  /** Changes the window's live state; answers the window as `get` would after the change (`RETURNING`: no read back). */
  updateState(id: string, patch: WindowStatePatch): StoredWindow | null {
    const keys = Object.keys(patch) as Array<keyof WindowStatePatch>;
    if (keys.length === 0) return this.get(id);
    const shape = keys.join(',');
    let stmt = this.updates.get(shape);
    if (!stmt) {
      const sets = keys.map((k) => `${COLUMN[k]} = @${k}`).join(', ');
      stmt = this.db.prepare(`UPDATE windows SET ${sets} WHERE id = @id RETURNING *`);
      this.updates.set(shape, stmt);
    }
    const r = stmt.get({ id, ...patch }) as (Row & { deleted: number }) | undefined;
    return r && r.deleted === 0 ? toWindow(r) : null;
  }
  softDelete(id: string): void {
    this.db.prepare('UPDATE windows SET deleted = 1 WHERE id = ?').run(id);
  }
}
