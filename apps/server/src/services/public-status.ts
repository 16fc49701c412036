// What the visitor's phone shows (GET /public/tickets/:publicId and the `ticket.status` push):
// no personal data; while waiting, the live estimate; when called, until when the window holds
// the number; after a no-show, the hall's rule; after a transfer, where the ticket came from.
import { DEFAULT_REMOTE_GRACE_MINUTES, type LocalizedText, type PublicTicketStatus } from '@hallq/shared';
import type { StoredTicket } from '../storage/ticket-repo';
import { localTime } from './clock';
import type { Core } from './core';
import { liveEstimate } from './estimates';
import { notFound } from './errors';

export function ticketByPublicId(core: Core, publicId: string): StoredTicket {
  const t = core.repos.tickets.getByPublicId(publicId);
  if (!t) throw notFound('ticket');
  return t;
}

export function publicStatus(core: Core, publicId: string): PublicTicketStatus {
  return publicStatusOf(core, ticketByPublicId(core, publicId));
}

/** The status of a stored ticket (a live one from the mirror is cheapest: no rating to read). */
export function publicStatusOf(core: Core, t: StoredTicket): PublicTicketStatus {
  const m = core.mirror.get(t.hallId);
  const serviceName = (id: string): LocalizedText => {
    const s = m?.services.get(id) ?? core.repos.services.get(t.hallId, id);
    return s?.name ?? { zh: id, en: id };
  };
  const service = m?.services.get(t.serviceId) ?? core.repos.services.get(t.hallId, t.serviceId);
  const waiting = t.status === 'waiting';
  const live = waiting && m ? liveEstimate(m, t) : undefined;
  const rating = t.status === 'done' ? core.repos.tickets.ratingLevel(t.id) : null;
  const path = core.repos.ticketPath.get(t.id);
  const rule = m?.hall.noShowRule ?? 'requeue_once';
  const grace = m?.hall.noShowGraceSeconds ?? 120;
  const heldUntil =
    t.status === 'called' && t.calledAt !== null ? new Date(Date.parse(t.calledAt) + grace * 1000).toISOString() : null;
  return {
    number: t.number,
    serviceId: t.serviceId,
    serviceName: service?.name ?? { zh: t.serviceId, en: t.serviceId },
    status: t.status,
    issuedAt: t.issuedAt,
    peopleAhead: waiting ? (live?.peopleAhead ?? t.peopleAhead) : null,
    estimatedWaitSeconds: waiting ? (live?.estimatedWaitSeconds ?? t.estimatedWaitSeconds) : null,
    estimatedWaitRange: waiting && live && live.estimatedWaitSeconds !== null ? live.estimatedWaitRange : null,
    windowNumber: t.windowNumber,
    calledAt: t.calledAt,
    canCancel: waiting,
    canRate: t.status === 'done' && rating === null,
    rating,
    hallName: m?.hall.name ?? { zh: '', en: '' },
    heldUntil,
    recalledAt: t.status === 'called' && path.recalledAt !== null ? new Date(path.recalledAt).toISOString() : null,
    noShowRule: rule,
    canRequeue: t.status === 'no_show' && rule === 'requeue_once' && path.requeuedAt === null && t.serviceDate === todayOf(core, t),
    requeued: path.requeuedAt !== null,
    transferredFrom:
      waiting && path.transferredFrom
        ? { serviceId: path.transferredFrom.serviceId, serviceName: serviceName(path.transferredFrom.serviceId), stage: path.transferredFrom.stage }
        : null,
    stage: t.stage,
    stageName: service && service.stages.length > 1 ? (service.stages[t.stage]?.name ?? null) : null,
    hallId: t.hallId,
    ...(t.remote === true ? remoteStatus(t, m?.hall.remoteGraceMinutes ?? DEFAULT_REMOTE_GRACE_MINUTES) : {}),
  };
}

function remoteStatus(t: StoredTicket, graceMinutes: number): Pick<PublicTicketStatus, 'remote' | 'arrived' | 'expiresAt'> {
  const passed = t.passedOverAt ?? null;
  return {
    remote: true,
    arrived: t.arrivedAt !== null && t.arrivedAt !== undefined,
    expiresAt: passed !== null && t.status === 'waiting' && !t.arrivedAt ? new Date(Date.parse(passed) + graceMinutes * 60_000).toISOString() : null,
  };
}

/** A ticket is for its own day: a no-show from yesterday cannot come back today. */
export function todayOf(core: Core, t: StoredTicket): string {
  const m = core.mirror.get(t.hallId);
  return m ? localTime(core.clock(), m.hall.timezone).date : t.serviceDate;
}
