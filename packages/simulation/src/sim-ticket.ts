// A simulated visitor's ticket and the hall's waiting room: the shared WaitingQueue, the same
// live index the server keeps, so the simulator calls exactly what the server would.
import { WaitingQueue, type RoutingTicket } from '@hallq/shared';

export interface SimTicket extends RoutingTicket {
  arrivedAt: number;
}

export const newWaitingRoom = (): WaitingQueue<SimTicket> => new WaitingQueue<SimTicket>();

/** Waiting tickets of the same service issued before `t` (what a naive display calls people ahead). */
export function aheadInService(room: WaitingQueue<SimTicket>, t: SimTicket): number {
  let n = 0;
  for (const o of room.all()) if (o !== t && o.serviceId === t.serviceId && (o.queuedAt < t.queuedAt || (o.queuedAt === t.queuedAt && o.id < t.id))) n++;
  return n;
}

