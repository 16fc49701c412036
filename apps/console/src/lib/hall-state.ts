// The hall's live state on a console screen: the feed's snapshot, then every event applied in
// order. Tickets seen once are remembered, so a transfer can put one back in the waiting list.
import type { HallEvent, PublicTicket, QueueEstimates, QueueSnapshot, WindowView } from '@hallq/shared';

export interface HallState {
  snapshot: QueueSnapshot | null;
  /** Every ticket seen since the page loaded (waiting or since called), by id. */
  known: Record<string, PublicTicket>;
  estimates: QueueEstimates | null;
  /** Set when an event could not be applied from what we know: refetch the snapshot. */
  stale: boolean;
}

export const emptyHallState: HallState = { snapshot: null, known: {}, estimates: null, stale: false };

export type HallAction =
  | { type: 'snapshot'; snapshot: QueueSnapshot }
  | { type: 'event'; event: HallEvent }
  | { type: 'estimates'; estimates: QueueEstimates }
  /** What an action's answer already told us (e.g. sign-in), before the feed's event arrives. */
  | { type: 'window-patch'; windowId: string; patch: Partial<Pick<WindowView, 'state' | 'staffId' | 'pauseReason' | 'skills'>> };

function mapWindows(s: QueueSnapshot, f: (w: WindowView) => WindowView): QueueSnapshot {
  return { ...s, windows: s.windows.map(f) };
}

function clearCurrent(s: QueueSnapshot, ticketId: string): QueueSnapshot {
  return mapWindows(s, (w) => (w.current?.ticketId === ticketId ? { ...w, current: null } : w));
}

function withoutWaiting(s: QueueSnapshot, ticketId: string): QueueSnapshot {
  return { ...s, waiting: s.waiting.filter((t) => t.id !== ticketId) };
}

export function applyEvent(state: HallState, ev: HallEvent): HallState {
  const snap = state.snapshot;
  if (!snap) return state;
  let s: QueueSnapshot = { ...snap, seq: ev.seq };
  let known = state.known;
  let stale = state.stale;
  switch (ev.type) {
    case 'ticket.issued':
    case 'ticket.requeued':
      // A requeued no-show comes back like a new ticket, at the back of the queue.
      known = { ...known, [ev.ticket.id]: ev.ticket };
      if (ev.ticket.status === 'waiting' && !s.waiting.some((t) => t.id === ev.ticket.id)) {
        s = { ...s, waiting: [...s.waiting, ev.ticket] };
      }
      break;
    case 'ticket.called': {
      const prev = known[ev.ticketId];
      if (prev) {
        known = {
          ...known,
          [ev.ticketId]: { ...prev, status: 'called', calledAt: ev.at, windowId: ev.windowId, windowNumber: ev.windowNumber, staffId: ev.staffId },
        };
      }
      s = withoutWaiting(s, ev.ticketId);
      s = mapWindows(s, (w) =>
        w.id === ev.windowId
          ? { ...w, current: { ticketId: ev.ticketId, number: ev.number, serviceId: ev.serviceId, stage: ev.stage, status: 'called', calledAt: ev.at, startedAt: null } }
          : w,
      );
      s = { ...s, recentCalls: [{ ticketId: ev.ticketId, number: ev.number, serviceId: ev.serviceId, windowId: ev.windowId, windowNumber: ev.windowNumber, recall: false, at: ev.at, seq: ev.seq }, ...s.recentCalls].slice(0, 20) };
      break;
    }
    case 'ticket.recalled':
      s = { ...s, recentCalls: [{ ticketId: ev.ticketId, number: ev.number, serviceId: ev.serviceId, windowId: ev.windowId, windowNumber: ev.windowNumber, recall: true, at: ev.at, seq: ev.seq }, ...s.recentCalls].slice(0, 20) };
      break;
    case 'ticket.started':
      s = mapWindows(s, (w) =>
        w.current?.ticketId === ev.ticketId ? { ...w, current: { ...w.current, status: 'serving', startedAt: ev.at } } : w,
      );
      break;
    case 'ticket.completed':
    case 'ticket.no_show':
      s = clearCurrent(s, ev.ticketId);
      break;
    case 'ticket.cancelled':
      s = clearCurrent(withoutWaiting(s, ev.ticketId), ev.ticketId);
      break;
    case 'ticket.transferred': {
      s = clearCurrent(withoutWaiting(s, ev.ticketId), ev.ticketId);
      const prev = known[ev.ticketId];
      if (prev) {
        const back: PublicTicket = { ...prev, serviceId: ev.serviceId, stage: ev.stage, status: 'waiting', calledAt: null, startedAt: null, windowId: null, windowNumber: null, staffId: null };
        known = { ...known, [ev.ticketId]: back };
        s = { ...s, waiting: [...s.waiting, back] };
      } else {
        stale = true;
      }
      break;
    }
    case 'window.changed':
      s = s.windows.some((w) => w.id === ev.window.id)
        ? mapWindows(s, (w) => (w.id === ev.window.id ? ev.window : w))
        : { ...s, windows: [...s.windows, ev.window].sort((a, b) => a.number - b.number) };
      break;
    case 'notice.changed':
      s = { ...s, notices: ev.notices };
      break;
    default:
      break;
  }
  return { ...state, snapshot: s, known, stale };
}

export function hallReducer(state: HallState, action: HallAction): HallState {
  switch (action.type) {
    case 'snapshot': {
      const known = { ...state.known };
      for (const t of action.snapshot.waiting) known[t.id] = t;
      return { ...state, snapshot: action.snapshot, known, stale: false };
    }
    case 'event':
      return applyEvent(state, action.event);
    case 'estimates':
      return { ...state, estimates: action.estimates };
    case 'window-patch': {
      if (!state.snapshot) return state;
      const { windowId, patch } = action;
      return { ...state, snapshot: mapWindows(state.snapshot, (w) => (w.id === windowId ? { ...w, ...patch } : w)) };
    }
  }
}

/** Live estimate of one ticket, from the latest `queue.estimates`, else what the ticket carried. */
export function estimateFor(state: HallState, ticketId: string): number | null {
  const e = state.estimates?.tickets.find((t) => t.ticketId === ticketId);
  if (e) return e.estimatedWaitSeconds;
  return state.known[ticketId]?.estimatedWaitSeconds ?? null;
}
