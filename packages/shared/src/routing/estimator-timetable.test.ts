// The estimator reads a window's timetable: no call is forecast inside a break (the window calls
// again at its end) nor after it closes for the day; a visitor called before a break is served.
import { DEFAULT_ROUTING_POLICY } from '../domain';
import { callableAt, estimateWaits } from './estimator';
import { expectedHoldSeconds, updateShare } from './service-time';
import type { EstimatorWindow, RoutingContext, RoutingTicket } from './types';

const MIN = 60_000;
const context: RoutingContext = {
  services: new Map([['s', { id: 's', waitTargetSeconds: 2400, stages: [{ officersOnly: false }] }]]),
  policy: DEFAULT_ROUTING_POLICY,
};
const tickets: RoutingTicket[] = [0, 1, 2, 3].map((i) => ({ id: `t${i}`, serviceId: 's', stage: 0, queuedAt: i, priority: false, appointmentAt: null }));
const window = (closed: EstimatorWindow['closed']): EstimatorWindow => ({ id: 'w', skills: [{ serviceId: 's', tier: 1 }], staffType: 'officer', open: true, busyUntil: null, closed });
const waits = (w: EstimatorWindow): Array<number | null> =>
  [...estimateWaits({ tickets, windows: [w], context, serviceSeconds: new Map([['s', 300]]), now: 0 }).values()].map((e) => e.estimatedWaitSeconds);

describe('estimator timetable', () => {
  it('a break moves later calls to its end; closing for the day ends the forecast', () => {
    expect(waits(window(undefined))).toEqual([0, 300, 600, 900]);
    expect(waits(window([{ from: 10 * MIN, to: 40 * MIN }]))).toEqual([0, 300, 2400, 2700]);
    expect(waits(window([{ from: 10 * MIN, to: null }]))).toEqual([0, 300, null, null]);
  });

  it('a window on its break now calls first at the break end', () => {
    expect(callableAt(window([{ from: -5 * MIN, to: 20 * MIN }]), 0)).toBe(20 * MIN);
    expect(waits(window([{ from: -5 * MIN, to: 20 * MIN }]))[0]).toBe(1200);
  });

  it('a call holds a window for the learned mean, or a minute for the learned share of no-shows', () => {
    expect(expectedHoldSeconds(600, 0)).toBe(600);
    expect(expectedHoldSeconds(600, 0.1)).toBeCloseTo(0.9 * 600 + 0.1 * 60, 6);
    expect(updateShare(0, true, 0.1)).toBeCloseTo(0.1, 10);
    expect(updateShare(0.5, false, 0.1)).toBeCloseTo(0.45, 10);
  });
});
