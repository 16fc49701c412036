// What a window may serve and in which order, computed with the server's own routing engine.
import { canServe, DEFAULT_ROUTING_POLICY, orderForWindow } from '@hallq/shared';
import type { HallConfig, PublicTicket, RoutingContext, RoutingService, RoutingTicket, RoutingWindow, Service, Skill, StaffType } from '@hallq/shared';

export function targetFor(service: Pick<Service, 'waitTargetSeconds'> | undefined, hallTargetSeconds: number): number {
  return service?.waitTargetSeconds ?? hallTargetSeconds;
}

export function routingContext(config: Pick<HallConfig, 'services' | 'waitTargetSeconds'>): RoutingContext {
  const services = new Map<string, RoutingService>();
  for (const s of config.services) {
    services.set(s.id, { id: s.id, waitTargetSeconds: targetFor(s, config.waitTargetSeconds), stages: s.stages ?? [{ officersOnly: false }] });
  }
  return { services, policy: DEFAULT_ROUTING_POLICY };
}

export function toRoutingTicket(t: PublicTicket): RoutingTicket {
  return {
    id: t.id,
    serviceId: t.serviceId,
    stage: t.stage ?? 0,
    queuedAt: Date.parse(t.queuedAt ?? t.issuedAt),
    priority: t.priority,
    appointmentAt: t.appointmentAt ? Date.parse(t.appointmentAt) : null,
  };
}

export interface WindowQueueRow {
  ticket: PublicTicket;
  /** False when the ticket's service is in the skills but its stage is officers-only for a helper. */
  servable: boolean;
}

/**
 * The waiting list shown at a window: the tickets it may serve in the order the server would call
 * them, then the tickets of its skills that its staff may not take (officers-only stage for a
 * helper), marked as not servable.
 */
export function waitingForWindow(
  waiting: ReadonlyArray<PublicTicket>,
  skills: ReadonlyArray<Skill>,
  staffType: StaffType,
  ctx: RoutingContext,
  now: number,
): WindowQueueRow[] {
  const window: RoutingWindow = { id: 'w', skills, staffType };
  const byId = new Map(waiting.map((t) => [t.id, t]));
  const routing = waiting.map(toRoutingTicket);
  const ordered = orderForWindow(window, routing, ctx, now).map((r) => ({ ticket: byId.get(r.id)!, servable: true }));
  const asOfficer: RoutingWindow = { ...window, staffType: 'officer' };
  const blocked = routing
    .filter((r) => !canServe(window, r, ctx) && canServe(asOfficer, r, ctx))
    .sort((a, b) => a.queuedAt - b.queuedAt)
    .map((r) => ({ ticket: byId.get(r.id)!, servable: false }));
  return [...ordered, ...blocked];
}

/** Is this stage of the service closed to helpers (the negative list)? */
export function isOfficersOnly(service: Service | undefined, stage: number): boolean {
  return service?.stages?.[stage]?.officersOnly ?? false;
}

/** Today's local date (YYYY-MM-DD) in the hall's timezone. */
export function localDate(now: number, timezone: string): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  } catch {
    return new Date(now).toISOString().slice(0, 10);
  }
}
