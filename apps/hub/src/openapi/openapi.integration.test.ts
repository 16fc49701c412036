// The hub publishes its OpenAPI document; every route it mounts is in it (and nothing else);
// its answers conform to the documented schemas, closed (a field the hub sends that the document
// does not name fails); and bad input to every documented operation, generated from the document
// itself, gets a documented 4xx with a clear error and changes nothing in PostgreSQL.
import { conformance, KPI_CONTRACT_CASES, kpiContractHalls } from '@hallq/shared';
import { io as connect } from 'socket.io-client';
import { Pool } from 'pg';
import { HUB_VERSION } from '../app';
import { createTestDatabase, describeWithDatabases, type TestDatabase } from '../test-support/databases';
import { adminToken, startHub, testConfig, uniquePrefix, type RunningHub } from '../test-support/hubs';
import { buildHubOpenApiDocument, HUB_OPENAPI_PATH } from './index';

type Json = Record<string, unknown>;
const doc = buildHubOpenApiDocument(HUB_VERSION) as Json & { paths: Record<string, Record<string, Json>>; components: { schemas: Record<string, Json>; parameters: Record<string, Json> } };
const schemaOf = (name: string) => doc.components.schemas[name]!;

interface Answer {
  status: number;
  body: unknown;
  headers: Headers;
}

async function call(url: string, method: string, path: string, opts: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  const res = await fetch(`${url}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}), ...opts.headers },
    body: opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null, headers: res.headers };
}

/** Problems of an answer against the documented response of `method template` (empty: it conforms). */
function problems(method: string, template: string, res: Answer): string[] {
  const op = doc.paths[template]?.[method.toLowerCase()];
  if (!op) return [`${method} ${template} is not documented`];
  const response = (op.responses as Record<string, Json>)[String(res.status)];
  if (!response) return [`${method} ${template}: status ${res.status} is not documented (${JSON.stringify(res.body)})`];
  const schema = (response.content as Record<string, Json> | undefined)?.['application/json']?.schema as Json | undefined;
  const found = schema ? conformance(doc, schema, res.body, '$', { closed: true }) : [];
  const codes = response['x-error-codes'] as string[] | undefined;
  const code = (res.body as { error?: { code?: string } } | null)?.error?.code;
  if (codes && !codes.includes(code ?? '')) found.push(`error code ${code} is not one of ${codes.join(', ')}`);
  if (res.status === 429 && !res.headers.get('retry-after')) found.push('429 without Retry-After');
  return found.map((p) => `${method} ${template} ${res.status}: ${p}`);
}

describeWithDatabases('the hub\'s OpenAPI document', () => {
  let db: TestDatabase;
  let hub: RunningHub;
  let pool: Pool;
  let admin: string;
  const hallTokens = new Map<string, string>();
  const contract = kpiContractHalls();

  beforeAll(async () => {
    db = await createTestDatabase('hub_openapi');
    hub = await startHub(testConfig(db.url, uniquePrefix()));
    pool = new Pool({ connectionString: db.url, max: 2 });
    admin = await adminToken(hub.url);
  }, 60_000);

  afterAll(async () => {
    await Promise.allSettled([hub?.hub.close(), pool?.end()]);
    await db?.drop();
  });

  /** Calls the hub and expects the answer to conform to the document. */
  async function check(method: string, template: string, path: string, opts: { token?: string; body?: unknown } = {}): Promise<Answer> {
    const res = await call(hub.url, method, path, opts);
    expect(problems(method, template, res)).toEqual([]);
    return res;
  }

  test('is served without a token at /api/v1/hub/openapi.json', async () => {
    const res = await fetch(`${hub.url}${HUB_OPENAPI_PATH}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(doc)));
    expect(doc.openapi).toBe('3.1.0');
  });

  test('every route the hub mounts is documented, and every documented operation is mounted', () => {
    const mounted = hub.hub.routes();
    const api = mounted.filter((r) => r.path.startsWith('/api/v1/')).map((r) => `${r.method} ${r.path.slice('/api/v1'.length).replace(/:(\w+)/g, '{$1}')}`);
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(api.sort()).toEqual(documented.sort());
    const pages = mounted.filter((r) => !r.path.startsWith('/api/v1/')).map((r) => r.path);
    const documentedPages = (doc['x-pages'] as Array<{ path: string }>).map((p) => p.path).filter((p) => !p.startsWith('/assets/'));
    expect(pages.sort()).toEqual(documentedPages.sort());
    // Every $ref resolves.
    const refs = JSON.stringify(doc).match(/#\/components\/(schemas|parameters)\/\w+/g) ?? [];
    for (const r of new Set(refs)) {
      const [, , section, name] = r.split('/');
      expect([r, (doc.components as Record<string, Record<string, unknown>>)[section!]?.[name!] !== undefined]).toEqual([r, true]);
    }
  });

  test('answers as documented: sign-in, halls, ingest, events, stats (the KPI contract over HTTP), errors', async () => {
    await check('GET', '/health', '/health');
    await check('POST', '/hub/auth/login', '/hub/auth/login', { body: { username: 'admin', password: 'wrong password' } });
    await check('POST', '/hub/halls', '/hub/halls', { token: admin, body: { id: 'h1', name: 'First hall', district: 'East', location: { lat: 31.2, lng: 121.5 } } })
      .then((r) => hallTokens.set('h1', (r.body as { token: string }).token));
    await check('POST', '/hub/halls', '/hub/halls', { token: admin, body: { id: 'h2', name: 'Second hall' } }).then((r) => hallTokens.set('h2', (r.body as { token: string }).token));
    expect((await check('POST', '/hub/halls', '/hub/halls', { token: admin, body: { id: 'h1', name: 'again' } })).status).toBe(409);
    expect((await check('POST', '/hub/halls', '/hub/halls', { token: hallTokens.get('h1'), body: { id: 'h9', name: 'x' } })).status).toBe(403);
    expect((await check('POST', '/hub/halls', '/hub/halls', { body: { id: 'h9', name: 'x' } })).status).toBe(401);

    for (const h of contract) {
      const token = hallTokens.get(h.hallId)!;
      const hall = {
        name: `Hall ${h.hallId}`, timezone: h.timezone, waitTargetSeconds: h.waitTargetSeconds, publicUrl: `https://${h.hallId}.city.example`,
        services: h.services.map((s) => ({ id: s.serviceId, name: { zh: s.serviceId }, waitTargetSeconds: s.waitTargetSeconds, moduleId: s.moduleId })),
      };
      // One service with a range, the others as an older hall sends them (no range).
      const live = { services: h.services.map((s, i) => ({ serviceId: s.serviceId, estimatedWaitSeconds: 300, ...(i === 0 ? { estimatedWaitRange: { lowSeconds: 180, highSeconds: 480 } } : {}) })) };
      const path = `/hub/halls/${h.hallId}/events`;
      await check('POST', '/hub/halls/{hallId}/events', path, { token, body: { events: [], hall } });
      const gap = await check('POST', '/hub/halls/{hallId}/events', path, { token, body: { events: h.events.slice(2) } });
      expect([gap.status, (gap.body as { error: { details: unknown } }).error.details]).toEqual([409, { expectedSeq: 1, ackSeq: 0 }]);
      const ok = await check('POST', '/hub/halls/{hallId}/events', path, { token, body: { events: h.events, live } });
      expect(ok.body).toEqual({ ackSeq: h.events.length });
    }
    const halls = await check('GET', '/hub/halls', '/hub/halls');
    const ranges = (halls.body as Array<{ services: Array<{ estimatedWaitRange?: unknown }> }>).flatMap((h) => h.services.map((s) => s.estimatedWaitRange));
    expect(ranges).toContainEqual({ lowSeconds: 180, highSeconds: 480 });
    expect(ranges).toContain(null);
    expect((halls.body as Array<{ id: string; publicPageUrl: string }>).map((h) => [h.id, h.publicPageUrl])).toEqual([
      ['h1', 'https://h1.city.example/h/h1'],
      ['h2', 'https://h2.city.example/h/h2'],
    ]);
    await check('GET', '/hub/halls/{hallId}/events', '/hub/halls/h1/events?afterSeq=3&limit=5', { token: admin });
    expect((await check('GET', '/hub/halls/{hallId}/events', '/hub/halls/nope/events', { token: admin })).status).toBe(404);

    // The KPI contract's city case, over HTTP: the documented shape and the hand-worked figures.
    const city = KPI_CONTRACT_CASES.find((c) => c.range.hallId === null && c.range.from === '2026-01-05')!;
    const stats = (await check('GET', '/hub/stats', '/hub/stats?from=2026-01-05&to=2026-01-05', { token: admin })).body as Json;
    expect(stats).toMatchObject({ issued: city.total.issued, byHall: city.byHall, byService: expect.any(Array), byModule: city.byModule, byStaff: city.byStaff });
    expect((stats.byWindow as Array<{ hallId: string; windowId: string }>).map((w) => `${w.hallId}/${w.windowId}`)).toEqual(['h1/win-1', 'h1/win-2', 'h1/win-3', 'h2/win-1']);
    await check('GET', '/hub/stats', '/hub/stats?from=2026-01-05&hallId=h2', { token: admin });
    expect((await check('GET', '/hub/stats', '/hub/stats?from=2026-01-05&hallId=nope', { token: admin })).status).toBe(404);
    expect((await check('GET', '/hub/stats', '/hub/stats', { token: hallTokens.get('h1') })).status).toBe(403);

    // hall.updated, as documented under x-realtime.
    const socket = connect(hub.url, { auth: { token: admin }, transports: ['websocket'] });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.on('connect', () => resolve());
        socket.on('connect_error', reject);
      });
      const got = new Promise<unknown>((resolve) => socket.on('hall.updated', resolve));
      await call(hub.url, 'POST', '/hub/halls/h2/events', { token: hallTokens.get('h2'), body: { events: [], live: { services: [{ serviceId: 'svc-x', estimatedWaitSeconds: 120 }] } } });
      const payload = (doc['x-realtime'] as { serverToClient: Record<string, { payload: Json }> }).serverToClient['hall.updated']!.payload;
      expect(conformance(doc, payload, await got, '$', { closed: false })).toEqual([]);
    } finally {
      socket.close();
    }

    // Wrong passwords from the fifth on: 429 with Retry-After, as documented.
    let last: Answer | undefined;
    for (let i = 0; i < 6; i++) last = await check('POST', '/hub/auth/login', '/hub/auth/login', { body: { username: 'somebody', password: 'not it' } });
    expect(last!.status).toBe(429);
  }, 30_000);

  describe('bad input to every documented operation', () => {
    /** What the database holds: compared before and after every refused request. */
    async function snapshot(): Promise<unknown> {
      const q = async (sql: string) => (await pool.query(sql)).rows;
      return {
        halls: await q('SELECT id, name, district, lat, lng, ack_seq, last_event_at, last_contact_at, timezone, wait_target_seconds, public_url, token_hash FROM halls ORDER BY id'),
        services: await q('SELECT * FROM hall_services ORDER BY hall_id, service_id'),
        events: await q('SELECT hall_id, count(*) AS n, max(seq) AS last FROM events GROUP BY hall_id ORDER BY hall_id'),
        waiting: await q('SELECT hall_id, ticket_id, service_id FROM waiting_tickets ORDER BY hall_id, ticket_id'),
        staff: await q('SELECT id, username, role FROM city_staff ORDER BY id'),
        sessions: await q('SELECT count(*) AS n FROM city_sessions'),
      };
    }

    const wrongValues = (schema: Json): unknown[] => {
      const s = (schema.anyOf ? (schema.anyOf as Json[])[0]! : schema) as Json;
      const nullable = Boolean(schema.anyOf && (schema.anyOf as Json[]).some((x) => x.type === 'null')) || (Array.isArray(s.type) && s.type.includes('null'));
      const type = Array.isArray(s.type) ? (s.type as string[])[0] : (s.type as string | undefined);
      const out: unknown[] = [];
      if (type === 'string') {
        out.push(12345, true, {});
        if (typeof s.minLength === 'number' && s.minLength > 0) out.push('');
        if (typeof s.maxLength === 'number') out.push('x'.repeat(s.maxLength + 1));
        if (typeof s.pattern === 'string' || s.format === 'date' || s.format === 'date-time') out.push('not valid ~!');
        if (Array.isArray(s.enum)) out.push('no.such.value');
      } else if (type === 'integer' || type === 'number') {
        out.push('7', true, []);
        if (type === 'integer') out.push(1.5);
        if (typeof s.minimum === 'number') out.push(s.minimum - 1);
        if (typeof s.maximum === 'number' && s.maximum < Number.MAX_SAFE_INTEGER) out.push(s.maximum + 1);
      } else if (type === 'object') out.push('x', 1, []);
      else if (type === 'array') {
        out.push('x', {});
        if (typeof s.maxItems === 'number') out.push(Array.from({ length: s.maxItems + 1 }, () => ({})));
      } else if (type === 'boolean') out.push('true', 1);
      if (!nullable && type !== undefined) out.push(null);
      return out;
    };

    /** A URL carries text: wrong values of a parameter, as text. */
    const wrongParameterValues = (s: Json): string[] => {
      if (s.type === 'integer' || s.type === 'number') {
        return ['abc', '1.5', ...(typeof s.minimum === 'number' ? [String(s.minimum - 1)] : []),
          ...(typeof s.maximum === 'number' && s.maximum < Number.MAX_SAFE_INTEGER ? [String(s.maximum + 1)] : [])];
      }
      return wrongValues(s).filter((w): w is string => typeof w === 'string');
    };

    /** Every body that breaks the schema in one place: wrong values at each field, each required field left out. */
    function badBodies(schema: Json, valid: Json): unknown[] {
      const out: unknown[] = [];
      const walk = (s: Json, value: unknown, set: (v: unknown) => unknown): void => {
        const inner = (s.anyOf ? (s.anyOf as Json[]).find((x) => x.type !== 'null') : s) as Json;
        for (const w of wrongValues(s)) out.push(set(w));
        if (inner?.type === 'object' && value && typeof value === 'object' && !Array.isArray(value)) {
          const v = value as Json;
          for (const r of (inner.required as string[] | undefined) ?? []) {
            const { [r]: _drop, ...rest } = v;
            out.push(set(rest));
          }
          for (const [k, ps] of Object.entries((inner.properties as Record<string, Json> | undefined) ?? {})) {
            if (k in v) walk(ps, v[k], (x) => set({ ...v, [k]: x }));
          }
        }
        if (inner?.type === 'array' && Array.isArray(value) && value.length > 0 && inner.items) {
          walk(inner.items as Json, value[0], (x) => set([x, ...value.slice(1)]));
        }
      };
      walk(schema, valid, (x) => x);
      return out;
    }

    test('a documented 4xx with a clear error, and nothing changes', async () => {
      const h1 = hallTokens.get('h1')!;
      expect(h1).toBeDefined();
      const next = contract[0]!.events.length + 1;
      const event = { seq: next, type: 'ticket.cancelled', at: '2026-01-06T01:00:00Z', hallId: 'h1', actor: { kind: 'system', id: null }, ticketId: 'T7', number: 'T7', serviceId: 'svc-a', by: 'visitor' };
      const valid: Record<string, { token?: string; path: string; body?: Json }> = {
        'POST /hub/auth/login': { path: '/hub/auth/login', body: { username: 'admin', password: 'not the password' } },
        'POST /hub/halls': { token: admin, path: '/hub/halls', body: { id: 'h-new', name: 'New hall', district: 'West', location: { lat: 30, lng: 120 } } },
        'POST /hub/halls/{hallId}/events': {
          token: h1, path: '/hub/halls/h1/events',
          body: {
            events: [event],
            hall: { name: 'First', timezone: 'Asia/Shanghai', waitTargetSeconds: 1200, publicUrl: 'https://h1.example', services: [{ id: 'svc-a', name: { zh: '甲', en: 'A' }, waitTargetSeconds: 600, moduleId: 'mod-1' }] },
            live: { services: [{ serviceId: 'svc-a', estimatedWaitSeconds: 60 }] },
          },
        },
        'GET /hub/halls/{hallId}/events': { token: admin, path: '/hub/halls/h1/events' },
        'GET /hub/stats': { token: admin, path: '/hub/stats' },
        'GET /hub/halls': { path: '/hub/halls' },
        'GET /health': { path: '/health' },
        'GET /hub/openapi.json': { path: '/hub/openapi.json' },
      };
      const before = await snapshot();
      const failures: string[] = [];
      let tried = 0;
      const expectRefused = async (method: string, template: string, path: string, opts: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> }, what: string) => {
        tried++;
        const res = await call(hub.url, method, path, opts);
        if (res.status < 400 || res.status >= 500) failures.push(`${method} ${path} ${what}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
        else failures.push(...problems(method, template, res).map((p) => `${p} (${what})`));
        const message = (res.body as { error?: { message?: unknown } } | null)?.error?.message;
        if (typeof message !== 'string' || message.length < 5) failures.push(`${method} ${path} ${what}: no clear message`);
      };

      for (const [template, ops] of Object.entries(doc.paths)) {
        for (const [m, op] of Object.entries(ops)) {
          const method = m.toUpperCase();
          const key = `${method} ${template}`;
          const base = valid[key];
          if (!base) throw new Error(`no valid request for ${key}`);
          const body = (op.requestBody as { content: Record<string, { schema: { $ref: string } }> } | undefined)?.content['application/json']?.schema;
          if (body) {
            const schema = schemaOf(body.$ref.split('/').pop()!);
            for (const bad of badBodies(schema, base.body!)) await expectRefused(method, template, base.path, { token: base.token, body: bad }, `body ${JSON.stringify(bad).slice(0, 120)}`);
            await expectRefused(method, template, base.path, { token: base.token, raw: '{"not json' }, 'a body that is not JSON');
            await expectRefused(method, template, base.path, { token: base.token, raw: JSON.stringify({ x: 'y'.repeat(5 * 1024 * 1024) }) }, 'a 5 MB body');
          }
          for (const p of (op.parameters as Json[] | undefined) ?? []) {
            const param = (p.$ref ? doc.components.parameters[String(p.$ref).split('/').pop()!] : p) as Json;
            for (const w of wrongParameterValues(param.schema as Json)) {
              const value = encodeURIComponent(String(w));
              if (param.in === 'header') {
                // A header (Idempotency-Key) is checked with an otherwise valid request.
                await expectRefused(method, template, base.path, { token: base.token, body: base.body, headers: { [String(param.name)]: String(w) } }, `${String(param.name)}: ${String(w).slice(0, 20)}`);
                continue;
              }
              const path = param.in === 'path' ? base.path.replace('/h1/', `/${value}/`) : `${base.path}?${String(param.name)}=${value}`;
              await expectRefused(method, template, path, { token: base.token, body: base.body === undefined ? undefined : { events: [] } }, `${String(param.name)}=${String(w)}`);
            }
          }
          if (op.security && (op.security as unknown[]).length > 0) {
            await expectRefused(method, template, base.path, { body: base.body }, 'no token');
            await expectRefused(method, template, base.path, { token: 'not-a-token', body: base.body }, 'an unknown token');
          }
        }
      }
      await expectRefused('GET', '/hub/stats', '/hub/stats?from=2026-01-06&to=2026-01-05', { token: admin }, 'from after to');
      await expectRefused('GET', '/hub/stats', '/hub/stats?from=2024-01-01&to=2026-01-05', { token: admin }, 'more than a year');
      expect(failures).toEqual([]);
      expect(tried).toBeGreaterThan(100);
      expect(await snapshot()).toEqual(before);
      // The bodies broken above were valid before: each refusal was the broken field's doing.
      for (const key of ['POST /hub/halls', 'POST /hub/halls/{hallId}/events']) {
        const v = valid[key]!;
        expect([key, (await call(hub.url, 'POST', v.path, { token: v.token, body: v.body })).status]).toEqual([key, key === 'POST /hub/halls' ? 201 : 200]);
      }
    }, 120_000);
  });
});
