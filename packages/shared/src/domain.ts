// Domain types of a service hall. Times are ISO-8601 UTC strings at the edges; durations are
// whole seconds. Nothing here depends on a platform.


export type Lang = 'zh' | 'en';

/** Text in both languages the product speaks: simplified Chinese first, English second. */
export interface LocalizedText {
  zh: string;
  en: string;
}

/** `expired`: a remote ticket whose holder did not arrive within the hall's grace time after its turn. */
export const TICKET_STATUSES = ['waiting', 'called', 'serving', 'done', 'no_show', 'cancelled', 'expired'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const STAFF_ROLES = ['admin', 'supervisor', 'officer', 'helper'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const DEVICE_KINDS = ['kiosk', 'display', 'rating-pad'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

export type Role = StaffRole | DeviceKind;

export const WINDOW_STATES = ['closed', 'open', 'paused'] as const;
export type WindowState = (typeof WINDOW_STATES)[number];

/** Which kind of staff is serving at a window: decides the stages it may take (the negative list). */
export type StaffType = 'officer' | 'helper';

export const PRINTER_STATES = ['ready', 'offline', 'paper_out', 'cover_open', 'error'] as const;
export type PrinterState = (typeof PRINTER_STATES)[number];

/** How a kiosk's printer is known to be ready: `dle-eot` asks it first (the default); `none` is for
 * printers that never answer DLE EOT: the job is sent at once. */
export const PRINTER_STATUS_CHECKS = ['dle-eot', 'none'] as const;
export type PrinterStatusCheck = (typeof PRINTER_STATUS_CHECKS)[number];

/** Needs someone soon without stopping the kiosk: paper near its end (still printing), a kiosk
 * the server was asked to print for with no printer configured for it or the hall (distinct from
 * a printer that is configured but offline), or a printer that took a ticket's every byte but did
 * not answer the status read after it (`print_unconfirmed`: the ticket may not have come out; it
 * clears at the next ticket the printer confirms). */
export const PRINTER_WARNINGS = ['paper_near_end', 'no_printer_configured', 'print_unconfirmed'] as const;
export type PrinterWarning = (typeof PRINTER_WARNINGS)[number];

/** Weekly opening period in the hall's local time; days 1 = Monday .. 7 = Sunday. */
export interface OpeningPeriod {
  days: number[];
  open: string; // "08:30"
  close: string; // "17:30"
}

/** `null` means open around the clock. */
export type OpeningHours = OpeningPeriod[] | null;

export interface Module {
  id: string;
  name: LocalizedText;
}

export interface ServiceStage {
  name: LocalizedText;
  /** Negative list: only officers (civil servants) may serve this stage. */
  officersOnly: boolean;
}

export interface Service {
  id: string;
  code: string;
  prefix: string;
  name: LocalizedText;
  moduleId: string;
  guide: LocalizedText;
  documents: LocalizedText[];
  /** At least one stage; a ticket starts at stage 0. */
  stages: ServiceStage[];
  dailyQuota: number | null;
  openingHours: OpeningHours;
  /** Wait target for this service; null = the hall's target. */
  waitTargetSeconds: number | null;
  /** Prior mean service time used by the estimator before any service has been observed. */
  expectedServiceSeconds: number;
  active: boolean;
  /** Local date (YYYY-MM-DD) on which a supervisor closed the service for the day. */
  closedOn: string | null;
  /** Booking slots visitors may book from home; absent or null = not bookable. */
  booking?: BookingSlots | null;
  /** Tickets per day this service opens to the remote queue; absent, null or 0 = not open to it. */
  remoteDailyShare?: number | null;
}

/** Booking slots of one service, in the hall's local time. */
export interface BookingSlots {
  /** Days of the week, 1 = Monday .. 7 = Sunday. */
  days: number[];
  /** First slot start and last slot end, "HH:MM". */
  from: string;
  to: string;
  slotMinutes: number;
  /** Bookings one slot takes. */
  capacity: number;
  /** How many days ahead a slot may be booked (0 = today only). */
  daysAhead: number;
}

export interface Skill {
  serviceId: string;
  /** 1 = primary, 2 = secondary, ... */
  tier: number;
}

export interface HallWindow {
  id: string;
  number: number;
  zone: string;
  state: WindowState;
  skills: Skill[];
  staffId: string | null;
  pauseReason: string | null;
}

/** How a hall's printed tickets look (the layout is `ticketSlip` in ticket-slip.ts). */
export interface TicketTemplateSettings {
  /** A line above the hall name, e.g. a welcome. */
  header?: LocalizedText;
  /** Print English lines as well as Chinese (default true). */
  showEnglish?: boolean;
  /** Print the estimated wait (default true). */
  showEstimate?: boolean;
}

/** What a hall says on a call unless its administrator wrote its own: `{number}` and `{window}` are filled in. */
export const DEFAULT_ANNOUNCEMENT_TEMPLATE = '请{number}号到{window}号窗口办理';
export const DEFAULT_ANNOUNCEMENT_TEMPLATE_EN = 'Number {number}, please go to window {window}';

export interface Hall {
  id: string;
  name: LocalizedText;
  timezone: string;
  waitTargetSeconds: number;
  openingHours: OpeningHours;
  /** Local dates (YYYY-MM-DD) on which the hall is closed. */
  holidays: string[];
  /** Make-up working days (调休): local dates on a Saturday or Sunday that count as working days
   * for working-day deadlines (absent = none). */
  makeUpWorkdays?: string[];
  /** e.g. DEFAULT_ANNOUNCEMENT_TEMPLATE */
  announcementTemplate: string;
  announcementTemplateEn: string;
  announcementRepeat: number;
  /** Longest wait from a call to the start of its announcement before displays catch up (default 15). */
  announcementMaxLagSeconds?: number;
  ticketNotice: LocalizedText;
  /** Header line, English lines, estimate on the printed ticket (absent = defaults). */
  ticketTemplate?: TicketTemplateSettings;
  followUpWorkingDays: number;
  routing: RoutingPolicy;
  /** A called ticket may be marked no-show only this long after its call, or after one recall. */
  noShowGraceSeconds: number;
  /** What a visitor who comes back after a no-show may do (the hall's rule). */
  noShowRule: NoShowRule;
  /** The kiosk's ticket screen returns to the start after this long, so the next visitor cannot scan its QR. */
  kioskTicketScreenSeconds: number;
  /** A remote ticket passed over (holder not arrived) keeps its place this long, then expires. Default 10. */
  remoteGraceMinutes?: number;
  /** Remote tickets arrive with the code shown on the hall's displays (default true). */
  arrivalCodeRequired?: boolean;
}

/** `requeue_once`: back in the queue once, at the back; `new_ticket`: take a new ticket at the kiosk. */
export const NO_SHOW_RULES = ['requeue_once', 'new_ticket'] as const;
export type NoShowRule = (typeof NO_SHOW_RULES)[number];

/** Visitor-path settings of a hall; a hall stored before they existed reads these. */
export const HALL_VISITOR_DEFAULTS: Pick<Hall, 'noShowGraceSeconds' | 'noShowRule' | 'kioskTicketScreenSeconds'> = {
  noShowGraceSeconds: 120,
  noShowRule: 'requeue_once',
  kioskTicketScreenSeconds: 20,
};

export const DEFAULT_REMOTE_GRACE_MINUTES = 10;

export interface RoutingPolicy {
  /** A ticket waiting past `starvationFactor` x its target may be taken by any tier. */
  starvationEnabled: boolean;
  starvationFactor: number;
  /** An appointment is "due" from this many seconds before its time. */
  appointmentEarlySeconds: number;
}

export const DEFAULT_ROUTING_POLICY: RoutingPolicy = {
  starvationEnabled: true,
  starvationFactor: 1,
  appointmentEarlySeconds: 10 * 60,
};

export interface Ticket {
  id: string;
  /** Secret for the visitor's phone; only for the ticket's creator and staff. */
  publicId?: string;
  number: string;
  serviceId: string;
  stage: number;
  status: TicketStatus;
  priority: boolean;
  appointmentCode: string | null;
  appointmentAt: string | null;
  lang: Lang;
  issuedAt: string;
  /** Local date (hall timezone) the ticket was issued on; numbering restarts each day. */
  serviceDate: string;
  calledAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  windowId: string | null;
  windowNumber: number | null;
  staffId: string | null;
  peopleAhead: number | null;
  estimatedWaitSeconds: number | null;
  /**
   * Where the call most likely falls around `estimatedWaitSeconds` (low <= estimate <= high); null
   * when there is none yet (e.g. called at once, or no live forecast reaches the ticket). Absent
   * in events recorded before it existed.
   */
  estimatedWaitRange?: WaitRange | null;
  statusUrl?: string;
  /**
   * Where the ticket's place in the queue counts from when that is not its issue: it went back to
   * the queue after a no-show (at the back). Absent otherwise. Queue order is by this, else
   * `issuedAt`, then `id`.
   */
  queuedAt?: string;
  /** Taken from home (remote queue): not called before its holder arrives. */
  remote?: boolean;
  arrivedAt?: string | null;
  /** When its turn came while its holder was not there yet. */
  passedOverAt?: string | null;
}

export interface StaffMember {
  id: string;
  username: string;
  name: string;
  role: StaffRole;
  organisationId: string;
  /** Window numbers this person may sign in at; empty = any. */
  windowNumbers: number[];
  active: boolean;
}

export interface Organisation {
  id: string;
  name: LocalizedText;
  kind: 'government' | 'contractor';
}

export interface Device {
  id: string;
  kind: DeviceKind;
  name: string;
  windowNumber: number | null;
  printer: string | null;
  paperWidthMm: 58 | 80 | null;
  /** Displays: announce only the windows of this zone and/or these numbers (both null: all). */
  announceZone?: string | null;
  announceWindows?: number[] | null;
  printerStatusCheck: PrinterStatusCheck;
  revoked: boolean;
  printerState: PrinterState | null;
  printerWarning: PrinterWarning | null;
  /** A live realtime connection now. */
  online: boolean;
  /** Last time the device was connected (now while it is online). */
  lastSeenAt: string | null;
}

export interface Appointment {
  id: string;
  code: string;
  serviceId: string;
  at: string;
  /** Local date of the appointment in the hall's timezone. */
  serviceDate: string;
  status: 'booked' | 'checked_in' | 'cancelled';
  ticketId: string | null;
  /** End of the booked slot (bookings made from home); null for appointments set by staff. */
  end?: string | null;
}

export interface Notice {
  id: string;
  text: LocalizedText;
  active: boolean;
  createdAt: string;
}

export const RATING_LEVELS = [1, 2, 3, 4, 5] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];
export const RATING_LABELS: Record<RatingLevel, LocalizedText> = {
  1: { zh: '非常满意', en: 'Very satisfied' },
  2: { zh: '满意', en: 'Satisfied' },
  3: { zh: '基本满意', en: 'Fairly satisfied' },
  4: { zh: '不满意', en: 'Dissatisfied' },
  5: { zh: '非常不满意', en: 'Very dissatisfied' },
};
/** 不满意 and 非常不满意 are bad ratings (差评): they need a reason and open a follow-up. */
export const isBadRating = (level: number): boolean => level >= 4;

/** Masks a phone number for any screen or paper: 13812341234 -> 138****1234. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

/** Where the visitor's call most likely falls, in seconds from now (low <= estimate <= high). */
export interface WaitRange {
  lowSeconds: number;
  highSeconds: number;
}
