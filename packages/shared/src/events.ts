// The realtime contract: every change to a hall is one event with a gapless per-hall `seq`.
// Server and clients import these types, so a rename breaks both at compile time.
import type { PublicTicket, PublicTicketStatus, QueueSnapshot, ServiceQueueView, TicketCallPayload, WindowView } from './views';
import type { WaitRange } from './domain';
import type { Notice, PrinterState, PrinterWarning, DeviceKind, RatingLevel } from './domain';

/** Bumped on any incompatible change of the events below. */
export const PROTOCOL_VERSION = 1;

export const HALL_EVENT_TYPES = [
  'ticket.issued',
  'ticket.called',
  'ticket.recalled',
  'ticket.started',
  'ticket.completed',
  'ticket.no_show',
  'ticket.transferred',
  'ticket.cancelled',
  'ticket.rated',
  'ticket.requeued',
  'ticket.arrived',
  'ticket.passed_over',
  'ticket.expired',
  'window.changed',
  'notice.changed',
  'config.changed',
  'device.changed',
] as const;
export type HallEventType = (typeof HALL_EVENT_TYPES)[number];

export interface Actor {
  kind: 'staff' | 'device' | 'visitor' | 'system';
  id: string | null;
}

interface EventBase<T extends HallEventType> {
  seq: number;
  type: T;
  at: string;
  hallId: string;
  actor: Actor;
}

/** A ticket at a window: the visitor came (ticket.started) or did not (ticket.no_show). */
export interface TicketAtWindowPayload {
  ticketId: string;
  number: string;
  serviceId: string;
  windowId: string;
  windowNumber: number;
  staffId?: string | null;
  stage?: number;
}

export interface HallEventPayloads {
  'ticket.issued': { ticket: PublicTicket };
  'ticket.called': TicketCallPayload & {
    staffId: string | null;
    stage: number;
    outOfOrderReason?: string;
    /** The caller's organisation and the service's wait target at the time of the call, so that
     * figures and contractor statements of past months do not change when either changes later
     * (absent in events recorded before they were kept). */
    organisationId?: string;
    waitTargetSeconds?: number;
  };
  'ticket.recalled': TicketCallPayload;
  'ticket.started': TicketAtWindowPayload;
  'ticket.completed': {
    ticketId: string;
    number: string;
    serviceId: string;
    stage: number;
    windowId: string;
    windowNumber: number;
    staffId: string | null;
    firstTimeAccepted: boolean | null;
    /** Times of this ticket's visit, so KPIs need not join other events. */
    issuedAt?: string;
    calledAt?: string | null;
    startedAt?: string | null;
  };
  'ticket.no_show': TicketAtWindowPayload;
  'ticket.transferred': {
    ticketId: string;
    number: string;
    fromServiceId: string;
    fromStage: number;
    serviceId: string;
    stage: number;
    windowId: string | null;
    staffId?: string | null;
  };
  'ticket.cancelled': {
    ticketId: string;
    number: string;
    serviceId: string;
    by: 'staff' | 'visitor';
    /** Status the ticket was cancelled from. */
    fromStatus?: string;
  };
  'ticket.rated': {
    ticketId: string;
    number: string;
    serviceId: string;
    windowId: string | null;
    staffId: string | null;
    level: RatingLevel;
    bad: boolean;
    /** Who gave the rating. */
    by?: 'visitor' | 'rating-pad' | 'staff';
  };
  /** A no-show ticket back in the queue at the back (the hall's rule `requeue_once`). */
  'ticket.requeued': { ticketId: string; number: string; serviceId: string; ticket: PublicTicket; by: 'staff' | 'visitor' };
  /** A remote ticket's holder arrived (arrival code or kiosk scan): it may now be called. */
  'ticket.arrived': { ticketId: string; number: string; serviceId: string; by: 'arrival-code' | 'kiosk' };
  /** A remote ticket's turn came before its holder arrived: it keeps its place until `expiresAt`. */
  'ticket.passed_over': { ticketId: string; number: string; serviceId: string; expiresAt: string };
  'ticket.expired': { ticketId: string; number: string; serviceId: string };
  'window.changed': { window: WindowView };
  'notice.changed': { notices: Notice[] };
  'config.changed': { what: 'hall' | 'services' | 'windows' | 'staff' | 'devices' };
  'device.changed': {
    deviceId: string;
    kind: DeviceKind;
    name: string;
    printerState: PrinterState | null;
    /** Absent in events recorded before warnings existed. */
    printerWarning?: PrinterWarning | null;
    online: boolean;
  };
}

export type HallEventOf<T extends HallEventType> = EventBase<T> & HallEventPayloads[T];
export type HallEvent = { [T in HallEventType]: HallEventOf<T> }[HallEventType];

/** Live estimates; derived data, not a state change, so it carries the seq it was computed at. */
export interface QueueEstimates {
  hallId: string;
  seq: number;
  at: string;
  tickets: Array<{ ticketId: string; peopleAhead: number | null; estimatedWaitSeconds: number | null; estimatedWaitRange?: WaitRange | null }>;
  services: ServiceQueueView[];
}

export interface HelloMessage {
  protocolVersion: number;
  hallId: string;
  seq: number;
  role: string;
}

export interface ResumeRequest {
  hallId: string;
  afterSeq: number;
}

export type ServerToClientEvents = { [T in HallEventType]: (event: HallEventOf<T>) => void } & {
  hello: (msg: HelloMessage) => void;
  snapshot: (snapshot: QueueSnapshot) => void;
  'queue.estimates': (estimates: QueueEstimates) => void;
  /** To a phone connected with `auth: {publicId}` only: its ticket's status, at once and on every change. */
  'ticket.status': (status: PublicTicketStatus) => void;
  'protocol.error': (err: { code: string; message: string }) => void;
};

/** What a `resume` sent with an acknowledgement callback gets back: done, or the same error as `protocol.error`. */
export type ResumeAck = { ok: true } | { error: { code: string; message: string } };

export interface ClientToServerEvents {
  /** The acknowledgement is optional: the replay or snapshot, or `protocol.error`, come either way. */
  resume: (req: ResumeRequest, ack?: (answer: ResumeAck) => void) => void;
}

/** The only event a client sends; anything else is answered with `protocol.error` `unknown_event`. */
export const CLIENT_EVENTS: ReadonlyArray<keyof ClientToServerEvents> = ['resume'];
