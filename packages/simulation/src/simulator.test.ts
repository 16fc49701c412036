import { erlangCMeanWait, erlangCWaitProbability } from '@hallq/shared';
import { simulate } from './results';
import type { ScenarioInput } from './scenario';
import { parseScenario } from './scenario';

const mmc = (extra: Partial<ScenarioInput> = {}): ScenarioInput => ({
  name: 'mmc',
  seed: 7,
  replications: 5,
  hours: 200,
  warmupHours: 10,
  waitTargetMinutes: 5,
  services: [{ id: 'A', arrivalsPerHour: 20, serviceMinutes: { distribution: 'exponential', mean: 6 } }],
  windows: [1, 2, 3].map((i) => ({ id: `w${i}`, skills: [{ serviceId: 'A', tier: 1 }] })),
  ...extra,
});

describe('simulator against queueing theory', () => {
  const result = simulate(parseScenario(mmc()));

  test('M/M/3 (lambda 20/h, 6 min, c 3): the Erlang C mean wait lies within the 95% CI', () => {
    const theory = erlangCMeanWait(3, 20, 10) * 3600; // 160 s
    const [lo, hi] = result.meanWaitCi95!;
    expect(lo).toBeLessThanOrEqual(theory);
    expect(hi).toBeGreaterThanOrEqual(theory);
  });

  test('M/M/3: the share within target and utilisation match theory', () => {
    const theory = erlangCWaitProbability(3, 20, 10, 5 / 60);
    expect(Math.abs(result.withinTargetShare - theory)).toBeLessThan(0.02);
    for (const w of result.windows) expect(Math.abs(w.utilisation - 2 / 3)).toBeLessThan(0.03);
  });

  test("Little's law: mean number waiting = arrival rate x mean wait", () => {
    const little = (result.arrivalsPerHour / 3600) * result.meanWaitSeconds;
    expect(Math.abs(result.meanWaiting - little) / little).toBeLessThan(0.03);
  });
});

describe('pooling as queueing theory predicts', () => {
  // Four services, one window each, 80% load: dedicated = four M/M/1 queues (Wq 24 min each).
  const services = ['A', 'B', 'C', 'D'];
  const base = (windows: ScenarioInput['windows']): ScenarioInput => ({
    name: 'pooling',
    seed: 11,
    replications: 4,
    hours: 150,
    warmupHours: 10,
    waitTargetMinutes: 60,
    services: services.map((id) => ({ id, arrivalsPerHour: 8, serviceMinutes: { distribution: 'exponential', mean: 6 } })),
    windows,
  });
  const dedicated = simulate(parseScenario(base(services.map((s) => ({ id: `w${s}`, skills: [{ serviceId: s, tier: 1 }] })))));
  const pooled = simulate(parseScenario(base(services.map((s) => ({ id: `w${s}`, skills: services.map((serviceId) => ({ serviceId, tier: 1 })) })))));
  // Chained: each window its own service (tier 1) plus its neighbour's (tier 2), in a ring.
  const chained = simulate(
    parseScenario(
      base(
        services.map((s, i) => ({
          id: `w${s}`,
          skills: [
            { serviceId: s, tier: 1 },
            { serviceId: services[(i + 1) % services.length]!, tier: 2 },
          ],
        })),
      ),
    ),
  );

  test('dedicated windows behave as independent M/M/1 queues', () => {
    const theory = erlangCMeanWait(1, 8, 10) * 3600;
    const [lo, hi] = dedicated.meanWaitCi95!;
    expect(lo).toBeLessThanOrEqual(theory);
    expect(hi).toBeGreaterThanOrEqual(theory);
  });

  test('fully pooled windows behave as one M/M/4 queue', () => {
    const theory = erlangCMeanWait(4, 32, 10) * 3600;
    const [lo, hi] = pooled.meanWaitCi95!;
    expect(lo).toBeLessThanOrEqual(theory);
    expect(hi).toBeGreaterThanOrEqual(theory);
  });

  test('a chain of skills sits between, much closer to pooled than to dedicated', () => {
    expect(pooled.meanWaitSeconds).toBeLessThan(chained.meanWaitSeconds);
    expect(chained.meanWaitSeconds).toBeLessThan(dedicated.meanWaitSeconds);
    expect(chained.meanWaitSeconds - pooled.meanWaitSeconds).toBeLessThan((dedicated.meanWaitSeconds - pooled.meanWaitSeconds) / 2);
  });
});

describe('reproducibility', () => {
  const small = parseScenario(mmc({ hours: 20, replications: 3 }));

  test('the same scenario and seed give identical results', () => {
    expect(JSON.stringify(simulate(small))).toBe(JSON.stringify(simulate(small)));
  });

  test('another seed gives other results', () => {
    expect(simulate({ ...small, seed: 8 }).meanWaitSeconds).not.toBe(simulate(small).meanWaitSeconds);
  });
});
