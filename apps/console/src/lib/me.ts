// The signed-in member of staff as the console needs it, from `GET /me` (`fetchMe` of
// @hallq/client): a token that is not a member of staff's has no console.
import type { MeAnswer, StaffRole } from '@hallq/shared';

export interface Me {
  id: string;
  name: string;
  username: string;
  role: StaffRole;
  hallId: string;
  /** Window numbers this person may sign in at; empty = any. */
  windowNumbers: number[];
}

export function staffMe(answer: MeAnswer): Me | null {
  if (answer.kind !== 'staff') return null;
  const s = answer.staff;
  return { id: s.id, name: s.name || s.username, username: s.username, role: s.role, hallId: answer.hallId, windowNumbers: s.windowNumbers ?? [] };
}
