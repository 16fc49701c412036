// The one fold of hall events (every client's hall state). Its main rule, that events folded
// after a snapshot give the snapshot at the end, is checked against the real server in
// apps/server/src/realtime/hall-state-fold.integration.test.ts; these are its single steps.
import type { HallEvent } from './events';
import type { PublicTicket, QueueSnapshot, WindowView } from './views';
import { applyEstimates, applyEvent, estimatedWaitOf, fromSnapshot, RECENT_CALLS, waitingByService } from './hall-state';

const at = (minute: number): string => `2025-01-06T02:${String(minute).padStart(2, '0')}:00.000Z`;
const win = (n: number, over: Partial<WindowView> = {}): WindowView => ({ id: `w${n}`, number: n, zone: 'A', state: 'open', staffId: 's', pauseReason: null, skills: [], current: null, ...over });
const ticket = (id: string, number: string, issuedAt = at(0)): PublicTicket => ({
  id, number, serviceId: 'svc', stage: 0, status: 'waiting', priority: false, appointmentCode: null, appointmentAt: null,
  lang: 'zh', issuedAt, serviceDate: '2025-01-06', calledAt: null, startedAt: null,
  finishedAt: null, windowId: null, windowNumber: null, staffId: null, peopleAhead: 0, estimatedWaitSeconds: 60,
});
const snapshot = (over: Partial<QueueSnapshot> = {}): QueueSnapshot => ({
  seq: 10, hallId: 'demo', at: at(0), waiting: [], windows: [win(2), win(1)], recentCalls: [], services: [], notices: [], ...over,
});
const ev = (e: Record<string, unknown>): HallEvent => ({ hallId: 'demo', actor: { kind: 'staff', id: 's' }, at: at(1), ...e }) as unknown as HallEvent;
const called = (seq: number, ticketId: string, number: string, windowNumber: number) =>
  ev({ seq, type: 'ticket.called', ticketId, number, serviceId: 'svc', windowId: `w${windowNumber}`, windowNumber, recall: false, staffId: 's', stage: 0 });

describe('hall state fold', () => {
  it('a call moves the ticket from waiting to the window and to the top of recent calls; a recall is remembered as one', () => {
    let s = fromSnapshot(snapshot());
    expect(s.windows.map((w) => w.number)).toEqual([1, 2]);
    s = applyEvent(s, ev({ seq: 11, type: 'ticket.issued', ticket: ticket('t1', 'A001') }));
    s = applyEvent(s, ev({ seq: 12, type: 'ticket.issued', ticket: ticket('t2', 'A002') }));
    expect(waitingByService(s).get('svc')).toBe(2);
    s = applyEvent(s, called(13, 't1', 'A001', 2));
    expect(s.seq).toBe(13);
    expect(s.waiting.map((t) => t.id)).toEqual(['t2']);
    expect(s.windows[1]?.current).toMatchObject({ ticketId: 't1', status: 'called' });
    expect(s.known.t1).toMatchObject({ status: 'called', windowNumber: 2 });
    s = applyEvent(s, ev({ seq: 14, type: 'ticket.recalled', ticketId: 't1', number: 'A001', serviceId: 'svc', windowId: 'w2', windowNumber: 2, recall: true }));
    expect(s.recentCalls.map((c) => [c.number, c.recall])).toEqual([['A001', true], ['A001', false]]);
  });

  it('a started ticket is served, and its window is free once it is completed', () => {
    let s = applyEvent(fromSnapshot(snapshot({ waiting: [ticket('t1', 'A001')] })), called(11, 't1', 'A001', 1));
    s = applyEvent(s, ev({ seq: 12, type: 'ticket.started', ticketId: 't1', number: 'A001', serviceId: 'svc', windowId: 'w1', windowNumber: 1 }));
    expect(s.windows[0]?.current).toMatchObject({ status: 'serving', startedAt: at(1) });
    s = applyEvent(s, ev({ seq: 13, type: 'ticket.completed', ticketId: 't1', number: 'A001', serviceId: 'svc', stage: 0, windowId: 'w1', windowNumber: 1, staffId: 's', firstTimeAccepted: true }));
    expect(s.windows[0]?.current).toBeNull();
    expect(s.known.t1?.status).toBe('done');
  });

  it('a transferred ticket goes back to waiting at its new stage, in its place by original issue time', () => {
    const early = ticket('t1', 'A001', at(0));
    let s = fromSnapshot(snapshot({ waiting: [early, ticket('t2', 'A002', at(5))] }));
    s = applyEvent(s, called(11, 't1', 'A001', 1));
    s = applyEvent(s, ev({ seq: 12, type: 'ticket.issued', ticket: ticket('t3', 'A003', at(6)) }));
    s = applyEvent(s, ev({ seq: 13, type: 'ticket.transferred', ticketId: 't1', number: 'A001', fromServiceId: 'svc', fromStage: 0, serviceId: 'svc', stage: 1, windowId: 'w1' }));
    expect(s.waiting.map((t) => [t.id, t.stage])).toEqual([['t1', 1], ['t2', 0], ['t3', 0]]);
    expect(s.waiting[0]).toMatchObject({ status: 'waiting', issuedAt: at(0), windowId: null });
    expect(s.windows[0]?.current).toBeNull();
    expect(s.stale).toBe(false);
  });

  it('a no-show that goes back to the queue (requeued) waits again at the back, whatever its issue time', () => {
    let s = fromSnapshot(snapshot({ waiting: [ticket('t1', 'A001', at(0)), ticket('t2', 'A002', at(5))] }));
    s = applyEvent(s, called(11, 't1', 'A001', 1));
    s = applyEvent(s, ev({ seq: 12, type: 'ticket.no_show', ticketId: 't1', number: 'A001', serviceId: 'svc', windowId: 'w1', windowNumber: 1 }));
    s = applyEvent(s, ev({ seq: 13, type: 'ticket.requeued', ticketId: 't1', number: 'A001', serviceId: 'svc', ticket: ticket('t1', 'A001', at(0)), by: 'visitor' }));
    expect(s.waiting.map((t) => t.id)).toEqual(['t2', 't1']);
    expect(s.windows[0]?.current).toBeNull();
  });

  it('a requeued ticket that is called again and transferred keeps its place by its requeue time, not its issue', () => {
    const requeued: PublicTicket = { ...ticket('t1', 'A001', at(0)), queuedAt: at(7) };
    let s = fromSnapshot(snapshot({ waiting: [ticket('t2', 'A002', at(5)), requeued, ticket('t3', 'A003', at(9))] }));
    s = applyEvent(s, called(11, 't1', 'A001', 1));
    s = applyEvent(s, ev({ seq: 12, type: 'ticket.transferred', ticketId: 't1', number: 'A001', fromServiceId: 'svc', fromStage: 0, serviceId: 'svc', stage: 1, windowId: 'w1' }));
    expect(s.waiting.map((t) => t.id)).toEqual(['t2', 't1', 't3']);
    s = applyEvent(s, ev({ seq: 13, type: 'ticket.issued', ticket: ticket('t4', 'A004', at(8)) }));
    expect(s.waiting.map((t) => t.id)).toEqual(['t2', 't1', 't4', 't3']);
  });

  it('a transfer of a ticket it never saw is shown, and asks for a fresh snapshot', () => {
    const s = applyEvent(fromSnapshot(snapshot()), ev({ seq: 11, type: 'ticket.transferred', ticketId: 'zz', number: 'Z1', fromServiceId: 'a', fromStage: 0, serviceId: 'svc', stage: 1, windowId: null }));
    expect(s.waiting.map((t) => t.number)).toEqual(['Z1']);
    expect(s.stale).toBe(true);
  });

  it('a cancelled ticket leaves the queue; windows or services changed ask for a snapshot', () => {
    let s = fromSnapshot(snapshot({ waiting: [ticket('t1', 'A001')] }));
    s = applyEvent(s, ev({ seq: 11, type: 'ticket.cancelled', ticketId: 't1', number: 'A001', serviceId: 'svc', by: 'visitor' }));
    expect(s.waiting).toEqual([]);
    expect(applyEvent(s, ev({ seq: 12, type: 'config.changed', what: 'staff' })).stale).toBe(false);
    expect(applyEvent(s, ev({ seq: 12, type: 'config.changed', what: 'windows' })).stale).toBe(true);
  });

  it('a remote ticket is marked when its holder arrives or its turn passes, and leaves the queue when it expires', () => {
    let s = fromSnapshot(snapshot({ waiting: [{ ...ticket('r1', 'A001'), remote: true, arrivedAt: null, passedOverAt: null }, ticket('t2', 'A002')] }));
    s = applyEvent(s, ev({ seq: 11, type: 'ticket.passed_over', ticketId: 'r1', number: 'A001', serviceId: 'svc', expiresAt: at(11) }));
    expect(s.waiting[0]).toMatchObject({ id: 'r1', passedOverAt: at(1), arrivedAt: null });
    const arrived = applyEvent(s, ev({ seq: 12, type: 'ticket.arrived', ticketId: 'r1', number: 'A001', serviceId: 'svc', by: 'kiosk' }));
    expect(arrived.waiting[0]).toMatchObject({ id: 'r1', arrivedAt: at(1) });
    const expired = applyEvent(s, ev({ seq: 12, type: 'ticket.expired', ticketId: 'r1', number: 'A001', serviceId: 'svc' }));
    expect(expired.waiting.map((t) => t.id)).toEqual(['t2']);
    expect(expired.known.r1?.status).toBe('expired');
  });

  it('a window change replaces the window, or adds a new one in number order', () => {
    let s = fromSnapshot(snapshot());
    s = applyEvent(s, ev({ seq: 11, type: 'window.changed', window: win(1, { state: 'paused', pauseReason: '午休' }) }));
    expect(s.windows[0]).toMatchObject({ state: 'paused', pauseReason: '午休' });
    s = applyEvent(s, ev({ seq: 12, type: 'window.changed', window: win(0) }));
    expect(s.windows.map((w) => w.number)).toEqual([0, 1, 2]);
  });

  it(`recent calls keep the last ${RECENT_CALLS}, newest first; an event already applied changes nothing`, () => {
    let s = fromSnapshot(snapshot());
    for (let i = 1; i <= RECENT_CALLS + 4; i++) s = applyEvent(s, called(10 + i, `t${i}`, `A${i}`, 1));
    expect(s.recentCalls).toHaveLength(RECENT_CALLS);
    expect(s.recentCalls[0]?.number).toBe(`A${RECENT_CALLS + 4}`);
    expect(applyEvent(s, called(12, 'x', 'X1', 2))).toBe(s);
  });

  it('live estimates replace the service waits and each ticket estimate', () => {
    let s = fromSnapshot(snapshot({ waiting: [ticket('t1', 'A001')] }));
    expect(estimatedWaitOf(s, 't1')).toBe(60);
    s = applyEstimates(s, { hallId: 'demo', seq: 10, at: at(2), tickets: [{ ticketId: 't1', peopleAhead: 0, estimatedWaitSeconds: 30 }], services: [{ serviceId: 'svc', waiting: 1, longestWaitSeconds: 120, estimatedWaitSeconds: 90 }] });
    expect(estimatedWaitOf(s, 't1')).toBe(30);
    expect(s.services[0]?.estimatedWaitSeconds).toBe(90);
  });
});
