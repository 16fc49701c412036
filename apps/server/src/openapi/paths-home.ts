// Paths of visitors from home: the public hall page, booking slots and bookings, the remote queue,
// its arrival code, and Web Push subscriptions of the visitor's phone.
import { array, obj, ref, wrap } from './json';
import { operation, STAFF } from './operation';
import { queryParameters } from './schemas';
import { SlotsQuery } from '@hallq/shared';

const LIMITED = 'Limited per address (creation) or per address for unknown codes (guessing); 429 carries Retry-After.';

export function homePaths(): Record<string, Record<string, unknown>> {
  return {
    '/public/halls/{hallId}': {
      get: operation({
        summary: 'The public hall page: services, documents, live waits, hours and closures', tag: 'Home', roles: ['anyone'], params: ['hallId'],
        errors: ['rate_limited'], answers: { 200: { description: 'The hall as a visitor sees it', schema: ref('PublicHall') } },
      }),
    },
    '/public/halls/{hallId}/slots': {
      get: operation({
        summary: 'Booking slots of one service on one local date', tag: 'Home', roles: ['anyone'], params: ['hallId'],
        query: queryParameters(SlotsQuery, 'SlotsQuery', (f) => (f === 'date' ? 'local date; dates outside the booking range have no slots' : undefined)),
        errors: ['slot_not_offered', 'rate_limited'],
        answers: { 200: { description: 'Slots', schema: obj({ slots: array(ref('Slot')) }) } },
      }),
    },
    '/public/halls/{hallId}/bookings': {
      post: operation({
        summary: 'Book a slot', description: `Never past the slot's capacity, also under concurrent requests. ${LIMITED}`,
        tag: 'Home', roles: ['anyone'], params: ['hallId'], body: 'BookingBody', idempotent: true,
        errors: ['slot_full', 'slot_not_offered', 'rate_limited'],
        answers: { 201: { description: 'Booked', schema: wrap('booking', 'Booking') } },
      }),
    },
    '/public/bookings/{code}': {
      get: operation({
        summary: 'A booking by its code', description: 'A code that is not 4-12 digits is 400 `validation_failed`.', tag: 'Home', roles: ['anyone'], params: ['code'], errors: ['validation_failed', 'booking_not_found', 'rate_limited'],
        answers: { 200: { description: 'The booking', schema: wrap('booking', 'Booking') } },
      }),
    },
    '/public/bookings/{code}/cancel': {
      post: operation({
        summary: 'Cancel a booking before its slot', description: 'A code that is not 4-12 digits is 400 `validation_failed`.', tag: 'Home', roles: ['anyone'], params: ['code'], body: 'EmptyBody', idempotent: true,
        errors: ['booking_not_found', 'booking_not_cancellable', 'rate_limited'],
        answers: { 200: { description: 'Cancelled', schema: wrap('booking', 'Booking') } },
      }),
    },
    '/halls/{hallId}/arrival-code': {
      get: operation({
        summary: 'The arrival code the hall displays show now', description: 'Changes every 5 minutes; the previous code is still accepted.',
        tag: 'Home', roles: ['display', ...STAFF], params: ['hallId'],
        answers: { 200: { description: 'The code', schema: ref('ArrivalCode') } },
      }),
    },
    '/public/halls/{hallId}/remote-tickets': {
      post: operation({
        summary: 'Take a place in the queue from home',
        description: `The ticket (remote: true) keeps its place but is not called before its holder arrives; passed over, it is kept for remoteGraceMinutes, then expired. ${LIMITED}`,
        tag: 'Home', roles: ['anyone'], params: ['hallId'], body: 'RemoteTicketBody', idempotent: true,
        errors: ['hall_closed', 'service_closed', 'quota_reached', 'remote_closed', 'remote_share_reached', 'rate_limited'],
        answers: { 201: { description: 'Ticket issued', schema: wrap('ticket', 'Ticket') } },
      }),
    },
    '/public/tickets/{publicId}/arrive': {
      post: operation({
        summary: 'The holder of a remote ticket has arrived',
        description: 'With the arrival code shown on the hall displays, or with a kiosk\'s device token and no code (the kiosk scanned the ticket\'s QR). Wrong codes are limited per ticket; ' +
          'requests are limited per publicId (unknown publicIds per address). The token is optional; a token sent that is not valid is 401 `unauthorized`.',
        tag: 'Home', roles: ['anyone', 'kiosk'], params: ['publicId'], body: 'ArriveBody', idempotent: true,
        errors: ['arrival_code_invalid', 'invalid_transition', 'bad_request', 'rate_limited'],
        answers: { 200: { description: 'Ticket status', schema: ref('PublicTicketStatus') } },
      }),
    },
    '/public/push/key': {
      get: operation({
        summary: 'The server\'s VAPID public key, for PushManager.subscribe on the phone', tag: 'Home', roles: ['anyone'],
        answers: { 200: { description: 'The key', schema: ref('PushKey') } },
      }),
    },
    '/public/tickets/{publicId}/push': {
      post: operation({
        summary: 'The phone subscribes to Web Push for this ticket',
        description: 'Pushed: once when `aheadThreshold` (default 3) or fewer people are ahead, when called, and for remote tickets when passed over or expired. Sent with the web-push library (VAPID, aes128gcm). Limited per publicId like the other requests about one ticket (unknown publicIds per address); 429 carries Retry-After.',
        tag: 'Home', roles: ['anyone'], params: ['publicId'], body: 'PushSubscriptionBody', idempotent: true, errors: ['invalid_transition', 'conflict', 'rate_limited'],
        answers: { 201: { description: 'Subscribed', schema: obj({ subscribed: { const: true } }) } },
      }),
    },
  };
}
