// A one-hour rehearsal: the real hall server (built dist, its own data folder, a clock 60 times
// faster) through the first hour of the seed hall, driven by a kiosk, staff at twelve windows and
// a display over HTTP and Socket.IO. The waits it records agree with the simulator's.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario } from '../simulate/load-scenario';
import { REPO_ROOT } from '../bench/processes';
import { rehearse } from './drive';
import { reportHtml, summarise } from './summary';

const built = existsSync(join(REPO_ROOT, 'apps/server/dist/main.js'));

(built ? test : test.skip)('one hour of the seed hall: every visitor called, waits within the simulator\'s 95% CI, the display sees every call, phones follow', async () => {
  const scenario = loadScenario('seed-hall');
  const record = await rehearse({ scenario, windows: scenario.windows, speed: 60, hours: 1 });
  const summary = summarise(scenario, scenario.windows, 60, 1, record);
  expect(summary.arrivals).toBeGreaterThan(10);
  expect(summary.called).toBe(summary.arrivals);
  expect(summary.agrees).toBe(true);
  expect(summary.server.calls).toBe(summary.arrivals);
  expect(summary.server.phoneUpdates).toBeGreaterThan(0);
  expect(summary.server.rssMaxMb).toBeGreaterThan(0);
  expect(reportHtml(summary)).toContain('<svg');
}, 400_000);
