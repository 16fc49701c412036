// The wait estimator runs the routing policy forward: open windows take tickets in the order
// the engine would call them, each visitor taking the service's learned mean time. The result is
// each ticket's expected time to its call and how many tickets are called before it.
import { CandidateIndex } from './candidate-index';
import type { EstimateInput, WaitEstimate } from './types';

const DEFAULT_SERVICE_SECONDS = 300;

export function estimateWaits(input: EstimateInput): Map<string, WaitEstimate> {
  const { tickets, context, serviceSeconds, now } = input;
  const result = new Map<string, WaitEstimate>();
  for (const t of tickets) result.set(t.id, { ticketId: t.id, peopleAhead: null, estimatedWaitSeconds: null });

  const index = new CandidateIndex(tickets);
  // Windows that can work, each with the time it next becomes free.
  const lanes = input.windows
    .filter((w) => w.open && w.staffType !== null)
    .map((w) => ({ window: w, freeAt: Math.max(now, w.busyUntil ?? now) }));

  let called = 0;
  while (lanes.length > 0 && index.remaining > 0) {
    // The window that frees up first calls next (ties: the order given, which is stable).
    let li = 0;
    for (let i = 1; i < lanes.length; i++) if (lanes[i]!.freeAt < lanes[li]!.freeAt) li = i;
    const lane = lanes[li]!;
    const pick = index.pick(lane.window, context, lane.freeAt);
    if (!pick) {
      // It can serve nothing that is left; nothing new arrives in the forecast.
      lanes.splice(li, 1);
      continue;
    }
    index.remove(pick.ticket.id);
    result.set(pick.ticket.id, {
      ticketId: pick.ticket.id,
      peopleAhead: called,
      estimatedWaitSeconds: Math.round((lane.freeAt - now) / 1000),
    });
    called++;
    const mean = serviceSeconds.get(pick.ticket.serviceId) ?? DEFAULT_SERVICE_SECONDS;
    lane.freeAt += mean * 1000;
  }
  return result;
}

/** The naive estimate visitors usually get: people ahead x mean service time / open windows. */
export function naiveEstimateSeconds(peopleAhead: number, meanServiceSeconds: number, openWindows: number): number {
  return Math.round((peopleAhead * meanServiceSeconds) / Math.max(1, openWindows));
}
