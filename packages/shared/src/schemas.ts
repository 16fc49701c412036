// zod schemas for every request body and socket message. The server validates with these at the
// edge, and the OpenAPI document is generated from them.
import { z } from 'zod';
import { DEVICE_KINDS, NO_SHOW_RULES, PRINTER_STATUS_CHECKS, PRINTER_WARNINGS, STAFF_ROLES } from './domain';

const id = z.string().min(1).max(64);
const shortText = z.string().trim().min(1).max(200);
/** Years a hall's dates may fall in: nothing before the epoch, nothing past four digits. */
export const FIRST_YEAR = 1970;
export const LAST_YEAR = 9999;

/** True for a real calendar date `YYYY-MM-DD` (2026-02-29 and 2026-13-01 are not). The one date
 * check of the whole API: every date parameter and field goes through `localDate`. */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < FIRST_YEAR || y > LAST_YEAR || mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!;
  return d <= days;
}

export const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a local date YYYY-MM-DD')
  .refine(isCalendarDate, `not a calendar date (YYYY-MM-DD, year ${FIRST_YEAR}..${LAST_YEAR})`);
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected a time HH:MM');

export const LocalizedTextSchema = z.strictObject({
  zh: z.string().trim().min(1).max(2000),
  en: z.string().trim().min(1).max(2000),
});

export const OpeningPeriodSchema = z.strictObject({
  days: z.array(z.number().int().min(1).max(7)).min(1).max(7),
  open: clock,
  close: clock,
});
export const OpeningHoursSchema = z.array(OpeningPeriodSchema).max(14).nullable();

export const LoginBody = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const CreateTicketBody = z.strictObject({
  serviceId: id,
  priority: z.boolean().optional(),
  appointmentCode: z.string().trim().min(1).max(64).optional(),
  lang: z.enum(['zh', 'en']).optional(),
});

export const EmptyBody = z.strictObject({});
export const PauseBody = z.strictObject({ reason: z.string().trim().max(200).optional() });
export const CallTicketBody = z.strictObject({ ticketId: id, reason: z.string().trim().max(200).optional() });
export const CompleteBody = z.strictObject({
  firstTimeAccepted: z.boolean().optional(),
  note: z.string().trim().max(1000).optional(),
});
export const TransferBody = z.strictObject({
  serviceId: id,
  stage: z.number().int().min(0).max(9).optional(),
});
export const RatingBody = z
  .strictObject({
    level: z.number().int().min(1).max(5),
    reason: z.string().trim().max(1000).optional(),
  })
  .refine((r) => r.level < 4 || (r.reason !== undefined && r.reason.length > 0), {
    message: 'a bad rating (4 or 5) needs a reason',
    path: ['reason'],
  });

export const StageSchema = z.strictObject({ name: LocalizedTextSchema, officersOnly: z.boolean() });

export const BookingSlotsSchema = z
  .strictObject({
    days: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    from: clock,
    to: clock,
    slotMinutes: z.number().int().min(5).max(480),
    capacity: z.number().int().min(1).max(1000),
    daysAhead: z.number().int().min(0).max(90),
  })
  .refine((b) => b.from < b.to, { message: 'from must be before to', path: ['to'] });

export const ServiceBody = z.strictObject({
  code: z.string().trim().min(1).max(32),
  prefix: z.string().regex(/^[A-Z]$/, 'prefix is one capital letter A-Z'),
  name: LocalizedTextSchema,
  moduleId: id,
  guide: LocalizedTextSchema.optional(),
  documents: z.array(LocalizedTextSchema).max(50).optional(),
  stages: z.array(StageSchema).min(1).max(10).optional(),
  dailyQuota: z.number().int().min(1).max(100000).nullable().optional(),
  openingHours: OpeningHoursSchema.optional(),
  waitTargetSeconds: z.number().int().min(60).max(86400).nullable().optional(),
  expectedServiceSeconds: z.number().int().min(10).max(86400).optional(),
  active: z.boolean().optional(),
  closedOn: localDate.nullable().optional(),
  booking: BookingSlotsSchema.nullable().optional(),
  remoteDailyShare: z.number().int().min(0).max(100000).nullable().optional(),
});
export const ServicePatch = ServiceBody.partial();

export const SkillSchema = z.strictObject({ serviceId: id, tier: z.number().int().min(1).max(9) });
/** A window's skills: one tier per service (a second entry for the same service would leave routing to pick one). */
export const SkillList = z
  .array(SkillSchema)
  .max(200)
  .superRefine((skills, ctx) => {
    const seen = new Set<string>();
    skills.forEach((k, i) => {
      if (seen.has(k.serviceId)) ctx.addIssue({ code: 'custom', path: [i, 'serviceId'], message: `service ${k.serviceId} listed twice` });
      seen.add(k.serviceId);
    });
  });
export const WindowBody = z.strictObject({
  number: z.number().int().min(1).max(9999),
  zone: z.string().trim().max(64).optional(),
  skills: SkillList.optional(),
});
export const WindowPatch = WindowBody.partial();

export const StaffBody = z.strictObject({
  username: z.string().regex(/^[a-zA-Z0-9_.-]{2,32}$/, 'username: 2-32 letters, digits, _ . -'),
  name: shortText,
  role: z.enum(STAFF_ROLES),
  organisationId: id.optional(),
  windowNumbers: z.array(z.number().int().min(1).max(9999)).max(200).optional(),
  password: z.string().min(8).max(256),
  active: z.boolean().optional(),
});
export const StaffPatch = StaffBody.omit({ username: true }).partial();

export const PrinterUrlSchema = z
  .string()
  .max(300)
  .regex(/^(tcp|usb|serial|file):\/\/.+/, 'printer: tcp://host:port, usb://vid:pid, serial:///dev/..., file:///dev/...');

export const DeviceBody = z.strictObject({
  kind: z.enum(DEVICE_KINDS),
  name: shortText,
  windowNumber: z.number().int().min(1).max(9999).optional(),
  printer: PrinterUrlSchema.optional(),
  paperWidthMm: z.union([z.literal(58), z.literal(80)]).optional(),
  /** A display announces the calls of this zone's windows (null: no zone limit). */
  announceZone: z.string().trim().min(1).max(64).nullable().optional(),
  /** A display announces the calls of these windows (null: no list; with no zone either, every window). */
  announceWindows: z.array(z.number().int().min(1).max(9999)).max(500).nullable().optional(),
  printerStatusCheck: z.enum(PRINTER_STATUS_CHECKS).optional(),
});
export const DevicePatch = DeviceBody.omit({ kind: true }).partial().extend({ revoked: z.boolean().optional() });

export const NoticeBody = z.strictObject({ text: LocalizedTextSchema, active: z.boolean().optional() });
export const NoticePatch = NoticeBody.partial();

/** Printed-ticket settings: a header line (both languages, or none), English lines, the estimate. */
export const TicketTemplateSchema = z.strictObject({
  header: z.strictObject({ zh: z.string().trim().max(60), en: z.string().trim().max(60) }).optional(),
  showEnglish: z.boolean().optional(),
  showEstimate: z.boolean().optional(),
});

export const HallPatch = z.strictObject({
  name: LocalizedTextSchema.optional(),
  timezone: z.string().min(1).max(64).optional(),
  waitTargetSeconds: z.number().int().min(60).max(86400).optional(),
  openingHours: OpeningHoursSchema.optional(),
  holidays: z.array(localDate).max(400).optional(),
  makeUpWorkdays: z.array(localDate).max(100).optional(),
  announcementTemplate: z
    .string()
    .max(200)
    .refine((t) => t.includes('{number}'), 'the template must contain {number}')
    .optional(),
  announcementTemplateEn: z.string().max(200).optional(),
  announcementRepeat: z.number().int().min(1).max(3).optional(),
  /** The longest a call may wait to be spoken before the displays catch up (read once, shorter). */
  announcementMaxLagSeconds: z.number().int().min(5).max(120).optional(),
  ticketNotice: LocalizedTextSchema.optional(),
  ticketTemplate: TicketTemplateSchema.optional(),
  followUpWorkingDays: z.number().int().min(1).max(60).optional(),
  noShowGraceSeconds: z.number().int().min(0).max(3600).optional(),
  noShowRule: z.enum(NO_SHOW_RULES).optional(),
  kioskTicketScreenSeconds: z.number().int().min(5).max(300).optional(),
  remoteGraceMinutes: z.number().int().min(0).max(240).optional(),
  arrivalCodeRequired: z.boolean().optional(),
  routing: z
    .strictObject({
      starvationEnabled: z.boolean(),
      starvationFactor: z.number().min(0.5).max(10),
      appointmentEarlySeconds: z.number().int().min(0).max(7200),
    })
    .partial()
    .optional(),
});

export const AppointmentBody = z.strictObject({
  serviceId: id,
  /** The booked time, ISO-8601 (not in the past, at most a year ahead: checked against the clock). */
  at: z.iso.datetime({ offset: true }).refine((t) => isCalendarDate(t.slice(0, 10)), `not a real date (year ${FIRST_YEAR}..${LAST_YEAR})`),
  /** Given by the portal, or generated: 6 digits a visitor types on the kiosk keypad. */
  code: z.string().regex(/^\d{4,12}$/, 'code: 4-12 digits').optional(),
});

/** A visitor books a slot from home; `start` is one of the slots' starts. */
export const BookingBody = z.strictObject({
  serviceId: id,
  start: z.iso.datetime({ offset: true }).refine((t) => isCalendarDate(t.slice(0, 10)), `not a real date (year ${FIRST_YEAR}..${LAST_YEAR})`),
  /** Optional phone or e-mail for reminders; never shown on any screen or paper. */
  contact: z.string().trim().min(3).max(100).optional(),
});
export const SlotsQuery = z.strictObject({ serviceId: id, date: localDate });
/** Booking codes are what the kiosk keypad takes: digits only. */
export const BookingCode = z.string().regex(/^\d{4,12}$/, 'a booking code is 4-12 digits');
export const RemoteTicketBody = z.strictObject({ serviceId: id, lang: z.enum(['zh', 'en']).optional() });
export const ArriveBody = z.strictObject({ arrivalCode: z.string().trim().max(16).optional() });
/** A browser's Push API subscription (PushSubscription.toJSON()). */
export const PushSubscriptionBody = z.strictObject({
  endpoint: z.url().max(1000).refine((u) => /^https?:/.test(u), 'the endpoint is an http(s) URL'),
  expirationTime: z.number().nullable().optional(),
  keys: z.strictObject({
    p256dh: z.string().regex(/^[A-Za-z0-9_-]{40,200}$/, 'p256dh is base64url'),
    auth: z.string().regex(/^[A-Za-z0-9_-]{10,50}$/, 'auth is base64url'),
  }),
  /** Notify when this many people or fewer are ahead (default 3). */
  aheadThreshold: z.number().int().min(1).max(50).optional(),
});

/** Preview of the printed ticket with settings not saved yet (what the admin is typing). */
export const TicketPreviewBody = z.strictObject({
  hallName: LocalizedTextSchema.optional(),
  notice: LocalizedTextSchema.optional(),
  serviceId: id.optional(),
  paperWidthMm: z.union([z.literal(58), z.literal(80)]).optional(),
  lang: z.enum(['zh', 'en']).optional(),
  ticketTemplate: TicketTemplateSchema.optional(),
});

export const StatsQuery = z
  .object({ from: localDate, to: localDate })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['from'] });

export const DeviceStatusBody = z.strictObject({
  printerState: z.enum(['ready', 'offline', 'paper_out', 'cover_open', 'error']).nullable().optional(),
  printerWarning: z.enum(PRINTER_WARNINGS).nullable().optional(),
  message: z.string().max(300).optional(),
});

export const ResumeMessage = z.strictObject({
  hallId: id,
  afterSeq: z.number().int().min(0),
});

export type LoginBody = z.infer<typeof LoginBody>;
export type CreateTicketBody = z.infer<typeof CreateTicketBody>;
export type PauseBody = z.infer<typeof PauseBody>;
export type CallTicketBody = z.infer<typeof CallTicketBody>;
export type CompleteBody = z.infer<typeof CompleteBody>;
export type TransferBody = z.infer<typeof TransferBody>;
export type RatingBody = z.infer<typeof RatingBody>;
export type ServiceBody = z.infer<typeof ServiceBody>;
export type ServicePatch = z.infer<typeof ServicePatch>;
export type WindowBody = z.infer<typeof WindowBody>;
export type WindowPatch = z.infer<typeof WindowPatch>;
export type StaffBody = z.infer<typeof StaffBody>;
export type StaffPatch = z.infer<typeof StaffPatch>;
export type DeviceBody = z.infer<typeof DeviceBody>;
export type DevicePatch = z.infer<typeof DevicePatch>;
export type NoticeBody = z.infer<typeof NoticeBody>;
export type NoticePatch = z.infer<typeof NoticePatch>;
export type HallPatch = z.infer<typeof HallPatch>;
export type StatsQuery = z.infer<typeof StatsQuery>;
export type AppointmentBody = z.infer<typeof AppointmentBody>;
export type TicketPreviewBody = z.infer<typeof TicketPreviewBody>;
export type DeviceStatusBody = z.infer<typeof DeviceStatusBody>;
export type ResumeMessage = z.infer<typeof ResumeMessage>;
export type BookingBody = z.infer<typeof BookingBody>;
export type RemoteTicketBody = z.infer<typeof RemoteTicketBody>;
export type ArriveBody = z.infer<typeof ArriveBody>;
export type PushSubscriptionBody = z.infer<typeof PushSubscriptionBody>;
