// Folds the hall's event log into one fact record per ticket: the raw material of every KPI.
// Only events are read (never the mutable ticket rows), so a figure can always be re-derived.
//
// A ticket belongs to the local date (hall timezone) of its `ticket.issued` event; events of
// tickets issued outside the range are ignored. A *visit* is one call of the ticket to a window
// (recalls are not new visits) until it ends: completed, no-show, transferred or cancelled.
import type { HallEvent } from '@hallq/shared';
import { localStamp, type LocalStamp } from './local-days';

export type VisitOutcome = 'done' | 'no_show' | 'transferred' | 'cancelled';

export interface Visit {
  serviceId: string;
  stage: number;
  windowId: string;
  windowNumber: number;
  staffId: string | null;
  /** The staff member's organisation and the service's wait target as recorded at the call
   * (null for calls recorded before they were kept: the current ones are used then). */
  organisationId: string | null;
  waitTargetSeconds: number | null;
  /** Since when the ticket waited for this call: issue time, or the transfer that sent it on. */
  queuedAt: number;
  calledAt: number;
  startedAt: number | null;
  endedAt: number | null;
  outcome: VisitOutcome | null;
  firstTimeAccepted: boolean | null;
}

export interface RatingFact {
  level: number;
  at: number;
  serviceId: string;
  windowId: string | null;
  staffId: string | null;
  by: string | null;
  /** Organisation of the rated staff member when they served the ticket (null: unknown then). */
  organisationId: string | null;
}

export type FinalStatus = 'waiting' | 'called' | 'serving' | 'done' | 'no_show' | 'cancelled';

export interface TicketFacts {
  ticketId: string;
  number: string;
  /** The service the ticket was issued for; ticket-level rows group by it. */
  serviceId: string;
  issuedAt: number;
  local: LocalStamp;
  firstCalledAt: number | null;
  status: FinalStatus;
  finishedAt: number | null;
  visits: Visit[];
  rating: RatingFact | null;
}

/** One window's signed-in (open) intervals, for utilisation. */
export interface WindowOpenTime {
  windowId: string;
  windowNumber: number;
  intervals: Array<[number, number | null]>;
}

export interface Facts {
  tickets: TicketFacts[];
  windows: Map<string, WindowOpenTime>;
}

const ms = (iso: string): number => Date.parse(iso);

/** `events` in seq order; tickets issued on local dates from..to (inclusive) are kept. */
export function foldEvents(events: readonly HallEvent[], timeZone: string, from: string, to: string): Facts {
  const byId = new Map<string, TicketFacts & { queuedAt: number }>();
  const windows = new Map<string, WindowOpenTime>();
  const current = (t: TicketFacts): Visit | undefined => {
    const v = t.visits[t.visits.length - 1];
    return v && v.outcome === null ? v : undefined;
  };
  const end = (t: TicketFacts, at: number, outcome: VisitOutcome): Visit | undefined => {
    const v = current(t);
    if (v) {
      v.endedAt = at;
      v.outcome = outcome;
    }
    return v;
  };

  for (const e of events) {
    const at = ms(e.at);
    if (e.type === 'window.changed') {
      const w = e.window;
      let o = windows.get(w.id);
      if (!o) windows.set(w.id, (o = { windowId: w.id, windowNumber: w.number, intervals: [] }));
      const last = o.intervals[o.intervals.length - 1];
      const isOpen = last !== undefined && last[1] === null;
      if (w.state === 'open' && !isOpen) o.intervals.push([at, null]);
      else if (w.state !== 'open' && isOpen) last[1] = at;
      continue;
    }
    if (e.type === 'ticket.issued') {
      const local = localStamp(at, timeZone);
      if (local.date < from || local.date > to) continue;
      byId.set(e.ticket.id, {
        ticketId: e.ticket.id, number: e.ticket.number, serviceId: e.ticket.serviceId, issuedAt: at, local,
        firstCalledAt: null, status: 'waiting', finishedAt: null, visits: [], rating: null, queuedAt: at,
      });
      continue;
    }
    if (!('ticketId' in e)) continue;
    const t = byId.get(e.ticketId);
    if (!t) continue;
    switch (e.type) {
      case 'ticket.called': {
        end(t, at, 'transferred'); // never expected: a called ticket is ended before its next call
        t.visits.push({
          serviceId: e.serviceId, stage: e.stage, windowId: e.windowId, windowNumber: e.windowNumber, staffId: e.staffId,
          organisationId: e.organisationId ?? null, waitTargetSeconds: e.waitTargetSeconds ?? null,
          queuedAt: t.queuedAt, calledAt: at, startedAt: null, endedAt: null, outcome: null, firstTimeAccepted: null,
        });
        t.firstCalledAt ??= at;
        t.status = 'called';
        break;
      }
      case 'ticket.started': {
        const v = current(t);
        if (v) v.startedAt = at;
        t.status = 'serving';
        break;
      }
      case 'ticket.completed': {
        const v = end(t, at, 'done');
        if (v) v.firstTimeAccepted = e.firstTimeAccepted;
        t.status = 'done';
        t.finishedAt = at;
        break;
      }
      case 'ticket.no_show':
        end(t, at, 'no_show');
        t.status = 'no_show';
        t.finishedAt = at;
        break;
      case 'ticket.transferred':
        end(t, at, 'transferred');
        t.queuedAt = at;
        t.status = 'waiting';
        break;
      case 'ticket.requeued':
        // Back in the queue after a no-show, at the back: the wait of its next call runs from now.
        t.queuedAt = at;
        t.status = 'waiting';
        t.finishedAt = null;
        break;
      case 'ticket.cancelled':
        end(t, at, 'cancelled');
        t.status = 'cancelled';
        t.finishedAt = at;
        break;
      case 'ticket.rated':
        t.rating ??= {
          level: e.level, at, serviceId: e.serviceId, windowId: e.windowId, staffId: e.staffId, by: e.by ?? null,
          organisationId: [...t.visits].reverse().find((v) => v.staffId !== null && v.staffId === e.staffId)?.organisationId ?? null,
        };
        break;
      default:
        break;
    }
  }
  const tickets = [...byId.values()].map(({ queuedAt: _q, ...t }) => t);
  return { tickets, windows };
}

/** A visit in which the visitor was served at the counter: started, then completed or sent on. */
export function servedMs(v: Visit): number | null {
  if (v.startedAt === null || v.endedAt === null) return null;
  if (v.outcome !== 'done' && v.outcome !== 'transferred') return null;
  return v.endedAt - v.startedAt;
}
