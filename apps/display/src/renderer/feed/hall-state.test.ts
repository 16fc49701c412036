import { applyEvent, fromSnapshot, type HallEvent } from '@hallq/shared';
import { forScreen, RECENT_CALLS } from './hall-state';

test('a lobby screen lists the last eight calls, newest first', () => {
  let s = fromSnapshot({ seq: 10, hallId: 'demo', at: '2025-01-06T02:00:00.000Z', waiting: [], windows: [], recentCalls: [], services: [], notices: [] });
  for (let i = 1; i <= 12; i++) {
    s = applyEvent(s, {
      hallId: 'demo', actor: { kind: 'staff', id: 's' }, seq: 10 + i, type: 'ticket.called', at: 'x', ticketId: `t${i}`, number: `A${i}`,
      serviceId: 'svc', windowId: 'w1', windowNumber: 1, recall: false, staffId: 's', stage: 0,
    } as HallEvent);
  }
  const shown = forScreen(s);
  expect(shown.recentCalls).toHaveLength(RECENT_CALLS);
  expect(shown.recentCalls.map((c) => c.number).slice(0, 2)).toEqual(['A12', 'A11']);
});
