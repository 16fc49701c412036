// A counter window's use cases: sign in/out, pause/resume, call the next ticket or one ticket.
import { canServe, type RoutingWindow, type Ticket, type WindowView } from '@hallq/shared';
import type { Tx } from '../storage/tx';
import type { StoredTicket } from '../storage/ticket-repo';
import type { StoredWindow } from '../storage/window-repo';
import { actorOf, audit, recordEvent, requireStaff, staffTypeOf, type Core, type Identity } from './core';
import { AppError, notFound } from './errors';
import { toPrivateTicket } from './ticket-view';
import { windowChanged } from './window-events';
import { passOver } from './home/remote-queue';

type StaffIdentity = Extract<Identity, { kind: 'staff' }>;

function windowOf(core: Core, identity: Identity, windowId: string): StoredWindow {
  const w = core.repos.windows.get(windowId);
  if (!w || w.hallId !== identity.hallId) throw notFound('window');
  return w;
}

/** The caller is the staff member signed in at this window. */
export function signedInWindow(core: Core, identity: Identity, windowId: string): { w: StoredWindow; me: StaffIdentity } {
  const me = requireStaff(identity);
  const w = windowOf(core, identity, windowId);
  if (w.staffId !== me.staff.id) {
    throw new AppError('window_not_signed_in', `you are not signed in at window ${w.number}`, { windowNumber: w.number });
  }
  return { w, me };
}

function hasCurrent(core: Core, w: StoredWindow): boolean {
  if (!w.currentTicketId) return false;
  const t = core.repos.tickets.get(w.currentTicketId);
  return t !== null && (t.status === 'called' || t.status === 'serving');
}

/** Signs whoever is at the window out of it: closed, nobody signed in, nothing current. */
function closeWindow(core: Core, tx: Tx, identity: Identity, windowId: string): WindowView {
  core.repos.windows.updateState(windowId, { state: 'closed', staffId: null, staffType: null, pauseReason: null, currentTicketId: null });
  return windowChanged(core, tx, windowId, actorOf(identity));
}

function busy(w: StoredWindow): AppError {
  return new AppError('window_busy', `window ${w.number} still has a ticket called or being served`, { ticketId: w.currentTicketId });
}

export function signIn(core: Core, tx: Tx, identity: Identity, windowId: string): WindowView {
  const me = requireStaff(identity);
  const w = windowOf(core, identity, windowId);
  const allowed = me.staff.windowNumbers;
  if (allowed.length > 0 && !allowed.includes(w.number)) {
    throw new AppError('forbidden', `you may not sign in at window ${w.number}`, { windowNumbers: allowed });
  }
  if (w.staffId === me.staff.id) return windowChanged(core, tx, w.id, actorOf(identity));
  if (w.staffId !== null) throw new AppError('conflict', `window ${w.number} is in use by someone else`, { staffId: w.staffId });
  const previous = core.repos.windows.ofStaff(me.staff.id);
  if (previous) {
    // One window at a time: moving to another window signs out of the old one.
    if (hasCurrent(core, previous)) throw busy(previous);
    closeWindow(core, tx, identity, previous.id);
  }
  core.repos.windows.updateState(w.id, { state: 'open', staffId: me.staff.id, staffType: staffTypeOf(me.role), pauseReason: null });
  return windowChanged(core, tx, w.id, actorOf(identity));
}

export function signOut(core: Core, tx: Tx, identity: Identity, windowId: string): WindowView {
  const { w } = signedInWindow(core, identity, windowId);
  if (hasCurrent(core, w)) throw busy(w);
  return closeWindow(core, tx, identity, w.id);
}

/**
 * Deactivating an account signs its holder out of the window they are signed in at (if any), so
 * that no open window is left with nobody who can use it. Refused while that window still has a
 * ticket called or being served: it is finished, transferred or cancelled first.
 */
export function signOutDeactivated(core: Core, tx: Tx, identity: Identity, staffId: string): void {
  const w = core.repos.windows.ofStaff(staffId);
  if (!w) return;
  if (hasCurrent(core, w)) {
    throw new AppError('conflict', `this person is signed in at window ${w.number}, which still has a ticket called or being served; finish, transfer or cancel it first`, {
      windowNumber: w.number,
      ticketId: w.currentTicketId,
    });
  }
  closeWindow(core, tx, identity, w.id);
}

export function pause(core: Core, tx: Tx, identity: Identity, windowId: string, reason: string | undefined): WindowView {
  const { w } = signedInWindow(core, identity, windowId);
  if (w.state !== 'open') throw new AppError('conflict', `window ${w.number} is ${w.state}, not open`, { state: w.state });
  core.repos.windows.updateState(w.id, { state: 'paused', pauseReason: reason && reason.length > 0 ? reason : null });
  return windowChanged(core, tx, w.id, actorOf(identity));
}

export function resume(core: Core, tx: Tx, identity: Identity, windowId: string): WindowView {
  const { w } = signedInWindow(core, identity, windowId);
  if (w.state !== 'paused') throw new AppError('conflict', `window ${w.number} is ${w.state}, not paused`, { state: w.state });
  core.repos.windows.updateState(w.id, { state: 'open', pauseReason: null });
  return windowChanged(core, tx, w.id, actorOf(identity));
}

function readyToCall(core: Core, identity: Identity, windowId: string): { w: StoredWindow; me: StaffIdentity } {
  const r = signedInWindow(core, identity, windowId);
  if (r.w.state !== 'open') throw new AppError('conflict', `window ${r.w.number} is paused`, { state: r.w.state });
  if (hasCurrent(core, r.w)) throw busy(r.w);
  return r;
}

/** Compare-and-set from waiting to called: the ticket as called (one statement), or null when taken. */
function claim(core: Core, w: StoredWindow, staffId: string, ticketId: string, now: number): StoredTicket | null {
  return core.repos.tickets.transitionTo(ticketId, ['waiting'], {
    status: 'called',
    called_at: now,
    window_id: w.id,
    window_number: w.number,
    staff_id: staffId,
  });
}

/** The wait target of a service now: its own, else the hall's. */
function waitTargetAt(core: Core, hallId: string, serviceId: string): number {
  const m = core.mirror.get(hallId);
  return m?.services.get(serviceId)?.waitTargetSeconds ?? m?.hall.waitTargetSeconds ?? 2400;
}

/** `t`: the ticket as the claim left it; neither it nor the window is read again. */
function announce(core: Core, tx: Tx, identity: Identity, w: StoredWindow, t: StoredTicket, now: number, reason?: string): Ticket {
  tx.batch.claimed.add(t.id);
  const window = core.repos.windows.updateState(w.id, { currentTicketId: t.id })!;
  const me = requireStaff(identity);
  recordEvent(
    core,
    tx,
    w.hallId,
    'ticket.called',
    actorOf(identity),
    {
      ticketId: t.id,
      number: t.number,
      serviceId: t.serviceId,
      windowId: w.id,
      windowNumber: w.number,
      recall: false,
      staffId: me.staff.id,
      stage: t.stage,
      ...(reason !== undefined ? { outOfOrderReason: reason } : {}),
      organisationId: me.staff.organisationId,
      waitTargetSeconds: waitTargetAt(core, w.hallId, t.serviceId),
    },
    now,
  );
  tx.touchTicket(w.hallId, t.id, t);
  windowChanged(core, tx, w.id, actorOf(identity), now, { window, current: t });
  return toPrivateTicket(t, core.publicUrl);
}

/** The routing engine picks from the in-memory waiting index; the claim is a compare-and-set. */
export function callNext(core: Core, tx: Tx, identity: Identity, windowId: string): Ticket | null {
  const { w, me } = readyToCall(core, identity, windowId);
  const m = core.mirror.get(w.hallId);
  if (!m) throw notFound('hall');
  const routingWindow: RoutingWindow = { id: w.id, skills: w.skills, staffType: staffTypeOf(me.role) };
  const now = core.clock();
  const skip = new Set(tx.batch.claimed);
  // Asked with away tickets in their place (R9): one whose turn has come is passed over.
  const turnCtx = { ...m.ctx, awayShare: 1 };
  for (;;) {
    const pick = m.waiting.pick(routingWindow, turnCtx, now, skip);
    if (!pick) return null;
    if (pick.ticket.away === true) {
      passOver(core, tx, m, pick.ticket.id, now);
      skip.add(pick.ticket.id);
      continue;
    }
    const called = claim(core, w, me.staff.id, pick.ticket.id, now);
    if (called) return announce(core, tx, identity, w, called, now);
    // Taken or cancelled earlier in this same batch: the mirror does not know yet.
    skip.add(pick.ticket.id);
  }
}

/** Calls one waiting ticket out of order: the window's skills and the negative list still apply. */
export function callTicket(core: Core, tx: Tx, identity: Identity, windowId: string, ticketId: string, reason: string | undefined): Ticket {
  const { w, me } = readyToCall(core, identity, windowId);
  const m = core.mirror.get(w.hallId);
  const t = core.repos.tickets.get(ticketId);
  if (!t || t.hallId !== w.hallId || !m) throw notFound('ticket');
  if (t.status !== 'waiting') throw new AppError('invalid_transition', `cannot call a ticket that is ${t.status}`, { status: t.status });
  if (!w.skills.some((s) => s.serviceId === t.serviceId)) {
    throw new AppError('not_window_skill', `window ${w.number} does not serve this service (not one of its skills)`, { serviceId: t.serviceId, windowNumber: w.number });
  }
  const routingWindow: RoutingWindow = { id: w.id, skills: w.skills, staffType: staffTypeOf(me.role) };
  const routingTicket = { id: t.id, serviceId: t.serviceId, stage: t.stage, queuedAt: t.queuedAtMs, priority: t.priority, appointmentAt: null };
  if (!canServe(routingWindow, routingTicket, m.ctx)) {
    throw new AppError('stage_not_allowed', 'this stage is reserved to officers (negative list)', { serviceId: t.serviceId, stage: t.stage });
  }
  const now = core.clock();
  const called = claim(core, w, me.staff.id, t.id, now);
  if (!called) throw new AppError('invalid_transition', 'the ticket was just taken', { status: 'called' });
  const why = reason && reason.length > 0 ? reason : 'called out of order';
  audit(core, w.hallId, actorOf(identity), 'ticket.call_out_of_order', t.id, { number: t.number, windowNumber: w.number, reason: why });
  return announce(core, tx, identity, w, called, now, why);
}
