import { computeAlerts } from './alerts';
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
});
