// Tomorrow simulated on the hall's own history: today's skills matrix beside a proposed one (same
// arrivals), the planner's own proposal, and the matrix applied in one audited step.
import { demoHall } from '../demo/demo-hall';
import { DEMO_HISTORY_FILE, readDemoHistory } from '../demo/demo-history';
import { startTestServer, type TestServer } from '../test-support/test-server';

let ts: TestServer;
let token: string;

beforeAll(async () => {
  ts = await startTestServer({ seed: demoHall, demoHistory: readDemoHistory(DEMO_HISTORY_FILE) });
  token = await ts.login('super');
}, 60_000);
afterAll(() => ts.close());

it('simulates tomorrow with today\'s matrix and a proposed one on the same arrivals', async () => {
  const today = await ts.api('POST', '/halls/demo/planning/tomorrow', { token, body: {} });
  expect(today.status).toBe(200);
  expect(today.body.today).toEqual(today.body.proposed);
  expect(today.body.today.services.length).toBeGreaterThan(5);
  // Window 1 alone for business registration: every other window drops it.
  const cfg = (await ts.api('GET', '/halls/demo', { token })).body;
  const business = new Set(cfg.services.filter((s: { moduleId: string }) => s.moduleId === 'mod-business').map((s: { id: string }) => s.id));
  const skills = Object.fromEntries(
    cfg.windows.filter((w: { number: number }) => w.number !== 1).map((w: { id: string; skills: Array<{ serviceId: string }> }) => [w.id, w.skills.filter((k) => !business.has(k.serviceId))]),
  );
  const narrowed = Object.fromEntries(Object.entries(skills).filter(([, s]) => (s as unknown[]).length > 0));
  const r = await ts.api('POST', '/halls/demo/planning/tomorrow', { token, body: { skills: narrowed } });
  expect(r.status).toBe(200);
  expect(r.body.today.services.map((s: { arrivals: number }) => s.arrivals)).toEqual(r.body.proposed.services.map((s: { arrivals: number }) => s.arrivals));
  expect(r.body.proposed.meanWaitSeconds).toBeGreaterThan(r.body.today.meanWaitSeconds);
}, 60_000);

it('refuses unknown windows and services, changing nothing', async () => {
  const r = await ts.api('POST', '/halls/demo/planning/tomorrow', { token, body: { skills: { 'no-such-window': [{ serviceId: 'x', tier: 1 }] } } });
  expect(r.status).toBe(400);
  const a = await ts.api('POST', '/halls/demo/windows/skills', { token, body: { windows: { 'no-such-window': [{ serviceId: 'x', tier: 1 }] } } });
  expect(a.status).toBe(400);
});

it('gives the planner\'s proposal and applies a matrix in one step, audited per window', async () => {
  const r = await ts.api('POST', '/halls/demo/planning/tomorrow', { token, body: { suggest: true } });
  expect(r.status).toBe(200);
  expect(r.body.suggestion).not.toBeNull();
  const proposal = r.body.suggestion.skills as Record<string, Array<{ serviceId: string; tier: number }>>;
  const applied = await ts.api('POST', '/halls/demo/windows/skills', { token, body: { windows: proposal } });
  expect(applied.status).toBe(200);
  const cfg = (await ts.api('GET', '/halls/demo', { token })).body;
  for (const [id, skills] of Object.entries(proposal)) {
    const w = cfg.windows.find((x: { id: string }) => x.id === id);
    expect(w.skills).toEqual(skills);
  }
  const audit = ts.server.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE hall_id = 'demo' AND action = 'window.update'").get() as { n: number };
  expect(audit.n).toBeGreaterThanOrEqual(Object.keys(proposal).length);
}, 120_000);
