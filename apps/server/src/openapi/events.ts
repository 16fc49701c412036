// The Socket.IO contract as a top-level `x-realtime` extension: how to connect, the messages
// around resuming, and every hall event with its payload. Event names come from
// HALL_EVENT_TYPES; `satisfies` below makes a new event type a compile error until described.
import {
  DEVICE_KINDS, HALL_EVENT_TYPES, PRINTER_STATES, PRINTER_WARNINGS, PROTOCOL_VERSION, RATING_LEVELS, type HallEventType,
} from '@hallq/shared';
import { SCREEN_ESTIMATES_INTERVAL_MS, SCREEN_MAX_DEFER_MS } from '../realtime/screen-pacer';
import { array, bool, int, nullable, obj, oneOfValues, ref, str, time } from './json';
import type { JsonSchema } from './schemas';

const call = { ticketId: str(), number: str(), serviceId: str(), windowId: str(), windowNumber: int(), recall: bool() };
const atWindow = { ticketId: str(), number: str(), serviceId: str(), windowId: str(), windowNumber: int(), staffId: nullable(str()), stage: int() };

/** Fields each event carries besides `seq, type, at, hallId, actor`; keys not in `optional` are always there. */
const PAYLOADS = {
  'ticket.issued': [{ ticket: ref('PublicTicket') }, 'A ticket was issued (never carries publicId).'],
  'ticket.called': [{
    ...call, staffId: nullable(str()), stage: int(), outOfOrderReason: str(),
    organisationId: str('the caller\'s organisation at the call (figures of past months keep it)'),
    waitTargetSeconds: int('the service\'s wait target at the call'),
  }, 'A window called a ticket.', ['outOfOrderReason', 'organisationId', 'waitTargetSeconds']],
  'ticket.recalled': [call, 'A window called the same ticket again (`recall: true`).'],
  'ticket.started': [atWindow, 'Service started.', ['staffId', 'stage']],
  'ticket.completed': [{
    ...atWindow, firstTimeAccepted: nullable(bool()), issuedAt: time(), calledAt: nullable(time()), startedAt: nullable(time()),
  }, 'Service done.', ['issuedAt', 'calledAt', 'startedAt']],
  'ticket.no_show': [atWindow, 'The visitor did not come.', ['staffId', 'stage']],
  'ticket.transferred': [{
    ticketId: str(), number: str(), fromServiceId: str(), fromStage: int(), serviceId: str(), stage: int(), windowId: nullable(str()), staffId: nullable(str()),
  }, 'Back to waiting for another service or stage.', ['staffId']],
  'ticket.cancelled': [{
    ticketId: str(), number: str(), serviceId: str(), by: oneOfValues(['staff', 'visitor']), fromStatus: str('status the ticket was cancelled from'),
  }, 'Cancelled by staff or by the visitor.', ['fromStatus']],
  'ticket.rated': [{
    ticketId: str(), number: str(), serviceId: str(), windowId: nullable(str()), staffId: nullable(str()),
    level: oneOfValues(RATING_LEVELS), bad: bool('level 4 or 5'), by: oneOfValues(['visitor', 'rating-pad', 'staff']),
  }, 'A rating was given.', ['by']],
  'ticket.requeued': [{
    ticketId: str(), number: str(), serviceId: str(), ticket: ref('PublicTicket'), by: oneOfValues(['staff', 'visitor']),
  }, 'A no-show ticket went back to the queue, once, at the back (the hall\'s rule `requeue_once`); `ticket` is its new waiting state.'],
  'ticket.arrived': [{ ticketId: str(), number: str(), serviceId: str(), by: oneOfValues(['arrival-code', 'kiosk']) },
    'The holder of a remote ticket arrived (arrival code or kiosk scan): it may be called now.'],
  'ticket.passed_over': [{ ticketId: str(), number: str(), serviceId: str(), expiresAt: time() },
    'A remote ticket\'s turn came before its holder arrived: it keeps its place until expiresAt.'],
  'ticket.expired': [{ ticketId: str(), number: str(), serviceId: str() }, 'A passed-over remote ticket was not claimed within the grace time.'],
  'window.changed': [{ window: ref('WindowView') }, 'A window signed in or out, paused, resumed, or changed skills.'],
  'notice.changed': [{ notices: array(ref('Notice')) }, 'The notices shown on screens changed.'],
  'config.changed': [{ what: oneOfValues(['hall', 'services', 'windows', 'staff', 'devices']) }, 'Configuration changed: reload GET /halls/{hallId}.'],
  'device.changed': [{
    deviceId: str(), kind: oneOfValues(DEVICE_KINDS), name: str(), printerState: nullable(oneOfValues(PRINTER_STATES)), printerWarning: nullable(oneOfValues(PRINTER_WARNINGS)), online: bool(),
  }, 'A device\'s printer state or warning changed (printerWarning is absent in events recorded before it existed).', ['printerWarning']],
} satisfies Record<HallEventType, [Record<string, JsonSchema>, string, string[]?]>;

const base = { seq: int('per-hall, 1, 2, 3, ... with no gaps'), at: time(), hallId: str(), actor: ref('Actor') };

export function eventSchema(type: HallEventType): JsonSchema {
  const [fields, description, optional = []] = PAYLOADS[type] as [Record<string, JsonSchema>, string, string[]?];
  return obj({ ...base, type: { const: type }, ...fields }, optional, description);
}

export function realtimeContract(): Record<string, unknown> {
  return {
    transport: 'Socket.IO 4 on the same port as HTTP (default path /socket.io)',
    protocolVersion: PROTOCOL_VERSION,
    connect: {
      auth: obj({
        token: str('a staff session or device token, as for Authorization: Bearer'),
        publicId: str('instead of a token: a visitor\'s phone following its own ticket; it receives only `ticket.status`'),
      }, ['token', 'publicId']),
      description: 'A socket without a valid token, or from an Origin outside the allow-list, is refused. At connect the server puts the socket in its hall\'s room: ' +
        'live events flow at once with no further message (`resume` only catches up on what was missed). Each event is emitted under its type as the event name.',
    },
    serverToClient: {
      hello: {
        description: 'Sent on connect, when the socket is already in its hall\'s room: every event after `seq` arrives live with no further message. Send `resume` only to catch up on events a client missed.',
        schema: obj({ protocolVersion: { const: PROTOCOL_VERSION }, hallId: str(), seq: int('current seq of the hall'), role: str() }),
      },
      snapshot: {
        description: 'Answer to `resume` when afterSeq is 0, ahead of the hall, or too far behind (replay is limited): the whole state at `seq`.',
        schema: ref('QueueSnapshot'),
      },
      'queue.estimates': {
        description:
          'Live wait estimates; derived data, not a state change, so it carries the seq it was computed at and is not replayed. Kiosks, counters and boards get it after every estimate refresh (about twice a second while the queue moves). ' +
          'A display screen (a device of kind display) gets `tickets` empty (it shows per-service waits only), and only when what a screen shows changed: a service\'s `waiting`, its wait as shown in whole minutes (`estimatedWaitSeconds` with `estimatedWaitRange`), or `acceptingTickets`/`closedReason`. ' +
          `At most one every ${SCREEN_ESTIMATES_INTERVAL_MS / 1000} seconds per hall (the first change after a quiet spell at once, the latest figures at the end of the interval, so the last change is never lost), and not in the same moment as a batch's events (it waits up to ${SCREEN_MAX_DEFER_MS} ms for the write path to be quiet). ` +
          'A screen gets the current figures in its `snapshot`, or right after the replayed events when it resumes by replay.',
        schema: obj({
          hallId: str(), seq: int(), at: time(),
          tickets: array(obj({ ticketId: str(), peopleAhead: nullable(int()), estimatedWaitSeconds: nullable(int()), estimatedWaitRange: nullable(ref('WaitRange')) })),
          services: array(ref('ServiceQueueView')),
        }),
      },
      'ticket.status': {
        description: 'Only to a phone connected with `auth: {publicId}`: the same data as GET /public/tickets/{publicId}, at connect and after every change of that ticket, its place or its estimate; nothing about any other ticket. An unknown publicId is refused at connect (and counted against the address, like a 404).',
        schema: ref('PublicTicketStatus'),
      },
      'protocol.error': {
        description: 'A client message was refused: `validation_failed` (a malformed `resume`), `forbidden` (`resume` for another hall), `unknown_event` (any event other than `resume`; a phone sends none).',
        schema: obj({ code: str(), message: str() }),
      },
    },
    clientToServer: {
      resume: {
        description: 'Optional catching up, typically after a reconnect: the server replays every event after `afterSeq` in order (or sends a snapshot), and live events follow strictly after the replay. Not needed to receive live events. Sent with an acknowledgement callback, it is answered `{ok: true}` after the replay or snapshot, or `{error: {code, message}}` (the `protocol.error` sent as well).',
        schema: ref('ResumeMessage'),
      },
    },
    events: Object.fromEntries(HALL_EVENT_TYPES.map((type) => [type, eventSchema(type)])),
  };
}
