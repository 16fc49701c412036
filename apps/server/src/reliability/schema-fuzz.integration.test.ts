// Property-based fuzzing generated from the served OpenAPI document: for every operation with a
// request body, a known-good body (the document's examples) gets exactly one field replaced by a
// value of a type its schema refuses (fast-check picks it), and is sent with a token of a role the
// operation allows. The rule: never a 5xx, always a documented 4xx answer in the ErrorBody shape.
import fc from 'fast-check';
import { buildOpenApiDocument } from '../openapi';
import { conformance } from '../openapi/conformance';
import { BODY_EXAMPLES } from '../openapi/request-examples';
import { startTestServer, type TestServer } from '../test-support/test-server';

type Json = Record<string, unknown>;
const doc = buildOpenApiDocument() as Json;
const schemas = (doc.components as { schemas: Record<string, Json> }).schemas;
const RUNS = Number(process.env.HALLQ_FUZZ_RUNS ?? 4);

interface Op {
  method: string;
  template: string;
  schemaName: string;
  roles: string[];
  responses: Record<string, unknown>;
}

function operations(): Op[] {
  const out: Op[] = [];
  for (const [template, item] of Object.entries(doc.paths as Record<string, Record<string, Json>>)) {
    for (const [method, op] of Object.entries(item)) {
      const ref = (((op.requestBody as Json | undefined)?.content as Record<string, Json> | undefined)?.['application/json']?.schema as Json | undefined)?.$ref;
      if (typeof ref !== 'string') continue;
      out.push({ method: method.toUpperCase(), template, schemaName: ref.split('/').pop()!, roles: (op['x-roles'] as string[]) ?? [], responses: op.responses as Json });
    }
  }
  return out;
}

/** Any JSON value; filtered per field to those its schema refuses. */
const anyJson = fc.oneof(
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 20 }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }),
);

interface QueryOp {
  method: string;
  template: string;
  params: Array<{ name: string; schema: Json }>;
  roles: string[];
  responses: Record<string, unknown>;
}

/** Operations with declared query parameters (path parameters resolved through components). */
function queryOperations(): QueryOp[] {
  const components = (doc.components as { parameters: Record<string, Json> }).parameters;
  const out: QueryOp[] = [];
  for (const [template, item] of Object.entries(doc.paths as Record<string, Record<string, Json>>)) {
    for (const [method, op] of Object.entries(item)) {
      const params = ((op.parameters as Json[] | undefined) ?? [])
        .map((p) => (typeof p.$ref === 'string' ? components[p.$ref.split('/').pop()!]! : p))
        .filter((p) => p.in === 'query')
        .map((p) => ({ name: p.name as string, schema: p.schema as Json }));
      if (params.length > 0) out.push({ method: method.toUpperCase(), template, params, roles: (op['x-roles'] as string[]) ?? [], responses: op.responses as Json });
    }
  }
  return out;
}

function baseBody(name: string): Json {
  const good = ((BODY_EXAMPLES as Record<string, { good: unknown[] }>)[name]?.good ?? [{}]) as Json[];
  return [...good].sort((a, b) => Object.keys(b).length - Object.keys(a).length)[0] ?? {};
}

describe('OpenAPI-generated fuzzing: each wrong-typed field alone, every operation with a body', () => {
  let s: TestServer;
  const tokens = new Map<string, string>();
  beforeAll(async () => {
    s = await startTestServer();
    for (const [role, user] of [['admin', 'admin'], ['supervisor', 'super'], ['officer', 'w01'], ['helper', 'w03']] as const) tokens.set(role, await s.login(user));
    for (const kind of ['kiosk', 'display', 'rating-pad'] as const) tokens.set(kind, s.deviceToken(kind));
  });
  afterAll(() => s.close());

  const ops = operations();
  test('covers the operations of the document', () => {
    expect(ops.length).toBeGreaterThan(30);
  });

  const queryOps = queryOperations();
  test.each(queryOps.map((o) => [`${o.method} ${o.template} ?query`, o] as const))('%s: each query parameter alone with a value its schema refuses', async (_name, op) => {
    const token = tokens.get(op.roles.find((r) => tokens.has(r)) ?? '');
    const path = op.template.replace('{hallId}', 'demo').replace('{windowId}', 'win-1').replace(/\{[^}]+\}/g, 'no-such-id');
    const documented = new Set(Object.keys(op.responses));
    // Query values are text: a wrong one is text the parameter's schema (read as text) refuses.
    const text = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('2026-13-01', '0000-00-00', '-1', '1e9', 'null', '[]', '%00', 'true'));
    for (const p of op.params) {
      const numeric = p.schema.type === 'integer' || p.schema.type === 'number';
      const refused = text.filter((v) => (numeric ? !/^-?\d+$/.test(v) || conformance(doc, p.schema, Number(v)).length > 0 : conformance(doc, p.schema, v).length > 0));
      await fc.assert(
        fc.asyncProperty(refused, async (value) => {
          const r = await s.api(op.method, `${path}?${new URLSearchParams({ [p.name]: value })}`, { token });
          const problems = conformance(doc, { $ref: '#/components/schemas/ErrorBody' }, r.body);
          const ok = r.status >= 400 && r.status < 500 && problems.length === 0 && (documented.has(String(r.status)) || documented.has('default'));
          if (!ok) throw new Error(`${op.method} ${path}?${p.name}=${JSON.stringify(value)}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)} ${problems.join('; ')}`);
        }),
        { numRuns: RUNS },
      );
    }
  });

  // The values at the edges of what a query parameter's schema accepts are what a fuzzer tries
  // first: the first and last dates (1970-01-01, 9999-12-31, alone and together), the smallest
  // and largest numbers, each enum value. Accepted or refused, each is answered at once (the last
  // date once sent a range that never ended into an endless loop) with a documented status and body.
  test.each(queryOps.map((o) => [`${o.method} ${o.template} ?query`, o] as const))('%s: the edges of what each query parameter accepts', async (_name, op) => {
    const token = tokens.get(op.roles.find((r) => tokens.has(r)) ?? '');
    const path = op.template.replace('{hallId}', 'demo').replace('{windowId}', 'win-1').replace('{kind}', 'daily').replace('{format}', 'csv').replace(/\{[^}]+\}/g, 'no-such-id');
    const isDate = (schema: Json): boolean => typeof schema.pattern === 'string' && schema.pattern.includes('\\d{4}');
    const edges = (schema: Json): string[] => {
      if (Array.isArray(schema.enum)) return schema.enum.map(String);
      if (isDate(schema)) return ['1970-01-01', '9999-12-31'];
      if (schema.type === 'integer' || schema.type === 'number') return [schema.minimum, schema.maximum].filter((n) => n !== undefined).map(String);
      return ['svc-food'];
    };
    const good = (p: { schema: Json }): string => (isDate(p.schema) ? '2026-01-05' : edges(p.schema)[0] ?? 'x');
    const queries: Array<Record<string, string>> = [];
    for (const p of op.params) for (const value of edges(p.schema)) queries.push({ ...Object.fromEntries(op.params.map((q) => [q.name, good(q)])), [p.name]: value });
    for (const day of ['1970-01-01', '9999-12-31']) queries.push(Object.fromEntries(op.params.map((q) => [q.name, isDate(q.schema) ? day : good(q)])));
    const failures: string[] = [];
    for (const query of queries) {
      const r = await s.api(op.method, `${path}?${new URLSearchParams(query)}`, { token });
      const response = op.responses[String(r.status)] as Json | undefined;
      const schema = ((response?.content as Record<string, Json> | undefined)?.['application/json']?.schema ?? null) as Json | null;
      const problems = r.status >= 500 || !response ? [`status ${r.status} not documented`] : schema ? conformance(doc, schema, r.body) : [];
      if (problems.length > 0) failures.push(`${new URLSearchParams(query)}: ${r.status} ${JSON.stringify(r.body).slice(0, 200)} ${problems.join('; ')}`);
    }
    expect(failures).toEqual([]);
  });

  test.each(ops.map((o) => [`${o.method} ${o.template}`, o] as const))('%s', async (_name, op) => {
    const schema = schemas[op.schemaName]!;
    const properties = (schema.properties ?? {}) as Record<string, Json>;
    const base = baseBody(op.schemaName);
    const token = tokens.get(op.roles.find((r) => tokens.has(r)) ?? '');
    const path = op.template.replace('{hallId}', 'demo').replace('{windowId}', 'win-1').replace(/\{[^}]+\}/g, 'no-such-id');
    const documented = new Set(Object.keys(op.responses));
    for (const field of Object.keys(properties)) {
      const wrong = anyJson.filter((v) => conformance(doc, properties[field]!, v).length > 0);
      await fc.assert(
        fc.asyncProperty(wrong, async (value) => {
          const body = { ...base, [field]: value };
          const r = await s.api(op.method, path, { token, body });
          const problems = conformance(doc, { $ref: '#/components/schemas/ErrorBody' }, r.body);
          const ok = r.status >= 400 && r.status < 500 && problems.length === 0 && (documented.has(String(r.status)) || documented.has('default'));
          if (!ok) throw new Error(`${op.method} ${path} ${field}=${JSON.stringify(value)}: ${r.status} ${JSON.stringify(r.body)} ${problems.join('; ')}`);
        }),
        { numRuns: RUNS },
      );
    }
  });
});
