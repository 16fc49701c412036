import type { HallEventOf } from '@hallq/shared';
import { BAD_RATING_ALERT_SECONDS, computeAlerts, rememberBadRating } from './alerts';
import type { BadRating, FollowUpDue } from './alerts';
import { routingContext } from './queue';
import { config, service, ticket, windowView } from './fixtures.test-util';

const issued = '2025-03-03T01:00:00.000Z';
const at = (seconds: number) => Date.parse(issued) + seconds * 1000;
const ctx = routingContext(config([service('a'), service('b', { waitTargetSeconds: 60 })], 600));
const base = { windows: [], staffTypeOf: () => 'officer' as const, devices: [], ctx };

describe('board alerts on a fake clock', () => {
  it('warns at 80% of the target and alerts at 100%', () => {
    const waiting = [ticket('a1', 'a', issued)];
    expect(computeAlerts({ ...base, waiting, now: at(479) })).toEqual([]);
    expect(computeAlerts({ ...base, waiting, now: at(480) }).map((a) => a.kind)).toEqual(['wait-warn']);
    expect(computeAlerts({ ...base, waiting, now: at(600) }).map((a) => a.kind)).toEqual(['wait-over']);
  });
  it("uses the service's own target when it has one", () => {
    const waiting = [ticket('b1', 'b', issued)];
    expect(computeAlerts({ ...base, waiting, now: at(47) })).toEqual([]);
    expect(computeAlerts({ ...base, waiting, now: at(48) }).map((a) => a.kind)).toEqual(['wait-warn']);
    expect(computeAlerts({ ...base, waiting, now: at(61) })[0]).toMatchObject({ kind: 'wait-over', number: 'B1', targetSeconds: 60 });
  });
  it('flags an open, staffed, idle window whose skills have a queue', () => {
    const waiting = [ticket('a1', 'a', issued)];
    const idle = windowView('w1', 1, { staffId: 's1', skills: [{ serviceId: 'a', tier: 1 }] });
    const busy = windowView('w2', 2, { staffId: 's2', skills: [{ serviceId: 'a', tier: 1 }], current: { ticketId: 'x', number: 'A0', serviceId: 'a', stage: 0, status: 'serving', calledAt: issued, startedAt: issued } });
    const other = windowView('w3', 3, { staffId: 's3', skills: [{ serviceId: 'b', tier: 1 }] });
    const paused = windowView('w4', 4, { staffId: 's4', state: 'paused', skills: [{ serviceId: 'a', tier: 1 }] });
    const alerts = computeAlerts({ ...base, waiting, windows: [idle, busy, other, paused], now: at(10) });
    expect(alerts).toEqual([{ kind: 'window-idle', key: 'idle:w1', windowId: 'w1', windowNumber: 1, queued: 1 }]);
  });
  it("does not call a helper's window idle for an officers-only stage", () => {
    const waiting = [ticket('a1', 'a', issued, { stage: 1 })];
    const w = windowView('w1', 1, { staffId: 'h1', skills: [{ serviceId: 'a', tier: 1 }] });
    expect(computeAlerts({ ...base, staffTypeOf: () => 'helper', waiting, windows: [w], now: at(10) })).toEqual([]);
  });
  it('reports a device whose printer is not ready, but not a revoked one', () => {
    const devices = [
      { id: 'k1', name: '取号机1', printerState: 'paper_out' as const },
      { id: 'k2', name: '取号机2', printerState: 'ready' as const },
      { id: 'k3', name: '取号机3', printerState: 'error' as const, revoked: true },
    ];
    expect(computeAlerts({ ...base, waiting: [], devices, now: at(0) })).toEqual([{ kind: 'device-fault', key: 'dev:k1', deviceId: 'k1', name: '取号机1', printerState: 'paper_out' }]);
  });
  it('lists the most severe first', () => {
    const waiting = [ticket('a1', 'a', issued), ticket('a2', 'a', '2025-03-03T01:02:00.000Z')];
    expect(computeAlerts({ ...base, waiting, now: at(600) }).map((a) => a.kind)).toEqual(['wait-over', 'wait-warn']);
  });
  it('reports a kiosk, display or rating pad away for more than a minute while the hall is open, and forgets it when back', () => {
    const left = (seconds: number) => new Date(at(0) - seconds * 1000).toISOString();
    const away = [{ id: 'd1', name: '显示屏1', kind: 'display' as const, printerState: null, online: false, lastSeenAt: left(61) }];
    expect(computeAlerts({ ...base, waiting: [], devices: away, hallOpen: true, now: at(0) })).toEqual([
      { kind: 'device-away', key: 'away:d1', deviceId: 'd1', name: '显示屏1', awaySeconds: 61 },
    ]);
    const brief = [{ ...away[0]!, lastSeenAt: left(60) }];
    expect(computeAlerts({ ...base, waiting: [], devices: brief, hallOpen: true, now: at(0) })).toEqual([]);
    expect(computeAlerts({ ...base, waiting: [], devices: away, hallOpen: false, now: at(0) })).toEqual([]);
    expect(computeAlerts({ ...base, waiting: [], devices: [{ ...away[0]!, online: true }], hallOpen: true, now: at(0) })).toEqual([]);
    const never = [{ id: 'r1', name: '评价器1', kind: 'rating-pad' as const, printerState: null, online: false, lastSeenAt: null }];
    expect(computeAlerts({ ...base, waiting: [], devices: never, hallOpen: true, now: at(0) })[0]).toMatchObject({ kind: 'device-away', awaySeconds: null });
  });
  it('says paper near end and no printer configured apart from a printer fault', () => {
    const devices = [
      { id: 'k1', name: '取号机1', printerState: 'ready' as const, printerWarning: 'paper_near_end' as const },
      { id: 'k2', name: '取号机2', printerState: null, printerWarning: 'no_printer_configured' as const },
      { id: 'k3', name: '取号机3', printerState: 'offline' as const, printerWarning: null },
    ];
    const alerts = computeAlerts({ ...base, waiting: [], devices, now: at(0) });
    expect(alerts).toEqual([
      { kind: 'device-fault', key: 'dev:k3', deviceId: 'k3', name: '取号机3', printerState: 'offline' },
      { kind: 'printer-warning', key: 'warn-dev:k1', deviceId: 'k1', name: '取号机1', printerWarning: 'paper_near_end' },
      { kind: 'printer-warning', key: 'warn-dev:k2', deviceId: 'k2', name: '取号机2', printerWarning: 'no_printer_configured' },
    ]);
  });
});

describe('好差评 alerts', () => {
  const rated = (over: Partial<HallEventOf<'ticket.rated'>> = {}): HallEventOf<'ticket.rated'> => ({
    seq: 1, type: 'ticket.rated', at: issued, hallId: 'demo', actor: { kind: 'staff', id: 's1' },
    ticketId: 't1', number: 'A001', serviceId: 'a', windowId: 'w1', staffId: 's1', level: 5, bad: true, by: 'staff', ...over,
  });

  it('remembers bad ratings only, once each, newest first', () => {
    let list: ReadonlyArray<BadRating> = [];
    list = rememberBadRating(list, rated({ bad: false, level: 1, ticketId: 't0' }));
    expect(list).toEqual([]);
    list = rememberBadRating(list, rated());
    const same = rememberBadRating(list, rated({ seq: 9 })); // replayed after a reconnection
    expect(same).toBe(list);
    list = rememberBadRating(list, rated({ ticketId: 't2', number: 'A002', level: 4, at: '2025-03-03T01:05:00.000Z' }));
    expect(list.map((r) => r.number)).toEqual(['A002', 'A001']);
  });

  it('shows a live bad rating for half an hour on the board clock', () => {
    const badRatings = rememberBadRating([], rated());
    expect(computeAlerts({ ...base, waiting: [], badRatings, now: at(0) })).toEqual([
      { kind: 'bad-rating', key: 'rated:t1', ticketId: 't1', number: 'A001', serviceId: 'a', windowId: 'w1', level: 5, at: issued },
    ]);
    expect(computeAlerts({ ...base, waiting: [], badRatings, now: at(BAD_RATING_ALERT_SECONDS - 1) })).toHaveLength(1);
    expect(computeAlerts({ ...base, waiting: [], badRatings, now: at(BAD_RATING_ALERT_SECONDS) })).toEqual([]);
    // Stamped by the server a little ahead of this screen's clock: shown at once.
    expect(computeAlerts({ ...base, waiting: [], badRatings, now: at(-5) })).toHaveLength(1);
  });

  it('lists one line per overdue follow-up, earliest deadline first, never a closed or current one', () => {
    const followUps: FollowUpDue[] = [
      { id: 'fu2', ticketNumber: 'B007', deadline: '2025-03-01', status: 'assigned', overdue: true },
      { id: 'fu1', ticketNumber: 'A003', deadline: '2025-02-20', status: 'open', overdue: true },
      { id: 'fu3', ticketNumber: 'A009', deadline: '2025-03-20', status: 'open', overdue: false },
      { id: 'fu4', ticketNumber: 'A010', deadline: '2025-02-01', status: 'closed', overdue: true },
    ];
    expect(computeAlerts({ ...base, waiting: [], followUps, now: at(0) })).toEqual([
      { kind: 'follow-up-overdue', key: 'fu:fu1', followUpId: 'fu1', number: 'A003', deadline: '2025-02-20' },
      { kind: 'follow-up-overdue', key: 'fu:fu2', followUpId: 'fu2', number: 'B007', deadline: '2025-03-01' },
    ]);
  });

  it('ranks a live bad rating after a wait past target and overdue follow-ups after device faults', () => {
    const alerts = computeAlerts({
      ...base,
      waiting: [ticket('a1', 'a', issued), ticket('a2', 'a', '2025-03-03T01:02:00.000Z')],
      devices: [{ id: 'k1', name: '取号机1', printerState: 'paper_out' as const }],
      badRatings: rememberBadRating([], rated({ at: new Date(at(590)).toISOString() })),
      followUps: [{ id: 'fu1', ticketNumber: 'A003', deadline: '2025-02-20', status: 'open', overdue: true }],
      now: at(600),
    });
    expect(alerts.map((a) => a.kind)).toEqual(['wait-over', 'bad-rating', 'device-fault', 'follow-up-overdue', 'wait-warn']);
  });
});
