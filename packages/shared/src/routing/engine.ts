// The routing engine: which waiting ticket a window calls next. Rules are numbered in
// ROUTING.md; tests cite them as "R1".."R7".
import type { Skill } from '../domain';
import type { Pick, RoutingContext, RoutingTicket, RoutingWindow } from './types';

/** R1: the tier of the window's skill for a service, or null when it has none. */
export function tierFor(skills: ReadonlyArray<Skill>, serviceId: string): number | null {
  let best: number | null = null;
  for (const s of skills) if (s.serviceId === serviceId && (best === null || s.tier < best)) best = s.tier;
  return best;
}

/** R1 + R2: the window has a skill for the service and its staff may serve the ticket's stage. */
export function canServe(window: RoutingWindow, ticket: RoutingTicket, ctx: RoutingContext): boolean {
  if (window.staffType === null) return false;
  const service = ctx.services.get(ticket.serviceId);
  const stage = service?.stages[ticket.stage];
  if (!stage) return false;
  if (stage.officersOnly && window.staffType !== 'officer') return false;
  return tierFor(window.skills, ticket.serviceId) !== null;
}

/** Seconds waited relative to the service's target: 1.0 = exactly at target. */
export function waitRatio(ticket: RoutingTicket, ctx: RoutingContext, now: number): number {
  const target = ctx.services.get(ticket.serviceId)?.waitTargetSeconds ?? 2400;
  return (now - ticket.queuedAt) / 1000 / Math.max(1, target);
}

/** R5: a ticket waiting past the starvation threshold may be taken by any tier. */
export function isStarving(ticket: RoutingTicket, ctx: RoutingContext, now: number): boolean {
  return ctx.policy.starvationEnabled && waitRatio(ticket, ctx, now) >= ctx.policy.starvationFactor;
}

/** R3: urgency class; lower is more urgent. Priority visitors, then due appointments, then the rest. */
export function urgencyClass(ticket: RoutingTicket, ctx: RoutingContext, now: number): number {
  if (ticket.priority) return 0;
  if (ticket.appointmentAt !== null && ticket.appointmentAt - ctx.policy.appointmentEarlySeconds * 1000 <= now) return 1;
  return 2;
}

interface Ranked {
  ticket: RoutingTicket;
  tier: number;
  starving: boolean;
  urgency: number;
  ratio: number;
}

/**
 * Orders two candidates for one window. Starving tickets (R5) come first, oldest relative to
 * target first; otherwise best tier (R1), then urgency (R3), then the longest wait relative to
 * the service's target (R4), then the earlier original issue time and id (R6, a total order).
 */
function compare(a: Ranked, b: Ranked): number {
  if (a.starving !== b.starving) return a.starving ? -1 : 1;
  if (!a.starving && a.tier !== b.tier) return a.tier - b.tier;
  if (a.urgency !== b.urgency) return a.urgency - b.urgency;
  if (a.ratio !== b.ratio) return b.ratio - a.ratio;
  if (a.ticket.queuedAt !== b.ticket.queuedAt) return a.ticket.queuedAt - b.ticket.queuedAt;
  return a.ticket.id < b.ticket.id ? -1 : a.ticket.id > b.ticket.id ? 1 : 0;
}

/** R9: a remote ticket whose holder is not here is passed over in live routing (forecasts keep it). */
export function isPassedOver(ticket: RoutingTicket, ctx: RoutingContext): boolean {
  return ticket.away === true && ctx.awayShare === undefined;
}

function rank(window: RoutingWindow, ticket: RoutingTicket, ctx: RoutingContext, now: number): Ranked | null {
  if (isPassedOver(ticket, ctx) || !canServe(window, ticket, ctx)) return null;
  const tier = tierFor(window.skills, ticket.serviceId);
  if (tier === null) return null;
  return {
    ticket,
    tier,
    starving: isStarving(ticket, ctx, now),
    urgency: urgencyClass(ticket, ctx, now),
    ratio: waitRatio(ticket, ctx, now),
  };
}

/**
 * The ticket `window` should call next among `waiting`, or null when it may serve none (R7).
 * Pure: the caller claims the ticket atomically.
 */
export function pickNext(
  window: RoutingWindow,
  waiting: Iterable<RoutingTicket>,
  ctx: RoutingContext,
  now: number,
): Pick | null {
  let best: Ranked | null = null;
  for (const ticket of waiting) {
    const r = rank(window, ticket, ctx, now);
    if (r && (best === null || compare(r, best) < 0)) best = r;
  }
  if (!best) return null;
  return { ticket: best.ticket, tier: best.tier, reason: best.starving && best.tier > 1 ? 'starvation' : 'tier' };
}

/** Every waiting ticket this window may serve, in the order it would call them now. */
export function orderForWindow(
  window: RoutingWindow,
  waiting: Iterable<RoutingTicket>,
  ctx: RoutingContext,
  now: number,
): RoutingTicket[] {
  const ranked: Ranked[] = [];
  for (const t of waiting) {
    const r = rank(window, t, ctx, now);
    if (r) ranked.push(r);
  }
  return ranked.sort(compare).map((r) => r.ticket);
}
