// Issuing tickets: opening hours, holidays, closed services and daily quotas are checked, the
// number comes from the day's counter of the service's prefix (updated in the same transaction,
// so a number is never handed out twice, even after a crash), and the visitor gets an estimate.
import { waitRangeOf, type Actor, type CreateTicketBody, type RoutingTicket, type Ticket, type WaitEstimate } from '@hallq/shared';
import type { BatchState, Tx } from '../storage/tx';
import type { StoredAppointment } from '../storage/appointment-repo';
import type { StoredTicket } from '../storage/ticket-repo';
import { isOpenAt, localTime } from './clock';
import { actorOf, ownHall, recordEvents, type Core, type Identity } from './core';
import { answersFromDraws, forecast, rangeAtIssue } from './estimates';
import type { HallMirror } from './hall-mirror';
import { AppError, notFound } from './errors';
import { newPublicId, newTicketId } from './ids';
import { toPrivateTicket, toPublicTicket } from './ticket-view';

/** A001 .. A999, then A1000: numbers grow rather than wrap, so none is reused in a day. */
export const formatNumber = (prefix: string, sequence: number): string => `${prefix}${String(sequence).padStart(3, '0')}`;

/**
 * A ticket issued without an appointment code writes nothing in its own command: its number, its
 * row and its event are written at the end of the batch (`writeIssued`), so the command needs no
 * savepoint (checking in an appointment writes, and keeps one).
 */
export const issueWritesAtBatchEnd = (body: CreateTicketBody): boolean => body.appointmentCode === undefined;

export function issueTicket(core: Core, tx: Tx, identity: Identity, hallId: string, body: CreateTicketBody): Ticket {
  return issueInHall(core, tx, ownHall(core, identity, hallId), actorOf(identity), body, false);
}

/**
 * Issues a ticket in a hall: at a kiosk or counter (`remote` false) or from home (the remote
 * queue: the visitor, no token; `remote` true, checked against the service's daily share first).
 */
export function issueInHall(core: Core, tx: Tx, m: HallMirror, actor: Actor, body: CreateTicketBody, remote: boolean): Ticket {
  const hallId = m.hall.id;
  const service = m.services.get(body.serviceId);
  if (!service) throw notFound('service');
  const now = core.clock();
  const local = localTime(now, m.hall.timezone);
  if (m.hall.holidays.includes(local.date) || !isOpenAt(m.hall.openingHours, local)) {
    throw new AppError('hall_closed', 'the hall is closed now', { openingHours: m.hall.openingHours, holidays: m.hall.holidays, localDate: local.date });
  }
  if (!service.active || service.closedOn === local.date || !isOpenAt(service.openingHours, local)) {
    throw new AppError('service_closed', 'this service takes no more tickets now', {
      serviceId: service.id,
      openingHours: service.openingHours,
      closedOn: service.closedOn,
      active: service.active,
    });
  }
  const batch = issuedInBatch(core, tx, m);
  if (service.dailyQuota !== null) {
    const issued = core.repos.tickets.issuedCount(hallId, service.id, local.date) + batch.filter((i) => !i.tx.rolledBack && i.ticket.serviceId === service.id).length;
    if (issued >= service.dailyQuota) {
      throw new AppError('quota_reached', "today's tickets for this service are all given out", {
        serviceId: service.id,
        dailyQuota: service.dailyQuota,
      });
    }
  }

  if (remote) {
    const share = service.remoteDailyShare ?? 0;
    if (share <= 0) throw new AppError('remote_closed', 'this service takes no tickets from home', { serviceId: service.id });
    const pending = batch.filter((i) => !i.tx.rolledBack && i.ticket.remote === true && i.ticket.serviceId === service.id).length;
    if (core.repos.tickets.remoteIssuedCount(hallId, service.id, local.date) + pending >= share) {
      throw new AppError('remote_share_reached', "today's tickets from home for this service are all given out", { serviceId: service.id, remoteDailyShare: share });
    }
  }
  const id = newTicketId(now);
  const appointment = body.appointmentCode === undefined ? null : checkIn(core, hallId, service.id, local.date, body.appointmentCode, id);
  const appointmentAt = appointment?.atMs ?? null;
  const priority = body.priority ?? false;
  const issuedAt = new Date(now).toISOString();
  // The ticket as it will be stored: the reply and the event are built from it, never read back.
  // Its number, like its estimate, is given at the end of the batch (`writeIssued`).
  const ticket: StoredTicket = {
    id,
    hallId,
    publicId: newPublicId(),
    number: '',
    serviceId: service.id,
    stage: 0,
    status: 'waiting',
    priority,
    appointmentCode: body.appointmentCode ?? null,
    appointmentAt: appointmentAt === null ? null : new Date(appointmentAt).toISOString(),
    lang: body.lang ?? 'zh',
    issuedAt,
    serviceDate: local.date,
    calledAt: null,
    startedAt: null,
    finishedAt: null,
    windowId: null,
    windowNumber: null,
    staffId: null,
    peopleAhead: null,
    estimatedWaitSeconds: null,
    queuedAtMs: now,
    firstTimeAccepted: null,
    ...(remote ? { remote: true, arrivedAt: null, passedOverAt: null } : {}),
  };
  const routing: RoutingTicket = { id, serviceId: service.id, stage: 0, queuedAt: now, priority, appointmentAt, ...(remote ? { away: true } : {}) };
  const reply = toPrivateTicket(ticket, core.publicUrl);
  batch.push({ tx, ticket, routing, reply, actor, prefix: service.prefix });
  tx.touchWaiting(hallId, routing);
  // Written at the end of the batch, with the estimate, by `writeIssued`; answered after commit.
  return reply;
}

interface Issued {
  tx: Tx;
  ticket: StoredTicket;
  routing: RoutingTicket;
  reply: Ticket;
  actor: Actor;
  /** The service's number prefix: numbers are taken per (day, prefix) at the end of the batch. */
  prefix: string;
}

/**
 * The tickets issued in one batch get their estimates together at the end of the batch, from the
 * latest refresh's forecasts in issue order (and ONE expected forecast for those no probe stands
 * for), so two visitors served together never both hear "5 ahead". Only then is each ticket written,
 * with its estimate, and its `ticket.issued` event appended, complete: the log is never rewritten.
 * The list lives on the batch (`gathered`) and goes with it.
 */
function issuedInBatch(core: Core, tx: Tx, m: HallMirror): Issued[] {
  const key = `issue:${m.hall.id}`;
  let list = tx.batch.gathered.get(key) as Issued[] | undefined;
  if (!list) {
    const all: Issued[] = [];
    list = all;
    tx.batch.gathered.set(key, all);
    tx.batch.beforeCommit.set(key, () => writeIssued(core, tx.batch, m, all));
  }
  return list;
}

function writeIssued(core: Core, batch: BatchState, m: HallMirror, all: Issued[]): void {
  // A command of this batch that failed after issuing took its ticket back (savepoint undone).
  const issued = all.filter((i) => !i.tx.rolledBack);
  if (issued.length === 0) return;
  // Numbers in issue order: one counter update per (day, prefix) for the whole batch.
  const byCounter = new Map<string, Issued[]>();
  for (const i of issued) {
    const key = `${i.ticket.serviceDate}\u0000${i.prefix}`;
    const list = byCounter.get(key);
    if (list) list.push(i);
    else byCounter.set(key, [i]);
  }
  for (const list of byCounter.values()) {
    const { serviceDate, hallId } = list[0]!.ticket;
    const last = core.repos.tickets.takeSequences(hallId, serviceDate, list[0]!.prefix, list.length);
    list.forEach((i, k) => {
      i.ticket.number = i.reply.number = formatNumber(i.prefix, last - list.length + 1 + k);
    });
  }
  const now = issued[issued.length - 1]!.ticket.queuedAtMs;
  // From the latest refresh's random forecasts, as the live estimates (no forecast in the batch):
  // each ticket takes the place of its service's probe, behind those taken since the refresh.
  const answers = answersFromDraws(m, issued.map((i) => i.routing), now);
  const rest = issued.filter((i) => !answers.has(i.ticket.id));
  let calls: Map<string, WaitEstimate> = new Map();
  if (rest.length > 0) {
    try {
      calls = forecast(m, now, { extra: issued.map((i) => i.routing), exclude: batch.claimed, until: new Set(rest.map((i) => i.routing.id)) });
    } catch {
      // An estimate is a courtesy: without one the ticket still counts (the visitor is told none).
    }
  }
  for (const i of issued) {
    if (answers.has(i.ticket.id)) {
      const a = answers.get(i.ticket.id) ?? null;
      i.ticket.peopleAhead = i.reply.peopleAhead = a && a.peopleAhead;
      i.ticket.estimatedWaitSeconds = i.reply.estimatedWaitSeconds = a && a.estimateSeconds;
      i.ticket.estimatedWaitRange = i.reply.estimatedWaitRange = a && waitRangeOf(a.range, a.estimateSeconds);
    } else {
      const e = calls.get(i.ticket.id);
      if (e) {
        i.ticket.peopleAhead = i.reply.peopleAhead = e.peopleAhead;
        i.ticket.estimatedWaitSeconds = i.reply.estimatedWaitSeconds = e.estimatedWaitSeconds;
      }
      // An appointment (or a hall whose windows changed since the refresh): the one expected
      // forecast, with the latest refresh's range of its service moved to this estimate.
      i.ticket.estimatedWaitRange = i.reply.estimatedWaitRange = rangeAtIssue(m, i.ticket.serviceId, i.ticket.estimatedWaitSeconds);
    }
  }
  // The batch's rows and events, each in one statement (per ROWS_PER_INSERT tickets).
  core.repos.tickets.createMany(issued.map((i) => ({ ticket: i.ticket, issuedBy: i.actor.id })));
  recordEvents(
    core,
    m.hall.id,
    'ticket.issued',
    issued.map((i) => ({ tx: i.tx, actor: i.actor, payload: { ticket: toPublicTicket(i.ticket) }, at: i.ticket.queuedAtMs })),
  );
}

/**
 * An appointment is checked in once, on its day, for its service; the ticket then carries the
 * booked time, so it is called as a due appointment (routing R3).
 */
/** A booking made from home is checked in from this long before its slot until the slot ends. */
export const CHECK_IN_EARLY_MS = 30 * 60_000;

function checkIn(core: Core, hallId: string, serviceId: string, today: string, code: string, ticketId: string): StoredAppointment {
  const a = core.repos.appointments.byCode(hallId, code);
  if (!a || a.status === 'cancelled') throw new AppError('appointment_not_found', 'no appointment has this code', { code });
  if (a.status === 'checked_in') throw new AppError('appointment_used', 'this appointment has already been checked in', { code });
  if (a.serviceDate !== today) throw new AppError('appointment_not_today', 'this appointment is for another day', { date: a.serviceDate });
  if (a.serviceId !== serviceId) throw new AppError('appointment_other_service', 'this appointment is for another service', { serviceId: a.serviceId });
  const now = core.clock();
  if (a.endMs !== null && (now < a.atMs - CHECK_IN_EARLY_MS || now >= a.endMs)) {
    throw new AppError('appointment_outside_window', 'this booking is checked in from 30 minutes before its slot until the slot ends', {
      start: a.at,
      end: a.end,
      checkInFrom: new Date(a.atMs - CHECK_IN_EARLY_MS).toISOString(),
    });
  }
  core.repos.appointments.checkIn(a.id, ticketId);
  return a;
}
