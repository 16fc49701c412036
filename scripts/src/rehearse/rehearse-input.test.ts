// A scenario the demo hall cannot play is refused with the reason before any server starts.
import { parseScenario } from '@hallq/simulation';
import { loadScenario } from '../simulate/load-scenario';
import { rehearsalProblems, rehearse } from './drive';

test('the seed hall can be rehearsed; unknown services and windows without skills are named', async () => {
  const seed = loadScenario('seed-hall');
  expect(rehearsalProblems(seed, seed.windows)).toEqual([]);
  const odd = parseScenario({
    name: 'odd',
    seed: 1,
    replications: 1,
    hours: 1,
    warmupHours: 0,
    waitTargetMinutes: 20,
    services: [{ id: 'A', arrivalsPerHour: 3, serviceMinutes: { distribution: 'exponential', mean: 5 } }],
    windows: [{ id: 'w1', skills: [] }],
  });
  await expect(rehearse({ scenario: odd, windows: odd.windows, speed: 60, hours: 1 })).rejects.toThrow(/cannot be rehearsed:\n {2}service A: .*\n {2}window w1: no skills/);
});
