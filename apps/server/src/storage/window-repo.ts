// Counter windows: configuration (number, zone, skills) and live state (who is signed in, the
// ticket at the counter).
import type { HallWindow, Skill, StaffType, WindowState } from '@hallq/shared';
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
  constructor(private readonly db: Db) {
    this.byId = db.prepare<[string], Row>('SELECT * FROM windows WHERE id = ? AND deleted = 0');
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
    const r = this.db.prepare('SELECT * FROM windows WHERE staff_id = ? AND deleted = 0').get(staffId) as Row | undefined;
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
  updateState(id: string, patch: WindowStatePatch): void {
    const keys = Object.keys(patch) as Array<keyof WindowStatePatch>;
    if (keys.length === 0) return;
    const sets = keys.map((k) => `${COLUMN[k]} = @${k}`).join(', ');
    this.db.prepare(`UPDATE windows SET ${sets} WHERE id = @id`).run({ id, ...patch });
  }
  softDelete(id: string): void {
    this.db.prepare('UPDATE windows SET deleted = 1 WHERE id = ?').run(id);
  }
}
