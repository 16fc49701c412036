// The planner routes on halls that are odd but legal: a service no window can serve, windows
// with no skills at all, no history at all, and a range with no days of the kind asked for.
// Each gets a clear answer (200, or 400 naming what is missing), never a server error.
import { parseScenario } from '@hallq/simulation';
import { fixtureHall } from '../test-support/fixture-hall';
import { startTestServer, type TestServer } from '../test-support/test-server';

type Hall = ReturnType<typeof fixtureHall>;

const withSkills = (f: (skills: Hall['windows'][number]['skills']) => Hall['windows'][number]['skills']): Hall => {
  const hall = fixtureHall();
  return { ...hall, windows: hall.windows.map((w) => ({ ...w, skills: f(w.skills) })) };
};

async function hallWithHistory(seed: Hall, tickets: string[]): Promise<{ s: TestServer; admin: string }> {
  const s = await startTestServer({ seed });
  s.clock.set('2026-01-05T02:00:00Z'); // Monday 10:00 in Shanghai
  const kiosk = s.deviceToken('kiosk');
  for (const serviceId of tickets) expect((await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId } })).status).toBe(201);
  s.clock.set('2026-01-06T02:30:00Z'); // Tuesday
  return { s, admin: await s.login('admin') };
}

const planning = async (s: TestServer, token: string, query = '', body: Record<string, unknown> = {}) => ({
  forecast: await s.api('GET', `/halls/demo/planning/forecast${query}`, { token }),
  plan: await s.api('POST', '/halls/demo/planning/plan', { token, body }),
  tomorrow: await s.api('POST', '/halls/demo/planning/tomorrow', { token, body: { ...body, suggest: true } }),
});

describe('planner routes on odd halls', () => {
  const servers: TestServer[] = [];
  afterAll(() => Promise.all(servers.map((s) => s.close())));

  test('a service no window can serve: the plan and tomorrow answer, the unserved service shows', async () => {
    const { s, admin } = await hallWithHistory(
      withSkills((skills) => skills.filter((k) => k.serviceId !== 'svc-food')),
      ['svc-food', 'svc-food', 'svc-food', 'svc-reg'],
    );
    servers.push(s);
    const r = await planning(s, admin, '?from=2026-01-05&to=2026-01-05', { from: '2026-01-05', to: '2026-01-05' });
    expect(r.forecast.status).toBe(200);
    expect(r.plan.status).toBe(200);
    expect(r.tomorrow.status).toBe(200);
    const food = r.tomorrow.body.today.services.find((x: { id: string }) => x.id === 'svc-food');
    expect(food.arrivals).toBeGreaterThan(0);
    expect(r.tomorrow.body.today.withinTargetShare).toBeLessThan(1);
    expect(r.tomorrow.body.suggestion.met).toBe(false);
    // The plan's scenario file reads as a valid scenario for the simulate command.
    expect(() => parseScenario(r.plan.body.scenario)).not.toThrow();
  }, 60_000);

  test('no window has any skill: clear answers, no server error', async () => {
    const { s, admin } = await hallWithHistory(withSkills(() => []), ['svc-food', 'svc-reg']);
    servers.push(s);
    const r = await planning(s, admin, '?from=2026-01-05&to=2026-01-05', { from: '2026-01-05', to: '2026-01-05' });
    expect(r.forecast.status).toBe(200);
    expect(r.plan.status).toBe(200);
    expect(r.tomorrow.status).toBe(200);
    expect(r.tomorrow.body.today.services.every((x: { arrivals: number }) => x.arrivals >= 0)).toBe(true);
    if (r.plan.body.scenario) expect(() => parseScenario(r.plan.body.scenario)).not.toThrow();
  }, 60_000);

  test('no history at all, and a range with no days of the kind asked for', async () => {
    const s = await startTestServer();
    servers.push(s);
    s.clock.set('2026-01-06T02:30:00Z');
    const admin = await s.login('admin');
    for (const [query, body] of [
      ['', {}],
      ['?from=2026-01-05&to=2026-01-06&days=weekends', { from: '2026-01-05', to: '2026-01-06', days: 'weekends' }],
    ] as const) {
      const r = await planning(s, admin, query, body);
      expect(r.forecast.status).toBe(200);
      expect(r.forecast.body.tickets).toBe(0);
      expect(r.plan.status).toBe(200);
      expect(r.plan.body.scenario).toBeNull();
      expect(r.tomorrow.status).toBe(400);
      expect(r.tomorrow.body.error.message).toMatch(/no arrivals/);
    }
  }, 60_000);
});
