// The shape of the demo hall data. `demo-hall.ts` (written separately) must export
//   export const demoHall: DemoHall
// and `seed-demo.ts` writes such a value into an empty database. Tests use small values of
// the same shape as fixtures, so this type is the seam between the data and the server.
import type { BookingSlots, DeviceKind, LocalizedText, OpeningHours, ServiceStage, Skill, StaffRole } from '@hallq/shared';

export interface DemoOrganisation {
  id: string;
  name: LocalizedText;
  kind: 'government' | 'contractor';
}

export interface DemoModule {
  id: string;
  name: LocalizedText;
}

export interface DemoService {
  id: string;
  code: string;
  /** One capital letter; two services may share a prefix (they then share the daily sequence). */
  prefix: string;
  name: LocalizedText;
  moduleId: string;
  guide: LocalizedText;
  documents: LocalizedText[];
  /** At least one stage, e.g. [pre-review by helpers, acceptance officersOnly]. */
  stages: ServiceStage[];
  expectedServiceSeconds: number;
  /** Optional; the demo hall has no quotas and is open around the clock (defaults null). */
  dailyQuota?: number | null;
  openingHours?: OpeningHours;
  waitTargetSeconds?: number | null;
  /** Booking slots; default (undefined) the demo's: 7 days ahead, 30-minute slots 09:00-17:00, 2 each. */
  booking?: BookingSlots | null;
  /** Remote-queue tickets per day; default (undefined) the demo's share. */
  remoteDailyShare?: number | null;
}

export interface DemoWindow {
  id: string;
  number: number;
  zone: string;
  /** tier 1 = primary, 2 = secondary, ... */
  skills: Skill[];
}

export interface DemoStaff {
  id: string;
  username: string;
  name: string;
  role: StaffRole;
  organisationId: string;
  /** Window numbers this person may sign in at; empty = any. */
  windowNumbers: number[];
  /** Defaults to 'demo'. */
  password?: string;
}

export interface DemoDevice {
  id: string;
  kind: DeviceKind;
  name: string;
  windowNumber?: number | null;
  printer?: string | null;
  paperWidthMm?: 58 | 80 | null;
}

export interface DemoHallInfo {
  id: string;
  name: LocalizedText;
  /** Default Asia/Shanghai. */
  timezone?: string;
  /** Default 2400 (40 minutes). */
  waitTargetSeconds?: number;
  /** null/undefined = open around the clock. */
  openingHours?: OpeningHours;
  holidays?: string[];
  announcementTemplate?: string;
  announcementTemplateEn?: string;
  ticketNotice?: LocalizedText;
  followUpWorkingDays?: number;
}

export interface DemoNotice {
  id: string;
  text: LocalizedText;
  active: boolean;
}

export interface DemoHall {
  hall: DemoHallInfo;
  organisations: DemoOrganisation[];
  modules: DemoModule[];
  services: DemoService[];
  windows: DemoWindow[];
  staff: DemoStaff[];
  devices: DemoDevice[];
  /** Notices shown on the lobby displays. */
  notices?: DemoNotice[];
}
