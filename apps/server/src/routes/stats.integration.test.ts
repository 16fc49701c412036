// GET /halls/:hallId/stats and /stats/compare on a running server: tickets driven through the
// API with a fake clock, figures worked out by hand, answers held to the OpenAPI document.
import { conformance } from '../openapi/conformance';
import { buildOpenApiDocument } from '../openapi';
import { FakeClock } from '../test-support/fake-clock';
import { startTestServer, type TestServer } from '../test-support/test-server';

const doc = buildOpenApiDocument() as Record<string, unknown>;

describe('hall KPIs over the API', () => {
  let s: TestServer;
  let kiosk: string;
  let pad: string;
  let w1: string;
  let sup: string;
  const post = (path: string, token: string, body?: unknown) => s.api('POST', path, { token, body });
  const stats = (query: string, token = sup) => s.api('GET', `/halls/demo/stats?${query}`, { token });

  beforeAll(async () => {
    s = await startTestServer({ clock: new FakeClock(Date.parse('2026-01-05T02:00:00Z')) }); // 10:00 in Shanghai, a Monday
    kiosk = s.deviceToken('kiosk');
    pad = s.deviceToken('rating-pad');
    w1 = await s.login('w01');
    await post('/windows/win-1/sign-in', w1);
    // T1: waits 600 s, served 300 s, accepted first time, rated 1 (非常满意)
    const t1 = (await post('/halls/demo/tickets', kiosk, { serviceId: 'svc-food' })).body.ticket;
    s.clock.advance(600);
    expect((await post('/windows/win-1/call-next', w1)).body.ticket.id).toBe(t1.id);
    await post(`/tickets/${t1.id}/start`, w1);
    s.clock.advance(300);
    await post(`/tickets/${t1.id}/complete`, w1, { firstTimeAccepted: true });
    expect((await post(`/tickets/${t1.id}/rating`, pad, { level: 1 })).status).toBe(201);
    // T2: waits 3000 s (past the 2400 s target), no-show
    const t2 = (await post('/halls/demo/tickets', kiosk, { serviceId: 'svc-food' })).body.ticket;
    s.clock.advance(3000);
    expect((await post('/windows/win-1/call-next', w1)).body.ticket.id).toBe(t2.id);
    await post(`/tickets/${t2.id}/recall`, w1);
    expect((await post(`/tickets/${t2.id}/no-show`, w1)).status).toBe(200);
    // T3 at 23:59:30 local, T4 at 00:00:30 local the next day
    s.clock.set('2026-01-05T15:59:30Z');
    await post('/halls/demo/tickets', kiosk, { serviceId: 'svc-food' });
    s.clock.set('2026-01-05T16:00:30Z');
    await post('/halls/demo/tickets', kiosk, { serviceId: 'svc-food' });
    sup = await s.login('super'); // sessions lapse after hours idle: log in after the clock jumps
    w1 = await s.login('w01');
  });
  afterAll(() => s.close());

  test('the figures of the day, as API.md shapes them and the OpenAPI document describes them', async () => {
    const r = await stats('from=2026-01-05&to=2026-01-05');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      issued: 3, served: 1, noShow: 1, cancelled: 0,
      waitSeconds: { mean: 1800, p50: 600, p90: 3000, max: 3000 },
      withinTargetShare: 0.5,
      serviceSeconds: { mean: 300, p50: 300, p90: 300 },
      firstTimeAcceptedShare: 1,
      ratings: { count: 1, byLevel: { 1: 1, 2: 0, 3: 0, 4: 0, 5: 0 }, satisfiedShare: 1, bad: 0 },
      followUps: { opened: 0, rectificationRate: null },
    });
    expect(r.body.byService).toEqual([expect.objectContaining({ serviceId: 'svc-food', issued: 3 })]);
    expect(r.body.byWindow).toEqual([expect.objectContaining({ windowId: 'win-1', windowNumber: 1, issued: 2, served: 1, noShow: 1 })]);
    expect(r.body.byStaff).toEqual([expect.objectContaining({ staffId: 'staff-w01', served: 1, ratings: expect.objectContaining({ count: 1 }) })]);
    expect(r.body.byOrganisation).toEqual([expect.objectContaining({ organisationId: 'gov', served: 1 })]);
    expect(r.body.byHour.map((h: { hour: number; issued: number }) => [h.hour, h.issued])).toEqual([[10, 2], [23, 1]]);
    expect(conformance(doc, { $ref: '#/components/schemas/Stats' }, r.body)).toEqual([]);
  });

  test('the next local day starts at midnight in the hall\'s timezone', async () => {
    expect((await stats('from=2026-01-06&to=2026-01-06')).body.issued).toBe(1);
    expect((await stats('from=2026-01-05&to=2026-01-06')).body.byDate.map((d: { issued: number }) => d.issued)).toEqual([3, 1]);
  });

  test('compare: two periods side by side with the change of each KPI', async () => {
    const r = await s.api('GET', '/halls/demo/stats/compare?beforeFrom=2026-01-04&beforeTo=2026-01-04&from=2026-01-05&to=2026-01-05', { token: sup });
    expect(r.status).toBe(200);
    expect(r.body.before.issued).toBe(0);
    expect(r.body.after.issued).toBe(3);
    expect(r.body.changes).toContainEqual({ kpi: 'issued', before: 0, after: 3, change: 3, relativeChange: null });
    expect(r.body.changes).toContainEqual({ kpi: 'waitSeconds.mean', before: null, after: 1800, change: null, relativeChange: null });
  });

  test.each([
    ['from=2026-01-06&to=2026-01-05', 'from after to'],
    ['from=2026-02-30&to=2026-03-01', 'no such calendar date'],
    ['from=2026-01-05', 'to missing'],
    ['from=5.1.2026&to=2026-01-05', 'not YYYY-MM-DD'],
    ['from=2020-01-01&to=2026-01-05', 'more than 400 days'],
  ])('400 validation_failed for %s (%s)', async (query) => {
    const r = await stats(query);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('validation_failed');
  });

  test('another hall is 404, an officer is 403', async () => {
    expect((await s.api('GET', '/halls/other/stats?from=2026-01-05&to=2026-01-05', { token: sup })).status).toBe(404);
    expect((await stats('from=2026-01-05&to=2026-01-05', w1)).status).toBe(403);
    expect((await s.api('GET', '/halls/demo/stats/compare?from=2026-01-05&to=2026-01-05', { token: sup })).status).toBe(400);
  });
});
