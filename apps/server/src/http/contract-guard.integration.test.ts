// Bad input at the door never reaches a route: TRACE is 405, a method a documented path does not
// list is 405 with Allow, an undeclared query parameter is 400, and every date is a real calendar
// date (one validator) so impossible dates are 400, never 500.
import http from 'node:http';
import { startTestServer, type TestServer } from '../test-support/test-server';

describe('contract guard', () => {
  let s: TestServer;
  let admin: string;
  beforeAll(async () => {
    s = await startTestServer();
    admin = await s.login('admin');
  });
  afterAll(() => s.close());

  test('TRACE answers 405 on the API and on pages', async () => {
    // fetch refuses to send TRACE, so this one goes out through node:http as a fuzzer's would.
    const trace = (path: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = http.request(`${s.base}${path}`, { method: 'TRACE', headers: { authorization: `Bearer ${admin}` } }, (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        req.end();
      });
    for (const path of ['/api/v1/health', '/api/v1/halls/demo', '/console']) {
      const r = await trace(path);
      expect([path, r.status, (JSON.parse(r.body) as { error: { code: string } }).error.code]).toEqual([path, 405, 'method_not_allowed']);
    }
  });

  test('a path the document does not have is 404, even where Express would route it (another case, a trailing slash)', async () => {
    for (const [method, path] of [
      ['GET', '/HALLS/demo'], ['GET', '/halls/demo/'], ['GET', '/Health'], ['GET', '/halls/demo/queue/?zzz=1'], ['GET', '/openapi.json/'],
      ['POST', '/HALLS/demo/tickets'], ['POST', '/halls/demo/tickets/'], ['POST', '/Auth/Login'], ['GET', '/nothing-here'],
    ] as const) {
      const r = await s.api(method, path, { token: admin, body: method === 'POST' ? { serviceId: 'svc-food' } : undefined });
      expect([method, path, r.status, r.body?.error?.code]).toEqual([method, path, 404, 'not_found']);
    }
    expect((await s.api('GET', '/halls/demo/queue', { token: admin })).body.waiting).toEqual([]);
  });

  test('a method a documented path does not have answers 405 with Allow', async () => {
    const r = await s.api('DELETE', '/halls/demo/queue', { token: admin });
    expect(r.status).toBe(405);
    expect(r.body.error.code).toBe('method_not_allowed');
    expect(r.headers.get('allow')).toBe('GET');
  });

  test('an unknown query parameter is refused with 400 on documented routes; declared ones pass', async () => {
    const bad = await s.api('GET', '/halls/demo/queue?verbose=1', { token: admin });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'validation_failed', details: [{ path: ['query', 'verbose'] }] });
    expect((await s.api('GET', '/halls/demo/stats?from=2026-01-01&to=2026-01-05', { token: admin })).status).toBe(200);
    expect((await s.api('GET', '/halls/demo/stats?from=2026-01-01&to=2026-01-05&by=day', { token: admin })).status).toBe(400);
  });

  test.each([
    ['GET', '/halls/demo/planning/forecast?from=2026-13-01'],
    ['GET', '/halls/demo/planning/forecast?from=2026-02-29'],
    ['GET', '/halls/demo/stats?from=0000-00-00&to=2026-01-01'],
    ['GET', '/halls/demo/stats?from=2026-04-31&to=2026-05-01'],
    ['GET', '/halls/demo/appointments?date=2026-00-10'],
  ])('%s %s: an impossible date is 400, not 500', async (method, path) => {
    const r = await s.api(method, path, { token: admin });
    expect([r.status, r.body.error?.code]).toEqual([400, 'validation_failed']);
  });

  test('POST planning/plan with 0000-00-00 is 400', async () => {
    const r = await s.api('POST', '/halls/demo/planning/plan', { token: admin, body: { from: '0000-00-00', to: '0000-00-00' } });
    expect([r.status, r.body.error?.code]).toEqual([400, 'validation_failed']);
  });

  test('a service created without a guide answers its documented shape (guide present, both texts empty)', async () => {
    const r = await s.api('POST', '/halls/demo/services', {
      token: admin,
      body: { code: 'Z9', prefix: 'Z', name: { zh: '测试', en: 'Test' }, moduleId: 'mod-single' },
    });
    expect(r.status).toBe(201);
    expect(r.body.service.guide).toEqual({ zh: '', en: '' });
    const doc = (await s.api('GET', '/openapi.json')).body;
    expect(doc.components.schemas.Service.properties.guide).toEqual({ $ref: '#/components/schemas/ServiceGuide' });
    expect(doc.components.schemas.ServiceGuide.properties.zh.minLength).toBeUndefined();
  });
});
