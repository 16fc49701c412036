// What happens to a ticket at the counter and after: recall, start, complete, no-show, transfer,
// cancel, rating. Each change is a compare-and-set on the ticket's status; anything else is 409.
import { isBadRating, updateServiceSeconds, type RatingBody, type RatingLevel, type Ticket, type TicketStatus, type TransferBody } from '@hallq/shared';
import type { Tx } from '../storage/tx';
import type { StoredTicket, TicketPatch } from '../storage/ticket-repo';
import type { StoredWindow } from '../storage/window-repo';
import { addWorkingDays, localTime } from './clock';
import { actorOf, hallOf, recordEvent, requireStaff, type Core, type Identity } from './core';
import { AppError, invalidTransition, notFound } from './errors';
import { newId } from './ids';
import { learnCalled, learnServed } from './estimate-learning';
import { ticketByPublicId, todayOf } from './public-status';
import { toPrivateTicket, toPublicTicket } from './ticket-view';
import { windowChanged } from './window-events';

function ticketOf(core: Core, identity: Identity, ticketId: string): StoredTicket {
  const t = core.repos.tickets.get(ticketId);
  if (!t || t.hallId !== identity.hallId) throw notFound('ticket');
  return t;
}

/** The ticket is in one of `from` and sits at the window the caller is signed in at. */
function atMyWindow(core: Core, identity: Identity, ticketId: string, from: readonly TicketStatus[], action: string) {
  const me = requireStaff(identity);
  const t = ticketOf(core, identity, ticketId);
  if (!from.includes(t.status)) throw invalidTransition(t.status, action);
  const w = core.repos.windows.ofStaff(me.staff.id);
  if (!w) throw new AppError('window_not_signed_in', 'you are not signed in at a window');
  if (t.windowId !== w.id) throw new AppError('forbidden', `ticket ${t.number} is at another window`, { windowNumber: t.windowNumber });
  return { t, w, me };
}

/** What every event of a ticket at a window says about it: the ticket, the window and who serves. */
function atWindow({ t, w, me }: ReturnType<typeof atMyWindow>) {
  return { ticketId: t.id, number: t.number, serviceId: t.serviceId, windowId: w.id, windowNumber: w.number, staffId: me.staff.id, stage: t.stage };
}

/** The compare-and-set; answers the ticket as changed (no read back). */
function change(core: Core, t: StoredTicket, from: readonly TicketStatus[], patch: TicketPatch, action: string): StoredTicket {
  const u = core.repos.tickets.transitionTo(t.id, from, patch);
  if (!u) throw invalidTransition(t.status, action);
  return u;
}

function freeWindow(core: Core, tx: Tx, identity: Identity | null, w: StoredWindow, at: number): void {
  const window = core.repos.windows.updateState(w.id, { currentTicketId: null });
  windowChanged(core, tx, w.id, actorOf(identity), at, window ? { window, current: null } : undefined);
}

export function recall(core: Core, tx: Tx, identity: Identity, ticketId: string): Ticket {
  const { t, w } = atMyWindow(core, identity, ticketId, ['called'], 'recall');
  const now = core.clock();
  core.repos.ticketPath.markRecalled(t.id, now);
  tx.touchTicket(t.hallId, t.id);
  recordEvent(core, tx, t.hallId, 'ticket.recalled', actorOf(identity), {
    ticketId: t.id,
    number: t.number,
    serviceId: t.serviceId,
    windowId: w.id,
    windowNumber: w.number,
    recall: true,
  }, now);
  return toPrivateTicket(t, core.publicUrl);
}

export function start(core: Core, tx: Tx, identity: Identity, ticketId: string): Ticket {
  const at = atMyWindow(core, identity, ticketId, ['called'], 'start');
  const { t, w } = at;
  const now = core.clock();
  const u = change(core, t, ['called'], { status: 'serving', started_at: now }, 'start');
  learnCalled(core.repos, tx, hallOf(core, t.hallId).learning, t, false);
  recordEvent(core, tx, t.hallId, 'ticket.started', actorOf(identity), atWindow(at), now);
  tx.touchTicket(t.hallId, t.id);
  windowChanged(core, tx, w.id, actorOf(identity), now);
  return toPrivateTicket(u, core.publicUrl);
}

export function complete(core: Core, tx: Tx, identity: Identity, ticketId: string, body: { firstTimeAccepted?: boolean; note?: string }): Ticket {
  const at = atMyWindow(core, identity, ticketId, ['serving'], 'complete');
  const { t, w } = at;
  const now = core.clock();
  const first = body.firstTimeAccepted ?? null;
  const u = change(core, t, ['serving'], {
    status: 'done',
    finished_at: now,
    first_time_accepted: first === null ? null : first ? 1 : 0,
    note: body.note ?? null,
  }, 'complete');
  // Learn the service time from what was observed (clipped and smoothed by the shared rule).
  const service = core.repos.services.get(t.hallId, t.serviceId);
  if (service && t.startedAt) {
    const prior = service.learnedServiceSeconds ?? service.expectedServiceSeconds;
    core.repos.services.setLearnedSeconds(service.id, updateServiceSeconds(prior, (now - Date.parse(t.startedAt)) / 1000));
    // The stage's spread too (the estimator's random forecasts draw visits with it).
    learnServed(core.repos, tx, hallOf(core, t.hallId).learning, service, t.stage, (now - Date.parse(t.startedAt)) / 1000);
  }
  recordEvent(core, tx, t.hallId, 'ticket.completed', actorOf(identity), {
    ...atWindow(at), firstTimeAccepted: first, issuedAt: t.issuedAt, calledAt: t.calledAt, startedAt: t.startedAt,
  }, now);
  tx.touchTicket(t.hallId, t.id);
  freeWindow(core, tx, identity, w, now);
  return toPrivateTicket(u, core.publicUrl);
}

export function noShow(core: Core, tx: Tx, identity: Identity, ticketId: string): Ticket {
  const at = atMyWindow(core, identity, ticketId, ['called'], 'mark as no-show');
  const { t, w } = at;
  const now = core.clock();
  checkNoShowGrace(core, t, now);
  const u = change(core, t, ['called'], { status: 'no_show', finished_at: now }, 'mark as no-show');
  learnCalled(core.repos, tx, hallOf(core, t.hallId).learning, t, true);
  recordEvent(core, tx, t.hallId, 'ticket.no_show', actorOf(identity), atWindow(at), now);
  tx.touchTicket(t.hallId, t.id);
  freeWindow(core, tx, identity, w, now);
  return toPrivateTicket(u, core.publicUrl);
}

/**
 * A visitor who does not come is marked no-show only after the hall's grace time from the call
 * (default 2 minutes), or sooner once the call was repeated (one recall).
 */
function checkNoShowGrace(core: Core, t: StoredTicket, now: number): void {
  const hall = hallOf(core, t.hallId).hall;
  const calledAt = t.calledAt === null ? now : Date.parse(t.calledAt);
  const recalledAt = core.repos.ticketPath.get(t.id).recalledAt;
  const allowedAt = calledAt + hall.noShowGraceSeconds * 1000;
  if (now >= allowedAt || (recalledAt !== null && recalledAt >= calledAt)) return;
  throw new AppError('no_show_too_early', `ticket ${t.number} was called ${Math.floor((now - calledAt) / 1000)} s ago: recall it once, or wait until ${Math.ceil((allowedAt - now) / 1000)} s more have passed`, {
    calledAt: t.calledAt,
    allowedAt: new Date(allowedAt).toISOString(),
    graceSeconds: hall.noShowGraceSeconds,
    recalled: false,
  });
}

/**
 * The hall's rule for a visitor who comes back after a no-show: with `requeue_once`, the ticket
 * goes back to waiting once, at the back of the queue (its queue time is now), the same day;
 * with `new_ticket`, the visitor takes a new ticket (409 `requeue_not_allowed`).
 */
export function requeue(core: Core, tx: Tx, identity: Identity | null, t: StoredTicket): Ticket {
  if (t.status !== 'no_show') throw invalidTransition(t.status, 'requeue');
  const hall = hallOf(core, t.hallId).hall;
  if (hall.noShowRule !== 'requeue_once') {
    throw new AppError('requeue_not_allowed', 'this hall asks a visitor who missed the call to take a new ticket', { rule: hall.noShowRule });
  }
  if (t.serviceDate !== todayOf(core, t)) throw new AppError('requeue_not_allowed', 'a ticket of another day cannot go back to the queue', { rule: hall.noShowRule });
  const now = core.clock();
  if (!core.repos.ticketPath.requeue(t.id, now)) {
    throw new AppError('requeue_not_allowed', `ticket ${t.number} already went back to the queue once: take a new ticket`, { rule: hall.noShowRule });
  }
  const u = core.repos.tickets.get(t.id)!;
  recordEvent(core, tx, t.hallId, 'ticket.requeued', actorOf(identity), {
    ticketId: t.id, number: t.number, serviceId: t.serviceId, ticket: toPublicTicket(u), by: identity ? 'staff' : 'visitor',
  }, now);
  tx.touchTicket(t.hallId, t.id);
  return toPrivateTicket(u, core.publicUrl);
}

export function staffRequeue(core: Core, tx: Tx, identity: Identity, ticketId: string): Ticket {
  requireStaff(identity);
  return requeue(core, tx, identity, ticketOf(core, identity, ticketId));
}

export function publicRequeue(core: Core, tx: Tx, publicId: string): { status: TicketStatus } {
  return { status: requeue(core, tx, null, ticketByPublicId(core, publicId)).status };
}

/** Back to waiting for another service or stage; the number and the original time stay. */
export function transfer(core: Core, tx: Tx, identity: Identity, ticketId: string, body: TransferBody): Ticket {
  const { t, w, me } = atMyWindow(core, identity, ticketId, ['called', 'serving'], 'transfer');
  const m = hallOf(core, t.hallId);
  const service = m.services.get(body.serviceId);
  if (!service) throw notFound('service');
  const stage = body.stage ?? 0;
  if (stage >= service.stages.length) {
    throw new AppError('validation_failed', `service ${service.code} has no stage ${stage}`, [{ path: ['stage'], message: 'no such stage' }]);
  }
  const now = core.clock();
  const u = change(core, t, ['called', 'serving'], {
    status: 'waiting', service_id: service.id, stage, called_at: null, started_at: null, window_id: null, window_number: null, staff_id: null,
  }, 'transfer');
  core.repos.ticketPath.markTransferred(t.id, t.serviceId, t.stage);
  // Served one stage and sent on to a later one: that stage's time is learned.
  const from = m.services.get(t.serviceId);
  if (from && t.startedAt && service.id === t.serviceId && stage > t.stage) learnServed(core.repos, tx, m.learning, from, t.stage, (now - Date.parse(t.startedAt)) / 1000);
  recordEvent(core, tx, t.hallId, 'ticket.transferred', actorOf(identity), {
    ticketId: t.id, number: t.number, fromServiceId: t.serviceId, fromStage: t.stage, serviceId: service.id, stage, windowId: w.id, staffId: me.staff.id,
  }, now);
  tx.touchTicket(t.hallId, t.id);
  freeWindow(core, tx, identity, w, now);
  return toPrivateTicket(u, core.publicUrl);
}

const CANCELLABLE: readonly TicketStatus[] = ['waiting', 'called', 'serving'];

function cancelTicket(core: Core, tx: Tx, identity: Identity | null, t: StoredTicket, from: readonly TicketStatus[]): StoredTicket {
  if (!from.includes(t.status)) throw invalidTransition(t.status, 'cancel');
  const now = core.clock();
  const u = change(core, t, from, { status: 'cancelled', finished_at: now }, 'cancel');
  recordEvent(core, tx, t.hallId, 'ticket.cancelled', actorOf(identity), {
    ticketId: t.id, number: t.number, serviceId: t.serviceId, by: identity ? 'staff' : 'visitor', fromStatus: t.status,
  }, now);
  tx.touchTicket(t.hallId, t.id, u);
  const w = t.windowId ? core.repos.windows.get(t.windowId) : null;
  if (w && w.currentTicketId === t.id) freeWindow(core, tx, identity, w, now);
  return u;
}

export function staffCancel(core: Core, tx: Tx, identity: Identity, ticketId: string): Ticket {
  requireStaff(identity);
  return toPrivateTicket(cancelTicket(core, tx, identity, ticketOf(core, identity, ticketId), CANCELLABLE), core.publicUrl);
}

export function publicCancel(core: Core, tx: Tx, publicId: string): { status: TicketStatus } {
  const t = ticketByPublicId(core, publicId);
  return { status: cancelTicket(core, tx, null, t, ['waiting']).status };
}

/** One rating per ticket, after service; a bad rating opens a follow-up due in working days. */
export function rate(core: Core, tx: Tx, identity: Identity | null, t: StoredTicket, body: RatingBody): { level: number; followUpId: string | null } {
  if (t.status !== 'done') throw invalidTransition(t.status, 'rate');
  const earlier = core.repos.ticketPath.rating(t.id);
  if (earlier) {
    const where = earlier.by === 'visitor' ? ' on the phone' : earlier.by === 'rating-pad' ? ' on the rating pad' : '';
    throw new AppError('already_rated', `this ticket has already been rated${where}`, { level: earlier.level, by: earlier.by });
  }
  const now = core.clock();
  const by = identity === null ? 'visitor' : identity.kind === 'device' ? 'rating-pad' : 'staff';
  core.repos.tickets.addRating({
    ticketId: t.id, hallId: t.hallId, level: body.level, reason: body.reason ?? null, at: now, byKind: by,
    serviceId: t.serviceId, windowId: t.windowId, staffId: t.staffId,
  });
  let followUpId: string | null = null;
  const bad = isBadRating(body.level);
  if (bad) {
    const hall = hallOf(core, t.hallId).hall;
    followUpId = newId('fu');
    const deadline = addWorkingDays(localTime(now, hall.timezone).date, hall.followUpWorkingDays, hall.holidays, hall.makeUpWorkdays ?? []);
    core.repos.tickets.addFollowUp({ id: followUpId, hallId: t.hallId, ticketId: t.id, level: body.level, reason: body.reason ?? '', deadline, createdAt: now });
  }
  recordEvent(core, tx, t.hallId, 'ticket.rated', actorOf(identity), {
    ticketId: t.id, number: t.number, serviceId: t.serviceId, windowId: t.windowId, staffId: t.staffId, level: body.level as RatingLevel, bad, by,
  }, now);
  tx.touchTicket(t.hallId, t.id); // the phone following it hears the rating
  return { level: body.level, followUpId };
}

export function rateById(core: Core, tx: Tx, identity: Identity, ticketId: string, body: RatingBody) {
  return rate(core, tx, identity, ticketOf(core, identity, ticketId), body);
}

export function rateByPublicId(core: Core, tx: Tx, publicId: string, body: RatingBody) {
  return rate(core, tx, null, ticketByPublicId(core, publicId), body);
}
