// Remote visitors in the simulator: held until they walk in (R9), expired when they do not come
// within the grace time after their turn, and counted by the estimator for the share who come (E4).
import type { ScenarioInput } from './scenario';
import { parseScenario } from './scenario';
import { runReplication } from './simulator';

const scenario = (remote: { remoteShare: number; remoteShowShare: number; remoteArriveMinutes: number }, grace = 10): ScenarioInput => ({
  name: 'remote',
  seed: 11,
  replications: 1,
  hours: 8,
  warmupHours: 0,
  startHour: 9,
  drain: true,
  waitTargetMinutes: 30,
  remoteGraceMinutes: grace,
  services: [{ id: 'A', arrivalsPerHour: 14, serviceMinutes: { distribution: 'exponential', mean: 8 }, ...remote }],
  windows: [
    { id: 'w1', skills: [{ serviceId: 'A', tier: 1 }] },
    { id: 'w2', skills: [{ serviceId: 'A', tier: 1 }] },
  ],
});

const called = (r: ReturnType<typeof runReplication>): number => (r.servedByService.get('A') ?? 0) + (r.noShowsByService.get('A') ?? 0);

describe('remote visitors in the simulator', () => {
  test('everyone comes at once: nobody expires and everyone is called, as without the remote queue', () => {
    const r = runReplication(parseScenario(scenario({ remoteShare: 0.4, remoteShowShare: 1, remoteArriveMinutes: 0 })), 0);
    expect(r.remoteExpired).toBe(0);
    expect(called(r)).toBe(r.arrivalsByService.get('A'));
  });

  test('holders who never come expire once their turn has passed; the others are called', () => {
    const r = runReplication(parseScenario(scenario({ remoteShare: 0.5, remoteShowShare: 0.5, remoteArriveMinutes: 5 })), 0);
    const arrivals = r.arrivalsByService.get('A')!;
    expect(r.remoteExpired).toBeGreaterThan(0);
    expect(called(r) + r.remoteExpired).toBe(arrivals);
  });

  test('very late holders (after the grace) expire too; a long grace keeps them', () => {
    const late = { remoteShare: 0.5, remoteShowShare: 1, remoteArriveMinutes: 90 };
    const strict = runReplication(parseScenario(scenario(late, 0)), 0);
    const lenient = runReplication(parseScenario(scenario(late, 600)), 0);
    expect(strict.remoteExpired).toBeGreaterThan(lenient.remoteExpired);
    expect(lenient.remoteExpired).toBe(0);
  });

  test('E4: the estimator is evaluated with remote tickets held in the queue', () => {
    const r = runReplication(parseScenario(scenario({ remoteShare: 0.3, remoteShowShare: 0.7, remoteArriveMinutes: 10 })), 0, { evaluateEstimator: true });
    expect(r.estimates.length).toBeGreaterThan(20);
    for (const e of r.estimates) expect(e.estimateSeconds).toBeGreaterThanOrEqual(0);
  });
});
