// A hall's live state as every client keeps it: a snapshot, then each event folded in seq order.
// One pure fold for the console, the lobby screens and the server's own call history, so they
// cannot drift apart; the rule it keeps (tested against the real server) is that folding the
// events after a snapshot gives the snapshot taken at the end.
import type { HallEvent, HallEventOf, QueueEstimates } from './events';
import type { Notice } from './domain';
import type { CallView, PublicTicket, QueueSnapshot, ServiceQueueView, WindowView } from './views';
import type { WaitRange } from './domain';

/** How many calls a state (and the server's snapshot) remembers. */
export const RECENT_CALLS = 20;

export interface HallState {
  hallId: string;
  seq: number;
  /** Waiting tickets in queue order (by queue time: the issue, or a requeue after a no-show). */
  waiting: PublicTicket[];
  /** By window number. */
  windows: WindowView[];
  /** Newest first, at most RECENT_CALLS. */
  recentCalls: CallView[];
  services: ServiceQueueView[];
  notices: Notice[];
  /** The latest live estimates, if any came after the snapshot. */
  estimates: QueueEstimates | null;
  /** Every ticket seen (waiting, or issued since), by id: a transfer puts one back in the queue. */
  known: Record<string, PublicTicket>;
  /** An event could not be applied from what is known: take a fresh snapshot. */
  stale: boolean;
}

const byNumber = (a: WindowView, b: WindowView): number => a.number - b.number;
const newestFirst = (a: CallView, b: CallView): number => b.seq - a.seq;
const queuedAt = (t: PublicTicket): string => t.queuedAt ?? t.issuedAt;
const queueOrder = (a: PublicTicket, b: PublicTicket): number => {
  const x = queuedAt(a);
  const y = queuedAt(b);
  return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

/** The queue with one more ticket at its place (usually the end: scanned from there). */
function inQueue(waiting: readonly PublicTicket[], t: PublicTicket): PublicTicket[] {
  let at = waiting.length;
  while (at > 0 && queueOrder(waiting[at - 1]!, t) > 0) at -= 1;
  return [...waiting.slice(0, at), t, ...waiting.slice(at)];
}

/** The state a snapshot describes; tickets already known from before (a resync) are kept. */
export function fromSnapshot(s: QueueSnapshot, previous?: HallState | null): HallState {
  const known: Record<string, PublicTicket> = { ...(previous?.hallId === s.hallId ? previous.known : {}) };
  for (const t of s.waiting) known[t.id] = t;
  return {
    hallId: s.hallId,
    seq: s.seq,
    waiting: [...s.waiting],
    windows: [...s.windows].sort(byNumber),
    recentCalls: [...s.recentCalls].sort(newestFirst).slice(0, RECENT_CALLS),
    services: s.services,
    notices: s.notices,
    estimates: null,
    known,
    stale: false,
  };
}

/** The call a `ticket.called` or `ticket.recalled` event announces. */
export function callOf(e: HallEventOf<'ticket.called'> | HallEventOf<'ticket.recalled'>): CallView {
  return {
    ticketId: e.ticketId,
    number: e.number,
    serviceId: e.serviceId,
    windowId: e.windowId,
    windowNumber: e.windowNumber,
    recall: e.type === 'ticket.recalled' || e.recall,
    at: e.at,
    seq: e.seq,
  };
}

const clearCurrent = (windows: WindowView[], ticketId: string): WindowView[] =>
  windows.map((w) => (w.current?.ticketId === ticketId ? { ...w, current: null } : w));

const patchKnown = (known: HallState['known'], ticketId: string, patch: Partial<PublicTicket>): HallState['known'] => {
  const prev = known[ticketId];
  return prev ? { ...known, [ticketId]: { ...prev, ...patch } } : known;
};

/** One event applied to the state (events at or below the state's seq change nothing). */
export function applyEvent(state: HallState, e: HallEvent): HallState {
  if (e.seq <= state.seq) return state;
  const next: HallState = { ...state, seq: e.seq };
  switch (e.type) {
    case 'ticket.issued':
      next.known = { ...state.known, [e.ticket.id]: e.ticket };
      if (e.ticket.status === 'waiting' && !state.waiting.some((t) => t.id === e.ticket.id)) next.waiting = inQueue(state.waiting, e.ticket);
      break;
    case 'ticket.requeued':
      // Back after a no-show, at the back of the queue (its queue time is the requeue).
      next.known = { ...state.known, [e.ticket.id]: e.ticket };
      next.waiting = [...state.waiting.filter((t) => t.id !== e.ticketId), e.ticket];
      break;
    case 'ticket.arrived':
    case 'ticket.passed_over': {
      // A remote ticket's holder came, or its turn came first: it keeps its place either way.
      const patch: Partial<PublicTicket> = e.type === 'ticket.arrived' ? { arrivedAt: e.at } : { passedOverAt: e.at };
      next.waiting = state.waiting.map((t) => (t.id === e.ticketId ? { ...t, ...patch } : t));
      next.known = patchKnown(state.known, e.ticketId, patch);
      break;
    }
    case 'ticket.expired':
      next.waiting = state.waiting.filter((t) => t.id !== e.ticketId);
      next.known = patchKnown(state.known, e.ticketId, { status: 'expired', finishedAt: e.at });
      break;
    case 'ticket.called':
    case 'ticket.recalled': {
      next.waiting = state.waiting.filter((t) => t.id !== e.ticketId);
      next.windows = state.windows.map((w) => {
        if (w.id !== e.windowId) return w.current?.ticketId === e.ticketId ? { ...w, current: null } : w;
        const prev = w.current?.ticketId === e.ticketId ? w.current : null;
        const stage = prev?.stage ?? (e.type === 'ticket.called' ? e.stage : (state.known[e.ticketId]?.stage ?? 0));
        return {
          ...w,
          current: { ticketId: e.ticketId, number: e.number, serviceId: e.serviceId, stage, status: 'called', calledAt: prev?.calledAt ?? e.at, startedAt: null },
        };
      });
      const call = callOf(e);
      next.recentCalls = [call, ...state.recentCalls.filter((c) => c.seq !== e.seq)].slice(0, RECENT_CALLS);
      next.known = patchKnown(state.known, e.ticketId, {
        status: 'called',
        calledAt: state.known[e.ticketId]?.calledAt ?? e.at,
        windowId: e.windowId,
        windowNumber: e.windowNumber,
        ...(e.type === 'ticket.called' ? { staffId: e.staffId } : {}),
      });
      break;
    }
    case 'ticket.started':
      next.windows = state.windows.map((w) =>
        w.current?.ticketId === e.ticketId ? { ...w, current: { ...w.current, status: 'serving', startedAt: e.at } } : w,
      );
      next.known = patchKnown(state.known, e.ticketId, { status: 'serving', startedAt: e.at });
      break;
    case 'ticket.completed':
    case 'ticket.no_show':
      next.windows = clearCurrent(state.windows, e.ticketId);
      next.known = patchKnown(state.known, e.ticketId, { status: e.type === 'ticket.completed' ? 'done' : 'no_show', finishedAt: e.at });
      break;
    case 'ticket.cancelled':
      next.waiting = state.waiting.filter((t) => t.id !== e.ticketId);
      next.windows = clearCurrent(state.windows, e.ticketId);
      next.known = patchKnown(state.known, e.ticketId, { status: 'cancelled', finishedAt: e.at });
      break;
    case 'ticket.transferred': {
      next.windows = clearCurrent(state.windows, e.ticketId);
      const prev = state.known[e.ticketId];
      // Without the ticket's details (it was called before this client connected) it is shown
      // from the event, and a snapshot is asked for to learn its place.
      if (!prev) next.stale = true;
      const back: PublicTicket = {
        ...(prev ?? unknownTicket(e)),
        serviceId: e.serviceId,
        stage: e.stage,
        status: 'waiting',
        calledAt: null,
        startedAt: null,
        windowId: null,
        windowNumber: null,
        staffId: null,
      };
      next.known = { ...state.known, [e.ticketId]: back };
      // It keeps its place by its queue time (its issue, or its requeue after a no-show).
      next.waiting = inQueue(state.waiting.filter((t) => t.id !== e.ticketId), back);
      break;
    }
    case 'window.changed':
      next.windows = state.windows.some((w) => w.id === e.window.id)
        ? state.windows.map((w) => (w.id === e.window.id ? e.window : w))
        : [...state.windows, e.window].sort(byNumber);
      break;
    case 'notice.changed':
      next.notices = e.notices;
      break;
    case 'config.changed':
      // Windows or services added or removed: only a snapshot says what the queue looks like now.
      if (e.what === 'windows' || e.what === 'services') next.stale = true;
      break;
    default:
      break;
  }
  return next;
}

function unknownTicket(e: HallEventOf<'ticket.transferred'>): PublicTicket {
  return {
    id: e.ticketId,
    number: e.number,
    serviceId: e.serviceId,
    stage: e.stage,
    status: 'waiting',
    priority: false,
    appointmentCode: null,
    appointmentAt: null,
    lang: 'zh',
    issuedAt: e.at,
    serviceDate: e.at.slice(0, 10),
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

/** Live estimates: the per-service waits, and each waiting ticket's place and wait. */
export function applyEstimates(state: HallState, e: QueueEstimates): HallState {
  if (e.hallId !== state.hallId) return state;
  return { ...state, services: e.services, estimates: e };
}

/** A ticket's live estimated wait: the latest estimates, else what the ticket carried. */
export function estimatedWaitOf(state: HallState, ticketId: string): number | null {
  const live = state.estimates?.tickets.find((t) => t.ticketId === ticketId);
  if (live) return live.estimatedWaitSeconds;
  return state.known[ticketId]?.estimatedWaitSeconds ?? null;
}

/** A ticket's live estimated wait range: the latest estimates, else what the ticket carried. */
export function estimatedWaitRangeOf(state: HallState, ticketId: string): WaitRange | null {
  const live = state.estimates?.tickets.find((t) => t.ticketId === ticketId);
  if (live) return live.estimatedWaitRange ?? null;
  return state.known[ticketId]?.estimatedWaitRange ?? null;
}

/** Waiting tickets per service. */
export function waitingByService(state: Pick<HallState, 'waiting'>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of state.waiting) counts.set(t.serviceId, (counts.get(t.serviceId) ?? 0) + 1);
  return counts;
}
