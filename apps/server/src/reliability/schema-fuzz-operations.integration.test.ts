// Every operation of the served OpenAPI document, attacked the way an outside fuzzer would beyond
// its bodies and queries (schema-fuzz.integration.test.ts): path parameters of the wrong type,
// huge, unicode, malformed percent-encoding and traversal; no, malformed, ended and wrong-role
// tokens; bodies in other content types or broken JSON; and the methods a path does not list.
// Also query parameters no operation declares, and bodies sent with a DELETE.
// The rule for each: a clear 4xx JSON error in the ErrorBody shape, with a status the operation
// documents (405 for a method it does not have), and nothing in the database changes.
import fc from 'fast-check';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { buildOpenApiDocument } from '../openapi';
import { BODY_EXAMPLES } from '../openapi/request-examples';
import { startTestServer, type TestServer } from '../test-support/test-server';
import { documentOperations, fillPath, rawRequest, refusalProblems, type DocOperation, type Json } from './support/operations';

const doc = buildOpenApiDocument() as Json;
const ops = documentOperations(doc);
const RUNS = Number(process.env.HALLQ_FUZZ_RUNS ?? 4);
const STAFF_ROLES = ['admin', 'supervisor', 'officer', 'helper'];
const ALL_ROLES = [...STAFF_ROLES, 'kiosk', 'display', 'rating-pad'];

/** Path values no operation accepts, each already written as it goes on the wire. */
const ODD_PATH_VALUES = [
  '-1', '0', '1.5', '1e309', 'NaN', 'null', 'undefined', 'true', '%5B%5D', '%7B%7D',
  '.', '..', '%2e%2e', '..%2f..%2fetc%2fpasswd', '%2F', '..%5C..%5Cwindows', '%00', 'a%00b', '%20',
  '%ZZ', '%E4%B8', '%ED%A0%80', '%C0%AF',
  '__proto__', 'constructor', 'toString', 'hasOwnProperty',
  encodeURIComponent('票号💥'), encodeURIComponent('\u202e'), encodeURIComponent('ＡＢＣ'), encodeURIComponent('<script>alert(1)</script>'), encodeURIComponent("' OR 1=1 --"),
  'a'.repeat(5000), '9'.repeat(400), 'a'.repeat(20_000),
];

const randomPathValue = fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 })).map(encodeURIComponent);

/** Every row of every table, hashed: a refused request must leave it the same. */
function databaseFingerprint(dataDir: string): Record<string, string> {
  const db = new Database(path.join(dataDir, 'hallq.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>).map((t) => t.name);
    return Object.fromEntries(tables.map((t) => [t, createHash('sha256').update(db.prepare(`SELECT * FROM "${t}"`).all().map((row) => JSON.stringify(row)).sort().join('\n')).digest('hex')]));
  } finally {
    db.close();
  }
}

function goodBody(op: DocOperation): string | undefined {
  if (!op.bodySchema) return undefined;
  const good = ((BODY_EXAMPLES as Record<string, { good: unknown[] }>)[op.bodySchema]?.good ?? [{}]) as Json[];
  return JSON.stringify([...good].sort((a, b) => Object.keys(b).length - Object.keys(a).length)[0] ?? {});
}

describe('OpenAPI-generated fuzzing: every operation, beyond its body and query', () => {
  let s: TestServer;
  const tokens = new Map<string, string>();
  let ended = '';
  const valid: Record<string, string> = { hallId: 'demo', windowId: 'win-1', kind: 'daily', format: 'csv' };
  let before: Record<string, string> = {};

  beforeAll(async () => {
    s = await startTestServer({ publicRateLimit: 1_000_000, homeLimits: { createsPer10Min: 1_000_000, missesPerMinute: 1_000_000, wrongArrivalCodes: 1_000_000 } });
    for (const [role, user] of [['admin', 'admin'], ['supervisor', 'super'], ['officer', 'w01'], ['helper', 'w03']] as const) tokens.set(role, await s.login(user));
    for (const kind of ['kiosk', 'display', 'rating-pad'] as const) tokens.set(kind, s.deviceToken(kind));
    ended = await s.login('w02');
    expect((await s.api('POST', '/auth/logout', { token: ended })).status).toBe(204);
    // Real ids, so that only the attacked part of a request is wrong.
    const issued = await s.api('POST', '/halls/demo/tickets', { token: tokens.get('kiosk'), body: { serviceId: 'svc-food' } });
    expect(issued.status).toBe(201);
    Object.assign(valid, { ticketId: issued.body.ticket.id, publicId: issued.body.ticket.publicId });
  }, 60_000);
  afterAll(() => s.close());

  beforeEach(() => {
    before = databaseFingerprint(s.dataDir);
  });
  afterEach(() => {
    expect(databaseFingerprint(s.dataDir)).toEqual(before);
  });

  /** A real id for `{id}` in this operation's collection, so a wrong `{hallId}` beside it is the only fault. */
  function validValues(op: DocOperation): Record<string, string> {
    const collection = /\/halls\/\{hallId\}\/(services|windows|staff|devices|notices)\/\{id\}/.exec(op.template)?.[1];
    const id = { services: 'svc-food', windows: 'win-2', staff: 'staff-w05', devices: 'no-such-id', notices: 'no-such-id' }[collection ?? ''] ?? 'no-such-id';
    return { ...valid, id, code: '000000' };
  }

  function tokenFor(op: DocOperation): string | undefined {
    const role = op.roles.find((r) => tokens.has(r));
    return role ? tokens.get(role) : undefined;
  }

  function headersFor(op: DocOperation, token = tokenFor(op)): Record<string, string> {
    return { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(op.bodySchema ? { 'content-type': 'application/json' } : {}) };
  }

  test('covers every operation of the document', () => {
    expect(ops.length).toBeGreaterThan(60);
    expect(ops.filter((o) => o.pathParams.length > 0).length).toBeGreaterThan(50);
  });

  const withParams = ops.filter((o) => o.pathParams.length > 0);
  test.each(withParams.map((o) => [`${o.method} ${o.template}`, o] as const))('%s: each path parameter alone, odd, huge, unicode or a traversal', async (_name, op) => {
    const values = validValues(op);
    const failures: string[] = [];
    const attempt = async (param: string, value: string): Promise<void> => {
      const p = fillPath(op.template, { ...values, [param]: value });
      const r = await rawRequest(s.base, op.method, p, headersFor(op), goodBody(op));
      const problems = refusalProblems(doc, r, op);
      if (problems.length > 0) failures.push(`${op.method} ${p.slice(0, 160)}: ${r.status} ${r.text.slice(0, 200)} | ${problems.join('; ')}`);
    };
    for (const param of op.pathParams) {
      // `kind` and `format` are enums: every odd value is refused. Any other id is a lookup that finds nothing.
      for (const value of ODD_PATH_VALUES) await attempt(param, value);
      await fc.assert(fc.asyncProperty(randomPathValue, async (value) => attempt(param, value)), { numRuns: RUNS });
    }
    expect(failures).toEqual([]);
  });

  const withToken = ops.filter((o) => o.bearer !== null);
  test.each(withToken.map((o) => [`${o.method} ${o.template}`, o] as const))('%s: no token (where one is required), a malformed or ended one is 401; a role it does not name is 403; huge headers 431', async (_name, op) => {
    const p = fillPath(op.template, validValues(op));
    const body = goodBody(op);
    const failures: string[] = [];
    const required = op.bearer === 'required';
    const bad = [...(required ? [''] : []), 'Bearer', 'Bearer ', 'Bearer not-a-token', `Bearer ${ended}`, `Bearer ${tokenFor(op) ?? ''}x`, 'Basic YWRtaW46ZGVtbw==', `Bearer ${'A'.repeat(8000)}`, 'bearer  ', `Bearer ${tokenFor(op) ?? ''} ${tokenFor(op) ?? ''}`];
    for (const authorization of bad) {
      const headers: Record<string, string> = { ...(op.bodySchema ? { 'content-type': 'application/json' } : {}) };
      if (authorization !== '') headers.authorization = authorization;
      const r = await rawRequest(s.base, op.method, p, headers, body);
      const problems = refusalProblems(doc, r, op, [401]);
      if (problems.length > 0) failures.push(`${authorization.slice(0, 30)}: ${r.status} ${r.text.slice(0, 200)} | ${problems.join('; ')}`);
    }
    // Past Node's 16 kB header limit: refused by the HTTP parser, still in the API's JSON shape.
    const huge = await rawRequest(s.base, op.method, p, { ...headersFor(op), 'x-padding': 'x'.repeat(20_000) }, body);
    const hugeProblems = refusalProblems(doc, huge, op, [431]);
    if (hugeProblems.length > 0) failures.push(`huge headers: ${huge.status} ${huge.text.slice(0, 200)} | ${hugeProblems.join('; ')}`);
    // An open operation with an optional token names no role it refuses.
    for (const role of required ? ALL_ROLES.filter((r) => !op.roles.includes(r)) : []) {
      const r = await rawRequest(s.base, op.method, p, headersFor(op, tokens.get(role)), body);
      const problems = refusalProblems(doc, r, op, [403]);
      if (problems.length > 0) failures.push(`role ${role}: ${r.status} ${r.text.slice(0, 200)} | ${problems.join('; ')}`);
    }
    expect(failures).toEqual([]);
  });

  const withBody = ops.filter((o) => o.bodySchema !== null);
  test.each(withBody.map((o) => [`${o.method} ${o.template}`, o] as const))('%s: a body that is not JSON is 415, broken JSON is 400', async (_name, op) => {
    const p = fillPath(op.template, validValues(op));
    const body = goodBody(op)!;
    const token = tokenFor(op);
    const auth: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    const failures: string[] = [];
    const cases: Array<[Record<string, string>, string, number]> = [
      [{}, body, 415],
      [{ 'content-type': 'text/plain' }, body, 415],
      [{ 'content-type': 'application/x-www-form-urlencoded' }, 'a=1&b=2', 415],
      [{ 'content-type': 'multipart/form-data; boundary=x' }, '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--\r\n', 415],
      [{ 'content-type': 'application/xml' }, '<a>1</a>', 415],
      [{ 'content-type': 'application/json; charset=iso-8859-1' }, body, 415],
      [{ 'content-type': 'application/json' }, '{"a": ', 400],
      [{ 'content-type': 'application/json' }, '{"a": 1}}', 400],
      [{ 'content-type': 'application/json' }, "{'a': 1}", 400],
      [{ 'content-type': 'application/json' }, '\u0000', 400],
      [{ 'content-type': 'application/json' }, `{"a": "${'x'.repeat(70_000)}"}`, 413],
    ];
    for (const [headers, payload, expected] of cases) {
      const r = await rawRequest(s.base, op.method, p, { ...auth, ...headers }, payload);
      // Anonymous operations on a missing item may answer 404 first; every other status is the rule.
      const allowed = op.bearer ? [expected] : [expected, 404];
      const problems = refusalProblems(doc, r, op, allowed);
      if (problems.length > 0) failures.push(`${headers['content-type'] ?? 'no content-type'} ${payload.slice(0, 20)}: ${r.status} ${r.text.slice(0, 200)} | ${problems.join('; ')}`);
    }
    expect(failures).toEqual([]);
  });

  test.each(ops.map((o) => [`${o.method} ${o.template}`, o] as const))('%s: a query parameter it does not declare is 400, documented', async (_name, op) => {
    const p = fillPath(op.template, validValues(op));
    const failures: string[] = [];
    for (const query of ['zzz=1', 'token=x&debug=true', `${'q'.repeat(300)}=1`, '__proto__[x]=1']) {
      const r = await rawRequest(s.base, op.method, `${p}?${query}`, headersFor(op), goodBody(op));
      const problems = refusalProblems(doc, r, op, [400]);
      if (problems.length > 0) failures.push(`?${query.slice(0, 30)}: ${r.status} ${r.text.slice(0, 200)} | ${problems.join('; ')}`);
    }
    expect(failures).toEqual([]);
  });

  const deletes = ops.filter((o) => o.method === 'DELETE');
  test.each(deletes.map((o) => [`${o.method} ${o.template}`, o] as const))('%s: takes no body; one sent, of any type or size, is 400 (but `{}`)', async (_name, op) => {
    const p = fillPath(op.template, validValues(op));
    const token = tokenFor(op);
    const auth: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    const failures: string[] = [];
    const cases: Array<[Record<string, string>, string]> = [
      [{ 'content-type': 'application/json' }, '{"a": 1}'],
      [{ 'content-type': 'application/json' }, '[]'],
      [{ 'content-type': 'application/json' }, '{"a": '],
      [{ 'content-type': 'text/plain' }, 'delete it'],
      [{}, '{}'],
      [{ 'content-type': 'application/json' }, `{"a": "${'x'.repeat(70_000)}"}`],
    ];
    for (const [headers, payload] of cases) {
      const r = await rawRequest(s.base, op.method, p, { ...auth, ...headers }, payload);
      const problems = refusalProblems(doc, r, op, [400]);
      if (problems.length > 0) failures.push(`${headers['content-type'] ?? 'no content-type'} ${payload.slice(0, 20)}: ${r.status} ${r.text.slice(0, 200)} | ${problems.join('; ')}`);
    }
    expect(failures).toEqual([]);
  });

  const templates = [...new Set(ops.map((o) => o.template))];
  test.each(templates.map((t) => [t] as const))('%s: a method the document does not list is 405 with Allow', async (template) => {
    const p = fillPath(template, { ...valid, id: 'no-such-id', code: '000000' });
    // A concrete path may match more than one template (`/windows/skills` is also `/windows/{id}`).
    const matches = (t: string): boolean => new RegExp(`^/api/v1${t.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`).test(p);
    const listed = [...new Set(ops.filter((o) => matches(o.template)).map((o) => o.method))];
    const failures: string[] = [];
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => !listed.includes(m))) {
      const r = await rawRequest(s.base, method, p, { authorization: `Bearer ${tokens.get('admin')!}`, 'content-type': 'application/json' }, '{}');
      const problems = refusalProblems(doc, r, undefined, [405]);
      const allow = String(r.headers.allow ?? '').split(/,\s*/).filter(Boolean).sort();
      if (JSON.stringify(allow) !== JSON.stringify([...listed].sort())) problems.push(`Allow ${String(r.headers.allow)} (listed: ${listed.join(', ')})`);
      if (problems.length > 0) failures.push(`${method}: ${r.status} ${r.text.slice(0, 200)} | ${problems.join('; ')}`);
    }
    expect(failures).toEqual([]);
  });
});
