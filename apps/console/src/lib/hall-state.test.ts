import type { HallEvent, QueueSnapshot } from '@hallq/shared';
import { emptyHallState, hallReducer } from './hall-state';
import { ticket, windowView } from './fixtures.test-util';

const at = '2025-03-03T01:00:00.000Z';
const actor = { kind: 'staff' as const, id: 's1' };
function snap(): QueueSnapshot {
  return { seq: 10, hallId: 'h', at, waiting: [ticket('t1', 'a', at), ticket('t2', 'a', at)], windows: [windowView('w1', 1, { staffId: 's1' })], recentCalls: [], services: [], notices: [] };
}
const ev = (e: Record<string, unknown>) => ({ hallId: 'h', at, actor, ...e }) as unknown as HallEvent;
const start = hallReducer(emptyHallState, { type: 'snapshot', snapshot: snap() });

describe('applying the feed to the screen state', () => {
  it('adds issued tickets and removes called ones, setting the window current', () => {
    let s = hallReducer(start, { type: 'event', event: ev({ seq: 11, type: 'ticket.issued', ticket: ticket('t3', 'a', at) }) });
    expect(s.snapshot!.waiting.map((t) => t.id)).toEqual(['t1', 't2', 't3']);
    s = hallReducer(s, { type: 'event', event: ev({ seq: 12, type: 'ticket.called', ticketId: 't1', number: 'T1', serviceId: 'a', windowId: 'w1', windowNumber: 1, recall: false, staffId: 's1', stage: 0 }) });
    expect(s.snapshot!.waiting.map((t) => t.id)).toEqual(['t2', 't3']);
    expect(s.snapshot!.windows[0]!.current).toMatchObject({ ticketId: 't1', status: 'called' });
    expect(s.snapshot!.recentCalls[0]).toMatchObject({ number: 'T1', windowNumber: 1 });
    expect(s.snapshot!.seq).toBe(12);
  });
  it('marks a started ticket serving and frees the window when it is completed', () => {
    let s = hallReducer(start, { type: 'event', event: ev({ seq: 11, type: 'ticket.called', ticketId: 't1', number: 'T1', serviceId: 'a', windowId: 'w1', windowNumber: 1, recall: false, staffId: 's1', stage: 0 }) });
    s = hallReducer(s, { type: 'event', event: ev({ seq: 12, type: 'ticket.started', ticketId: 't1', number: 'T1', serviceId: 'a', windowId: 'w1', windowNumber: 1 }) });
    expect(s.snapshot!.windows[0]!.current).toMatchObject({ status: 'serving', startedAt: at });
    s = hallReducer(s, { type: 'event', event: ev({ seq: 13, type: 'ticket.completed', ticketId: 't1', number: 'T1', serviceId: 'a', stage: 0, windowId: 'w1', windowNumber: 1, staffId: 's1', firstTimeAccepted: true }) });
    expect(s.snapshot!.windows[0]!.current).toBeNull();
  });
  it('puts a transferred ticket back in the waiting list at its new stage, keeping its issue time', () => {
    let s = hallReducer(start, { type: 'event', event: ev({ seq: 11, type: 'ticket.called', ticketId: 't1', number: 'T1', serviceId: 'a', windowId: 'w1', windowNumber: 1, recall: false, staffId: 's1', stage: 0 }) });
    s = hallReducer(s, { type: 'event', event: ev({ seq: 12, type: 'ticket.transferred', ticketId: 't1', number: 'T1', fromServiceId: 'a', fromStage: 0, serviceId: 'a', stage: 1, windowId: 'w1' }) });
    const back = s.snapshot!.waiting.find((t) => t.id === 't1');
    expect(back).toMatchObject({ stage: 1, status: 'waiting', issuedAt: at });
    expect(s.snapshot!.windows[0]!.current).toBeNull();
    expect(s.stale).toBe(false);
  });
  it('asks for a fresh snapshot when a transferred ticket was never seen', () => {
    const s = hallReducer(start, { type: 'event', event: ev({ seq: 11, type: 'ticket.transferred', ticketId: 'zz', number: 'Z1', fromServiceId: 'a', fromStage: 0, serviceId: 'a', stage: 1, windowId: null }) });
    expect(s.stale).toBe(true);
  });
  it('replaces a window on window.changed and applies a local patch', () => {
    let s = hallReducer(start, { type: 'event', event: ev({ seq: 11, type: 'window.changed', window: windowView('w1', 1, { state: 'paused', pauseReason: '休息' }) }) });
    expect(s.snapshot!.windows[0]).toMatchObject({ state: 'paused', pauseReason: '休息' });
    s = hallReducer(s, { type: 'window-patch', windowId: 'w1', patch: { state: 'open' } });
    expect(s.snapshot!.windows[0]!.state).toBe('open');
  });
});
