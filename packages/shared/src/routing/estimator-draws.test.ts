// E5 (expected arrivals), later stages and E6 (random forecasts: median and range).
import { DEFAULT_ROUTING_POLICY } from '../domain';
import { CandidateIndex } from './candidate-index';
import { conditionalLognormal, lognormalDraw, normalCdf, normalQuantile, seededUniform, sortedQuantile } from './draw';
import { forecastCalls, stageKey, type ExpectedArrivals } from './estimator';
import { DEFAULT_SERVICE_TIME_CV, momentsCv, priorMoments, SERVICE_TIME_ALPHA, updateMoments } from './service-time';
import { drawnWaits } from './forecast-draws';
import { drawnEstimate } from './wait-range';
import type { EstimatorWindow, RoutingContext, RoutingTicket } from './types';

const MIN = 60_000;
const context: RoutingContext = {
  services: new Map([
    ['s', { id: 's', waitTargetSeconds: 2400, stages: [{ officersOnly: false }] }],
    ['two', { id: 'two', waitTargetSeconds: 2400, stages: [{ officersOnly: false }, { officersOnly: true }] }],
  ]),
  policy: DEFAULT_ROUTING_POLICY,
};
const tk = (id: string, serviceId: string, queuedAt: number, extra: Partial<RoutingTicket> = {}): RoutingTicket => ({ id, serviceId, stage: 0, queuedAt, priority: false, appointmentAt: null, ...extra });
const win = (id: string, skills: string[], extra: Partial<EstimatorWindow> = {}): EstimatorWindow => ({
  id,
  skills: skills.map((serviceId) => ({ serviceId, tier: 1 })),
  staffType: 'officer',
  open: true,
  busyUntil: null,
  ...extra,
});
const means = new Map([['s', 600], ['two', 300]]);

describe('later stages in the forecast', () => {
  test('a visitor done with the first stage joins the queue of the next, in its original place, with the stage mean', () => {
    // One window: t1 pre-review (5 min) then its acceptance (stage 1, 20 min) comes before t2 (older than t2).
    const tickets = [tk('t1', 'two', 0), tk('t2', 'two', 1)];
    const calls = forecastCalls({ index: new CandidateIndex(tickets), windows: [win('w', ['two'])], context, serviceSeconds: means, stageSeconds: new Map([[stageKey('two', 1), 1200]]), now: 10, laterStages: true });
    expect(calls.get('t1')?.estimatedWaitSeconds).toBe(0);
    // t1 is back for its acceptance when its pre-review ends (300 s); older than t2, it goes first.
    expect(calls.get('t2')?.estimatedWaitSeconds).toBe(300 + 1200);
    // The made-up later stage is not reported as a call.
    expect([...calls.keys()]).toEqual(['t1', 't2']);
  });

  test("the visitor at a window comes back for the next stage when the visit ends", () => {
    const now = 10 * MIN;
    const current = { ticket: tk('c', 'two', 0), since: now - 2 * MIN };
    const tickets = [tk('t2', 'two', 1 * MIN)];
    const w = win('w', ['two'], { busyUntil: now + 3 * MIN, current });
    const calls = forecastCalls({ index: new CandidateIndex(tickets), windows: [w], context, serviceSeconds: means, now, laterStages: true });
    // Without laterStages (a hall whose staff move visitors on by hand) only the visit counts.
    expect(forecastCalls({ index: new CandidateIndex(tickets), windows: [w], context, serviceSeconds: means, now }).get('t2')?.estimatedWaitSeconds).toBe(3 * 60);
    // c's acceptance (older) goes first at +3 min and holds the window for the service mean (5 min).
    expect(calls.get('t2')?.estimatedWaitSeconds).toBe(8 * 60);
  });
});

describe('focus', () => {
  test('windows with no chain of shared services to the focus do not change its forecast and are left out', () => {
    const tickets = [tk('a1', 's', 0), tk('a2', 's', 1), tk('a3', 's', 2), tk('b1', 'two', 0)];
    const windows = [win('w1', ['s']), win('w2', ['s', 'x']), win('w3', ['two'])];
    const input = { windows, context, serviceSeconds: means, now: 5 };
    const all = forecastCalls({ ...input, index: new CandidateIndex(tickets) });
    const focused = forecastCalls({ ...input, index: new CandidateIndex(tickets), until: new Set(['a3']), focus: new Set(['s']) });
    expect(focused.get('a3')).toEqual(all.get('a3'));
    expect(focused.has('b1')).toBe(false);
  });
});

describe('expected arrivals (E5)', () => {
  const arrivals = (over: Partial<ExpectedArrivals>): ExpectedArrivals[] => [
    { serviceId: 's', ratePerHour: () => 6, endsAt: 8 * 60 * MIN, priorityShare: 0, appointmentShare: 0, appointmentLeadSeconds: 300, ...over },
  ];
  test('newer ordinary arrivals do not delay a waiting ticket; priority arrivals do', () => {
    const tickets = [tk('a', 's', 0), tk('b', 's', 1)];
    const base = { windows: [win('w', ['s'])], context, serviceSeconds: means, now: 2 * MIN };
    const none = forecastCalls({ ...base, index: new CandidateIndex(tickets) }).get('b');
    const normal = forecastCalls({ ...base, index: new CandidateIndex(tickets), arrivals: arrivals({}) }).get('b');
    expect(normal?.estimatedWaitSeconds).toBe(none?.estimatedWaitSeconds);
    // Priority visitors at 4 an hour: the first expected at +7.5 min (half an arrival) is called
    // before b when a is done (+10 min); the next (+22.5 min) comes after b's call (+20 min).
    const prio = forecastCalls({ ...base, index: new CandidateIndex(tickets), arrivals: arrivals({ priorityShare: 1, ratePerHour: () => 4 }) }).get('b');
    expect(prio?.estimatedWaitSeconds).toBe(600 + 600);
  });

  test('a window with nothing to take waits for the next expected arrival; none after the hall stops issuing', () => {
    const calls = forecastCalls({ index: new CandidateIndex([]), windows: [win('w', ['s'])], context, serviceSeconds: means, now: 0, arrivals: arrivals({ endsAt: 60 * MIN }), horizonSeconds: 3600 * 4 });
    expect(calls.size).toBe(0);
  });
});

describe('random forecasts (E6)', () => {
  test('draws: lognormal mean, conditional draws exceed the time spent, quantiles', () => {
    const r = seededUniform(7);
    let sum = 0;
    for (let i = 0; i < 20000; i++) sum += lognormalDraw(600, 0.7, r);
    expect(sum / 20000).toBeGreaterThan(580);
    expect(sum / 20000).toBeLessThan(620);
    for (let i = 0; i < 200; i++) expect(conditionalLognormal(600, 0.7, 900, r)).toBeGreaterThanOrEqual(900);
    expect(normalCdf(normalQuantile(0.9))).toBeCloseTo(0.9, 5);
    expect(sortedQuantile([0, 10, 20], 0.5)).toBe(10);
    expect(sortedQuantile([0, 10, 20], 0.25)).toBe(5);
    expect(lognormalDraw(600, 0, r)).toBe(600);
  });

  test('the median of many random forecasts is near the expected one; the range holds it; seeded = reproducible', () => {
    const tickets = Array.from({ length: 12 }, (_, i) => tk(`t${i}`, 's', i));
    const input = { index: () => new CandidateIndex(tickets), windows: [win('w1', ['s']), win('w2', ['s'])], context, serviceSeconds: means, now: 100 };
    const draws = drawnWaits(input, { random: seededUniform(1), defaultCv: 0.5 }, 60, ['t11']).get('t11')!;
    const again = drawnWaits(input, { random: seededUniform(1), defaultCv: 0.5 }, 60, ['t11']).get('t11')!;
    expect(again).toEqual(draws);
    const d = drawnEstimate(draws)!;
    // Expected forecast: 5 rounds of two windows x 600 s = 3000 s.
    expect(d.estimateSeconds).toBeGreaterThan(2500);
    expect(d.estimateSeconds).toBeLessThan(3300);
    expect(d.range[0]).toBeLessThan(d.estimateSeconds);
    expect(d.range[1]).toBeGreaterThan(d.estimateSeconds);
    // A visitor a window is free for is called now in every draw: no spread.
    const first = drawnWaits(input, { random: seededUniform(2), defaultCv: 0.5 }, 10, ['t0']).get('t0')!;
    expect(drawnEstimate(first)).toEqual({ estimateSeconds: 0, range: [0, 0] });
  });

  test('a ticket no window can serve has no drawn estimate', () => {
    const draws = drawnWaits(
      { index: () => new CandidateIndex([tk('x', 'two', 0)]), windows: [win('w', ['s'])], context, serviceSeconds: means, now: 0 },
      { random: seededUniform(3), defaultCv: 0.7 },
      5,
      ['x'],
    ).get('x')!;
    expect(drawnEstimate(draws)).toBeNull();
  });
});

describe('learned spread of service times', () => {
  test('the moments learn the mean and spread of what is observed, clipped like the mean', () => {
    let m = priorMoments(600);
    expect(momentsCv(m)).toBeCloseTo(DEFAULT_SERVICE_TIME_CV, 9);
    // Alternating 300 s and 900 s: mean 600, sd 300, cv 0.5.
    for (let i = 0; i < 3000; i++) m = updateMoments(m, i % 2 === 0 ? 300 : 900);
    expect(m.mean).toBeCloseTo(600, -1);
    expect(momentsCv(m)).toBeCloseTo(0.5, 1);
    // A forgotten "complete" (two days) counts as the 4-hour bound only.
    const once = updateMoments({ mean: 600, square: 600 * 600 }, 2 * 86_400);
    expect(once.mean).toBeCloseTo(600 + SERVICE_TIME_ALPHA * (4 * 3600 - 600), 9);
    expect(once.square).toBeCloseTo(600 * 600 + SERVICE_TIME_ALPHA * ((4 * 3600) ** 2 - 600 * 600), 3);
  });
});
