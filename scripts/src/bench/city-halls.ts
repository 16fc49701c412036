// Simulated halls for the city benchmark: each keeps its own event log in memory (its "SQLite")
// and pushes it with the real hall pusher (@hallq/client HubPusher) to one of the hub processes.
import { HubPusher, type PusherSource } from '@hallq/client';
import type { HallEvent } from '@hallq/shared';

export interface BenchHall {
  id: string;
  log: HallEvent[];
  /** performance.now() when each event was appended, by seq - 1 */
  appendedAt: number[];
  hubIndex: number;
  pusher: HubPusher;
  tickets: number;
}

const SERVICES = ['svc-a', 'svc-b', 'svc-c'];

export function makeHall(id: string, hubIndex: number, hubUrl: string, token: string): BenchHall {
  const hall = { id, log: [] as HallEvent[], appendedAt: [] as number[], hubIndex, tickets: 0 } as BenchHall;
  const source: PusherSource = {
    lastSeq: () => hall.log.length,
    eventsAfter: (after, limit) => hall.log.slice(after, after + limit),
    hallInfo: () => ({ timezone: 'Asia/Shanghai', waitTargetSeconds: 2400, services: SERVICES.map((s) => ({ id: s, name: { zh: s, en: s } })) }),
    live: () => ({ services: SERVICES.map((s, i) => ({ serviceId: s, estimatedWaitSeconds: 300 * (i + 1) })) }),
  };
  hall.pusher = new HubPusher({ hubUrl, token, hallId: id, source, requestTimeoutMs: 30_000 });
  return hall;
}

/** A ticket's whole visit (issued, called, started, completed, rated: about six events with the window's change). */
export function addTicket(hall: BenchHall, now: number): void {
  const n = ++hall.tickets;
  const id = `${hall.id}-t${n}`;
  const serviceId = SERVICES[n % SERVICES.length]!;
  const number = `A${n}`;
  const at = Date.now();
  const call = { ticketId: id, number, serviceId, windowId: 'w1', windowNumber: 1, staffId: 's1', stage: 0 };
  const push = (type: HallEvent['type'], offsetMs: number, payload: object) => {
    hall.log.push({ ...payload, seq: hall.log.length + 1, type, at: new Date(at + offsetMs).toISOString(), hallId: hall.id, actor: { kind: 'system', id: null } } as HallEvent);
    hall.appendedAt.push(now);
  };
  push('ticket.issued', 0, { ticket: { id, number, serviceId, stage: 0, status: 'waiting', issuedAt: new Date(at).toISOString(), estimatedWaitSeconds: 600 } });
  push('ticket.called', 1, { ...call, recall: false });
  push('ticket.started', 2, call);
  push('ticket.completed', 3, { ...call, firstTimeAccepted: n % 5 !== 0 });
  push('ticket.rated', 4, { ticketId: id, number, serviceId, windowId: 'w1', staffId: 's1', level: 1 + (n % 5), bad: n % 5 >= 3, by: 'rating-pad' });
  push('window.changed', 5, { window: { id: 'w1', number: 1, zone: 'A', state: 'open', staffId: 's1', pauseReason: null, skills: [], current: null } });
  hall.pusher.nudge();
}
