// The server publishes the document, and what it answers conforms to the documented schemas:
// the hand-written answer schemas are held to real responses of a running server.
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
  expect([method, path, conformance(doc, schema, res.body)]).toEqual([method, path, []]);
}

let s: TestServer;
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
  const check = async (method: string, template: string, path: string, token?: string, body?: unknown): Promise<ApiResponse> => {
    const res = await s.api(method, path, { token, body });
    expectDocumented(method, template, res);
    return res;
  };
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
  const booked = await check('POST', '/halls/{hallId}/appointments', '/halls/demo/appointments', admin, { serviceId: 'svc-food', at: '2030-01-02T02:00:00Z' });
  const day = await check('GET', '/halls/{hallId}/appointments', '/halls/demo/appointments?date=2030-01-02', admin);
  expect(day.body.appointments).toHaveLength(1);
  await check('GET', '/halls/{hallId}/appointments/{code}', `/halls/demo/appointments/${booked.body.appointment.code}`, kiosk);
  await check('GET', '/halls/{hallId}/appointments/{code}', '/halls/demo/appointments/000000', kiosk);
  await check('POST', '/auth/logout', '/auth/logout', w1);
});
