// Issuing tickets: opening hours, holidays, closed services and daily quotas are checked, the
// number comes from the day's counter of the service's prefix (updated in the same transaction,
// so a number is never handed out twice, even after a crash), and the visitor gets an estimate.
import type { Actor, CreateTicketBody, HallEventOf, RoutingTicket, Ticket } from '@hallq/shared';
import type { BatchState, Tx } from '../storage/command-queue';
import type { StoredAppointment } from '../storage/appointment-repo';
import { isOpenAt, localTime } from './clock';
import { actorOf, ownHall, recordEvent, type Core, type Identity } from './core';
import { forecast } from './estimates';
import type { HallMirror } from './hall-mirror';
import { AppError, notFound } from './errors';
import { newPublicId, newTicketId } from './ids';
import { toPrivateTicket, toPublicTicket } from './ticket-view';

/** A001 .. A999, then A1000: numbers grow rather than wrap, so none is reused in a day. */
export const formatNumber = (prefix: string, sequence: number): string => `${prefix}${String(sequence).padStart(3, '0')}`;

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
  if (service.dailyQuota !== null && core.repos.tickets.issuedCount(hallId, service.id, local.date) >= service.dailyQuota) {
    throw new AppError('quota_reached', "today's tickets for this service are all given out", {
      serviceId: service.id,
      dailyQuota: service.dailyQuota,
    });
  }

  if (remote) {
    const share = service.remoteDailyShare ?? 0;
    if (share <= 0) throw new AppError('remote_closed', 'this service takes no tickets from home', { serviceId: service.id });
    if (core.repos.tickets.remoteIssuedCount(hallId, service.id, local.date) >= share) {
      throw new AppError('remote_share_reached', "today's tickets from home for this service are all given out", { serviceId: service.id, remoteDailyShare: share });
    }
  }
  const id = newTicketId(now);
  const appointment = body.appointmentCode === undefined ? null : checkIn(core, hallId, service.id, local.date, body.appointmentCode, id);
  const sequence = core.repos.tickets.nextSequence(hallId, local.date, service.prefix);
  const appointmentAt = appointment?.atMs ?? null;
  const routing: RoutingTicket = {
    id,
    serviceId: service.id,
    stage: 0,
    queuedAt: now,
    priority: body.priority ?? false,
    appointmentAt,
    ...(remote ? { away: true } : {}),
  };
  core.repos.tickets.create({
    id,
    hallId,
    publicId: newPublicId(),
    number: formatNumber(service.prefix, sequence),
    serviceId: service.id,
    priority: body.priority ?? false,
    appointmentCode: body.appointmentCode ?? null,
    appointmentAt,
    lang: body.lang ?? 'zh',
    issuedAt: now,
    serviceDate: local.date,
    peopleAhead: null,
    estimatedWaitSeconds: null,
    issuedBy: actor.id,
    remote,
  });
  const ticket = core.repos.tickets.get(id)!;
  recordEvent(core, tx, hallId, 'ticket.issued', actor, { ticket: toPublicTicket(ticket) }, now);
  tx.touchTicket(hallId, id);
  const reply = toPrivateTicket(ticket, core.publicUrl);
  forecastAtIssue(core, tx, m, now, { routing, reply, event: tx.events[tx.events.length - 1] as HallEventOf<'ticket.issued'> });
  return reply;
}

interface Issued {
  routing: RoutingTicket;
  reply: Ticket;
  event: HallEventOf<'ticket.issued'>;
}

/**
 * The tickets issued in one batch get their estimates from ONE forecast at the end of the batch
 * (so two visitors served together never both hear "5 ahead"): the forecast includes all of them,
 * stops when each has its call, and fills in the rows, the replies and the `ticket.issued` events.
 */
function forecastAtIssue(core: Core, tx: Tx, m: HallMirror, now: number, issued: Issued): void {
  const key = `forecast:${m.hall.id}`;
  const lists = batchIssued.get(tx.batch) ?? new Map<string, Issued[]>();
  batchIssued.set(tx.batch, lists);
  const list = lists.get(key);
  if (list) {
    list.push(issued);
    return;
  }
  const all = [issued];
  lists.set(key, all);
  tx.batch.beforeCommit.set(key, () => {
    const calls = forecast(m, now, {
      extra: all.map((i) => i.routing),
      exclude: tx.batch.claimed,
      until: new Set(all.map((i) => i.routing.id)),
    });
    for (const i of all) {
      const e = calls.get(i.routing.id);
      if (!e) continue;
      core.repos.tickets.setEstimate(i.routing.id, e.peopleAhead, e.estimatedWaitSeconds);
      i.reply.peopleAhead = i.event.ticket.peopleAhead = e.peopleAhead;
      i.reply.estimatedWaitSeconds = i.event.ticket.estimatedWaitSeconds = e.estimatedWaitSeconds;
      core.repos.log.completePayload(i.event);
    }
  });
}

/** Tickets issued so far in each open batch, per hall. */
const batchIssued = new WeakMap<BatchState, Map<string, Issued[]>>();

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
