// Who may open which page and press which button. Mirrors the server's checks (API.md), so
// the UI never offers an action the server would refuse for the role.
import type { StaffRole } from '@hallq/shared';

export type Capability =
  | 'counter' // sign in at a window and serve tickets
  | 'issue-ticket' // issue a ticket for a visitor from the console
  | 'board' // the supervisor's live board
  | 'board-actions' // change skills, broadcast a notice, close or reopen a service
  | 'read-config' // GET services, windows, staff, devices, notices
  | 'admin'; // every administration page (writes)

const CAPABILITIES: Record<StaffRole, ReadonlyArray<Capability>> = {
  admin: ['counter', 'issue-ticket', 'board', 'board-actions', 'read-config', 'admin'],
  // The supervisor adjusts the day from the board (window skills, closing a service, notices);
  // the rest of the configuration is the administrator's, as on the server.
  supervisor: ['counter', 'issue-ticket', 'board', 'board-actions', 'read-config'],
  officer: ['counter', 'issue-ticket'],
  helper: ['counter', 'issue-ticket'],
};

export function can(role: StaffRole | null | undefined, capability: Capability): boolean {
  if (!role) return false;
  return CAPABILITIES[role]?.includes(capability) ?? false;
}

/** The page a role lands on after logging in. */
export function homePath(role: StaffRole): string {
  if (role === 'admin') return '/admin/services';
  if (role === 'supervisor') return '/board';
  return '/counter';
}

/** Staff type at a window, which decides the stages it may serve (the negative list). */
export function staffTypeOf(role: StaffRole | null | undefined): 'officer' | 'helper' | null {
  if (!role) return null;
  // Administrators and supervisors are civil servants: they serve as officers.
  return role === 'helper' ? 'helper' : 'officer';
}
