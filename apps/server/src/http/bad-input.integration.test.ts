import net from 'node:net';
import { startTestServer, type TestServer } from '../test-support/test-server';

describe('bad requests get a clear error and change nothing', () => {
  let s: TestServer;
  let kiosk: string;
  let admin: string;
  let w1: string;
  beforeAll(async () => {
    s = await startTestServer({ publicRateLimit: 1000 });
    kiosk = s.deviceToken('kiosk');
    admin = await s.login('admin');
    w1 = await s.login('w01');
    await s.api('POST', '/windows/win-1/sign-in', { token: w1 });
  });
  afterAll(() => s.close());

  const eventCount = () => (s.server.db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;

  test.each([
    ['POST', '/halls/demo/tickets', 'kiosk'],
    ['POST', '/windows/win-1/call', 'w1'],
    ['POST', '/tickets/x/complete', 'w1'],
    ['POST', '/halls/demo/services', 'admin'],
    ['PATCH', '/halls/demo', 'admin'],
    ['POST', '/auth/login', ''],
  ])('malformed JSON to %s %s is 400 invalid_json', async (method, path, who) => {
    const token = who === 'kiosk' ? kiosk : who === 'w1' ? w1 : who === 'admin' ? admin : undefined;
    const before = eventCount();
    const r = await s.api(method, path, { token, raw: '{"serviceId": ', headers: { 'content-type': 'application/json' } });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('invalid_json');
    expect(eventCount()).toBe(before);
  });

  test('a DELETE takes no body; `{}` (some HTTP clients send it with every request) counts as none', async () => {
    const created = await s.api('POST', '/halls/demo/notices', { token: admin, body: { text: { zh: '通知', en: 'Notice' } } });
    expect(created.status).toBe(201);
    const path = `/halls/demo/notices/${created.body.notice.id}`;
    const json = { 'content-type': 'application/json' };
    const ids = async () => (await s.api('GET', '/halls/demo/notices', { token: admin })).body.notices.map((n: { id: string }) => n.id);
    for (const raw of ['{"id": 1}', '[]', 'null']) {
      const r = await s.api('DELETE', path, { token: admin, raw, headers: json });
      expect([r.status, r.body.error.code]).toEqual([400, 'bad_request']);
      expect(await ids()).toContain(created.body.notice.id);
    }
    expect((await s.api('DELETE', path, { token: admin, raw: ' {} ', headers: json })).status).toBe(204);
    expect(await ids()).not.toContain(created.body.notice.id);
  });

  test('wrong types are 400 validation_failed with the issue paths', async () => {
    const r = await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 42, priority: 'yes' } });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('validation_failed');
    expect(r.body.error.details.map((d: { path: string[] }) => d.path.join('.')).sort()).toEqual(['priority', 'serviceId']);
    const extra = await s.api('POST', '/windows/win-1/call-next', { token: w1, body: { hack: true } });
    expect(extra.body.error.code).toBe('validation_failed');
    const svc = await s.api('POST', '/halls/demo/services', { token: admin, body: { code: 'X', prefix: 'ab', name: { zh: 'x' }, moduleId: 'mod-biz' } });
    expect(svc.body.error.details.map((d: { path: string[] }) => d.path.join('.'))).toEqual(expect.arrayContaining(['prefix', 'name.en']));
  });

  test('a body over 64 kB is 413 payload_too_large', async () => {
    const r = await s.api('POST', '/halls/demo/notices', { token: admin, body: { text: { zh: 'x'.repeat(70_000), en: 'x' } } });
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('payload_too_large');
  });

  test('a body that is not JSON is 415', async () => {
    const r = await s.api('POST', '/halls/demo/tickets', { token: kiosk, raw: 'serviceId=svc-food', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(r.status).toBe(415);
    expect(r.body.error.code).toBe('unsupported_media_type');
  });

  test.each([
    ['POST', '/tickets/nope/start', 'w1'],
    ['POST', '/windows/nope/call-next', 'w1'],
    ['GET', '/halls/nope', 'kiosk'],
    ['GET', '/public/tickets/nope', ''],
    ['PATCH', '/halls/demo/services/nope', 'admin'],
    ['DELETE', '/halls/demo/windows/nope', 'admin'],
    ['GET', '/no/such/route', 'admin'],
  ])('unknown id: %s %s is 404 not_found', async (method, path, who) => {
    const token = who === 'kiosk' ? kiosk : who === 'w1' ? w1 : who === 'admin' ? admin : undefined;
    const r = await s.api(method, path, { token, body: method === 'PATCH' ? { active: false } : undefined });
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('not_found');
  });

  test.each([
    ['GET', '/halls/demo'],
    ['POST', '/halls/demo/tickets'],
    ['POST', '/windows/win-1/call-next'],
    ['POST', '/tickets/x/start'],
    ['GET', '/halls/demo/services'],
    ['POST', '/auth/logout'],
  ])('no token or a bad token: %s %s is 401', async (method, path) => {
    expect((await s.api(method, path)).status).toBe(401);
    const r = await s.api(method, path, { token: 'bogus' });
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('unauthorized');
  });

  test.each([
    ['kiosk', 'POST', '/windows/win-1/call-next'],
    ['kiosk', 'GET', '/halls/demo/staff'],
    ['display', 'POST', '/halls/demo/tickets'],
    ['w1', 'POST', '/halls/demo/services'],
    ['w1', 'GET', '/halls/demo/audit'],
    ['super', 'DELETE', '/halls/demo/windows/win-2'],
    ['rating-pad', 'POST', '/tickets/x/start'],
  ])('wrong role: %s may not %s %s (403)', async (who, method, path) => {
    const token = who === 'w1' ? w1 : who === 'super' ? await s.login('super') : s.deviceToken(who as 'kiosk');
    const r = await s.api(method, path, { token, body: method === 'POST' ? {} : undefined });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('forbidden');
  });

  test('logout revokes the session', async () => {
    const t = await s.login('w02');
    expect((await s.api('POST', '/auth/logout', { token: t })).status).toBe(204);
    expect((await s.api('GET', '/me', { token: t })).status).toBe(401);
  });
});

describe('rate limits', () => {
  // Every rule in detail: rate-limits.integration.test.ts.
  test('unknown publicIds are limited per address, with Retry-After; authenticated requests are not', async () => {
    const s = await startTestServer({ publicRateLimit: 5 });
    try {
      for (let i = 0; i < 5; i++) expect((await s.api('GET', '/public/tickets/nope')).status).toBe(404);
      const r = await s.api('GET', '/public/tickets/nope');
      expect(r.status).toBe(429);
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      for (let i = 0; i < 10; i++) expect((await s.api('GET', '/halls/demo', { token: s.deviceToken('kiosk') })).status).toBe(200);
    } finally {
      await s.close();
    }
  });
});

describe('requests refused before any route runs still get the JSON error shape', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  /** Sends raw bytes and reads the whole answer (the server closes the connection after it). */
  const raw = (request: string): Promise<{ status: number; body: { error?: { code: string; message: string } } }> =>
    new Promise((resolve, reject) => {
      const { port } = new URL(s.base);
      const socket = net.connect(Number(port), '127.0.0.1', () => socket.write(request));
      let data = '';
      socket.setEncoding('utf8');
      socket.on('data', (d: string) => (data += d));
      socket.on('error', reject);
      socket.on('end', () => {
        const [head, ...rest] = data.split('\r\n\r\n');
        resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head!)?.[1]), body: JSON.parse(rest.join('\r\n\r\n') || '{}') });
      });
    });

  test('an idle connection is kept for a minute, not five seconds, so a client reusing it is not reset', async () => {
    const r = await fetch(`${s.base}/api/v1/health`);
    expect(r.headers.get('keep-alive')).toBe('timeout=65');
    expect(s.server.http.keepAliveTimeout).toBe(65_000);
  });

  test('an HTTP/1.1 request without Host is 400 bad_request', async () => {
    const r = await raw('GET /api/v1/health HTTP/1.1\r\nConnection: close\r\n\r\n');
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'bad_request', message: expect.stringMatching(/Host/) });
  });

  test('an Expect header other than 100-continue is 417 expectation_failed; 100-continue is served', async () => {
    const r = await raw('GET /api/v1/health HTTP/1.1\r\nHost: x\r\nExpect: 200-ok\r\nConnection: close\r\n\r\n');
    expect(r.status).toBe(417);
    expect(r.body.error).toMatchObject({ code: 'expectation_failed', message: expect.stringMatching(/200-ok/) });
    const ok = await raw('GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(ok.status).toBe(200);
  });
});
