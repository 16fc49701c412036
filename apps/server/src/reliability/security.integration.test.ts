// What the product promises about security (SECURITY.md), each promise a test: password storage,
// session expiry, logout and revocation (HTTP and the live socket), login throttling that a
// forged X-Forwarded-For cannot reset, device tokens, CORS and security headers, public rate
// limits, no personal data on public screens, public endpoints and printed tickets, the audit log,
// and no secret in the logs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { io as connect, type Socket } from 'socket.io-client';
import { FakePrinter, decodeJob } from '@hallq/printing';
import { HALL_EVENT_TYPES } from '@hallq/shared';
import { createApp } from '../app';
import { loadConfig } from '../config';
import { FakeClock } from '../test-support/fake-clock';
import { fixtureHall } from '../test-support/fixture-hall';
import { startTestServer, type TestServer } from '../test-support/test-server';

const until = async (cond: () => boolean, what = 'condition'): Promise<void> => {
  for (let i = 0; i < 500 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!cond()) throw new Error(`${what} not reached`);
};

interface Live {
  socket: Socket;
  received: unknown[];
  state: { connected: boolean; disconnectReason: string | null };
}

async function live(base: string, token: string): Promise<Live> {
  const socket = connect(base, { auth: { token }, transports: ['websocket'], reconnection: false });
  const l: Live = { socket, received: [], state: { connected: false, disconnectReason: null } };
  for (const type of HALL_EVENT_TYPES) socket.on(type, (e: unknown) => l.received.push(e));
  socket.on('snapshot', (e: unknown) => l.received.push(e));
  socket.on('disconnect', (reason) => {
    l.state.connected = false;
    l.state.disconnectReason = reason;
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => {
      l.state.connected = true;
      resolve();
    });
    socket.once('connect_error', reject);
  });
  return l;
}

const connectError = (base: string, token: string): Promise<string> =>
  new Promise((resolve) => {
    const socket = connect(base, { auth: { token }, transports: ['websocket'], reconnection: false });
    socket.once('connect_error', (err) => {
      socket.close();
      resolve(err.message);
    });
    socket.once('connect', () => {
      socket.close();
      resolve('connected');
    });
  });

/** Bytes of the database files (main + WAL) as text, to look for secrets stored in clear. */
const databaseBytes = (dataDir: string): string =>
  fs
    .readdirSync(dataDir)
    .filter((f) => f.startsWith('hallq.sqlite'))
    .map((f) => fs.readFileSync(path.join(dataDir, f)).toString('latin1'))
    .join('\n');

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
    const rows = s.server.deps.db.prepare('SELECT username, password_hash AS h FROM staff').all() as Array<{ username: string; h: string }>;
    for (const r of rows) expect(r.h).toMatch(/^scrypt\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    // The same password ("demo") gives a different hash per account: the salt is per hash.
    const demoHashes = rows.filter((r) => r.username !== 'zhang').map((r) => r.h);
    expect(new Set(demoHashes).size).toBe(demoHashes.length);
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

  test('device and session tokens carry 256 random bits and are stored only as SHA-256 hashes', async () => {
    const created = await s.api('POST', '/halls/demo/devices', { token: admin, body: { kind: 'kiosk', name: 'Kiosk 9' } });
    const token = created.body.token as string;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 bytes in base64url
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    const session = await s.login('w07');
    const db = databaseBytes(s.dataDir);
    expect(db).not.toContain(token);
    expect(db).not.toContain(session);
    const hashes = s.server.deps.db.prepare('SELECT token_hash AS h FROM devices UNION ALL SELECT token_hash FROM sessions').all() as Array<{ h: string }>;
    for (const { h } of hashes) expect(h).toMatch(/^[0-9a-f]{64}$/);
    // Tokens are distinct across many issues (no weak generator).
    const many = new Set<string>();
    for (let i = 0; i < 5; i++) many.add(await s.login('w08'));
    expect(many.size).toBe(5);
  });

  test('login throttling: 10 failures lock the address out, and a forged X-Forwarded-For does not reset it', async () => {
    for (let i = 0; i < 10; i++) {
      const r = await s.api('POST', '/auth/login', { body: { username: 'admin', password: `guess-${i}` }, headers: { 'x-forwarded-for': `10.0.0.${i}` } });
      expect(r.status).toBe(401);
    }
    const r = await s.api('POST', '/auth/login', { body: { username: 'admin', password: 'demo' }, headers: { 'x-forwarded-for': '10.9.9.9' } });
    expect(r.status).toBe(429);
    // Sessions already open keep working: lockout stops guessing, not the hall.
    expect((await s.api('GET', '/me', { token: admin })).status).toBe(200);
    // A wrong password and an unknown user answer the same.
    s.clock.advance(601);
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

describe('public endpoints under scripted abuse', () => {
  test('a script hammering status, cancel and rating is cut off per address at the limit, and its 429s change nothing', async () => {
    const s = await startTestServer({ publicRateLimit: 30 });
    try {
      const t = (await s.api('POST', '/halls/demo/tickets', { token: s.deviceToken('kiosk'), body: { serviceId: 'svc-food' } })).body.ticket;
      const events = () => (s.server.deps.db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
      const before = events();
      const statuses: number[] = [];
      // A bounded scripted run: 200 requests over the three public routes, guessing publicIds.
      for (let i = 0; i < 200; i++) {
        const guess = Buffer.from(`guess-${i}-0123456789`).toString('base64url').slice(0, 22);
        const kind = i % 3;
        const r =
          kind === 0
            ? await s.api('GET', `/public/tickets/${guess}`)
            : kind === 1
              ? await s.api('POST', `/public/tickets/${guess}/cancel`)
              : await s.api('POST', `/public/tickets/${guess}/rating`, { body: { level: 1 } });
        statuses.push(r.status);
      }
      expect(statuses.slice(0, 30).every((c) => c === 404)).toBe(true);
      expect(statuses.slice(30).every((c) => c === 429)).toBe(true);
      // Even the real publicId is refused while limited: the limit is per address, not per guess.
      const real = await s.api('POST', `/public/tickets/${t.publicId}/cancel`);
      expect(real.status).toBe(429);
      expect(real.body.error.code).toBe('rate_limited');
      expect(events()).toBe(before);
      // The kiosk and staff (authenticated, often behind one address) are not limited.
      for (let i = 0; i < 40; i++) expect((await s.api('GET', '/halls/demo/queue', { token: s.deviceToken('display') })).status).toBe(200);
      s.clock.advance(61);
      expect((await s.api('GET', `/public/tickets/${t.publicId}`)).status).toBe(200);
    } finally {
      await s.close();
    }
  });
});

describe('no personal data on public screens, public endpoints and printed tickets', () => {
  test('staff names and publicIds never reach displays, kiosks or the visitor status page; printed tickets carry no staff name', async () => {
    const printer = await FakePrinter.start();
    const s = await startTestServer();
    try {
      const admin = await s.login('admin');
      const staffName = '王小明13812345678';
      await s.api('PATCH', '/halls/demo/staff/staff-w01', { token: admin, body: { name: staffName } });
      const kioskDev = await s.api('POST', '/halls/demo/devices', {
        token: admin,
        body: { kind: 'kiosk', name: 'Kiosk P', printer: `tcp://127.0.0.1:${printer.port}`, paperWidthMm: 80 },
      });
      const kiosk = kioskDev.body.token as string;
      const display = await live(s.base, s.deviceToken('display'));
      const kioskFeed = await live(s.base, kiosk);
      display.socket.emit('resume', { hallId: 'demo', afterSeq: 0 });
      kioskFeed.socket.emit('resume', { hallId: 'demo', afterSeq: 0 });
      await until(() => display.received.length > 0 && kioskFeed.received.length > 0, 'snapshots');

      const w1 = await s.login('w01');
      await s.api('POST', '/windows/win-1/sign-in', { token: w1 });
      const t = (await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-food' } })).body.ticket;
      await s.api('POST', '/windows/win-1/call-next', { token: w1 });
      expect((await s.api('POST', `/tickets/${t.id}/print`, { token: kiosk })).status).toBe(200);
      await printer.waitForJob();
      await s.api('POST', `/tickets/${t.id}/start`, { token: w1 });
      await until(() => display.received.length >= 5, 'live events');

      const publicStatus = await s.api('GET', `/public/tickets/${t.publicId}`);
      const seen = {
        displayFeed: JSON.stringify(display.received),
        kioskFeed: JSON.stringify(kioskFeed.received),
        displayQueue: JSON.stringify((await s.api('GET', '/halls/demo/queue', { token: s.deviceToken('display') })).body),
        kioskHall: JSON.stringify((await s.api('GET', '/halls/demo', { token: kiosk })).body),
        publicStatus: JSON.stringify(publicStatus.body),
      };
      for (const [where, text] of Object.entries(seen)) {
        expect([where, text.includes(staffName), text.includes('王小明'), text.includes('13812345678')]).toEqual([where, false, false, false]);
        if (where !== 'publicStatus') expect([where, text.includes(t.publicId), text.includes('publicId')]).toEqual([where, false, false]);
      }
      expect(Object.keys(publicStatus.body)).not.toEqual(expect.arrayContaining(['staffId']));
      expect(JSON.stringify(publicStatus.body)).not.toContain('staff');

      const job = decodeJob(printer.jobs[0]!);
      expect(job.text).toContain(t.number);
      expect(job.text).not.toContain('王小明');
      expect(job.text).not.toContain('13812345678');
      display.socket.close();
      kioskFeed.socket.close();
    } finally {
      await s.close();
      await printer.close();
    }
  });
});

describe('audit log and logs', () => {
  test('admin and supervisor changes are in the audit log with their actor; counter actions are events with their actor', async () => {
    const s = await startTestServer();
    try {
      const admin = await s.login('admin');
      const sup = await s.login('super');
      await s.api('POST', '/halls/demo/devices', { token: admin, body: { kind: 'display', name: 'D2' } });
      await s.api('PATCH', '/halls/demo/staff/staff-w02', { token: admin, body: { password: 'another-secret-1' } });
      await s.api('PATCH', '/halls/demo/windows/win-2', { token: sup, body: { skills: [{ serviceId: 'svc-food', tier: 1 }] } });
      const entries = (await s.api('GET', '/halls/demo/audit', { token: admin })).body.entries as Array<{ action: string; actor: { kind: string; id: string } }>;
      expect(entries.map((e) => [e.action, e.actor.id])).toEqual([
        ['window.update', 'staff-super'],
        ['staff.update', 'staff-admin'],
        ['device.create', 'staff-admin'],
      ]);
      expect(JSON.stringify(entries)).not.toContain('another-secret-1');
      const w1 = await s.login('w01');
      await s.api('POST', '/windows/win-1/sign-in', { token: w1 });
      await s.api('POST', '/halls/demo/tickets', { token: s.deviceToken('kiosk'), body: { serviceId: 'svc-food' } });
      await s.api('POST', '/windows/win-1/call-next', { token: w1 });
      const called = s.server.deps.db.prepare("SELECT actor FROM events WHERE type = 'ticket.called'").get() as { actor: string };
      expect(JSON.parse(called.actor)).toEqual({ kind: 'staff', id: 'staff-w01' });
    } finally {
      await s.close();
    }
  });

  test('no password or token ever reaches the logs, even at trace level and on errors', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _enc, cb) {
        lines.push(chunk.toString());
        cb();
      },
    });
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hallq-logs-'));
    const config = loadConfig({ QUEUE_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'trace' }, ['node', 'main']);
    const server = createApp({ config, clock: new FakeClock().read, logger: pino({ level: 'trace' }, stream), seed: fixtureHall() });
    const address = await server.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${address.port}`;
    const secrets: string[] = ['demo-wrong-password-1', 'the-new-password-42'];
    try {
      const post = async (p: string, body: unknown, token?: string) => {
        const r = await fetch(`${base}/api/v1${p}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify(body),
        });
        return { status: r.status, body: (await r.json().catch(() => null)) as Record<string, unknown> | null };
      };
      await post('/auth/login', { username: 'admin', password: 'demo-wrong-password-1' });
      const admin = (await post('/auth/login', { username: 'admin', password: 'demo' })).body!.token as string;
      secrets.push(admin);
      const device = (await post('/halls/demo/devices', { kind: 'kiosk', name: 'K' }, admin)).body!.token as string;
      secrets.push(device);
      await fetch(`${base}/api/v1/halls/demo/staff/staff-w01`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
        body: JSON.stringify({ password: 'the-new-password-42' }),
      });
      await post('/halls/demo/tickets', { serviceId: 'svc-food' }, device);
      await post('/halls/demo/tickets', '{"broken', device);
      await fetch(`${base}/api/v1/me`, { headers: { authorization: `Bearer ${device}x` } });
      const sock = await live(base, device);
      sock.socket.emit('resume', { hallId: 'demo', afterSeq: 0, token: device });
      await new Promise((r) => setTimeout(r, 50));
      sock.socket.close();
      await connectError(base, `${admin}-bad`);
    } finally {
      await server.close();
    }
    const log = lines.join('');
    for (const secret of secrets) expect([secret.slice(0, 6), log.includes(secret)]).toEqual([secret.slice(0, 6), false]);
    expect(log).not.toMatch(/"password"/i);
    expect(log).not.toMatch(/authorization/i);
  });
});
