// City staff (the first admin from HUB_ADMIN_PASSWORD), their sessions, and hall tokens.
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { DUMMY_HASH, hashPassword, newToken, tokenHash, verifyPassword } from './secrets';

export type CityRole = 'admin' | 'viewer';
export interface CityStaff {
  id: string;
  username: string;
  name: string;
  role: CityRole;
}
export type HubIdentity = { kind: 'staff'; staff: CityStaff } | { kind: 'hall'; hallId: string };

const SESSION_MS = 12 * 3600 * 1000;

export class CityAuth {
  /** Hall tokens never change once issued: token hash -> hall id, so ingest costs no lookup. */
  private readonly hallTokens = new Map<string, string>();

  constructor(private readonly pool: Pool) {}

  /** Creates the first admin on an empty staff table; true when created. */
  async ensureFirstAdmin(password: string | null): Promise<boolean> {
    const { rows } = await this.pool.query<{ n: string }>('SELECT count(*) AS n FROM city_staff');
    if (Number(rows[0]?.n ?? 0) > 0) return false;
    if (!password) throw new Error('the city database has no staff: set HUB_ADMIN_PASSWORD for the first admin (username "admin")');
    const r = await this.pool.query(
      `INSERT INTO city_staff (id, username, name, role, password_hash, created_at) VALUES ($1, 'admin', 'City admin', 'admin', $2, $3)
       ON CONFLICT (username) DO NOTHING`,
      [randomUUID(), hashPassword(password), Date.now()],
    );
    return (r.rowCount ?? 0) > 0;
  }

  async login(username: string, password: string): Promise<{ token: string; staff: CityStaff } | null> {
    const { rows } = await this.pool.query<CityStaff & { password_hash: string }>(
      'SELECT id, username, name, role, password_hash FROM city_staff WHERE username = $1',
      [username],
    );
    const row = rows[0];
    const ok = verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
    if (!row || !ok) return null;
    const token = newToken();
    await this.pool.query('INSERT INTO city_sessions (token_hash, staff_id, expires_at) VALUES ($1, $2, $3)', [tokenHash(token), row.id, Date.now() + SESSION_MS]);
    return { token, staff: { id: row.id, username: row.username, name: row.name, role: row.role } };
  }

  /** Staff session or hall token -> who it is; null when neither. */
  async resolve(token: string): Promise<HubIdentity | null> {
    const hash = tokenHash(token);
    const cached = this.hallTokens.get(hash);
    if (cached !== undefined) return { kind: 'hall', hallId: cached };
    const staff = await this.pool.query<CityStaff>(
      `SELECT s.id, s.username, s.name, s.role FROM city_sessions x JOIN city_staff s ON s.id = x.staff_id
       WHERE x.token_hash = $1 AND x.expires_at > $2`,
      [hash, Date.now()],
    );
    if (staff.rows[0]) return { kind: 'staff', staff: staff.rows[0] };
    const hall = await this.pool.query<{ id: string }>('SELECT id FROM halls WHERE token_hash = $1', [hash]);
    if (!hall.rows[0]) return null;
    if (this.hallTokens.size < 100_000) this.hallTokens.set(hash, hall.rows[0].id);
    return { kind: 'hall', hallId: hall.rows[0].id };
  }
}
