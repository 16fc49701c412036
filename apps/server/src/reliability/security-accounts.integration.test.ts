// Security promises about accounts and browsers (SECURITY.md): password storage, session expiry,
// logout and revocation over HTTP and the live socket, device tokens, login throttling that a
// forged X-Forwarded-For cannot reset, security headers, CORS and the socket Origin allow-list.
import { io as connect } from 'socket.io-client';
import { startTestServer, type TestServer } from '../test-support/test-server';
import { until, live, connectError, databaseBytes } from './support/security';

describe('accounts, sessions and device tokens', () => {
  let s: TestServer;
  let admin: string;
  beforeEach(async () => {
    s = await startTestServer();
    admin = await s.login('admin');
  });
  afterEach(() => s.close());

  test('passwords are stored as salted scrypt hashes (memory-hard), never in clear', async () => {
    const password = 'Correct-Horse-9137';
    const created = await s.api('POST', '/halls/demo/staff', {
      token: admin,
      body: { username: 'zhang', name: '张三', role: 'officer', password },
    });
    expect(created.status).toBe(201);
    expect(JSON.stringify(created.body)).not.toContain(password);
    const rows = s.server.db.prepare('SELECT username, password_hash AS h FROM staff').all() as Array<{ username: string; h: string }>;
    // The cost is in the hash (tests run at 2^14 for speed; production's 2^17 is checked in security-staff).
    // Seeded demo accounts (published passwords) start at the demo cost until their first sign-in.
    for (const r of rows) {
      const atConfiguredCost = r.username === 'zhang' || r.username === 'admin'; // created by the API, or signed in
      expect(r.h).toMatch(atConfiguredCost ? /^scrypt\$14\.8\.1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/ : /^scrypt\$10\.8\.1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    }
    // Every account has its own salt: no two rows share a hash, demo accounts included.
    expect(new Set(rows.map((r) => r.h)).size).toBe(rows.length);
    // The same password gives a different hash per account: the salt is per hash.
    const twin = await s.api('POST', '/halls/demo/staff', { token: admin, body: { username: 'li', name: '李四', role: 'officer', password } });
    expect(twin.status).toBe(201);
    const hashOf = (u: string) => (s.server.db.prepare('SELECT password_hash AS h FROM staff WHERE username = ?').get(u) as { h: string }).h;
    expect(hashOf('li')).not.toBe(hashOf('zhang'));
    expect(databaseBytes(s.dataDir)).not.toContain(password);
    expect((await s.api('POST', '/auth/login', { body: { username: 'zhang', password } })).status).toBe(200);
  });

  test('a staff session expires after 12 hours without use; use keeps it alive', async () => {
    const token = await s.login('w01');
    s.clock.advance(11 * 3600);
    expect((await s.api('GET', '/me', { token })).status).toBe(200);
    s.clock.advance(11 * 3600); // 22 h after login, 11 h after the last use
    expect((await s.api('GET', '/me', { token })).status).toBe(200);
    s.clock.advance(12 * 3600 + 1);
    const r = await s.api('GET', '/me', { token });
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('unauthorized');
    expect(await connectError(s.base, token)).toMatch(/unauthorized/);
  });

  test('logout ends the session for HTTP and cuts its live socket', async () => {
    const token = await s.login('w02');
    const l = await live(s.base, token);
    try {
      expect((await s.api('POST', '/auth/logout', { token })).status).toBe(204);
      expect((await s.api('GET', '/halls/demo/queue', { token })).status).toBe(401);
      await until(() => !l.state.connected, 'socket cut after logout');
      expect(await connectError(s.base, token)).toMatch(/unauthorized/);
    } finally {
      l.socket.close();
    }
  });

  test('an admin revoking a device cuts it off at once: HTTP 401, its socket dropped and refused', async () => {
    const created = await s.api('POST', '/halls/demo/devices', { token: admin, body: { kind: 'display', name: 'Lobby 2' } });
    const { device, token } = created.body as { device: { id: string }; token: string };
    const l = await live(s.base, token);
    try {
      expect((await s.api('GET', '/halls/demo/queue', { token })).status).toBe(200);
      expect((await s.api('PATCH', `/halls/demo/devices/${device.id}`, { token: admin, body: { revoked: true } })).status).toBe(200);
      expect((await s.api('GET', '/halls/demo/queue', { token })).status).toBe(401);
      await until(() => !l.state.connected, 'revoked device socket cut');
      // Nothing issued after the revocation reaches it.
      const before = l.received.length;
      await s.api('POST', '/halls/demo/tickets', { token: s.deviceToken('kiosk'), body: { serviceId: 'svc-food' } });
      await new Promise((r) => setTimeout(r, 50));
      expect(l.received.length).toBe(before);
      expect(await connectError(s.base, token)).toMatch(/unauthorized/);
    } finally {
      l.socket.close();
    }
  });

  test('deactivating a staff member or changing the password ends their sessions and sockets', async () => {
    const token = await s.login('w05');
    const l = await live(s.base, token);
    try {
      expect((await s.api('PATCH', '/halls/demo/staff/staff-w05', { token: admin, body: { password: 'a-new-password-1' } })).status).toBe(200);
      expect((await s.api('GET', '/me', { token })).status).toBe(401);
      await until(() => !l.state.connected, 'socket cut after password change');
    } finally {
      l.socket.close();
    }
    const other = await s.login('w06');
    await s.api('PATCH', '/halls/demo/staff/staff-w06', { token: admin, body: { active: false } });
    expect((await s.api('GET', '/me', { token: other })).status).toBe(401);
    expect((await s.api('POST', '/auth/login', { body: { username: 'w06', password: 'demo' } })).status).toBe(401);
  });

  test('deactivating a staff member signed in at a window closes it; while it has a ticket called, it is refused and nothing changes', async () => {
    const token = await s.login('w01');
    expect((await s.api('POST', '/windows/win-1/sign-in', { token, body: {} })).status).toBe(200);
    expect((await s.api('POST', '/halls/demo/tickets', { token: s.deviceToken('kiosk'), body: { serviceId: 'svc-reg' } })).status).toBe(201);
    const called = await s.api('POST', '/windows/win-1/call-next', { token, body: {} });
    expect(called.status).toBe(200);
    const window = () => s.server.deps.repos.windows.get('win-1')!;

    const refused = await s.api('PATCH', '/halls/demo/staff/staff-w01', { token: admin, body: { active: false } });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/window 1\b.*called or being served/) });
    expect((await s.api('GET', '/me', { token })).status).toBe(200);
    expect(window()).toMatchObject({ state: 'open', staffId: 'staff-w01', currentTicketId: called.body.ticket.id });

    expect((await s.api('POST', `/tickets/${called.body.ticket.id}/cancel`, { token, body: {} })).status).toBe(200);
    expect((await s.api('PATCH', '/halls/demo/staff/staff-w01', { token: admin, body: { active: false } })).status).toBe(200);
    expect((await s.api('GET', '/me', { token })).status).toBe(401);
    expect(window()).toMatchObject({ state: 'closed', staffId: null, currentTicketId: null });
    // The window is free: once active again, its holder (or anyone allowed there) signs in at once.
    expect((await s.api('PATCH', '/halls/demo/staff/staff-w01', { token: admin, body: { active: true } })).status).toBe(200);
    expect((await s.api('POST', '/windows/win-1/sign-in', { token: await s.login('w01'), body: {} })).status).toBe(200);
  });

  test('device and session tokens carry 256 random bits and are stored only as SHA-256 hashes', async () => {
    const created = await s.api('POST', '/halls/demo/devices', { token: admin, body: { kind: 'kiosk', name: 'Kiosk 9' } });
    const token = created.body.token as string;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 bytes in base64url
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const session = await s.login('w07');
    const db = databaseBytes(s.dataDir);
    expect(db).not.toContain(token);
    expect(db).not.toContain(session);
    const hashes = s.server.db.prepare('SELECT token_hash AS h FROM devices UNION ALL SELECT token_hash FROM sessions').all() as Array<{ h: string }>;
    for (const { h } of hashes) expect(h).toMatch(/^[0-9a-f]{64}$/);
    // Tokens are distinct across many issues (no weak generator).
    const many = new Set<string>();
    for (let i = 0; i < 5; i++) many.add(await s.login('w08'));
    expect(many.size).toBe(5);
  });

  test('login throttling slows the account tried, not the hall: a forged X-Forwarded-For resets nothing, open sessions keep working', async () => {
    for (let i = 0; i < 10; i++) {
      const r = await s.api('POST', '/auth/login', { body: { username: 'admin', password: `guess-${i}` }, headers: { 'x-forwarded-for': `10.0.0.${i}` } });
      expect([401, 429]).toContain(r.status);
      if (r.status === 429) expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }
    // The account waits (even with the right password, from a "new" address) ...
    const r = await s.api('POST', '/auth/login', { body: { username: 'admin', password: 'demo' }, headers: { 'x-forwarded-for': '10.9.9.9' } });
    expect(r.status).toBe(429);
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // ... a colleague from the same address does not ...
    expect((await s.api('POST', '/auth/login', { body: { username: 'super', password: 'demo' } })).status).toBe(200);
    // ... and sessions already open keep working: throttling stops guessing, not the hall.
    expect((await s.api('GET', '/me', { token: admin })).status).toBe(200);
    // A wrong password and an unknown user answer the same.
    s.clock.advance(3601);
    const unknown = await s.api('POST', '/auth/login', { body: { username: 'nobody', password: 'x' } });
    const wrong = await s.api('POST', '/auth/login', { body: { username: 'admin', password: 'x' } });
    expect(unknown.body).toEqual(wrong.body);
  });
});

describe('browser-facing protections', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ env: { ALLOWED_ORIGINS: 'https://console.hall.example' } });
  });
  afterAll(() => s.close());

  test('security headers on API answers, errors and pages', async () => {
    for (const p of ['/api/v1/health', '/api/v1/halls/demo', '/console', '/no-such-page']) {
      const r = await fetch(`${s.base}${p}`);
      const h = r.headers;
      expect([p, h.get('x-content-type-options')]).toEqual([p, 'nosniff']);
      expect(h.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(h.get('content-security-policy')).toContain("default-src 'self'");
      expect(h.get('content-security-policy')).toContain("frame-ancestors 'self'");
      expect(h.get('referrer-policy')).toBe('no-referrer');
      expect(h.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(h.get('x-powered-by')).toBeNull();
    }
  });

  test('CORS: a cross-origin browser request gets no Access-Control-Allow-Origin, also not on preflight', async () => {
    const token = s.deviceToken('display');
    for (const origin of ['http://evil.example', 'https://console.hall.example']) {
      const r = await fetch(`${s.base}/api/v1/halls/demo/queue`, { headers: { origin, authorization: `Bearer ${token}` } });
      expect(r.headers.get('access-control-allow-origin')).toBeNull();
      expect(r.headers.get('access-control-allow-credentials')).toBeNull();
      const pre = await fetch(`${s.base}/api/v1/halls/demo/tickets`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
      });
      expect(pre.headers.get('access-control-allow-origin')).toBeNull();
      expect(pre.headers.get('access-control-allow-headers')).toBeNull();
    }
  });

  test('Socket.IO: an Origin outside the allow-list is refused; a listed one is accepted', async () => {
    const token = s.deviceToken('display');
    const attempt = (origin: string) =>
      new Promise<string>((resolve) => {
        const socket = connect(s.base, { auth: { token }, transports: ['websocket'], reconnection: false, extraHeaders: { origin } });
        socket.once('connect_error', (e) => (socket.close(), resolve(e.message)));
        socket.once('connect', () => (socket.close(), resolve('connected')));
      });
    expect(await attempt('http://evil.example')).toMatch(/origin/);
    expect(await attempt('https://console.hall.example.evil.example')).toMatch(/origin/);
    expect(await attempt('https://console.hall.example')).toBe('connected');
  });
});
