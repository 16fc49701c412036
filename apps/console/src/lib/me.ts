// `GET /me` as the console needs it. The answer's exact nesting is read leniently (staff fields
// at the top or under `staff`), so the console keeps working as the endpoint grows.
import type { StaffRole } from '@hallq/shared';
import { STAFF_ROLES } from '@hallq/shared';

export interface Me {
  id: string;
  name: string;
  username: string;
  role: StaffRole;
  hallId: string;
  /** Window numbers this person may sign in at; empty = any. */
  windowNumbers: number[];
}

export function normalizeMe(raw: unknown, fallbackHallId = 'demo'): Me | null {
  if (!raw || typeof raw !== 'object') return null;
  const top = raw as Record<string, unknown>;
  const staff = (top.staff && typeof top.staff === 'object' ? top.staff : top) as Record<string, unknown>;
  const role = staff.role;
  if (typeof role !== 'string' || !(STAFF_ROLES as readonly string[]).includes(role)) return null;
  const str = (v: unknown, d = ''): string => (typeof v === 'string' ? v : d);
  const windows = Array.isArray(staff.windowNumbers) ? staff.windowNumbers.filter((n): n is number => typeof n === 'number') : [];
  return {
    id: str(staff.id),
    name: str(staff.name, str(staff.username)),
    username: str(staff.username),
    role: role as StaffRole,
    hallId: str(top.hallId, str(staff.hallId, fallbackHallId)),
    windowNumbers: windows,
  };
}
