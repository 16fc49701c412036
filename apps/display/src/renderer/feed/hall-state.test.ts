import type { HallEvent, QueueSnapshot, WindowView } from '@hallq/shared';
import { applyEvent, fromSnapshot, waitingByService } from './hall-state';

const win = (n: number): WindowView => ({ id: `w${n}`, number: n, zone: 'A', state: 'open', staffId: 's', pauseReason: null, skills: [], current: null });
const snapshot: QueueSnapshot = {
  seq: 10,
  hallId: 'demo',
  at: '2025-01-06T02:00:00.000Z',
  waiting: [],
  windows: [win(2), win(1)],
  recentCalls: [],
  services: [],
  notices: [],
};
const base = { hallId: 'demo', actor: { kind: 'staff' as const, id: 's' } };
const ticket = (id: string, number: string) => ({
  id, number, serviceId: 'svc', stage: 0, status: 'waiting' as const, priority: false, appointmentCode: null, appointmentAt: null,
  lang: 'zh' as const, issuedAt: '2025-01-06T02:00:00.000Z', serviceDate: '2025-01-06', calledAt: null, startedAt: null,
  finishedAt: null, windowId: null, windowNumber: null, staffId: null, peopleAhead: 0, estimatedWaitSeconds: 60,
});

test('a call moves the ticket from waiting to the window and to the top of recent calls', () => {
  let s = fromSnapshot(snapshot);
  expect(s.windows.map((w) => w.number)).toEqual([1, 2]);
  s = applyEvent(s, { ...base, seq: 11, type: 'ticket.issued', at: 'x', ticket: ticket('t1', 'A001') } as HallEvent);
  s = applyEvent(s, { ...base, seq: 12, type: 'ticket.issued', at: 'x', ticket: ticket('t2', 'A002') } as HallEvent);
  expect(waitingByService(s).get('svc')).toBe(2);
  s = applyEvent(s, {
    ...base, seq: 13, type: 'ticket.called', at: '2025-01-06T02:01:00.000Z', ticketId: 't1', number: 'A001', serviceId: 'svc',
    windowId: 'w2', windowNumber: 2, recall: false, staffId: 's', stage: 0,
  } as HallEvent);
  expect(s.seq).toBe(13);
  expect(s.windows[1]?.current?.number).toBe('A001');
  expect(s.recentCalls.map((c) => c.number)).toEqual(['A001']);
  expect(waitingByService(s).get('svc')).toBe(1);
  s = applyEvent(s, { ...base, seq: 14, type: 'ticket.recalled', at: 'y', ticketId: 't1', number: 'A001', serviceId: 'svc', windowId: 'w2', windowNumber: 2, recall: true } as HallEvent);
  expect(s.recentCalls.map((c) => [c.number, c.recall])).toEqual([['A001', true], ['A001', false]]);
  s = applyEvent(s, { ...base, seq: 15, type: 'ticket.started', at: 'z', ticketId: 't1', number: 'A001', serviceId: 'svc', windowId: 'w2', windowNumber: 2 } as HallEvent);
  expect(s.windows[1]?.current?.status).toBe('serving');
  s = applyEvent(s, {
    ...base, seq: 16, type: 'ticket.completed', at: 'z', ticketId: 't1', number: 'A001', serviceId: 'svc', stage: 0, windowId: 'w2',
    windowNumber: 2, staffId: 's', firstTimeAccepted: true,
  } as HallEvent);
  expect(s.windows[1]?.current).toBeNull();
});

test('a paused window is replaced by its new state', () => {
  let s = fromSnapshot(snapshot);
  s = applyEvent(s, { ...base, seq: 11, type: 'window.changed', at: 'x', window: { ...win(1), state: 'paused', pauseReason: '午休' } } as HallEvent);
  expect(s.windows[0]?.state).toBe('paused');
});

test('recent calls keep the last eight', () => {
  let s = fromSnapshot(snapshot);
  for (let i = 1; i <= 12; i++) {
    s = applyEvent(s, {
      ...base, seq: 10 + i, type: 'ticket.called', at: 'x', ticketId: `t${i}`, number: `A${i}`, serviceId: 'svc', windowId: 'w1',
      windowNumber: 1, recall: false, staffId: 's', stage: 0,
    } as HallEvent);
  }
  expect(s.recentCalls).toHaveLength(8);
  expect(s.recentCalls[0]?.number).toBe('A12');
});
