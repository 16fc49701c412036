// What a batch of events does to the tickets waiting now: the net result per ticket (waiting for
// a service, or no longer waiting), so a batch costs one delete and one upsert however long it is.
import type { IngestEvent } from './ingest-schema';

export interface WaitingDelta {
  /** ticketId -> the service it now waits for */
  waiting: Map<string, string>;
  /** tickets that no longer wait (called, cancelled, done, ...) */
  gone: Set<string>;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export function waitingDelta(events: readonly IngestEvent[]): WaitingDelta {
  const waiting = new Map<string, string>();
  const gone = new Set<string>();
  const wait = (ticketId: string | null, serviceId: string | null) => {
    if (!ticketId || !serviceId) return;
    gone.delete(ticketId);
    waiting.set(ticketId, serviceId);
  };
  const leave = (ticketId: string | null) => {
    if (!ticketId) return;
    waiting.delete(ticketId);
    gone.add(ticketId);
  };
  for (const e of events) {
    switch (e.type) {
      case 'ticket.issued': {
        const t = e['ticket'] as { id?: unknown; serviceId?: unknown; status?: unknown } | undefined;
        if (t && (t.status === undefined || t.status === 'waiting')) wait(str(t.id), str(t.serviceId));
        break;
      }
      case 'ticket.transferred':
      case 'ticket.requeued':
        wait(str(e['ticketId']), str(e['serviceId']));
        break;
      case 'ticket.called':
      case 'ticket.started':
      case 'ticket.completed':
      case 'ticket.no_show':
      case 'ticket.cancelled':
        leave(str(e['ticketId']));
        break;
      default:
        break;
    }
  }
  return { waiting, gone };
}
