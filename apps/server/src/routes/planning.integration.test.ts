import { erlangCAgentsFor } from '@hallq/shared';
import { startTestServer, type TestServer } from '../test-support/test-server';

// The fixture hall (Asia/Shanghai, target from the hall) with a little history: Monday 2026-01-05
// three food-licence tickets and one company registration at 10h local, Tuesday one more food
// licence at 10h, and one food licence served in 5 minutes.
describe('staffing planner routes', () => {
  let s: TestServer;
  let admin: string;
  const hours = (at: Record<number, number>): number[] => Array.from({ length: 24 }, (_, h) => at[h] ?? 0);

  beforeAll(async () => {
    s = await startTestServer();
    s.clock.set('2026-01-05T02:00:00Z'); // Monday 10:00 in Shanghai
    const kiosk = s.deviceToken('kiosk');
    const issue = async (serviceId: string) => {
      const r = await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId } });
      expect(r.status).toBe(201);
      return r.body.ticket as { id: string };
    };
    for (const id of ['svc-food', 'svc-food', 'svc-food', 'svc-reg']) await issue(id);
    const w9 = await s.login('w09');
    expect((await s.api('POST', '/windows/win-9/sign-in', { token: w9 })).status).toBe(200);
    s.clock.advance(60);
    const called = await s.api('POST', '/windows/win-9/call-next', { token: w9 });
    expect(called.body.ticket.serviceId).toBe('svc-food');
    expect((await s.api('POST', `/tickets/${called.body.ticket.id}/start`, { token: w9 })).status).toBe(200);
    s.clock.advance(300);
    expect((await s.api('POST', `/tickets/${called.body.ticket.id}/complete`, { token: w9, body: { firstTimeAccepted: true } })).status).toBe(200);
    s.clock.set('2026-01-06T02:30:00Z'); // Tuesday 10:30
    await issue('svc-food');
    admin = await s.login('admin'); // sessions end with the day
  });
  afterAll(() => s.close());

  test('GET forecast: mean arrivals per local hour over active days, and learned service times', async () => {
    const r = await s.api('GET', '/halls/demo/planning/forecast?from=2026-01-05&to=2026-01-06', { token: admin });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ from: '2026-01-05', to: '2026-01-06', days: 'all', datesInRange: 2, activeDays: 2, tickets: 5 });
    expect(r.body.arrivals['svc-food']).toEqual(hours({ 10: 2 }));
    expect(r.body.arrivals['svc-reg']).toEqual(hours({ 10: 0.5 }));
    expect(r.body.serviceTimes['svc-food']).toEqual({ minutes: 5, source: 'events', samples: 1 });
    expect(r.body.serviceTimes['svc-chg']).toEqual({ minutes: 8, source: 'expected', samples: 0 });
    expect(r.body.services.map((x: { id: string }) => x.id)).toEqual(['svc-reg', 'svc-chg', 'svc-food', 'svc-consult']);
    expect(typeof r.body.waitTargetMinutes).toBe('number');
    // Default range: the last 28 days up to today; weekends only finds nothing here.
    const d = await s.api('GET', '/halls/demo/planning/forecast', { token: await s.login('super') });
    expect(d.body).toMatchObject({ from: '2025-12-10', to: '2026-01-06', activeDays: 2 });
    const we = await s.api('GET', '/halls/demo/planning/forecast?days=weekends', { token: admin });
    expect(we.body).toMatchObject({ activeDays: 0, tickets: 0 });
  });

  test('only admins and supervisors; bad queries are 400', async () => {
    expect((await s.api('GET', '/halls/demo/planning/forecast')).status).toBe(401);
    expect((await s.api('GET', '/halls/demo/planning/forecast', { token: await s.login('w01') })).status).toBe(403);
    expect((await s.api('POST', '/halls/demo/planning/plan', { token: s.deviceToken('kiosk'), body: {} })).status).toBe(403);
    expect((await s.api('GET', '/halls/other/planning/forecast', { token: admin })).status).toBe(404);
    for (const q of ['from=2026-01-07&to=2026-01-06', 'from=2026-1-5', 'days=mondays', 'from=2024-01-01&to=2026-01-06']) {
      const r = await s.api('GET', `/halls/demo/planning/forecast?${q}`, { token: admin });
      expect([q, r.status, r.body.error?.code]).toEqual([q, 400, 'validation_failed']);
    }
  });

  test('POST plan with a typed-in forecast: Erlang C per service, per module and pooled; skills by module and zone', async () => {
    const r = await s.api('POST', '/halls/demo/planning/plan', {
      token: admin,
      body: { forecast: { 'svc-food': hours({ 9: 10, 10: 30 }), 'svc-reg': hours({ 10: 6 }), 'svc-chg': hours({ 10: 3 }) }, goalShare: 0.8, targetMinutes: 20 },
    });
    expect(r.status).toBe(200);
    const plan = r.body;
    expect(plan).toMatchObject({ method: 'erlang-c', simulated: false, forecastSource: 'request', goal: { share: 0.8, targetMinutes: 20 }, span: { from: 9, to: 10 } });
    expect(plan.notes.length).toBeGreaterThan(0);
    expect(plan.hours).toHaveLength(24);
    const h10 = plan.hours[10];
    // Food licences: 30/h at the learned 5 minutes (12/h per window), 20-minute target.
    expect(h10.dedicated['svc-food']).toBe(erlangCAgentsFor(30, 12, 20 / 60, 0.8));
    expect(h10.byModule['mod-single']).toBe(h10.dedicated['svc-food']);
    expect(h10.recommended).toBe(h10.byModule['mod-biz'] + h10.byModule['mod-single'] + h10.byModule['mod-consult']);
    expect(h10.pooled).toBeLessThanOrEqual(h10.recommended);
    expect(h10.recommended).toBeLessThanOrEqual(h10.dedicatedTotal);
    expect(h10.expectedWithinTarget).toBeGreaterThanOrEqual(0.8);
    expect(plan.hours[3]).toMatchObject({ totalArrivals: 0, recommended: 0, expectedWithinTarget: null });
    expect(plan.totals.recommendedWindowHours).toBe(plan.hours[9].recommended + h10.recommended);
    expect(plan.totals.peakRecommended).toBe(h10.recommended);

    // One suggested window per module window at the peak; food licences on zone B windows (9..16).
    const food = plan.skillPlan.filter((w: { moduleId: string }) => w.moduleId === 'mod-single');
    expect(food).toHaveLength(h10.byModule['mod-single']);
    for (const w of food) {
      expect(w).toMatchObject({ zone: 'B', tier1: ['svc-food'] });
      expect(w.windowNumber).toBeGreaterThanOrEqual(9);
    }
    expect(food[0].open).toEqual([{ from: 9, to: 11 }]);
    const biz = plan.skillPlan.filter((w: { moduleId: string }) => w.moduleId === 'mod-biz');
    expect(biz[0]).toMatchObject({ zone: 'A', tier1: ['svc-reg', 'svc-chg'], open: [{ from: 10, to: 11 }] });
    expect(biz[0].windowNumber).toBeLessThanOrEqual(8);
    expect(plan.skillPlan.reduce((a: number, w: { openHours: number }) => a + w.openHours, 0)).toBe(plan.totals.recommendedWindowHours);
    // The scenario for `npm run simulate`: the busy hours, the suggested windows.
    expect(plan.scenario).toMatchObject({ startHour: 9, hours: 2, warmupHours: 0, waitTargetMinutes: 20 });
    expect(plan.scenario.windows).toHaveLength(plan.skillPlan.length);
  });

  test('POST plan without a forecast learns it, with the hall target and a 90% goal by default', async () => {
    const r = await s.api('POST', '/halls/demo/planning/plan', { token: await s.login('super'), body: { from: '2026-01-05', to: '2026-01-06' } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ forecastSource: 'learned', learnedFrom: { activeDays: 2, tickets: 5 }, goal: { share: 0.9 }, span: { from: 10, to: 10 } });
    expect(r.body.hours[10].arrivals).toMatchObject({ 'svc-food': 2, 'svc-reg': 0.5 });
    expect(r.body.hours[10].recommended).toBeGreaterThanOrEqual(2);
    const food = r.body.services.find((x: { id: string }) => x.id === 'svc-food');
    expect(food).toMatchObject({ serviceMinutes: 5, serviceTimeSource: 'events' });
    const withMinutes = await s.api('POST', '/halls/demo/planning/plan', { token: admin, body: { serviceMinutes: { 'svc-food': 12 } } });
    expect(withMinutes.body.services.find((x: { id: string }) => x.id === 'svc-food')).toMatchObject({ serviceMinutes: 12, serviceTimeSource: 'request' });
  });

  test('POST plan refuses bad input with 400 validation_failed', async () => {
    const bad: unknown[] = [
      { goalShare: 1.2 },
      { goalShare: 0.3 },
      { targetMinutes: 0 },
      { forecast: { 'svc-food': hours({}).slice(1) } },
      { forecast: { 'svc-food': hours({ 9: -1 }) } },
      { forecast: { 'svc-nope': hours({ 9: 1 }) } },
      { serviceMinutes: { 'svc-food': 0 } },
      { serviceMinutes: { 'svc-nope': 5 } },
      { surprise: true },
      [],
    ];
    for (const body of bad) {
      const r = await s.api('POST', '/halls/demo/planning/plan', { token: admin, body });
      expect([body, r.status, r.body.error?.code]).toEqual([body, 400, 'validation_failed']);
    }
  });
});
