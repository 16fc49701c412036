// Property-based fuzzing of every HTTP route family and of the socket messages: malformed,
// oversized and wrong-typed input always gets a 4xx with a clear error body, never a 5xx, never a
// change of state, and the server stays up. The environment configuration is fuzzed too. Printer
// replies (DLE EOT status bytes) are fuzzed where they are parsed: packages/printing/src/status.test.ts.
import fc from 'fast-check';
import { io as connect, type Socket } from 'socket.io-client';
import { loadConfig } from '../config';
import { startTestServer, type TestServer } from '../test-support/test-server';

const RUNS = Number(process.env.HALLQ_FUZZ_RUNS ?? (process.env.HALLQ_SOAK === '1' ? 500 : 12));

// Keys that have broken JSON handling elsewhere: prototype pollution and inherited names.
const nastyKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', ' ', 'serviceId ', '𝔘', '\u0000', 'a'.repeat(300));
const scalar = fc.oneof(
  fc.string({ maxLength: 50 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('1e309', 'NaN', '-0', '９９', 'ＡＢＣ', '<script>alert(1)</script>', "' OR 1=1 --", '../../etc/passwd', '%00', '\u202e'),
);
const deep = fc.integer({ min: 50, max: 3000 }).map((depth) => {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = i % 2 ? { a: v } : [v];
  return v;
});
const value = fc.oneof({ depthSize: 'small' }, scalar, deep, fc.array(scalar, { maxLength: 5 }), fc.dictionary(fc.string({ maxLength: 10 }), scalar, { maxKeys: 4 }));
/**
 * A body every schema must refuse: a non-object, or an object carrying at least one key no
 * schema has (all are strict), possibly next to real field names with wrong-typed values.
 */
const badBody = fc.oneof(
  fc.oneof(fc.array(value, { maxLength: 3 }), fc.string({ maxLength: 40 }), fc.integer(), fc.boolean(), fc.constant(null)),
  fc
    .tuple(
      fc.dictionary(
        fc.constantFrom('serviceId', 'ticketId', 'reason', 'level', 'username', 'password', 'name', 'text', 'skills', 'kind', 'priority', 'stage', 'active', 'revoked'),
        value,
        { maxKeys: 4 },
      ),
      nastyKey,
      value,
    )
    .map(([fields, key, v]) => {
      const o: Record<string, unknown> = { ...fields };
      Object.defineProperty(o, key === '' ? '__empty__' : key, { value: v, enumerable: true, writable: true, configurable: true });
      if (!Object.keys(o).some((k) => !['serviceId', 'ticketId', 'reason', 'level', 'username', 'password', 'name', 'text', 'skills', 'kind', 'priority', 'stage', 'active', 'revoked'].includes(k))) o.__junk__ = v;
      return o;
    }),
);
const oddId = fc.oneof(
  fc.string({ minLength: 1, maxLength: 40 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }),
  fc.constantFrom('..', '%2e%2e', 'win-1%00', 'a'.repeat(2000), '__proto__', 'constructor', 'null', 'undefined', '-1', '1e9', '💥'),
);

type Who = 'admin' | 'officer' | 'kiosk' | 'rating-pad' | 'none';
interface Family {
  method: 'POST' | 'PATCH' | 'DELETE' | 'GET';
  path: (id: string) => string;
  who: Who;
  /** Sends a body (and so must be refused for it); GET and DELETE fuzz the path only. */
  body: boolean;
}

const families: Family[] = [
  { method: 'POST', path: () => '/auth/login', who: 'none', body: true },
  { method: 'POST', path: () => '/halls/demo/tickets', who: 'kiosk', body: true },
  { method: 'POST', path: (id) => `/halls/${id}/tickets`, who: 'kiosk', body: true },
  { method: 'PATCH', path: () => '/halls/demo', who: 'admin', body: true },
  { method: 'POST', path: () => '/devices/me/status', who: 'kiosk', body: true },
  ...['sign-in', 'sign-out', 'pause', 'resume', 'call-next', 'call'].map(
    (op): Family => ({ method: 'POST', path: (id) => `/windows/${id === '' ? 'win-1' : id}/${op}`, who: 'officer', body: true }),
  ),
  ...['sign-out', 'pause', 'call-next', 'call'].map((op): Family => ({ method: 'POST', path: () => `/windows/win-1/${op}`, who: 'officer', body: true })),
  ...['recall', 'no-show', 'start', 'complete', 'transfer', 'cancel', 'requeue', 'print'].map(
    (op): Family => ({ method: 'POST', path: () => `/tickets/TICKET/${op}`, who: 'officer', body: true }),
  ),
  { method: 'POST', path: () => '/tickets/TICKET/rating', who: 'rating-pad', body: true },
  { method: 'POST', path: () => '/public/tickets/PUBLIC/cancel', who: 'none', body: true },
  { method: 'POST', path: () => '/public/tickets/PUBLIC/rating', who: 'none', body: true },
  { method: 'POST', path: () => '/public/tickets/PUBLIC/requeue', who: 'none', body: true },
  { method: 'GET', path: (id) => `/public/tickets/${id}`, who: 'none', body: false },
  { method: 'POST', path: (id) => `/public/tickets/${id}/cancel`, who: 'none', body: false },
  { method: 'GET', path: (id) => `/halls/demo/audit?limit=${id}&before=${id}`, who: 'admin', body: false },
  { method: 'GET', path: (id) => `/pair/demo?kind=${id}`, who: 'none', body: false },
  { method: 'GET', path: (id) => `/halls/${id}/queue`, who: 'kiosk', body: false },
  ...['services', 'windows', 'staff', 'devices', 'notices'].flatMap((res): Family[] => [
    { method: 'POST', path: () => `/halls/demo/${res}`, who: 'admin', body: true },
    { method: 'PATCH', path: () => `/halls/demo/${res}/FIRST_${res}`, who: 'admin', body: true },
    { method: 'PATCH', path: (id) => `/halls/demo/${res}/${id}`, who: 'admin', body: true },
    { method: 'DELETE', path: (id) => `/halls/demo/${res}/${id}`, who: 'admin', body: false },
  ]),
];

describe('fuzzing: bad input is refused with a 4xx and changes nothing', () => {
  let s: TestServer;
  const tokens = new Map<Who, string>();
  let ticketId = '';
  let publicId = '';
  const firstIds = new Map<string, string>();

  const fingerprint = () =>
    JSON.stringify(
      ['events', 'tickets', 'audit_log', 'services', 'windows', 'staff', 'devices', 'sessions', 'idempotency', 'ratings'].map((t) => {
        const row = s.server.db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number };
        return [t, row.n];
      }).concat([
        ['docs', (s.server.db.prepare("SELECT group_concat(doc, '') AS d FROM (SELECT doc FROM halls UNION ALL SELECT doc FROM services UNION ALL SELECT doc FROM staff UNION ALL SELECT doc FROM devices)").get() as { d: string }).d.length],
        ['windows-state', JSON.stringify(s.server.db.prepare('SELECT state, staff_id, current_ticket_id, skills FROM windows ORDER BY id').all())],
      ]),
    );

  beforeAll(async () => {
    s = await startTestServer({ publicRateLimit: 1_000_000 });
    tokens.set('admin', await s.login('admin'));
    tokens.set('officer', await s.login('w01'));
    tokens.set('kiosk', s.deviceToken('kiosk'));
    tokens.set('rating-pad', s.deviceToken('rating-pad'));
    await s.api('POST', '/windows/win-1/sign-in', { token: tokens.get('officer') });
    const t = (await s.api('POST', '/halls/demo/tickets', { token: tokens.get('kiosk'), body: { serviceId: 'svc-food' } })).body.ticket;
    await s.api('POST', '/halls/demo/tickets', { token: tokens.get('kiosk'), body: { serviceId: 'svc-food' } });
    await s.api('POST', '/windows/win-1/call-next', { token: tokens.get('officer') });
    ticketId = t.id;
    publicId = t.publicId;
    await s.api('POST', '/halls/demo/notices', { token: tokens.get('admin'), body: { text: { zh: '通知', en: 'Notice' } } });
    for (const res of ['services', 'windows', 'staff', 'devices', 'notices']) {
      const list = (await s.api('GET', `/halls/demo/${res}`, { token: tokens.get('admin') })).body[res] as Array<{ id: string }>;
      firstIds.set(res, list[0]!.id);
    }
  });
  afterAll(() => s.close());

  const send = async (f: Family, id: string, body: unknown, headers: Record<string, string> = {}) => {
    let p = f.path(encodeURIComponent(id)).replace('TICKET', ticketId).replace('PUBLIC', publicId);
    for (const [res, first] of firstIds) p = p.replace(`FIRST_${res}`, first);
    const token = f.who === 'none' ? undefined : tokens.get(f.who);
    return s.api(f.method, p, { token, body: f.body ? body : undefined, headers });
  };

  const refusedCleanly = (r: { status: number; body: unknown }, context: unknown) => {
    const ok =
      r.status >= 400 &&
      r.status < 500 &&
      typeof r.body === 'object' &&
      r.body !== null &&
      /^[a-z_]+$/.test((r.body as { error?: { code?: string } }).error?.code ?? '') &&
      typeof (r.body as { error: { message?: unknown } }).error.message === 'string';
    if (!ok) throw new Error(`not a clean 4xx: ${r.status} ${JSON.stringify(r.body).slice(0, 300)} for ${JSON.stringify(context).slice(0, 300)}`);
  };

  test.each(families.map((f) => [f.method, f.path(':id'), f] as const))('%s %s', async (_m, _p, f) => {
    const before = fingerprint();
    await fc.assert(
      fc.asyncProperty(oddId, badBody, async (id, body) => {
        const r = await send(f, id, body);
        // A GET may answer 200 for a query it reads leniently (an odd audit `limit` means the
        // default); a change of state would show in the fingerprint below.
        if (!(f.method === 'GET' && r.status === 200)) refusedCleanly(r, { id, body });
        if (fingerprint() !== before) throw new Error(`state changed by ${f.method} ${f.path(id)} ${JSON.stringify(body).slice(0, 200)}`);
      }),
      { numRuns: RUNS },
    );
  }, 60_000);

  test('bad headers: wrong content types, broken and huge bodies, bad Authorization', async () => {
    const before = fingerprint();
    const kiosk = tokens.get('kiosk')!;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/json; charset=latin1', 'application/json; charset=utf-7', ''),
        fc.string({ maxLength: 100 }),
        async (type, raw) => {
          const r = await s.api('POST', '/halls/demo/tickets', { token: kiosk, raw: raw.length ? raw : 'x', headers: type ? { 'content-type': type } : {} });
          refusedCleanly(r, { type, raw });
        },
      ),
      { numRuns: RUNS * 3 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 60 }).map((t) => `Bearer ${t}`),
          fc.string({ maxLength: 60 }).map((t) => `Basic ${Buffer.from(t).toString('base64')}`),
          fc.constantFrom('Bearer', 'Bearer ', `Bearer ${kiosk} extra`, `bearer  ${kiosk}x`, `Token ${kiosk}`, `Bearer ${'A'.repeat(4000)}`, `Bearer ${kiosk.slice(0, -1)}`),
        ),
        async (auth) => {
          const r = await s.api('GET', '/halls/demo/queue', { headers: { authorization: auth } });
          refusedCleanly(r, { auth });
          if (r.status !== 401) throw new Error(`${auth.slice(0, 40)} -> ${r.status}`);
        },
      ),
      { numRuns: RUNS * 3 },
    );
    // Oversized: 413 whatever the route; a lying Content-Length is refused, not waited on forever.
    for (const p of ['/auth/login', '/halls/demo/tickets', '/halls/demo/notices', '/public/tickets/x/rating']) {
      const r = await s.api('POST', p, { token: tokens.get('admin'), raw: JSON.stringify({ text: 'x'.repeat(200_000) }), headers: { 'content-type': 'application/json' } });
      expect([p, r.status, r.body.error.code]).toEqual([p, 413, 'payload_too_large']);
    }
    const deepJson = '['.repeat(100_000 / 2) + ']'.repeat(100_000 / 2);
    expect((await s.api('POST', '/halls/demo/tickets', { token: kiosk, raw: deepJson, headers: { 'content-type': 'application/json' } })).status).toBe(413);
    const nested = '['.repeat(10_000) + ']'.repeat(10_000);
    const r = await s.api('POST', '/halls/demo/tickets', { token: kiosk, raw: nested, headers: { 'content-type': 'application/json' } });
    refusedCleanly(r, 'nested');
    expect(fingerprint()).toBe(before);
    expect((await s.api('GET', '/health')).status).toBe(200);
  }, 60_000);

  test('socket messages: garbage resume, unknown events and huge payloads crash nothing and change nothing', async () => {
    const before = fingerprint();
    const socket: Socket = connect(s.base, { auth: { token: s.deviceToken('display') }, transports: ['websocket'], reconnection: false });
    await new Promise<void>((resolve, reject) => {
      socket.once('hello', () => resolve());
      socket.once('connect_error', reject);
    });
    const answers: string[] = [];
    socket.on('protocol.error', () => answers.push('error'));
    socket.on('snapshot', () => answers.push('snapshot'));
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          value,
          badBody,
          fc.record({ hallId: fc.oneof(oddId, fc.constant('demo')), afterSeq: fc.oneof(fc.integer(), fc.double(), scalar) }),
        ),
        fc.string({ minLength: 1, maxLength: 30 }).filter((n) => !['connect', 'disconnect', 'disconnecting', 'connect_error', 'newListener', 'removeListener'].includes(n)),
        async (payload, eventName) => {
          const before = answers.length;
          socket.emit(eventName, payload);
          socket.emit('resume', payload);
          // Each resume is answered (protocol.error, or a snapshot/replay when it happens to be valid).
          for (let i = 0; i < 200 && answers.length === before; i++) await new Promise((r) => setTimeout(r, 2));
          if (answers.length === before && !(typeof payload === 'object' && payload !== null && (payload as { hallId?: unknown }).hallId === 'demo')) {
            throw new Error(`no answer to resume ${JSON.stringify(payload).slice(0, 200)} after ${JSON.stringify(eventName)}`);
          }
        },
      ),
      { numRuns: RUNS * 10 },
    );
    // Every resume got an answer (an error or a snapshot); the connection is still good.
    socket.emit('resume', { hallId: 'demo', afterSeq: 0 });
    await new Promise<void>((resolve) => socket.once('snapshot', () => resolve()));
    expect(answers.length).toBeGreaterThan(0);
    expect(socket.connected).toBe(true);
    // A payload over the 64 kB limit closes that one socket; the server stays up for everyone else.
    const closed = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
    socket.emit('resume', { hallId: 'demo', afterSeq: 0, pad: 'x'.repeat(200_000) });
    expect(await closed).toMatch(/transport close|server disconnect/);
    const other = connect(s.base, { auth: { token: s.deviceToken('display') }, transports: ['websocket'], reconnection: false });
    await new Promise<void>((resolve) => other.once('hello', () => resolve()));
    other.close();
    expect(fingerprint()).toBe(before);
    expect((await s.api('GET', '/health')).status).toBe(200);
  }, 60_000);
});

describe('fuzzing the environment configuration', () => {
  test.each([
    ['::', 'http://127.0.0.1:3000'],
    ['::1', 'http://[::1]:3000'],
    ['hall.local', 'http://hall.local:3000'],
  ])('HOST %s gives the public URL %s', (host, url) => {
    expect(loadConfig({ HOST: host }, ['node', 'main']).publicUrl).toBe(url);
  });
  test('a HOST that cannot make a URL is refused unless PUBLIC_URL is set', () => {
    expect(() => loadConfig({ HOST: 'a b' }, ['node', 'main'])).toThrow(/invalid configuration:\n {2}HOST/);
    expect(loadConfig({ HOST: 'a b', PUBLIC_URL: 'https://q.example' }, ['node', 'main']).publicUrl).toBe('https://q.example');
  });

  test.each<[Record<string, string>, RegExp]>([
    // Blank is a mistake, not 0: PORT= listened on a random port, BACKUP_INTERVAL_MINUTES= turned backups off.
    [{ PORT: '' }, /PORT: expected a whole number/],
    [{ PORT: ' ' }, /PORT: expected a whole number/],
    [{ PORT: '0x50' }, /PORT: expected a whole number/],
    [{ BACKUP_INTERVAL_MINUTES: '' }, /BACKUP_INTERVAL_MINUTES: expected a whole number/],
    [{ QUEUE_CLOCK_SPEED: '' }, /QUEUE_CLOCK_SPEED: expected a number/],
    // The status URL on every ticket's QR code is PUBLIC_URL + /t/<publicId>.
    [{ PUBLIC_URL: 'mailto:hall@example.org' }, /PUBLIC_URL: expected an http:\/\/ or https:\/\/ address/],
    [{ PUBLIC_URL: 'javascript:alert(1)' }, /PUBLIC_URL: expected an http:\/\/ or https:\/\/ address/],
    [{ PUBLIC_URL: 'https://q.example/?hall=1' }, /PUBLIC_URL: takes no \?query/],
    [{ PUBLIC_URL: 'https://q.example/#x' }, /PUBLIC_URL: takes no \?query/],
    [{ PUBLIC_URL: 'https://user:pw@q.example' }, /PUBLIC_URL: takes no \?query/],
    [{ HUB_URL: 'file:///etc/passwd', HUB_TOKEN: 'x'.repeat(16) }, /HUB_URL: expected an http:\/\/ or https:\/\/ address/],
    [{ HALL_PRINTER: 'printer-1' }, /HALL_PRINTER: invalid printer URL "printer-1"/],
    [{ ALLOWED_ORIGINS: '*' }, /ALLOWED_ORIGINS: a comma-separated list of origins/],
    [{ ALLOWED_ORIGINS: 'https://console.hall.example/' }, /ALLOWED_ORIGINS/],
    [{ TRUST_PROXY: 'loopback, proxy.local' }, /TRUST_PROXY: "proxy\.local" is not loopback/],
    [{ TRUST_PROXY: '10.0.0.0/33' }, /TRUST_PROXY/],
  ])('%j is refused naming the variable', (env, message) => {
    expect(() => loadConfig(env, ['node', 'main'])).toThrow(/^invalid configuration:\n {2}[A-Z_]+: /);
    expect(() => loadConfig(env, ['node', 'main'])).toThrow(message);
  });

  test('the values those checks must keep accepting', () => {
    const c = loadConfig(
      {
        PORT: ' 8080 ',
        PUBLIC_URL: 'https://hall.example/queue/',
        HALL_PRINTER: 'tcp://10.0.0.5:9100',
        ALLOWED_ORIGINS: 'https://console.hall.example, http://10.0.0.2:3000',
        TRUST_PROXY: '10.0.0.0/8, 127.0.0.1, ::1, fe80::/10, 10.0.0.0/255.0.0.0, uniquelocal',
        QUEUE_CLOCK_SPEED: '2.5',
      },
      ['node', 'main'],
    );
    expect(c).toMatchObject({ port: 8080, publicUrl: 'https://hall.example/queue', hallPrinter: 'tcp://10.0.0.5:9100', allowedOrigins: ['https://console.hall.example', 'http://10.0.0.2:3000'] });
    expect(c.clock?.speed).toBe(2.5);
    expect(loadConfig({ TRUST_PROXY: '1' }, ['node', 'main']).trustProxy).toBe(1);
  });

  const KEYS = ['PORT', 'HOST', 'QUEUE_DATA_DIR', 'QUEUE_DEMO', 'ADMIN_PASSWORD', 'PUBLIC_URL', 'ALLOWED_ORIGINS', 'HALL_PRINTER', 'WEB_ROOT', 'LOG_LEVEL', 'BACKUP_INTERVAL_MINUTES', 'BACKUP_DIR', 'BACKUP_KEEP'];

  test('any environment either parses into a sane config or fails with "invalid configuration" naming the variable', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...KEYS), fc.oneof(fc.string({ maxLength: 30 }), fc.integer().map(String), fc.constantFrom('-1', '65536', '3000.5', ' 80', '0x50', 'true', 'http://x', 'ftp://', '')), {
          maxKeys: 6,
        }),
        (env) => {
          let config;
          try {
            config = loadConfig(env, ['node', 'main']);
          } catch (e) {
            const message = (e as Error).message;
            expect(message).toMatch(/^invalid configuration:\n {2}[A-Z_]+: /);
            const named = [...message.matchAll(/\n {2}([A-Z_]+):/g)].map((m) => m[1]);
            for (const k of named) expect(KEYS).toContain(k);
            return;
          }
          expect(Number.isInteger(config.port) && config.port >= 0 && config.port <= 65535).toBe(true);
          expect(() => new URL(config.publicUrl)).not.toThrow();
          expect(config.backup.keep).toBeGreaterThanOrEqual(1);
          if (config.adminPassword !== null) expect(config.adminPassword.length).toBeGreaterThanOrEqual(8);
        },
      ),
      { numRuns: RUNS * 50 },
    );
  });
});
