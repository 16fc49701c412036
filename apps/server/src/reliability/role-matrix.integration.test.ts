// Role x route: every route answers 401 without a valid token and 403 to a role API.md does not
// name, exactly; any other answer (200, 400, 404, 409, ...) means the role got past the door.
// Requests use unknown ids or bodies that fail validation, so nothing is changed by the matrix.
// A route the server registers that the table does not list fails the last test.
import type { Express } from 'express';
import { buildOpenApiDocument } from '../openapi';
import { conformance } from '../openapi/conformance';
import { startTestServer, type TestServer } from '../test-support/test-server';

type Who = 'none' | 'bad' | 'admin' | 'supervisor' | 'officer' | 'helper' | 'kiosk' | 'display' | 'rating-pad';
const STAFF: Who[] = ['admin', 'supervisor', 'officer', 'helper'];
const DEVICES: Who[] = ['kiosk', 'display', 'rating-pad'];
const TOKENS: Who[] = [...STAFF, ...DEVICES];
const ALL: Who[] = ['none', 'bad', ...TOKENS];
/** `anyone`: no token needed, so nobody gets 401/403. */
const ANYONE = 'anyone' as const;

interface Row {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  allowed: Who[] | typeof ANYONE;
  /** The route pattern as registered, to check the table covers the server. */
  pattern: string;
}

// A body that every schema refuses (strict objects), so an allowed role gets 400, not a change.
const INVALID = { __matrix_probe__: true };

const row = (method: Row['method'], p: string, allowed: Row['allowed'], pattern = p): Row => ({ method, path: p, allowed, pattern });

const rows: Row[] = [
  row('GET', '/health', ANYONE),
  row('POST', '/auth/login', ANYONE),
  row('POST', '/auth/logout', STAFF),
  row('GET', '/me', TOKENS, '/me'),
  row('GET', '/pair/demo?kind=kiosk', ANYONE, '/pair/demo'),
  row('POST', '/devices/me/status', DEVICES),
  row('GET', '/halls/demo', TOKENS, '/halls/:hallId'),
  row('PATCH', '/halls/demo', ['admin'], '/halls/:hallId'),
  row('GET', '/halls/demo/queue', TOKENS, '/halls/:hallId/queue'),
  row('GET', '/halls/demo/audit', ['admin'], '/halls/:hallId/audit'),
  row('POST', '/halls/demo/tickets', ['kiosk', ...STAFF], '/halls/:hallId/tickets'),
  row('POST', '/tickets/t-nope/print', ['kiosk', ...STAFF], '/tickets/:ticketId/print'),
  row('GET', '/public/tickets/p-nope', ANYONE, '/public/tickets/:publicId'),
  row('POST', '/public/tickets/p-nope/cancel', ANYONE, '/public/tickets/:publicId/cancel'),
  row('POST', '/public/tickets/p-nope/rating', ANYONE, '/public/tickets/:publicId/rating'),
  row('POST', '/public/tickets/p-nope/requeue', ANYONE, '/public/tickets/:publicId/requeue'),
  ...['sign-in', 'sign-out', 'pause', 'resume', 'call-next', 'call'].map((op) => row('POST', `/windows/w-nope/${op}`, STAFF, `/windows/:windowId/${op}`)),
  ...['recall', 'no-show', 'start', 'complete', 'transfer', 'cancel', 'requeue'].map((op) => row('POST', `/tickets/t-nope/${op}`, STAFF, `/tickets/:ticketId/${op}`)),
  row('POST', '/tickets/t-nope/rating', ['rating-pad', ...STAFF], '/tickets/:ticketId/rating'),
  row('GET', '/halls/demo/organisations', ['admin', 'supervisor'], '/halls/:hallId/organisations'),
  // Appointments (the portal's bookings): listed and added by supervisors and admins, checked in at a kiosk or counter.
  row('POST', '/halls/demo/appointments', ['admin', 'supervisor'], '/halls/:hallId/appointments'),
  row('GET', '/halls/demo/appointments', ['admin', 'supervisor'], '/halls/:hallId/appointments'),
  row('GET', '/halls/demo/appointments/NOPE-1', ['kiosk', ...STAFF], '/halls/:hallId/appointments/:code'),
  // Supervisors adjust the day: window skills and closing a service (field by field, see below)
  // and notices; everything else about the hall is for admins.
  ...(['services', 'windows', 'staff', 'devices', 'notices'] as const).flatMap((res) => {
    const changers: Who[] = res === 'notices' ? ['admin', 'supervisor'] : ['admin'];
    const patchers: Who[] = res === 'notices' || res === 'services' || res === 'windows' ? ['admin', 'supervisor'] : ['admin'];
    return [
      row('GET', `/halls/demo/${res}`, ['admin', 'supervisor'], `/halls/:hallId/${res}`),
      row('POST', `/halls/demo/${res}`, changers, `/halls/:hallId/${res}`),
      row('PATCH', `/halls/demo/${res}/nope`, patchers, `/halls/:hallId/${res}/:id`),
      row('DELETE', `/halls/demo/${res}/nope`, changers, `/halls/:hallId/${res}/:id`),
    ];
  }),
];

// KPIs, follow-ups, exports and staffing plans: the supervisor's and the administrator's.
const MANAGERS: Who[] = ['admin', 'supervisor'];
rows.push(
  row('GET', '/halls/demo/stats?from=2026-01-05&to=2026-01-05', MANAGERS, '/halls/:hallId/stats'),
  row('GET', '/halls/demo/stats/compare?from=2026-01-05&to=2026-01-05', MANAGERS, '/halls/:hallId/stats/compare'),
  // Follow-ups of bad ratings are the supervisor's (PRODUCT.md); admins see them too.
  row('GET', '/halls/demo/follow-ups', MANAGERS, '/halls/:hallId/follow-ups'),
  row('POST', '/follow-ups/nope/steps', MANAGERS, '/follow-ups/:id/steps'),
  ...['daily', 'tickets', 'ratings', 'contractor'].map((kind) =>
    row('GET', `/halls/demo/reports/${kind}.csv?from=2026-01-05&to=2026-01-05`, MANAGERS, '/halls/:hallId/reports/:kind'),
  ),
  row('GET', '/halls/demo/planning/forecast', MANAGERS, '/halls/:hallId/planning/forecast'),
  row('POST', '/halls/demo/planning/plan', MANAGERS, '/halls/:hallId/planning/plan'),
  row('POST', '/halls/demo/planning/tomorrow', MANAGERS, '/halls/:hallId/planning/tomorrow'),
  row('POST', '/halls/demo/windows/skills', MANAGERS, '/halls/:hallId/windows/skills'),
  // Generated demo history: this hall has none, so a manager gets 404 (past the door).
  row('GET', '/halls/demo/demo-history', MANAGERS, '/halls/:hallId/demo-history'),
  row('POST', '/halls/demo/ticket-preview', MANAGERS, '/halls/:hallId/ticket-preview'),
);

// Visitors from home: the public hall page, bookings and the remote queue are for anyone; the
// arrival code is shown by the hall's displays and staff, never to a phone.
rows.push(
  row('GET', '/public/halls/demo', ANYONE, '/public/halls/:hallId'),
  row('GET', '/public/halls/demo/slots?serviceId=svc-reg&date=2026-01-05', ANYONE, '/public/halls/:hallId/slots'),
  row('POST', '/public/halls/demo/bookings', ANYONE, '/public/halls/:hallId/bookings'),
  row('GET', '/public/bookings/12345678', ANYONE, '/public/bookings/:code'),
  row('POST', '/public/bookings/12345678/cancel', ANYONE, '/public/bookings/:code/cancel'),
  row('GET', '/halls/demo/arrival-code', ['display', ...STAFF], '/halls/:hallId/arrival-code'),
  row('POST', '/public/halls/demo/remote-tickets', ANYONE, '/public/halls/:hallId/remote-tickets'),
  // Anyone with the ticket's publicId; a kiosk's token marks a scan (no arrival code needed).
  row('POST', '/public/tickets/p-nope/arrive', ANYONE, '/public/tickets/:publicId/arrive'),
  row('GET', '/public/push/key', ANYONE, '/public/push/key'),
  row('POST', '/public/tickets/p-nope/push', ANYONE, '/public/tickets/:publicId/push'),
);

// Every answer of the matrix is held to the published document too: a documented status, and a
// body of that status's schema (errors included).
const doc = buildOpenApiDocument() as Record<string, unknown>;
const templates = Object.entries(doc.paths as Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> }>>).map(
  ([template, item]) => ({ pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`), item }),
);
let checkedAnswers = 0;
function documentedProblems(method: string, path: string, status: number, body: unknown): string[] {
  const bare = path.split('?')[0]!;
  const op = templates.find((t) => t.pattern.test(bare) && t.item[method.toLowerCase()])?.item[method.toLowerCase()];
  if (!op) return [];
  const response = op.responses[String(status)] ?? op.responses.default;
  if (!response) return [`status ${status} is not documented`];
  const schema = response.content?.['application/json']?.schema;
  if (!schema || typeof body !== 'object' || body === null) return [];
  checkedAnswers++;
  return conformance(doc, schema as Record<string, unknown>, body);
}

const expectation = (r: Row, who: Who): 'allowed' | 401 | 403 => {
  if (r.allowed === ANYONE) return 'allowed';
  if (who === 'none' || who === 'bad') return 401;
  return r.allowed.includes(who) ? 'allowed' : 403;
};

describe('role x route matrix (API.md and the server README extensions)', () => {
  let s: TestServer;
  const tokens = new Map<Who, string>();
  let eventsBefore = 0;
  const eventCount = () => (s.server.db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;

  beforeAll(async () => {
    s = await startTestServer({ publicRateLimit: 100_000 });
    tokens.set('admin', await s.login('admin'));
    tokens.set('supervisor', await s.login('super'));
    tokens.set('officer', await s.login('w01'));
    tokens.set('helper', await s.login('w03'));
    for (const d of ['kiosk', 'display', 'rating-pad'] as const) tokens.set(d, s.deviceToken(d));
    tokens.set('bad', 'not-a-real-token-0123456789');
    eventsBefore = eventCount();
  });
  afterAll(() => s.close());

  const cases = rows.flatMap((r) => ALL.map((who) => [r.method, r.path, who, expectation(r, who)] as const));

  test.each(cases)('%s %s as %s -> %s', async (method, p, who, expected) => {
    let token = who === 'none' ? undefined : tokens.get(who);
    // Logging out would end the shared session: allowed roles log out a session of their own.
    if (p === '/auth/logout' && expected === 'allowed') {
      token = await s.login({ admin: 'admin', supervisor: 'super', officer: 'w02', helper: 'w04' }[who as 'admin']!);
    }
    const body = method === 'POST' || method === 'PATCH' ? INVALID : undefined;
    const res = await s.api(method, p, { token, body });
    expect([method, p, who, res.status, documentedProblems(method, p, res.status, res.body)]).toEqual([method, p, who, res.status, []]);
    if (expected === 'allowed') {
      expect([method, p, who, res.status]).not.toEqual([method, p, who, 401]);
      expect([method, p, who, res.status]).not.toEqual([method, p, who, 403]);
      expect(res.status).toBeLessThan(500);
    } else {
      expect([method, p, who, res.status]).toEqual([method, p, who, expected]);
      expect(res.body.error.code).toBe(expected === 401 ? 'unauthorized' : 'forbidden');
    }
  });

  test.each([
    ['/halls/demo/windows/win-1', { number: 99 }],
    ['/halls/demo/windows/win-1', { skills: [], zone: 'X' }],
    ['/halls/demo/services/svc-food', { prefix: 'Q' }],
    ['/halls/demo/services/svc-food', { dailyQuota: 1 }],
  ])('a supervisor may PATCH %s only in the fields of the day (%j -> 403)', async (p, body) => {
    const r = await s.api('PATCH', p, { token: tokens.get('supervisor'), body });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('forbidden');
  });

  test('the answers were checked against the document (errors included)', () => {
    expect(checkedAnswers).toBeGreaterThan(cases.length * 0.9);
  });

  test('the matrix changed nothing: no event was written', () => {
    expect(eventCount()).toBe(eventsBefore);
  });

  test('the table lists every API route the server registers', () => {
    const registered = new Set<string>();
    interface Layer {
      route?: { path: string | string[]; methods: Record<string, boolean> };
      handle?: { stack?: Layer[] };
    }
    const walk = (stack: Layer[]) => {
      for (const layer of stack) {
        if (layer.route) {
          for (const p of ([] as string[]).concat(layer.route.path)) {
            // A route mounted on the app itself ahead of the API router (ticket issue) has its full path.
            for (const m of Object.keys(layer.route.methods)) registered.add(`${m.toUpperCase()} ${p.replace(/^\/api\/v1(?=\/)/, '')}`);
          }
        } else if (layer.handle?.stack) walk(layer.handle.stack);
      }
    };
    walk(((s.server.app as Express & { router: { stack: Layer[] } }).router).stack);
    const listed = new Set(rows.map((r) => `${r.method} ${r.pattern}`));
    // Pages are HTML for anyone; the OpenAPI description is public by design.
    const pages = /^GET (\/$|\/kiosk|\/t\/|\/h\/|\/display|\/rating|\/console|\/openapi\.json$)/;
    const missing = [...registered].filter((k) => !listed.has(k) && !pages.test(k));
    expect(missing).toEqual([]);
    expect(registered.size).toBeGreaterThan(40);
  });
});
