// Hand-written JSON Schemas of what the server answers. The shapes are TypeScript interfaces in
// `@hallq/shared` (domain.ts, views.ts), which have no runtime form to generate from; enums come
// from the shared constants so they follow any change there.
import {
  DEFAULT_ANNOUNCEMENT_TEMPLATE, DEVICE_KINDS, ERROR_STATUS, NO_SHOW_RULES, OpeningHoursSchema, PRINTER_STATES, PRINTER_STATUS_CHECKS, PRINTER_WARNINGS, RATING_LEVELS, STAFF_ROLES,
  TICKET_STATUSES, WINDOW_STATES,
} from '@hallq/shared';
import { array, bool, constant, int, localDate, nullable, num, obj, oneOfValues, ref, str, time } from './json';
import { fromZod, localizedTextSchema, type JsonSchema } from './schemas';
import { followUpSchemas } from './responses-follow-ups';
import { planningSchemas } from './responses-planning';
import { homeSchemas } from './responses-home';
import { statsSchemas } from './responses-stats';

const ticketFields = {
  id: str(),
  number: str('e.g. A007; past 999 simply longer: A1000'),
  serviceId: str(),
  stage: int('0-based stage of the service'),
  status: oneOfValues(TICKET_STATUSES),
  priority: bool(),
  appointmentCode: nullable(str()),
  appointmentAt: nullable(time()),
  lang: oneOfValues(['zh', 'en']),
  issuedAt: time(),
  serviceDate: localDate('local date (hall timezone) of issue; numbering restarts each day'),
  calledAt: nullable(time()),
  startedAt: nullable(time()),
  finishedAt: nullable(time()),
  windowId: nullable(str()),
  windowNumber: nullable(int()),
  staffId: nullable(str()),
  peopleAhead: nullable(int()),
  estimatedWaitSeconds: nullable(int()),
  estimatedWaitRange: nullable(ref('WaitRange')),
  queuedAt: time('present when its place in the queue counts from a requeue after a no-show, not its issue; queue order is by queuedAt, else issuedAt, then id'),
  remote: bool('taken from home (remote queue); absent otherwise'),
  arrivedAt: nullable(time('remote: when the holder arrived')),
  passedOverAt: nullable(time('remote: when its turn came before its holder arrived')),
};
// estimatedWaitRange: absent only in `ticket.issued` events recorded before it existed.
const OPTIONAL_FIELDS = ['estimatedWaitRange', 'queuedAt', 'remote', 'arrivedAt', 'passedOverAt'];

const windowBase = {
  id: str(),
  number: int(),
  zone: str(),
  state: oneOfValues(WINDOW_STATES),
  staffId: nullable(str()),
  pauseReason: nullable(str()),
  skills: array(ref('Skill')),
};

const hallFields = {
  id: str(),
  name: ref('LocalizedText'),
  timezone: str('IANA timezone, e.g. Asia/Shanghai'),
  waitTargetSeconds: int(),
  announcementTemplate: str(`e.g. ${DEFAULT_ANNOUNCEMENT_TEMPLATE}`),
  announcementTemplateEn: str(),
  announcementRepeat: int('times each call is read, 1-3'),
  announcementMaxLagSeconds: int('longest wait from a call to the start of its announcement before displays catch up (read once, shorter); default 15'),
  openingHours: ref('OpeningHours'),
  holidays: array(localDate()),
  makeUpWorkdays: array(localDate(), 'make-up working days (调休): weekend dates that count as working days for working-day deadlines'),
  ticketNotice: ref('LocalizedText'),
  ticketTemplate: obj(
    { header: obj({ zh: str(), en: str() }, [], 'a line above the hall name; empty text prints no header line'), showEnglish: bool('default true'), showEstimate: bool('default true') },
    ['header', 'showEnglish', 'showEstimate'],
    'the printed ticket: a header line, English lines, the estimate (absent = defaults)',
  ),
  followUpWorkingDays: int(),
  routing: ref('RoutingPolicy'),
  noShowGraceSeconds: int('a called ticket can be marked no-show only this long after its call (default 120), or once it was recalled'),
  noShowRule: oneOfValues(NO_SHOW_RULES, 'a visitor back after a no-show: requeue_once (back in the queue once, at the back; staff POST /tickets/{ticketId}/requeue or the phone) or new_ticket (default requeue_once)'),
  kioskTicketScreenSeconds: int('the kiosk\'s ticket screen returns to the start after this long, so the next visitor cannot scan the QR (default 20)'),
  remoteGraceMinutes: int('a passed-over remote ticket keeps its place this long, then expires (default 10)'),
  arrivalCodeRequired: bool('remote tickets arrive with the code on the hall displays (default true)'),
};

const errorCodes = Object.keys(ERROR_STATUS);

const PEOPLE_AHEAD =
  'while waiting: the tickets that the open windows able to serve this ticket (its service and stage) are forecast to call before it; ' +
  'tickets only other windows will take are not counted, so it is what the visitor can check against the calls of those windows on the wall display. ' +
  'null when no open window can serve it today';

export function responseSchemas(): Record<string, JsonSchema> {
  return {
    LocalizedText: localizedTextSchema(),
    ServiceGuide: obj({ zh: str(), en: str() }, [], 'what to prepare, in both languages; both empty when the service has no guide'),
    OpeningHours: { ...fromZod(OpeningHoursSchema), description: 'weekly periods in local time, days 1 = Monday .. 7 = Sunday; null = open around the clock' },
    ErrorBody: obj({
      error: obj({
        code: { type: 'string', pattern: '^[a-z_]+$', description: `snake_case, fixed within v1: ${errorCodes.join(', ')}`, examples: errorCodes },
        message: str('for people, not for programs'),
        details: { description: 'optional, depends on the code (e.g. validation issues, printer state)' },
      }, ['details']),
    }),
    Ticket: obj({ ...ticketFields, publicId: str('secret for the visitor\'s phone; only to the creator and staff'), statusUrl: str('absolute status page URL (PUBLIC_URL + /t/<publicId>)') },
      ['publicId', 'statusUrl', ...OPTIONAL_FIELDS]),
    PublicTicket: obj(ticketFields, OPTIONAL_FIELDS, 'a ticket as kiosks and displays see it: never carries publicId'),
    WaitRange: obj({
      lowSeconds: int('seconds from now; at most the estimate'),
      highSeconds: int('seconds from now; at least the estimate, above 0'),
    }, [], `where the call most likely falls around estimatedWaitSeconds (lowSeconds <= estimatedWaitSeconds <= highSeconds): the spread of the hall's latest random forecasts, set to cover about 80% of actual waits. Sent beside every estimatedWaitSeconds a visitor sees, null when there is none yet (no estimate, called at once, or no live forecast reaches the ticket). At issue it comes from the same latest forecasts: the spread of the calls of a visitor of its service taken at the latest refresh, one place further back for each ticket of its service taken since (for a checked-in booking, or windows changed since the refresh: that service's latest range moved to the ticket's estimate with the same relative width); a ticket read back from storage outside the live estimates (e.g. in answers to staff actions) carries null`),
    Module: obj({ id: str(), name: ref('LocalizedText') }),
    ServiceStage: obj({ name: ref('LocalizedText'), officersOnly: bool('negative list: only officers may serve this stage') }),
    Service: obj({
      id: str(), code: str(), prefix: str('one capital letter'), name: ref('LocalizedText'), moduleId: str(), guide: ref('ServiceGuide'),
      documents: array(ref('LocalizedText')), stages: array(ref('ServiceStage')), dailyQuota: nullable(int()), openingHours: ref('OpeningHours'),
      waitTargetSeconds: nullable(int('null = the hall\'s target')), expectedServiceSeconds: int(), active: bool(),
      closedOn: nullable(localDate('closed for this day by a supervisor')),
      booking: nullable(ref('BookingSlots')),
      remoteDailyShare: nullable(int('tickets a day open to the remote queue; null or 0 = not open')),
    }, ['booking', 'remoteDailyShare']),
    Skill: obj({ serviceId: str(), tier: int('1 = primary, 2 = secondary, ...') }),
    HallWindow: obj(windowBase),
    RoutingPolicy: obj({ starvationEnabled: bool(), starvationFactor: num(), appointmentEarlySeconds: int() }),
    Hall: obj(hallFields, ['makeUpWorkdays', 'announcementMaxLagSeconds', 'ticketTemplate', 'remoteGraceMinutes', 'arrivalCodeRequired'], 'the hall record, as PATCH /halls/{hallId} answers it'),
    HallConfig: obj({ ...hallFields, modules: array(ref('Module')), services: array(ref('Service')), windows: array(ref('HallWindow')) },
      ['openingHours', 'holidays', 'makeUpWorkdays', 'ticketNotice', 'ticketTemplate', 'followUpWorkingDays', 'routing', 'noShowGraceSeconds', 'noShowRule', 'kioskTicketScreenSeconds', 'remoteGraceMinutes', 'arrivalCodeRequired']),
    CurrentTicketView: obj({
      ticketId: str(), number: str(), serviceId: str(), stage: int(), status: oneOfValues(['called', 'serving']), calledAt: time(), startedAt: nullable(time()),
    }),
    WindowView: obj({ ...windowBase, current: nullable(ref('CurrentTicketView')) }),
    CallView: obj({ ticketId: str(), number: str(), serviceId: str(), windowId: str(), windowNumber: int(), recall: bool(), at: time(), seq: int() }),
    ServiceQueueView: obj({
      serviceId: str(), waiting: int(), longestWaitSeconds: int(),
      estimatedWaitSeconds: nullable(int('wait of a ticket taken now; null when no open window can serve it')),
      estimatedWaitRange: nullable(ref('WaitRange')),
      acceptingTickets: bool('a ticket can be taken now (hall open, service open today, daily quota not reached); kiosks grey the service out otherwise'),
      closedReason: oneOfValues(['hall_closed', 'service_closed', 'quota_reached'], 'why no ticket can be taken now'),
    }, ['acceptingTickets', 'closedReason']),
    Notice: obj({ id: str(), text: ref('LocalizedText'), active: bool(), createdAt: time() }),
    QueueSnapshot: obj({
      seq: int('last event seq included'), hallId: str(), at: time(), waiting: array(ref('PublicTicket')), windows: array(ref('WindowView')),
      recentCalls: array(ref('CallView')), services: array(ref('ServiceQueueView')), notices: array(ref('Notice')),
    }),
    PublicTicketStatus: obj({
      number: str(), serviceId: str(), serviceName: ref('LocalizedText'), status: oneOfValues(TICKET_STATUSES), issuedAt: time(),
      peopleAhead: nullable(int(PEOPLE_AHEAD)), estimatedWaitSeconds: nullable(int('while waiting: seconds until the forecast call; null when no open window can serve it today')),
      estimatedWaitRange: nullable(ref('WaitRange')),
      windowNumber: nullable(int('when called')), calledAt: nullable(time()),
      canCancel: bool(), canRate: bool(), rating: nullable(int()), hallName: ref('LocalizedText'),
      heldUntil: nullable(time('while called: the call plus the hall\'s noShowGraceSeconds; before it (and before one recall) the window cannot mark the ticket no-show')),
      recalledAt: nullable(time('while called: the last recall of this call')),
      noShowRule: oneOfValues(NO_SHOW_RULES, 'the hall\'s rule after a no-show: requeue_once (POST /public/tickets/{publicId}/requeue, once, same day, at the back) or new_ticket'),
      canRequeue: bool('a no-show that may still go back to the queue'),
      requeued: bool('went back to the queue after a no-show (its one chance is used)'),
      transferredFrom: nullable(obj({ serviceId: str(), serviceName: ref('LocalizedText'), stage: int() }, [], 'while waiting after a transfer: the service and stage it came from')),
      stage: int('stage it waits for or is at (0 = first)'),
      stageName: nullable(ref('LocalizedText')),
      hallId: str(),
      remote: bool('taken from home (remote queue)'), arrived: bool('remote: the holder has arrived'),
      expiresAt: nullable(time('remote, passed over: kept until then')),
    }, ['hallId', 'remote', 'arrived', 'expiresAt'], 'status page data for the visitor\'s phone; no personal data. Also pushed as `ticket.status` to a socket connected with auth {publicId}'),
    LoginResult: obj({ token: str('staff session token'), staff: obj({ id: str(), name: str(), role: oneOfValues(STAFF_ROLES) }) }),
    StaffMember: obj({
      id: str(), username: str(), name: str(), role: oneOfValues(STAFF_ROLES), organisationId: str(),
      windowNumbers: array(int(), 'window numbers this person may sign in at; empty = any'), active: bool(),
    }),
    Device: obj({
      id: str(), kind: oneOfValues(DEVICE_KINDS), name: str(), windowNumber: nullable(int()), printer: nullable(str('e.g. tcp://10.0.0.5:9100')),
      paperWidthMm: nullable(oneOfValues([58, 80])),
      printerStatusCheck: oneOfValues(PRINTER_STATUS_CHECKS, '`none`: the printer never answers DLE EOT; jobs are sent without the status read'),
      revoked: bool(), printerState: nullable(oneOfValues(PRINTER_STATES)),
      printerWarning: nullable(oneOfValues(PRINTER_WARNINGS, 'paper near its end (still printing), no printer configured for this kiosk or the hall, or a printer that did not confirm its last ticket (`print_unconfirmed`, cleared by the next confirmed ticket)')),
      online: bool('a live realtime connection now'), lastSeenAt: nullable(time('last time connected; now while online')),
      announceZone: nullable(str('displays: announce the calls of this zone only')),
      announceWindows: nullable(array(int(), 'displays: announce the calls of these windows only (with no zone and no list: every window)')),
    }),
    CreatedDevice: obj({ device: ref('Device'), token: str('the device token, shown this once') }),
    Organisation: obj({ id: str(), name: ref('LocalizedText'), kind: oneOfValues(['government', 'contractor']) }),
    Actor: obj({ kind: oneOfValues(['staff', 'device', 'visitor', 'system']), id: nullable(str()) }),
    AuditEntry: obj({ id: int('pass as `before` to page back'), at: time(), actor: ref('Actor'), action: str(), target: str(), details: {} }),
    Rating: obj({ level: oneOfValues(RATING_LEVELS, '1 非常满意 .. 5 非常不满意'), followUpId: nullable(str('follow-up opened by a bad rating (4, 5)')) }, ['followUpId']),
    Me: {
      oneOf: [
        obj({
          kind: constant('staff'), role: oneOfValues(STAFF_ROLES), hallId: str(),
          staff: obj({ id: str(), username: str(), name: str(), role: oneOfValues(STAFF_ROLES), organisationId: str(), windowNumbers: array(int()) }),
          windowId: nullable(str('window this person is signed in at')), windowNumber: nullable(int()),
        }),
        obj({
          kind: constant('device'), role: oneOfValues(DEVICE_KINDS), hallId: str(),
          device: obj({
            id: str(), kind: oneOfValues(DEVICE_KINDS), name: str(),
            announceZone: nullable(str('displays: announce this zone only')), announceWindows: nullable(array(int(), 'displays: announce these windows only')),
          }),
          windowNumber: nullable(int()),
        }),
      ],
    },
    DemoPairing: obj({
      token: str(),
      device: obj({ id: str(), kind: oneOfValues(DEVICE_KINDS), name: str(), windowNumber: nullable(int()), hallId: str() }),
    }),
    Appointment: obj({
      id: str(), code: str('4-12 digits the visitor types on the kiosk'), serviceId: str(), at: time('booked time'),
      serviceDate: localDate('local date of the appointment'), status: oneOfValues(['booked', 'checked_in', 'cancelled']),
      ticketId: nullable(str('ticket issued at check-in')), createdAt: time(),
      end: nullable(time('end of the booked slot (bookings from home); null for appointments set by staff')),
    }, ['createdAt', 'end']),
    AppointmentLookup: obj({
      code: str(), serviceId: str(), at: time(), serviceDate: localDate(), status: oneOfValues(['booked', 'checked_in']),
    }, [], 'what the kiosk shows before the visitor confirms'),
    DeviceStatusResult: obj({ printerState: nullable(oneOfValues(PRINTER_STATES)), changed: bool('true when the state changed (raises device.changed)') }),
    ...homeSchemas(),
    ...statsSchemas(),
    ...followUpSchemas(),
    ...planningSchemas(),
  };
}
