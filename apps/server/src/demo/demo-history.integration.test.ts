// Demo mode's generated history: 60 simulated days of the seed hall (30 with dedicated windows,
// then pooled) load into the event log, are marked as generated, and tell the story in the
// reports: the waits fall, the share within target and satisfaction rise.
import { demoHall } from './demo-hall';
import { DEMO_HISTORY_FILE, readDemoHistory } from './demo-history';
import { startTestServer, type TestServer } from '../test-support/test-server';

let ts: TestServer;
let token: string;

beforeAll(async () => {
  ts = await startTestServer({ seed: demoHall, demoHistory: readDemoHistory(DEMO_HISTORY_FILE) });
  token = await ts.login('super');
}, 60_000);
afterAll(() => ts.close());

it('marks the 60 generated days: 30 before and 30 after the switch, ending yesterday', async () => {
  const r = await ts.api('GET', '/halls/demo/demo-history', { token });
  expect(r.status).toBe(200);
  expect(r.body.generated).toBe(true);
  expect(r.body.note).toMatch(/generated/i);
  const days = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
  expect(days(r.body.before.from, r.body.before.to)).toBe(30);
  expect(days(r.body.after.from, r.body.after.to)).toBe(30);
  expect(r.body.after.to < '2026-01-05').toBe(true);
  expect(r.body.visitors).toBeGreaterThan(10_000);
});

it('the before/after comparison shows the pooled windows cutting the wait', async () => {
  const h = (await ts.api('GET', '/halls/demo/demo-history', { token })).body;
  const q = new URLSearchParams({ from: h.after.from, to: h.after.to, beforeFrom: h.before.from, beforeTo: h.before.to });
  const r = await ts.api('GET', `/halls/demo/stats/compare?${q}`, { token });
  expect(r.status).toBe(200);
  const { before, after } = r.body;
  expect(before.waitSeconds.mean).toBeGreaterThan(2 * after.waitSeconds.mean);
  expect(after.withinTargetShare).toBeGreaterThanOrEqual(0.9);
  expect(after.withinTargetShare).toBeGreaterThan(before.withinTargetShare);
  expect(after.ratings.satisfiedShare).toBeGreaterThan(before.ratings.satisfiedShare);
}, 60_000);

it('a hall without generated history answers 404', async () => {
  const plain = await startTestServer();
  try {
    const t = await plain.login('super');
    expect((await plain.api('GET', '/halls/demo/demo-history', { token: t })).status).toBe(404);
  } finally {
    await plain.close();
  }
}, 30_000);
