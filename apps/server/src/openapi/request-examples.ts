// Example request bodies, used by the tests to hold the generated JSON Schemas to the zod schemas.
import type { RequestSchemaName } from './schemas';

/**
 * Known-good and known-bad bodies for every request schema. The generated JSON Schema and the zod
 * schema must agree on each; `refinement` bodies are rejected by zod only (a `.refine` has no JSON
 * Schema form; the document states the rule under `x-refinements`). `satisfies` makes a new request
 * schema a compile error until it has examples here.
 */
export const BODY_EXAMPLES = {
  BookingBody: {
    good: [{ serviceId: 's', start: '2026-01-05T02:30:00Z' }, { serviceId: 's', start: '2026-01-05T10:30:00+08:00', contact: '13812341234' }],
    bad: [{}, { serviceId: 's', start: 'tomorrow' }, { serviceId: 's', start: '2026-01-05T02:30:00Z', extra: 1 }],
  },
  RemoteTicketBody: { good: [{ serviceId: 's' }, { serviceId: 's', lang: 'en' }], bad: [{}, { serviceId: 's', lang: 'fr' }] },
  ArriveBody: { good: [{}, { arrivalCode: '0420' }], bad: [{ arrivalCode: 420 }, { code: '0420' }] },
  PushSubscriptionBody: {
    good: [{ endpoint: 'https://push.example.com/send/abc', keys: { p256dh: 'B'.repeat(87), auth: 'a'.repeat(22) } }],
    bad: [{}, { endpoint: 'https://push.example.com/x', keys: { p256dh: 'short', auth: 'a'.repeat(22) } }],
  },
  LoginBody: { good: [{ username: 'w01', password: 'demo' }], bad: [{ username: 'w01' }, { username: 1, password: 'demo' }, { username: '', password: 'demo' }] },
  CreateTicketBody: {
    good: [{ serviceId: 'svc-company-setup' }, { serviceId: 's', priority: true, appointmentCode: '123456', lang: 'en' }],
    bad: [{}, { serviceId: 's', lang: 'fr' }, { serviceId: 's', extra: 1 }, { serviceId: 'x'.repeat(65) }],
  },
  EmptyBody: { good: [{}], bad: [{ x: 1 }, []] },
  PauseBody: { good: [{}, { reason: 'break' }], bad: [{ reason: 5 }, { reason: 'x'.repeat(201) }] },
  CallTicketBody: { good: [{ ticketId: 't1' }, { ticketId: 't1', reason: 'elderly visitor' }], bad: [{}, { ticketId: '' }] },
  CompleteBody: { good: [{}, { firstTimeAccepted: true, note: '材料齐全' }], bad: [{ firstTimeAccepted: 'yes' }] },
  TransferBody: { good: [{ serviceId: 's' }, { serviceId: 's', stage: 1 }], bad: [{ stage: 1 }, { serviceId: 's', stage: '1' }, { serviceId: 's', stage: 10 }, { serviceId: 's', stage: 0.5 }] },
  RatingBody: {
    good: [{ level: 1 }, { level: 5, reason: '等待时间太长' }],
    // 4 and 5 without a reason: the document's schema says so too (anyOf), not only the server.
    bad: [{}, { level: 0 }, { level: 6 }, { level: '1' }, { level: 4 }, { level: 5, reason: '' }, { level: 5, reason: '   ' }],
  },
  ServiceBody: {
    good: [
      { code: 'X1', prefix: 'A', name: { zh: '测试', en: 'Test' }, moduleId: 'm' },
      { code: 'X2', prefix: 'B', name: { zh: '测试', en: 'Test' }, moduleId: 'm', stages: [{ name: { zh: '受理', en: 'Acceptance' }, officersOnly: true }], dailyQuota: null, openingHours: [{ days: [1, 2, 3, 4, 5], open: '09:00', close: '17:00' }] },
    ],
    bad: [
      { code: 'X1', prefix: 'A', moduleId: 'm' },
      { code: 'X1', prefix: 'a', name: { zh: '测试', en: 'Test' }, moduleId: 'm' },
      { code: 'X1', prefix: 'A', name: { zh: '测试' }, moduleId: 'm' },
      { code: 'X1', prefix: 'A', name: { zh: '测试', en: 'Test' }, moduleId: 'm', stages: [] },
      { code: 'X1', prefix: 'A', name: { zh: '测试', en: 'Test' }, moduleId: 'm', openingHours: [{ days: [8], open: '09:00', close: '17:00' }] },
    ],
  },
  ServicePatch: { good: [{}, { active: false }, { closedOn: '2026-01-01' }, { closedOn: null }], bad: [{ active: 'no' }, { closedOn: '1 Jan' }, { foo: 1 }] },
  WindowBody: { good: [{ number: 13 }, { number: 13, zone: '综合', skills: [{ serviceId: 's', tier: 1 }] }], bad: [{ zone: 'z' }, { number: '13' }, { number: 0 }, { number: 1, skills: [{ serviceId: 's' }] }] },
  WindowPatch: { good: [{}, { skills: [] }], bad: [{ number: 1.5 }, { skills: [{ serviceId: 's', tier: 10 }] }] },
  StaffBody: {
    good: [{ username: 'w13', name: '新同事', role: 'helper', password: 'long-enough' }, { username: 'w13', name: 'N', role: 'officer', password: 'long-enough', windowNumbers: [1, 2], organisationId: 'org-gov' }],
    bad: [{ username: 'w13', name: 'N', role: 'boss', password: 'long-enough' }, { username: 'w13', name: 'N', role: 'helper' }, { username: 'w13', name: 'N', role: 'helper', password: 'short' }, { username: 'a b', name: 'N', role: 'helper', password: 'long-enough' }],
  },
  StaffPatch: { good: [{}, { active: false }, { windowNumbers: [3] }], bad: [{ username: 'renamed' }, { role: 'kiosk' }] },
  DeviceBody: {
    good: [{ kind: 'kiosk', name: '取号机 2' }, { kind: 'kiosk', name: 'K2', printer: 'tcp://10.0.0.5:9100', paperWidthMm: 58 }, { kind: 'rating-pad', name: 'R', windowNumber: 3 }],
    bad: [{ kind: 'phone', name: 'x' }, { kind: 'kiosk', name: 'x', paperWidthMm: 60 }, { kind: 'kiosk', name: 'x', printer: 'lpt1' }, { name: 'x' }],
  },
  DevicePatch: { good: [{}, { revoked: true }, { printer: 'usb://04b8:0202' }], bad: [{ kind: 'kiosk' }, { revoked: 'yes' }] },
  NoticeBody: { good: [{ text: { zh: '通知', en: 'Notice' } }, { text: { zh: '通知', en: 'Notice' }, active: false }], bad: [{ active: true }, { text: 'x' }, { text: { zh: '', en: 'Notice' } }] },
  NoticePatch: { good: [{}, { active: false }], bad: [{ text: 'x' }] },
  HallPatch: {
    good: [{}, { waitTargetSeconds: 1800, routing: { starvationEnabled: false } }, { announcementTemplate: '请{number}号到{window}号窗口', openingHours: null }],
    bad: [{ waitTargetSeconds: '30' }, { waitTargetSeconds: 10 }, { routing: { foo: 1 } }, { holidays: ['tomorrow'] }, { announcementRepeat: 6 }],
    refinement: [{ announcementTemplate: '请到窗口办理' }],
  },
  DeviceStatusBody: { good: [{}, { printerState: 'paper_out', message: '缺纸' }, { printerState: null }], bad: [{ printerState: 'jammed' }, { message: 1 }] },
  TicketPreviewBody: {
    good: [{}, { hallName: { zh: '大厅', en: 'Hall' }, notice: { zh: '请保管好号票', en: 'Keep it' }, paperWidthMm: 58, lang: 'en' }],
    bad: [{ paperWidthMm: 70 }, { lang: 'fr' }, { hallName: { zh: '大厅' } }, { extra: 1 }],
  },
  AppointmentBody: {
    good: [{ serviceId: 's', at: '2030-01-02T02:00:00Z' }, { serviceId: 's', at: '2030-01-02T10:00:00+08:00', code: '123456' }],
    bad: [{ at: '2030-01-02T02:00:00Z' }, { serviceId: 's', at: '2030-01-02T02:00:00Z', code: '12' }, { serviceId: 's', at: '2030-01-02T02:00:00Z', code: 'abcdef' }],
  },
  ResumeMessage: { good: [{ hallId: 'demo', afterSeq: 0 }, { hallId: 'demo', afterSeq: 42 }], bad: [{ hallId: 'demo' }, { hallId: 'demo', afterSeq: -1 }, { hallId: 'demo', afterSeq: 1, extra: true }] },
  FollowUpStepBody: {
    good: [{ action: 'assign', assignee: 'staff-super' }, { action: 'call_back', note: '已回访' }, { action: 'close', note: '办结', assignee: 'staff-super' }],
    bad: [{}, { action: 'escalate', note: 'x' }, { action: 'review', note: 'x'.repeat(1001) }, { action: 'assign', assignee: '' }, { action: 'review', note: 'x', extra: 1 }],
    refinement: [{ action: 'assign' }, { action: 'rectify' }, { action: 'close', note: '   ' }],
  },
  TomorrowBody: {
    good: [{}, { suggest: true, maxServicesPerPerson: 3 }, { skills: { 'win-1': [{ serviceId: 'svc-food', tier: 1 }] }, goalShare: 0.8, days: 'weekdays' }],
    bad: [{ suggest: 'yes' }, { goalShare: 1 }, { skills: { 'win-1': [{ serviceId: 'svc-food', tier: 0 }] } }, { maxServicesPerPerson: 0 }, { extra: 1 }],
  },
  ApplySkillsBody: {
    good: [{ windows: { 'win-1': [{ serviceId: 'svc-food', tier: 1 }, { serviceId: 'svc-x', tier: 2 }] } }],
    bad: [{}, { windows: { 'win-1': [] } }, { windows: { 'win-1': [{ serviceId: 'svc-food' }] } }, { windows: {}, extra: 1 }],
  },
  PlanBody: {
    good: [{}, { goalShare: 0.8, targetMinutes: 20, days: 'weekdays' }, { forecast: { 'svc-food': Array.from({ length: 24 }, (_, h) => (h === 10 ? 3 : 0)) }, serviceMinutes: { 'svc-food': 6 }, from: '2026-01-01', to: '2026-01-31' }],
    bad: [
      { goalShare: 1 }, { goalShare: '0.9' }, { targetMinutes: 0 }, { days: 'mondays' }, { from: '1 Jan' }, { extra: true },
      { forecast: { 'svc-food': [1, 2, 3] } }, { forecast: { 'svc-food': Array.from({ length: 24 }, () => -1) } }, { serviceMinutes: { 'svc-food': 0 } }, { serviceMinutes: { '': 5 } },
    ],
  },
} satisfies Record<RequestSchemaName, { good: unknown[]; bad: unknown[]; refinement?: unknown[] }>;
