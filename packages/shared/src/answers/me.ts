// The answer of GET /me: who a token is and which hall it belongs to. Every client starts here
// rather than assuming a hall.
import type { DeviceKind, StaffRole } from '../domain';

export interface StaffMe {
  kind: 'staff';
  role: StaffRole;
  hallId: string;
  staff: { id: string; username: string; name: string; role: StaffRole; organisationId: string; windowNumbers: number[] };
  /** The window this person is signed in at, if any. */
  windowId: string | null;
  windowNumber: number | null;
}

export interface DeviceMe {
  kind: 'device';
  role: DeviceKind;
  hallId: string;
  /** `announceZone` / `announceWindows`: the windows a display announces (both null: every window). */
  device: { id: string; kind: DeviceKind; name: string; announceZone: string | null; announceWindows: number[] | null };
  /** The window a window display or rating pad belongs to. */
  windowNumber: number | null;
}

export type MeAnswer = StaffMe | DeviceMe;
