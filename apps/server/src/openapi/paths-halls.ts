// Paths of the hall as a whole: health, login and identity, device pairing and status, hall
// config and live queue, issuing tickets, and the visitor's phone.
import { DEVICE_KINDS } from '@hallq/shared';
import { array, constant, int, localDate, obj, oneOfValues, ref, str, wrap } from './json';
import { ANY_TOKEN, operation, STAFF } from './operation';
import { KIOSK_ISSUE_BURST, KIOSK_ISSUE_PER_SECOND, LOGIN_FAILURES_PER_ADDRESS, LOGIN_FREE_FAILURES, LOGIN_KNOWN_DAYS } from '../http/limits';


export function hallPaths(): Record<string, Record<string, unknown>> {
  return {
    '/health': {
      get: operation({
        summary: 'Liveness: answers once the database is open', tag: 'System', roles: ['anyone'],
        answers: { 200: { description: 'Up', schema: obj({ ok: constant(true), version: str() }) } },
      }),
    },
    '/openapi.json': {
      get: operation({
        summary: 'This document', tag: 'System', roles: ['anyone'],
        answers: { 200: { description: 'OpenAPI 3.1 document', schema: { type: 'object' } } },
      }),
    },
    '/auth/login': {
      post: operation({
        summary: 'Staff login',
        description: `Wrong passwords slow down the account tried: the first ${LOGIN_FREE_FAILURES} cost nothing, then each makes it wait 1, 2, 4, ... up to 60 s (429 with Retry-After; a success clears it; no hard lock). ` +
          `The address is limited only far more loosely (${LOGIN_FAILURES_PER_ADDRESS} wrong passwords per 15 minutes, then 429 with Retry-After), so a colleague with the right password from the same address still signs in; ` +
          `while the address is limited, accounts that signed in from it in the last ${LOGIN_KNOWN_DAYS} days may still try there (their own delays apply).`,
        tag: 'Auth', roles: ['anyone'], body: 'LoginBody', errors: ['unauthorized', 'rate_limited'],
        answers: { 200: { description: 'A staff session token', schema: ref('LoginResult') } },
      }),
    },
    '/auth/logout': {
      post: operation({
        summary: 'End the staff session of this token', tag: 'Auth', roles: STAFF, body: 'EmptyBody',
        answers: { 204: { description: 'Session ended' } },
      }),
    },
    '/me': {
      get: operation({
        summary: 'Who this token is (extension)', tag: 'Auth', roles: ANY_TOKEN,
        answers: { 200: { description: 'Staff or device identity', schema: ref('Me') } },
      }),
    },
    '/pair/demo': {
      get: operation({
        summary: 'Token of a demo device (extension)',
        description: 'Demo mode only (404 otherwise) and only from loopback (403 otherwise): pairs a page with the seeded demo kiosk, display or rating pad.',
        tag: 'Devices', roles: ['anyone'], errors: ['forbidden', 'not_found'],
        query: [{ name: 'kind', in: 'query', required: true, schema: oneOfValues(DEVICE_KINDS) }],
        answers: { 200: { description: 'Device token and device', schema: ref('DemoPairing') } },
      }),
    },
    '/devices/me/status': {
      post: operation({
        summary: 'A device reports its own state (extension)', description: 'A change of printer state raises `device.changed`.',
        tag: 'Devices', roles: DEVICE_KINDS, body: 'DeviceStatusBody', idempotent: true,
        answers: { 200: { description: 'State recorded', schema: ref('DeviceStatusResult') } },
      }),
    },
    '/halls/{hallId}': {
      get: operation({
        summary: 'Hall configuration: modules, services, windows', tag: 'Halls', roles: ANY_TOKEN, params: ['hallId'],
        answers: { 200: { description: 'Hall config', schema: ref('HallConfig') } },
      }),
      patch: operation({
        summary: 'Change hall settings (extension)', tag: 'Halls', roles: ['admin'], params: ['hallId'], body: 'HallPatch',
        answers: { 200: { description: 'The hall after the change', schema: ref('Hall') } },
      }),
    },
    '/halls/{hallId}/queue': {
      get: operation({
        summary: 'Live queue snapshot', description: 'Same shape as the realtime `snapshot` message.', tag: 'Halls', roles: ANY_TOKEN, params: ['hallId'],
        answers: { 200: { description: 'Snapshot at `seq`', schema: ref('QueueSnapshot') } },
      }),
    },
    '/halls/{hallId}/organisations': {
      get: operation({
        summary: 'Organisations of the hall (extension)', tag: 'Halls', roles: ['admin', 'supervisor'], params: ['hallId'],
        answers: { 200: { description: 'Organisations', schema: obj({ organisations: array(ref('Organisation')) }) } },
      }),
    },
    '/halls/{hallId}/ticket-preview': {
      post: operation({
        summary: 'Preview of the printed ticket (extension)',
        description: 'The layout the printer gets, as SVG, drawn with hall name and notice values that may not be saved yet.',
        tag: 'Halls', roles: ['admin', 'supervisor'], params: ['hallId'], body: 'TicketPreviewBody',
        answers: { 200: { description: 'SVG image', content: { 'image/svg+xml': { type: 'string' } } } },
      }),
    },
    '/halls/{hallId}/audit': {
      get: operation({
        summary: 'Audit log, newest first (extension)', tag: 'Halls', roles: ['admin'], params: ['hallId'],
        query: [
          { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 } },
          { name: 'before', in: 'query', required: false, description: 'entries with an id below this one (paging)', schema: { type: 'integer', minimum: 1 } },
          { name: 'actorId', in: 'query', required: false, description: 'who: a staff member\'s or device\'s id', schema: { type: 'string', minLength: 1, maxLength: 100 } },
          { name: 'action', in: 'query', required: false, description: 'what: an action (e.g. `staff.update`) or a prefix ending in "." (e.g. `staff.`)', schema: { type: 'string', pattern: '^[a-z_.-]{1,60}$' } },
          { name: 'from', in: 'query', required: false, description: 'when: first local date of the hall, inclusive', schema: localDate() },
          { name: 'to', in: 'query', required: false, description: 'when: last local date of the hall, inclusive', schema: localDate() },
        ],
        answers: { 200: { description: 'Entries', schema: obj({ entries: array(ref('AuditEntry')) }) } },
      }),
    },
    '/halls/{hallId}/tickets': {
      post: operation({
        summary: 'Issue a ticket',
        description: '`publicId` and `statusUrl` are returned to the ticket\'s creator and to staff only. With an Idempotency-Key a retrying kiosk never gets two tickets. ' +
          `A kiosk device is limited per device (by default ${KIOSK_ISSUE_BURST} at once, then one every ${1 / KIOSK_ISSUE_PER_SECOND} s: 429 with Retry-After); staff are not limited.`,
        tag: 'Tickets', roles: ['kiosk', ...STAFF], params: ['hallId'], body: 'CreateTicketBody', idempotent: true,
        errors: ['hall_closed', 'service_closed', 'quota_reached', 'appointment_not_found', 'appointment_used', 'appointment_not_today', 'appointment_other_service', 'rate_limited'],
        answers: { 201: { description: 'Ticket issued', schema: wrap('ticket', 'Ticket') } },
      }),
    },
    '/halls/{hallId}/appointments': {
      get: operation({
        summary: 'Appointments of one day (extension)', tag: 'Appointments', roles: ['admin', 'supervisor'], params: ['hallId'],
        query: [{ name: 'date', in: 'query', required: false, description: 'local date; default today in the hall\'s timezone', schema: localDate() }],
        answers: { 200: { description: 'Appointments', schema: obj({ appointments: array(ref('Appointment')) }) } },
      }),
      post: operation({
        summary: 'Book an appointment (extension)',
        description: 'By staff or an appointment portal. Without `code` a 6-digit code is generated. The visitor checks in by issuing a ticket with `appointmentCode`.',
        tag: 'Appointments', roles: ['admin', 'supervisor'], params: ['hallId'], body: 'AppointmentBody', idempotent: true, errors: ['conflict'],
        answers: { 201: { description: 'Booked', schema: wrap('appointment', 'Appointment') } },
      }),
    },
    '/halls/{hallId}/appointments/{code}': {
      get: operation({
        summary: 'Look an appointment up by code (extension)', tag: 'Appointments', roles: ['kiosk', ...STAFF], params: ['hallId', 'code'],
        errors: ['appointment_not_found'],
        answers: { 200: { description: 'The appointment', schema: wrap('appointment', 'AppointmentLookup') } },
      }),
    },
    '/public/tickets/{publicId}': {
      get: operation({
        summary: 'Status page data for the visitor\'s phone', tag: 'Public', roles: ['anyone'], params: ['publicId'], errors: ['rate_limited'],
        description: 'Limited per publicId (one request a second, sustained, is always allowed); unknown publicIds are limited per address. The same data is pushed live as `ticket.status` to a Socket.IO client connected with `auth: {publicId}`.',
        answers: { 200: { description: 'Ticket status', schema: ref('PublicTicketStatus') } },
      }),
    },
    '/public/tickets/{publicId}/cancel': {
      post: operation({
        summary: 'The visitor cancels a waiting ticket', tag: 'Public', roles: ['anyone'], params: ['publicId'], body: 'EmptyBody', idempotent: true,
        errors: ['invalid_transition', 'rate_limited'],
        answers: { 200: { description: 'Cancelled', schema: obj({ status: constant('cancelled') }) } },
      }),
    },
    '/public/tickets/{publicId}/requeue': {
      post: operation({
        summary: 'The visitor, back after a no-show, goes back to the queue (extension)', tag: 'Public', roles: ['anyone'], params: ['publicId'], body: 'EmptyBody', idempotent: true,
        description: 'Only with the hall\'s `noShowRule: "requeue_once"`, once per ticket, on its day, at the back of the queue. Otherwise 409 `requeue_not_allowed`: take a new ticket.',
        errors: ['invalid_transition', 'requeue_not_allowed', 'rate_limited'],
        answers: { 200: { description: 'Waiting again', schema: obj({ status: constant('waiting') }) } },
      }),
    },
    '/public/tickets/{publicId}/rating': {
      post: operation({
        summary: 'The visitor rates the service once', tag: 'Public', roles: ['anyone'], params: ['publicId'], body: 'RatingBody', idempotent: true,
        errors: ['invalid_transition', 'already_rated', 'rate_limited'],
        answers: { 201: { description: 'Rating recorded', schema: obj({ rating: obj({ level: int() }) }) } },
      }),
    },
  };
}
