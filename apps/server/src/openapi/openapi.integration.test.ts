// The server publishes the document, and what it answers conforms to the documented schemas:
// the hand-written answer schemas are held to real responses of a running server, closed: a field
// the server sends that the schema does not name fails too.
import { startTestServer, type ApiResponse, type TestServer } from '../test-support/test-server';
import { conformance } from './conformance';
import { buildOpenApiDocument } from './index';

type Json = Record<string, unknown>;
const doc = buildOpenApiDocument() as Json & { paths: Record<string, Record<string, Json>> };

/** The documented schema of `status` for `method path`, checked against a real response. */
function expectDocumented(method: string, path: string, res: ApiResponse): void {
  const op = doc.paths[path]?.[method.toLowerCase()];
  if (!op) throw new Error(`${method} ${path} is not in the document`);
  const response = (op.responses as Record<string, Json>)[String(res.status)];
  expect([method, path, res.status, response !== undefined]).toEqual([method, path, res.status, true]);
  const schema = ((response!.content as Record<string, Json> | undefined)?.['application/json']?.schema ?? null) as Json | null;
  if (schema === null) {
    expect(res.body).toBeNull();
    return;
  }
  expect([method, path, conformance(doc, schema, res.body, '$', { closed: true })]).toEqual([method, path, []]);
}

let s: TestServer;

/** Calls the server and checks the answer against the document (`template` is the documented path). */
async function check(method: string, template: string, path: string, token?: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse> {
  const res = await s.api(method, path, { token, body, headers });
  expectDocumented(method, template, res);
  return res;
}

beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s.close();
});

it('serves the OpenAPI document at /api/v1/openapi.json without a token', async () => {
  const res = await s.api('GET', '/openapi.json');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  expect(res.body).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
});

it('answers a ticket\'s way through the hall as documented', async () => {
  const kiosk = s.deviceToken('kiosk');
  const pad = s.deviceToken('rating-pad');
  const login = await check('POST', '/auth/login', '/auth/login', undefined, { username: 'w01', password: 'demo' });
  const w1 = login.body.token as string;
  const admin = await s.login('admin');
  await check('GET', '/me', '/me', w1);
  await check('GET', '/me', '/me', kiosk);
  await check('GET', '/halls/{hallId}', '/halls/demo', kiosk);
  await check('POST', '/windows/{windowId}/sign-in', '/windows/win-1/sign-in', w1);
  await check('POST', '/windows/{windowId}/call-next', '/windows/win-1/call-next', w1);
  const issued = await check('POST', '/halls/{hallId}/tickets', '/halls/demo/tickets', kiosk, { serviceId: 'svc-food' });
  const ticket = issued.body.ticket as { id: string; publicId: string };
  await check('GET', '/halls/{hallId}/queue', '/halls/demo/queue', kiosk);
  await check('GET', '/public/tickets/{publicId}', `/public/tickets/${ticket.publicId}`);
  await check('POST', '/windows/{windowId}/call-next', '/windows/win-1/call-next', w1);
  await check('POST', '/windows/{windowId}/call-next', '/windows/win-1/call-next', w1);
  await check('POST', '/tickets/{ticketId}/start', `/tickets/${ticket.id}/start`, w1);
  await check('POST', '/tickets/{ticketId}/complete', `/tickets/${ticket.id}/complete`, w1, { firstTimeAccepted: true });
  await check('POST', '/tickets/{ticketId}/rating', `/tickets/${ticket.id}/rating`, pad, { level: 4, reason: 'slow' });
  await check('POST', '/tickets/{ticketId}/rating', `/tickets/${ticket.id}/rating`, pad, { level: 1 });
  await check('POST', '/windows/{windowId}/pause', '/windows/win-1/pause', w1, { reason: 'break' });
  await check('POST', '/tickets/{ticketId}/print', `/tickets/${ticket.id}/print`, kiosk);
  await check('POST', '/devices/me/status', '/devices/me/status', kiosk, { printerState: 'paper_out' });
  await check('POST', '/halls/{hallId}/tickets', '/halls/demo/tickets', kiosk, { serviceId: 'svc-food', extra: 1 });
  await check('GET', '/halls/{hallId}/queue', '/halls/demo/queue');
  await check('GET', '/halls/{hallId}/audit', '/halls/demo/audit', kiosk);
  await check('GET', '/halls/{hallId}/audit', '/halls/demo/audit', admin);
  await check('GET', '/halls/{hallId}/organisations', '/halls/demo/organisations', admin);
  await check('PATCH', '/halls/{hallId}', '/halls/demo', admin, { announcementRepeat: 2 });
  for (const r of ['services', 'windows', 'staff', 'devices', 'notices']) await check('GET', `/halls/{hallId}/${r}`, `/halls/demo/${r}`, admin);
  const device = await check('POST', '/halls/{hallId}/devices', '/halls/demo/devices', admin, { kind: 'display', name: 'Lobby 2' });
  const notice = await check('POST', '/halls/{hallId}/notices', '/halls/demo/notices', admin, { text: { zh: '通知', en: 'Notice' } });
  await check('PATCH', '/halls/{hallId}/notices/{id}', `/halls/demo/notices/${notice.body.notice.id}`, admin, { active: false });
  await check('DELETE', '/halls/{hallId}/devices/{id}', `/halls/demo/devices/${device.body.device.id}`, admin);
  const booked = await check('POST', '/halls/{hallId}/appointments', '/halls/demo/appointments', admin, { serviceId: 'svc-food', at: '2026-03-02T02:00:00Z' });
  const day = await check('GET', '/halls/{hallId}/appointments', '/halls/demo/appointments?date=2026-03-02', admin);
  expect(day.body.appointments).toHaveLength(1);
  await check('GET', '/halls/{hallId}/appointments/{code}', `/halls/demo/appointments/${booked.body.appointment.code}`, kiosk);
  await check('GET', '/halls/{hallId}/appointments/{code}', '/halls/demo/appointments/000000', kiosk);
  // A header line of empty text (no header printed) is accepted, and answered as documented.
  await check('PATCH', '/halls/{hallId}', '/halls/demo', admin, { ticketTemplate: { header: { zh: '', en: '' } } });
  await check('GET', '/halls/{hallId}', '/halls/demo', admin);
  // Logout takes no fields: one sent is refused and the session stays.
  expect((await check('POST', '/auth/logout', '/auth/logout', w1, { everywhere: true })).status).toBe(400);
  expect((await check('GET', '/me', '/me', w1)).status).toBe(200);
  await check('POST', '/auth/logout', '/auth/logout', w1);
});

it('answers the supervisor\'s figures, follow-ups and staffing planner as documented', async () => {
  // Two tickets through window 9: one served and rated badly (opens a follow-up), one transferred and cancelled.
  const kiosk = s.deviceToken('kiosk');
  const w9 = await s.login('w09');
  const issue = async (): Promise<string> => (await check('POST', '/halls/{hallId}/tickets', '/halls/demo/tickets', kiosk, { serviceId: 'svc-food' })).body.ticket.id;
  const [served, transferred] = [await issue(), await issue()];
  await check('POST', '/windows/{windowId}/sign-in', '/windows/win-9/sign-in', w9);
  s.clock.advance(240);
  expect((await check('POST', '/windows/{windowId}/call-next', '/windows/win-9/call-next', w9)).body.ticket.id).toBe(served);
  await check('POST', '/tickets/{ticketId}/start', `/tickets/${served}/start`, w9);
  s.clock.advance(300);
  await check('POST', '/tickets/{ticketId}/complete', `/tickets/${served}/complete`, w9, { firstTimeAccepted: true });
  const rated = await check('POST', '/tickets/{ticketId}/rating', `/tickets/${served}/rating`, w9, { level: 5, reason: '态度不好' });
  const followUpId = rated.body.rating.followUpId as string;
  expect(followUpId).toEqual(expect.any(String));
  expect((await check('POST', '/windows/{windowId}/call-next', '/windows/win-9/call-next', w9)).body.ticket.id).toBe(transferred);
  await check('POST', '/tickets/{ticketId}/start', `/tickets/${transferred}/start`, w9);
  s.clock.advance(60);
  await check('POST', '/tickets/{ticketId}/transfer', `/tickets/${transferred}/transfer`, w9, { serviceId: 'svc-reg' });
  await check('POST', '/tickets/{ticketId}/cancel', `/tickets/${transferred}/cancel`, w9);

  const sup = await s.login('super');
  const day = 'from=2026-01-05&to=2026-01-05';
  const stats = await check('GET', '/halls/{hallId}/stats', `/halls/demo/stats?${day}`, sup);
  expect(stats.status).toBe(200);
  expect(stats.body).toMatchObject({ transferred: 1, timezone: 'Asia/Shanghai' });
  expect(stats.body.followUps.opened).toBeGreaterThan(0);
  for (const list of ['byService', 'byModule', 'byWindow', 'byStaff', 'byOrganisation', 'byHour', 'byDate']) expect([list, stats.body[list].length > 0]).toEqual([list, true]);
  expect(stats.body.byWindow).toEqual(expect.arrayContaining([expect.objectContaining({ windowNumber: 9, utilisation: expect.any(Number) })]));
  expect(stats.body.arrivals.cells.length).toBeGreaterThan(0);
  await check('GET', '/halls/{hallId}/stats', '/halls/demo/stats?from=2026-01-06&to=2026-01-05', sup);
  await check('GET', '/halls/{hallId}/stats', `/halls/demo/stats?${day}`, w9);
  const compare = await check('GET', '/halls/{hallId}/stats/compare', `/halls/demo/stats/compare?${day}&beforeFrom=2025-12-29&beforeTo=2026-01-04`, sup);
  expect(compare.status).toBe(200);
  expect(compare.body.changes.length).toBeGreaterThan(0);
  expect((await check('GET', '/halls/{hallId}/stats/compare', `/halls/demo/stats/compare?${day}`, sup)).status).toBe(400);
  const export_ = await check('GET', '/halls/{hallId}/reports/haochaping.json', `/halls/demo/reports/haochaping.json?${day}`, sup);
  expect(export_.body.ratings.some((r: { followUp: unknown }) => r.followUp !== null)).toBe(true);

  const list = await check('GET', '/halls/{hallId}/follow-ups', '/halls/demo/follow-ups?status=active', sup);
  expect(list.body.followUps.map((f: { id: string }) => f.id)).toContain(followUpId);
  await check('GET', '/halls/{hallId}/follow-ups', '/halls/demo/follow-ups?status=lost', sup);
  const steps = `/follow-ups/${followUpId}/steps`;
  const key = { 'Idempotency-Key': 'assign-once' };
  const assigned = await check('POST', '/follow-ups/{id}/steps', steps, sup, { action: 'assign', assignee: 'staff-super' }, key);
  expect(assigned.status).toBe(201);
  expect((await check('POST', '/follow-ups/{id}/steps', steps, sup, { action: 'assign', assignee: 'staff-super' }, key)).body).toEqual(assigned.body);
  await check('POST', '/follow-ups/{id}/steps', steps, sup, { action: 'call_back', note: '已回访' });
  expect((await check('POST', '/follow-ups/{id}/steps', steps, sup, { action: 'review', note: '复核' })).body.error.code).toBe('invalid_transition');
  expect((await check('POST', '/follow-ups/{id}/steps', steps, sup, { action: 'rectify' })).status).toBe(400);
  expect((await check('POST', '/follow-ups/{id}/steps', '/follow-ups/fu-nope/steps', sup, { action: 'review', note: 'x' })).status).toBe(404);
  const after = await check('GET', '/halls/{hallId}/follow-ups', '/halls/demo/follow-ups', sup);
  expect(after.body.followUps.find((f: { id: string }) => f.id === followUpId).steps.map((x: { action: string }) => x.action)).toEqual(['assign', 'call_back']);

  const forecast = await check('GET', '/halls/{hallId}/planning/forecast', `/halls/demo/planning/forecast?${day}`, sup);
  expect(forecast.body.tickets).toBeGreaterThan(0);
  await check('GET', '/halls/{hallId}/planning/forecast', '/halls/demo/planning/forecast?days=mondays', sup);
  const plan = await check('POST', '/halls/{hallId}/planning/plan', '/halls/demo/planning/plan', sup, { from: '2026-01-05', to: '2026-01-05' });
  expect(plan.body.skillPlan.length).toBeGreaterThan(0);
  const rush = Array.from({ length: 24 }, (_, h) => (h >= 9 && h < 12 ? 12 : 0));
  await check('POST', '/halls/{hallId}/planning/plan', '/halls/demo/planning/plan', sup, { forecast: { 'svc-food': rush }, serviceMinutes: { 'svc-reg': 20 }, goalShare: 0.8 });
  expect((await check('POST', '/halls/{hallId}/planning/plan', '/halls/demo/planning/plan', sup, { forecast: { 'svc-nope': rush } })).status).toBe(400);
  expect((await check('POST', '/halls/{hallId}/planning/plan', '/halls/demo/planning/plan', w9, {})).status).toBe(403);
  await check('GET', '/halls/{hallId}/organisations', '/halls/other/organisations', sup);
});

it('answers the visitors-from-home routes as documented', async () => {
  const display = s.deviceToken('display');
  const kiosk = s.deviceToken('kiosk');
  await check('GET', '/public/halls/{hallId}', '/public/halls/demo');
  await check('GET', '/public/halls/{hallId}/slots', '/public/halls/demo/slots?serviceId=svc-reg&date=2026-01-06');
  const start = new Date('2026-01-06T09:00:00+08:00').toISOString();
  const booked = await check('POST', '/public/halls/{hallId}/bookings', '/public/halls/demo/bookings', undefined, { serviceId: 'svc-reg', start });
  const code = booked.body.booking.code as string;
  await check('GET', '/public/bookings/{code}', `/public/bookings/${code}`);
  await check('POST', '/public/bookings/{code}/cancel', `/public/bookings/${code}/cancel`, undefined, {});
  await check('POST', '/public/bookings/{code}/cancel', `/public/bookings/${code}/cancel`, undefined, {});
  await check('GET', '/halls/{hallId}/arrival-code', '/halls/demo/arrival-code', display);
  const remote = await check('POST', '/public/halls/{hallId}/remote-tickets', '/public/halls/demo/remote-tickets', undefined, { serviceId: 'svc-food' });
  await check('GET', '/public/tickets/{publicId}', `/public/tickets/${remote.body.ticket.publicId}`);
  await check('POST', '/public/tickets/{publicId}/arrive', `/public/tickets/${remote.body.ticket.publicId}/arrive`, undefined, { arrivalCode: 'x' });
  await check('POST', '/public/tickets/{publicId}/arrive', `/public/tickets/${remote.body.ticket.publicId}/arrive`, kiosk, {});
  await check('GET', '/halls/{hallId}/queue', '/halls/demo/queue', display);
});
