import type { HallEvent, QueueSnapshot, WindowView } from '@hallq/shared';
import { currentCall, CURRENT_CALL_MAX_AGE_MS } from './current-call';
import { applyEvent, fromSnapshot, type HallState } from '@hallq/shared';

const T0 = Date.parse('2025-01-06T02:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
const win = (n: number): WindowView => ({ id: `w${n}`, number: n, zone: 'A', state: 'open', staffId: 's', pauseReason: null, skills: [], current: null });
const base = { hallId: 'demo', actor: { kind: 'staff' as const, id: 's' } };
const snapshot: QueueSnapshot = { seq: 10, hallId: 'demo', at: iso(T0), waiting: [], windows: [win(1), win(2)], recentCalls: [], services: [], notices: [] };

const call = (s: HallState, seq: number, ticket: string, n: number, at = T0): HallState =>
  applyEvent(s, {
    ...base, seq, type: 'ticket.called', at: iso(at), ticketId: ticket, number: ticket.toUpperCase(), serviceId: 'svc',
    windowId: `w${n}`, windowNumber: n, recall: false, staffId: 's', stage: 0,
  } as HallEvent);

test('the newest call is highlighted while its ticket is still called at an open window', () => {
  let s = call(call(fromSnapshot(snapshot), 11, 'a001', 1), 12, 'a002', 2);
  expect(currentCall(s, T0 + 1000)?.number).toBe('A002');
  // The visitor came to window 2: the highlight goes back to the call still waiting for its visitor.
  s = applyEvent(s, { ...base, seq: 13, type: 'ticket.started', at: iso(T0), ticketId: 'a002', number: 'A002', serviceId: 'svc', windowId: 'w2', windowNumber: 2 } as HallEvent);
  expect(currentCall(s, T0 + 1000)?.number).toBe('A001');
});

test('completion, transfer and a paused window each end the highlight', () => {
  const s0 = call(fromSnapshot(snapshot), 11, 'a001', 1);
  const completed = applyEvent(s0, {
    ...base, seq: 12, type: 'ticket.completed', at: iso(T0), ticketId: 'a001', number: 'A001', serviceId: 'svc', stage: 0, windowId: 'w1',
    windowNumber: 1, staffId: 's', firstTimeAccepted: true,
  } as HallEvent);
  expect(currentCall(completed, T0)).toBeNull();
  const transferred = applyEvent(s0, {
    ...base, seq: 12, type: 'ticket.transferred', at: iso(T0), ticketId: 'a001', number: 'A001', serviceId: 'svc2', stage: 0, fromServiceId: 'svc', windowId: 'w1',
  } as HallEvent);
  expect(currentCall(transferred, T0)).toBeNull();
  const paused = applyEvent(s0, { ...base, seq: 12, type: 'window.changed', at: iso(T0), window: { ...win(1), state: 'paused', current: s0.windows[0]!.current } } as HallEvent);
  expect(currentCall(paused, T0)).toBeNull();
  // The recent list still shows the call.
  expect(paused.recentCalls.map((c) => c.number)).toEqual(['A001']);
});

test('a display loaded long after a call never shows it as current, even if the window never moved on', () => {
  const s = call(fromSnapshot(snapshot), 11, 'a001', 1);
  expect(currentCall(s, T0 + CURRENT_CALL_MAX_AGE_MS - 1000)?.number).toBe('A001');
  expect(currentCall(s, T0 + CURRENT_CALL_MAX_AGE_MS + 1000)).toBeNull();
});
