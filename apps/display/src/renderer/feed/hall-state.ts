// The lobby's view of the hall, rebuilt from a snapshot and then event by event (pure).
import type { CallView, HallEvent, PublicTicket, QueueEstimates, QueueSnapshot, ServiceQueueView, WindowView } from '@hallq/shared';
import type { Notice } from '@hallq/shared';

export const RECENT_CALLS = 8;

export interface HallState {
  seq: number;
  windows: WindowView[];
  waiting: PublicTicket[];
  recentCalls: CallView[];
  services: ServiceQueueView[];
  notices: Notice[];
}

export function fromSnapshot(s: QueueSnapshot): HallState {
  return {
    seq: s.seq,
    windows: [...s.windows].sort((a, b) => a.number - b.number),
    waiting: s.waiting,
    recentCalls: [...s.recentCalls].sort((a, b) => b.seq - a.seq).slice(0, RECENT_CALLS),
    services: s.services,
    notices: s.notices,
  };
}

const updateWindow = (state: HallState, windowId: string, f: (w: WindowView) => WindowView): WindowView[] =>
  state.windows.map((w) => (w.id === windowId ? f(w) : w));

export function applyEvent(state: HallState, e: HallEvent): HallState {
  const next: HallState = { ...state, seq: e.seq };
  switch (e.type) {
    case 'ticket.issued':
      next.waiting = [...state.waiting, e.ticket];
      break;
    case 'ticket.requeued':
      // Back after a no-show, at the back of the queue.
      next.waiting = [...state.waiting.filter((t) => t.id !== e.ticketId), e.ticket];
      break;
    case 'ticket.called':
    case 'ticket.recalled': {
      next.waiting = state.waiting.filter((t) => t.id !== e.ticketId);
      const stage = e.type === 'ticket.called' ? e.stage : 0;
      next.windows = state.windows.map((w) => {
        if (w.id === e.windowId) {
          const prev = w.current?.ticketId === e.ticketId ? w.current : null;
          return {
            ...w,
            current: {
              ticketId: e.ticketId,
              number: e.number,
              serviceId: e.serviceId,
              stage: prev?.stage ?? stage,
              status: 'called',
              calledAt: prev?.calledAt ?? e.at,
              startedAt: null,
            },
          };
        }
        return w.current?.ticketId === e.ticketId ? { ...w, current: null } : w;
      });
      const call: CallView = {
        ticketId: e.ticketId,
        number: e.number,
        serviceId: e.serviceId,
        windowId: e.windowId,
        windowNumber: e.windowNumber,
        recall: e.type === 'ticket.recalled' || e.recall,
        at: e.at,
        seq: e.seq,
      };
      next.recentCalls = [call, ...state.recentCalls.filter((c) => c.seq !== e.seq)].slice(0, RECENT_CALLS);
      break;
    }
    case 'ticket.started':
      next.windows = updateWindow(state, e.windowId, (w) =>
        w.current && w.current.ticketId === e.ticketId ? { ...w, current: { ...w.current, status: 'serving', startedAt: e.at } } : w,
      );
      break;
    case 'ticket.completed':
    case 'ticket.no_show':
      next.windows = updateWindow(state, e.windowId, (w) => (w.current?.ticketId === e.ticketId ? { ...w, current: null } : w));
      break;
    case 'ticket.transferred':
      next.windows = state.windows.map((w) => (w.current?.ticketId === e.ticketId ? { ...w, current: null } : w));
      next.waiting = [
        ...state.waiting.filter((t) => t.id !== e.ticketId),
        transferredTicket(e.ticketId, e.number, e.serviceId, e.stage, e.at),
      ];
      break;
    case 'ticket.cancelled':
      next.waiting = state.waiting.filter((t) => t.id !== e.ticketId);
      break;
    case 'window.changed':
      next.windows = state.windows.some((w) => w.id === e.window.id)
        ? updateWindow(state, e.window.id, () => e.window)
        : [...state.windows, e.window].sort((a, b) => a.number - b.number);
      break;
    case 'notice.changed':
      next.notices = e.notices;
      break;
    default:
      break;
  }
  return next;
}

function transferredTicket(id: string, number: string, serviceId: string, stage: number, at: string): PublicTicket {
  return {
    id,
    number,
    serviceId,
    stage,
    status: 'waiting',
    priority: false,
    appointmentCode: null,
    appointmentAt: null,
    lang: 'zh',
    issuedAt: at,
    serviceDate: at.slice(0, 10),
    calledAt: null,
    startedAt: null,
    finishedAt: null,
    windowId: null,
    windowNumber: null,
    staffId: null,
    peopleAhead: null,
    estimatedWaitSeconds: null,
  };
}

export function applyEstimates(state: HallState, e: QueueEstimates): HallState {
  return { ...state, services: e.services };
}

/** Waiting count per service, from the live waiting list. */
export function waitingByService(state: HallState): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of state.waiting) counts.set(t.serviceId, (counts.get(t.serviceId) ?? 0) + 1);
  return counts;
}
