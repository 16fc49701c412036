// Turns stored tickets into the shapes the API sends: with `publicId` and `statusUrl` only for
// the ticket's creator and staff, never for kiosks' and displays' feeds.
import type { CurrentTicketView, PublicTicket, RoutingTicket, Ticket, WaitRange, WindowView } from '@hallq/shared';
import type { StoredTicket } from '../storage/ticket-repo';
import type { StoredWindow } from '../storage/window-repo';

/** A ticket's live figures; `estimatedWaitRange` absent: none (null). */
export interface TicketEstimate {
  peopleAhead: number | null;
  estimatedWaitSeconds: number | null;
  estimatedWaitRange?: WaitRange | null;
}

export function toPublicTicket(t: StoredTicket, estimate?: TicketEstimate): PublicTicket {
  return {
    id: t.id,
    number: t.number,
    serviceId: t.serviceId,
    stage: t.stage,
    status: t.status,
    priority: t.priority,
    appointmentCode: t.appointmentCode,
    appointmentAt: t.appointmentAt,
    lang: t.lang,
    issuedAt: t.issuedAt,
    serviceDate: t.serviceDate,
    calledAt: t.calledAt,
    startedAt: t.startedAt,
    finishedAt: t.finishedAt,
    windowId: t.windowId,
    windowNumber: t.windowNumber,
    staffId: t.staffId,
    peopleAhead: estimate ? estimate.peopleAhead : t.peopleAhead,
    estimatedWaitSeconds: estimate ? estimate.estimatedWaitSeconds : t.estimatedWaitSeconds,
    // The range given with that estimate; a ticket read back from storage keeps none (null).
    estimatedWaitRange: (estimate ? estimate.estimatedWaitRange : t.estimatedWaitRange) ?? null,
    ...(t.queuedAt ? { queuedAt: t.queuedAt } : {}),
    ...(t.remote === true ? { remote: true, arrivedAt: t.arrivedAt ?? null, passedOverAt: t.passedOverAt ?? null } : {}),
  };
}

export function toPrivateTicket(
  t: StoredTicket,
  publicUrl: string,
  estimate?: TicketEstimate,
): Ticket {
  // Added to the public ticket rather than spread into a new literal: V8 allocates an object
  // literal that spreads one object and adds properties in its old generation, so every issued
  // ticket's answer (garbage once sent) filled it (issue-garbage.integration.test.ts).
  const ticket = toPublicTicket(t, estimate) as Ticket;
  ticket.publicId = t.publicId;
  ticket.statusUrl = statusUrl(publicUrl, t.publicId);
  return ticket;
}

export const statusUrl = (publicUrl: string, publicId: string): string => `${publicUrl}/t/${publicId}`;

export function toRoutingTicket(t: StoredTicket): RoutingTicket {
  return {
    id: t.id,
    serviceId: t.serviceId,
    stage: t.stage,
    queuedAt: t.queuedAtMs,
    priority: t.priority,
    appointmentAt: t.appointmentAt === null ? null : Date.parse(t.appointmentAt),
    ...(t.remote === true && !t.arrivedAt ? { away: true } : {}),
  };
}

/** A window as screens see it, with the ticket it has called or is serving (if `t` is that). */
export function toWindowView(w: StoredWindow, t: StoredTicket | null | undefined): WindowView {
  let current: CurrentTicketView | null = null;
  if (t && (t.status === 'called' || t.status === 'serving')) {
    current = {
      ticketId: t.id,
      number: t.number,
      serviceId: t.serviceId,
      stage: t.stage,
      status: t.status,
      calledAt: t.calledAt ?? t.issuedAt,
      startedAt: t.startedAt,
    };
  }
  return { id: w.id, number: w.number, zone: w.zone, state: w.state, staffId: w.staffId, pauseReason: w.pauseReason, skills: w.skills, current };
}
