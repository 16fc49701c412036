// Staff accounts and their login sessions (tokens stored only as SHA-256 hashes).
import type { StaffMember } from '@hallq/shared';
import type { Db } from './db';

export interface StoredStaff extends StaffMember {
  hallId: string;
  passwordHash: string;
}

interface Row {
  id: string;
  hall_id: string;
  username: string;
  doc: string;
  password_hash: string;
}

const toStaff = (r: Row): StoredStaff => ({
  ...(JSON.parse(r.doc) as Omit<StaffMember, 'id' | 'username'>),
  id: r.id,
  username: r.username,
  hallId: r.hall_id,
  passwordHash: r.password_hash,
});

export interface SessionRow {
  token_hash: string;
  staff_id: string;
  created_at: number;
  last_seen_at: number;
  revoked_at: number | null;
}

export class StaffRepo {
  private readonly byId;
  private readonly session;
  constructor(private readonly db: Db) {
    this.byId = db.prepare<[string], Row>('SELECT * FROM staff WHERE id = ? AND deleted = 0');
    this.session = db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE token_hash = ?');
  }

  listOfHall(hallId: string): StoredStaff[] {
    return (this.db.prepare('SELECT * FROM staff WHERE hall_id = ? AND deleted = 0 ORDER BY username').all(hallId) as Row[]).map(toStaff);
  }
  get(id: string): StoredStaff | null {
    const r = this.byId.get(id);
    return r ? toStaff(r) : null;
  }
  getByUsername(username: string): StoredStaff | null {
    const r = this.db.prepare('SELECT * FROM staff WHERE username = ? AND deleted = 0').get(username) as Row | undefined;
    return r ? toStaff(r) : null;
  }
  usernameTaken(username: string): boolean {
    return this.db.prepare('SELECT 1 FROM staff WHERE username = ?').get(username) !== undefined;
  }
  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM staff').get() as { n: number }).n;
  }
  put(s: StoredStaff): void {
    const { id, username, hallId, passwordHash, ...doc } = s;
    this.db
      .prepare(
        `INSERT INTO staff (id, hall_id, username, doc, password_hash) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET doc = excluded.doc, password_hash = excluded.password_hash`,
      )
      .run(id, hallId, username, JSON.stringify(doc), passwordHash);
  }
  /** Replaces a password hash by a stronger one of the same password, unless it changed meanwhile. */
  upgradePasswordHash(id: string, from: string, to: string): void {
    this.db.prepare('UPDATE staff SET password_hash = ? WHERE id = ? AND password_hash = ?').run(to, id, from);
  }
  softDelete(id: string): void {
    // The username is freed so it can be given again; events keep the id.
    this.db.prepare("UPDATE staff SET deleted = 1, username = username || '#deleted-' || id WHERE id = ?").run(id);
    this.revokeSessionsOf(id, Date.now());
  }

  createSession(tokenHash: string, staffId: string, now: number): void {
    this.db.prepare('INSERT INTO sessions (token_hash, staff_id, created_at, last_seen_at) VALUES (?, ?, ?, ?)').run(tokenHash, staffId, now, now);
  }
  getSession(tokenHash: string): SessionRow | null {
    return this.session.get(tokenHash) ?? null;
  }
  touchSession(tokenHash: string, now: number): void {
    this.db.prepare('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?').run(now, tokenHash);
  }
  revokeSession(tokenHash: string, now: number): void {
    this.db.prepare('UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL').run(now, tokenHash);
  }
  revokeSessionsOf(staffId: string, now: number): void {
    this.db.prepare('UPDATE sessions SET revoked_at = ? WHERE staff_id = ? AND revoked_at IS NULL').run(now, staffId);
  }
}
