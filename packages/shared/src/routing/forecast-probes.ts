// Probes: visitors who would take a ticket now (one per service, say). Each gets the call it would
// have, as if it alone were added to the queue, from the one forecast of the queue without them:
// a probe is called at a window as soon as it would have been chosen over that window's pick (the
// engine's order is a total order, so until then the forecast with it is this one, call for call).
import { canServe, pickNext } from './engine';
import type { ForecastLane } from './forecast-input';
import type { EstimatorWindow, Pick, RoutingContext, RoutingTicket, WaitEstimate } from './types';

/** The probes a window may serve. */
export function probesFor(window: EstimatorWindow, probes: ReadonlyArray<RoutingTicket> | undefined, context: RoutingContext): RoutingTicket[] {
  return (probes ?? []).filter((p) => canServe(window, p, context));
}

/**
 * Records in `calls` the call of each probe of `lane` that the window would choose over `pick`
 * (null: the window finds nothing left) at `lane.freeAt`; `ahead` counts the people before it.
 */
export function callProbes(
  lane: ForecastLane,
  pick: Pick | null,
  context: RoutingContext,
  now: number,
  calls: Map<string, WaitEstimate>,
  ahead: (t: RoutingTicket) => number,
): void {
  for (const p of lane.probes) {
    if (calls.has(p.id)) continue;
    if (!pick || pickNext(lane.window, [pick.ticket, p], context, lane.freeAt)?.ticket === p) {
      calls.set(p.id, { ticketId: p.id, peopleAhead: ahead(p), estimatedWaitSeconds: Math.round((lane.freeAt - now) / 1000) });
    }
  }
}
