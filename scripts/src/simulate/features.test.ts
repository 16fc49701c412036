// Scenario features beyond M/M/c: schedules, no-shows, priority, stages, the estimator
// evaluation, each checked on a small scenario.
import { evaluateEstimator } from './estimator-eval';
import { simulate } from '@hallq/simulation';
import type { ScenarioInput } from '@hallq/simulation';
import { parseScenario } from '@hallq/simulation';
import { runReplication } from '@hallq/simulation';

const base = (extra: Partial<ScenarioInput> = {}): ScenarioInput => ({
  name: 'features',
  seed: 5,
  replications: 3,
  hours: 8,
  warmupHours: 0,
  startHour: 9,
  waitTargetMinutes: 20,
  services: [{ id: 'A', arrivalsPerHour: 12, serviceMinutes: { distribution: 'lognormal', mean: 8, cv: 0.5 } }],
  windows: [
    { id: 'w1', skills: [{ serviceId: 'A', tier: 1 }] },
    { id: 'w2', skills: [{ serviceId: 'A', tier: 1 }] },
  ],
  ...extra,
});

describe('scenario features', () => {
  test('a window closed by its schedule serves nobody and is not busy while closed', () => {
    const r = simulate(
      parseScenario(
        base({
          windows: [
            { id: 'w1', skills: [{ serviceId: 'A', tier: 1 }] },
            { id: 'late', skills: [{ serviceId: 'A', tier: 1 }], open: [{ from: 13, to: 17 }], breaks: [{ from: 15, to: 16 }] },
          ],
        }),
      ),
    );
    const late = r.windows.find((w) => w.id === 'late')!;
    // Open 3 of 8 hours (13-15, 16-17); a visitor started before closing may run a little over.
    expect(late.utilisation).toBeGreaterThan(0);
    expect(late.utilisation).toBeLessThan(3.5 / 8);
    expect(r.hourly.filter((h) => h.hour < 13).every((h) => (h.meanWaitSeconds ?? 0) > 0)).toBe(true);
  });

  test('no-shows are called but not served, at about the no-show share', () => {
    const s = parseScenario(
      base({ services: [{ id: 'A', arrivalsPerHour: 14, serviceMinutes: { distribution: 'exponential', mean: 8 }, noShowShare: 0.2 }] }),
    );
    const r = simulate(s);
    expect(r.noShows).toBeGreaterThan(0);
    expect(r.served + r.noShows).toBeCloseTo(r.called, 5);
    expect(r.noShows / r.called).toBeGreaterThan(0.1);
    expect(r.noShows / r.called).toBeLessThan(0.3);
  });

  test('a ticket with a second, officers-only stage is served by an officer window after its first stage', () => {
    const s = parseScenario(
      base({
        services: [{ id: 'A', arrivalsPerHour: 6, serviceMinutes: { distribution: 'constant', mean: 5 }, stages: [{ officersOnly: true, serviceMinutes: { distribution: 'constant', mean: 10 } }] }],
        windows: [
          { id: 'helper', staffType: 'helper', skills: [{ serviceId: 'A', tier: 1 }] },
          { id: 'officer', staffType: 'officer', skills: [{ serviceId: 'A', tier: 1 }] },
        ],
      }),
    );
    const r = simulate(s);
    const helper = r.windows.find((w) => w.id === 'helper')!;
    const officer = r.windows.find((w) => w.id === 'officer')!;
    // Stage 2 (10 min, officers only) goes to the officer; the helper can only do stage 1 (5 min).
    expect(officer.utilisation).toBeGreaterThan(helper.utilisation);
    expect(helper.utilisation).toBeLessThanOrEqual(0.6);
  });

  test('without drain, tickets still waiting at the end are not counted; with drain every ticket is called', () => {
    const overloaded = base({ services: [{ id: 'A', arrivalsPerHour: 20, serviceMinutes: { distribution: 'exponential', mean: 8 } }] });
    const cut = runReplication(parseScenario(overloaded), 0);
    const drained = runReplication(parseScenario({ ...overloaded, drain: true }), 0);
    const arrivals = (r: typeof cut): number => [...r.arrivalsByService.values()].reduce((a, b) => a + b, 0);
    expect(cut.waits.length).toBeLessThan(arrivals(cut));
    expect(drained.waits.length).toBe(arrivals(drained));
  });
});

describe('estimator evaluation', () => {
  test('errors, the naive comparison and a calibrated range are computed from simulated days', () => {
    const s = parseScenario(
      base({
        replications: 4,
        services: [
          { id: 'A', arrivalsPerHour: 9, serviceMinutes: { distribution: 'exponential', mean: 10 } },
          { id: 'B', arrivalsPerHour: 4, serviceMinutes: { distribution: 'exponential', mean: 6 } },
        ],
        windows: [
          { id: 'w1', skills: [{ serviceId: 'A', tier: 1 }, { serviceId: 'B', tier: 2 }] },
          { id: 'w2', skills: [{ serviceId: 'B', tier: 1 }, { serviceId: 'A', tier: 2 }] },
        ],
      }),
    );
    const e = evaluateEstimator(s, { seeds: [1, 2, 3], replicationsPerSeed: 1 });
    expect(e.visitors).toBeGreaterThan(100);
    expect(e.estimator.meanAbsErrorSeconds).toBeGreaterThan(0);
    expect(e.maeRatio).toBeCloseTo(e.estimator.meanAbsErrorSeconds / e.naive.meanAbsErrorSeconds, 3);
    expect(e.perSeed.map((x) => x.seed)).toEqual([1, 2, 3]);
    expect(e.worstSeedRatio).toBe(Math.max(...e.perSeed.map((x) => x.maeRatio)));
    expect(e.range.coverage).toBeGreaterThan(0);
  });
});
