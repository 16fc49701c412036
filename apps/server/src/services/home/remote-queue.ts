// The remote queue's lifecycle after issue: a holder arrives (the arrival code shown in the hall,
// or a scan at the kiosk); a ticket whose turn comes first is passed over, keeps its place for the
// hall's `remoteGraceMinutes`, and then expires.
import { DEFAULT_REMOTE_GRACE_MINUTES, type Actor } from '@hallq/shared';
import type { Tx } from '../../storage/tx';
import type { StoredTicket } from '../../storage/ticket-repo';
import { recordEvent, SYSTEM, VISITOR, type Core } from '../core';
import { AppError, invalidTransition } from '../errors';
import type { HallMirror } from '../hall-mirror';
import { ticketByPublicId } from '../public-status';

const MINUTE = 60_000;

export const graceMsOf = (m: HallMirror): number => (m.hall.remoteGraceMinutes ?? DEFAULT_REMOTE_GRACE_MINUTES) * MINUTE;

const isAway = (t: StoredTicket): boolean => t.remote === true && !t.arrivedAt;

/** The ticket's turn came and its holder is not here: mark it once; expire it when the grace is over. */
export function passOver(core: Core, tx: Tx, m: HallMirror, ticketId: string, now: number): void {
  const t = core.repos.tickets.get(ticketId);
  if (!t || t.status !== 'waiting' || !isAway(t)) return;
  if (!t.passedOverAt) {
    if (!core.repos.tickets.transition(t.id, ['waiting'], { passed_over_at: now })) return;
    recordEvent(core, tx, t.hallId, 'ticket.passed_over', SYSTEM, {
      ticketId: t.id,
      number: t.number,
      serviceId: t.serviceId,
      expiresAt: new Date(now + graceMsOf(m)).toISOString(),
    }, now);
    tx.touchTicket(t.hallId, t.id);
  }
  const passedAt = t.passedOverAt ? Date.parse(t.passedOverAt) : now;
  if (now >= passedAt + graceMsOf(m)) expire(core, tx, t, now);
}

function expire(core: Core, tx: Tx, t: StoredTicket, now: number): void {
  if (!core.repos.tickets.transition(t.id, ['waiting'], { status: 'expired', finished_at: now })) return;
  recordEvent(core, tx, t.hallId, 'ticket.expired', SYSTEM, { ticketId: t.id, number: t.number, serviceId: t.serviceId }, now);
  tx.touchTicket(t.hallId, t.id);
}

/** Expires the hall's passed-over remote tickets whose grace is over; returns how many. */
export function expireOverdue(core: Core, tx: Tx, m: HallMirror): number {
  const now = core.clock();
  const grace = graceMsOf(m);
  let n = 0;
  for (const [id, passedAt] of m.passedOver) {
    if (now < passedAt + grace) continue;
    const t = core.repos.tickets.get(id);
    if (t && t.status === 'waiting' && isAway(t)) {
      expire(core, tx, t, now);
      n++;
    }
  }
  return n;
}

/** Halls holding a passed-over remote ticket (cheap check before a sweep runs a command). */
export function hasOverdue(m: HallMirror, now: number): boolean {
  const grace = graceMsOf(m);
  for (const passedAt of m.passedOver.values()) if (now >= passedAt + grace) return true;
  return false;
}

/**
 * The holder is in the hall: from now on the ticket is called in its place. Arriving twice is
 * harmless; an expired or finished ticket cannot arrive.
 */
export function arrive(core: Core, tx: Tx, t: StoredTicket, by: 'arrival-code' | 'kiosk', actor: Actor = VISITOR): StoredTicket {
  if (t.remote !== true) throw new AppError('bad_request', 'only a ticket taken from home needs to arrive');
  if (t.arrivedAt) return t;
  if (t.status !== 'waiting') throw invalidTransition(t.status, 'arrive');
  const now = core.clock();
  if (!core.repos.tickets.transition(t.id, ['waiting'], { arrived_at: now })) throw invalidTransition(t.status, 'arrive');
  recordEvent(core, tx, t.hallId, 'ticket.arrived', actor, { ticketId: t.id, number: t.number, serviceId: t.serviceId, by }, now);
  tx.touchTicket(t.hallId, t.id);
  return core.repos.tickets.get(t.id)!;
}

export { ticketByPublicId };
