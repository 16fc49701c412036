// The published contract: every API.md route and extension is described, with roles, answers
// and the request bodies generated from the zod schemas the routes validate with.
import { CreateTicketBody, HALL_EVENT_TYPES, PROTOCOL_VERSION, RatingBody } from '@hallq/shared';
import type { z } from 'zod';
import { conformance } from './conformance';
import { buildOpenApiDocument } from './index';
import { BODY_EXAMPLES } from './request-examples';
import { REQUEST_SCHEMAS, type RequestSchemaName } from './schemas';

type Json = Record<string, unknown>;
const doc = buildOpenApiDocument() as Json & { paths: Record<string, Record<string, Json>>; components: Record<string, Record<string, Json>> };

/** Every route of API.md (`:param` as `{param}`), plus the server's extensions. */
const API_MD_ROUTES: Array<[string, string]> = [
  ['get', '/health'],
  ['post', '/auth/login'],
  ['post', '/auth/logout'],
  ['get', '/halls/{hallId}'],
  ['get', '/halls/{hallId}/queue'],
  ['post', '/halls/{hallId}/tickets'],
  ['post', '/tickets/{ticketId}/print'],
  ['get', '/public/tickets/{publicId}'],
  ['post', '/windows/{windowId}/sign-in'],
  ['post', '/windows/{windowId}/sign-out'],
  ['post', '/windows/{windowId}/pause'],
  ['post', '/windows/{windowId}/resume'],
  ['post', '/windows/{windowId}/call-next'],
  ['post', '/windows/{windowId}/call'],
  ['post', '/tickets/{ticketId}/recall'],
  ['post', '/tickets/{ticketId}/no-show'],
  ['post', '/tickets/{ticketId}/start'],
  ['post', '/tickets/{ticketId}/complete'],
  ['post', '/tickets/{ticketId}/transfer'],
  ['post', '/tickets/{ticketId}/cancel'],
  ['post', '/public/tickets/{publicId}/cancel'],
  ['post', '/public/tickets/{publicId}/rating'],
  ['post', '/tickets/{ticketId}/rating'],
  ...['services', 'windows', 'staff', 'devices', 'notices'].flatMap((r): Array<[string, string]> => [
    ['get', `/halls/{hallId}/${r}`],
    ['post', `/halls/{hallId}/${r}`],
    ['patch', `/halls/{hallId}/${r}/{id}`],
    ['delete', `/halls/{hallId}/${r}/{id}`],
  ]),
  ['get', '/halls/{hallId}/stats'],
  ['get', '/halls/{hallId}/reports/{kind}.{format}'],
  ['get', '/public/halls/{hallId}'],
  ['get', '/public/halls/{hallId}/slots'],
  ['post', '/public/halls/{hallId}/bookings'],
  ['get', '/public/bookings/{code}'],
  ['post', '/public/bookings/{code}/cancel'],
  ['get', '/halls/{hallId}/arrival-code'],
  ['post', '/public/halls/{hallId}/remote-tickets'],
  ['post', '/public/tickets/{publicId}/arrive'],
  ['get', '/public/push/key'],
  ['post', '/public/tickets/{publicId}/push'],
];

const EXTENSIONS: Array<[string, string]> = [
  ['get', '/me'],
  ['get', '/pair/demo'],
  ['post', '/devices/me/status'],
  ['get', '/halls/{hallId}/audit'],
  ['get', '/halls/{hallId}/organisations'],
  ['patch', '/halls/{hallId}'],
  ['get', '/openapi.json'],
  ['get', '/halls/{hallId}/appointments'],
  ['post', '/halls/{hallId}/appointments'],
  ['get', '/halls/{hallId}/appointments/{code}'],
  ['get', '/halls/{hallId}/stats/compare'],
  ['get', '/halls/{hallId}/reports/haochaping.json'],
  ['get', '/halls/{hallId}/follow-ups'],
  ['post', '/follow-ups/{id}/steps'],
  ['get', '/halls/{hallId}/planning/forecast'],
  ['post', '/halls/{hallId}/planning/plan'],
];


/** Property names and required names of a zod object schema, as zod sees them. */
function zodShape(schema: z.ZodType): { keys: string[]; required: string[] } {
  const shape = (schema as unknown as z.ZodObject).shape as Record<string, z.ZodType>;
  const keys = Object.keys(shape).sort();
  return { keys, required: keys.filter((k) => !shape[k]!.safeParse(undefined).success) };
}

const operations = (): Array<[string, string, Json]> =>
  Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]): [string, string, Json] => [method, path, op]));

const schema = (name: string): Json => doc.components.schemas![name] as Json;

/** Follows local $refs so a test can read through components. */
function resolve(node: unknown): Json {
  const r = (node as Json).$ref;
  if (typeof r !== 'string') return node as Json;
  const [, , section, name] = r.split('/');
  return resolve(doc.components[section!]![name!]);
}

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1.0 served under /api/v1 with bearer auth', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers).toEqual([{ url: '/api/v1' }]);
    expect((doc.info as Json).title).toBe('HallQ hall server API');
    expect((doc.info as Json).version).toMatch(/^\d+\.\d+\.\d+/);
    expect(doc.components.securitySchemes!.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.components.parameters!.IdempotencyKey).toMatchObject({ name: 'Idempotency-Key', in: 'header', required: false });
  });

  it.each([...API_MD_ROUTES, ...EXTENSIONS])('describes %s %s', (method, path) => {
    expect(doc.paths[path]?.[method]).toBeDefined();
  });

  it('gives every operation a summary, tags, security, x-roles and answers', () => {
    for (const [method, path, op] of operations()) {
      const where = `${method} ${path}`;
      expect([where, typeof op.summary]).toEqual([where, 'string']);
      expect([where, Array.isArray(op.tags) && op.tags.length > 0]).toEqual([where, true]);
      expect([where, Array.isArray(op.security)]).toEqual([where, true]);
      expect([where, Array.isArray(op['x-roles']) && (op['x-roles'] as unknown[]).length > 0]).toEqual([where, true]);
      const statuses = Object.keys(op.responses as Json);
      expect([where, statuses.some((s) => /^2\d\d$/.test(s))]).toEqual([where, true]);
    }
  });

  it('declares every path parameter of the template, and only those', () => {
    for (const [method, path, op] of operations()) {
      const inTemplate = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const declared = ((op.parameters as Json[] | undefined) ?? []).map(resolve).filter((p) => p.in === 'path').map((p) => p.name).sort();
      expect([`${method} ${path}`, declared]).toEqual([`${method} ${path}`, inTemplate]);
    }
  });

  it('answers every error with ErrorBody, and anonymous routes need no token', () => {
    for (const [, , op] of operations()) {
      for (const [status, response] of Object.entries(op.responses as Record<string, Json>)) {
        if (Number(status) < 400) continue;
        const s = (response.content as Record<string, Json>)['application/json']!.schema as Json;
        expect(JSON.stringify(s)).toContain('#/components/schemas/ErrorBody');
      }
      const roles = op['x-roles'] as string[];
      const anonymous = roles.includes('anyone');
      // Open to anyone with an optional token (a kiosk's scan on arrival): either way is declared.
      expect(op.security).toEqual(anonymous ? (roles.length > 1 ? [{}, { bearer: [] }] : []) : [{ bearer: [] }]);
      if (!anonymous) expect(Object.keys(op.responses as Json)).toEqual(expect.arrayContaining(['401', '403']));
    }
  });

  it('documents the statuses API.md names for the routes that have them', () => {
    const responses = (method: string, path: string): string[] => Object.keys(doc.paths[path]![method]!.responses as Json);
    expect(responses('post', '/halls/{hallId}/tickets')).toEqual(expect.arrayContaining(['201', '400', '401', '403', '404', '409', '413']));
    expect(responses('post', '/windows/{windowId}/call-next')).toEqual(expect.arrayContaining(['200', '204', '409']));
    expect(responses('post', '/tickets/{ticketId}/print')).toEqual(expect.arrayContaining(['200', '503']));
    expect(responses('post', '/tickets/{ticketId}/rating')).toEqual(expect.arrayContaining(['201', '409']));
    expect(responses('post', '/auth/login')).toEqual(expect.arrayContaining(['200', '401', '429']));
    expect(responses('get', '/public/tickets/{publicId}')).toEqual(expect.arrayContaining(['200', '404', '429']));
    expect(responses('delete', '/halls/{hallId}/notices/{id}')).toContain('204');
    const busy = doc.paths['/windows/{windowId}/call-next']!.post!.responses as Record<string, Json>;
    expect(busy['409']!['x-error-codes']).toContain('window_busy');
    const print = doc.paths['/tickets/{ticketId}/print']!.post!.responses as Record<string, Json>;
    expect(print['503']!['x-error-codes']).toEqual(['printer_unavailable']);
  });

  it('lists who may call, including the supervisor\'s live adjustments', () => {
    const roles = (method: string, path: string): unknown => doc.paths[path]![method]!['x-roles'];
    expect(roles('post', '/halls/{hallId}/tickets')).toEqual(['kiosk', 'admin', 'supervisor', 'officer', 'helper']);
    expect(roles('post', '/tickets/{ticketId}/rating')).toEqual(['rating-pad', 'admin', 'supervisor', 'officer', 'helper']);
    expect(roles('get', '/public/tickets/{publicId}')).toEqual(['anyone']);
    expect(roles('patch', '/halls/{hallId}')).toEqual(['admin']);
    expect(roles('post', '/halls/{hallId}/staff')).toEqual(['admin']);
    expect(roles('patch', '/halls/{hallId}/windows/{id}')).toEqual(['admin', 'supervisor']);
    expect(doc.paths['/halls/{hallId}/services/{id}']!.patch!['x-supervisor-fields']).toEqual(['closedOn', 'active']);
    expect(roles('delete', '/halls/{hallId}/notices/{id}')).toEqual(['admin', 'supervisor']);
    expect(roles('get', '/halls/{hallId}/stats')).toEqual(['admin', 'supervisor']);
  });

  it('generates request bodies from the zod schemas the routes validate with', () => {
    const create = schema('CreateTicketBody');
    expect(create.type).toBe('object');
    expect(create.required).toEqual(['serviceId']);
    expect(create.additionalProperties).toBe(false);
    expect(Object.keys(create.properties as Json).sort()).toEqual(Object.keys(CreateTicketBody.shape).sort());
    expect(create.$schema).toBeUndefined();
    const rating = schema('RatingBody');
    expect((rating.properties as Json).level).toMatchObject({ type: 'integer', minimum: 1, maximum: 5 });
    expect(rating['x-refinements']).toEqual([expect.stringContaining('reason')]);
    expect(RatingBody.safeParse({ level: 5 }).success).toBe(false);
    const op = doc.paths['/halls/{hallId}/tickets']!.post!;
    expect(op.requestBody).toEqual({ required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/CreateTicketBody' } } } });
    expect((doc.paths['/windows/{windowId}/pause']!.post!.requestBody as Json).required).toBe(false);
    expect((doc.paths['/halls/{hallId}/stats']!.get!.parameters as Json[]).filter((p) => p.in === 'query').map((p) => [p.name, p.in, p.required])).toEqual([
      ['from', 'query', true],
      ['to', 'query', true],
    ]);
  });

  it.each(Object.keys(REQUEST_SCHEMAS) as RequestSchemaName[])('generates %s with the properties and required fields of its zod schema', (name) => {
    const json = schema(name);
    const { keys, required } = zodShape(REQUEST_SCHEMAS[name]);
    expect(json.type).toBe('object');
    expect(Object.keys(json.properties as Json).sort()).toEqual(keys);
    expect([...((json.required as string[] | undefined) ?? [])].sort()).toEqual(required);
    expect(json.additionalProperties).toBe(false);
  });

  it.each(Object.keys(BODY_EXAMPLES) as RequestSchemaName[])('%s: the document and the zod schema agree on known-good and known-bad bodies', (name) => {
    const examples: { good: unknown[]; bad: unknown[]; refinement?: unknown[] } = BODY_EXAMPLES[name];
    const ref = { $ref: `#/components/schemas/${name}` };
    for (const body of examples.good) {
      expect([body, REQUEST_SCHEMAS[name].safeParse(body).success, conformance(doc, ref, body)]).toEqual([body, true, []]);
    }
    for (const body of examples.bad) {
      expect([body, REQUEST_SCHEMAS[name].safeParse(body).success]).toEqual([body, false]);
      expect([body, conformance(doc, ref, body).length > 0]).toEqual([body, true]);
    }
    for (const body of examples.refinement ?? []) {
      expect([body, REQUEST_SCHEMAS[name].safeParse(body).success, conformance(doc, ref, body)]).toEqual([body, false, []]);
      expect(schema(name)['x-refinements']).toBeDefined();
    }
  });

  it('points every request body at a generated schema, required when the schema has required fields', () => {
    for (const [method, path, op] of operations()) {
      const body = op.requestBody as Json | undefined;
      if (!body) continue;
      const target = (((body.content as Record<string, Json>)['application/json']!.schema as Json).$ref as string).split('/').pop()!;
      expect([method, path, target in REQUEST_SCHEMAS]).toEqual([method, path, true]);
      const required = ((schema(target).required as unknown[] | undefined) ?? []).length > 0;
      expect([method, path, body.required]).toEqual([method, path, required]);
    }
  });

  it('accepts an Idempotency-Key on every POST that creates something (answers 201)', () => {
    const creating = operations().filter(([method, , op]) => method === 'post' && '201' in (op.responses as Json));
    expect(creating.map(([, path]) => path)).toEqual(
      expect.arrayContaining(['/halls/{hallId}/tickets', '/halls/{hallId}/devices', '/tickets/{ticketId}/rating', '/follow-ups/{id}/steps']),
    );
    for (const [method, path, op] of creating) {
      const params = (op.parameters as Json[] | undefined) ?? [];
      expect([method, path, params.some((p) => p.$ref === '#/components/parameters/IdempotencyKey')]).toEqual([method, path, true]);
    }
  });

  it('resolves every $ref inside the document', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(50);
    for (const r of new Set(refs)) {
      const [hash, , section, name] = r.split('/');
      expect([r, hash === '#' && doc.components[section!]?.[name!] !== undefined]).toEqual([r, true]);
    }
  });

  it('describes the response shapes of API.md', () => {
    const ticket = schema('Ticket');
    expect(ticket.required).toEqual(expect.arrayContaining(['id', 'number', 'serviceId', 'status', 'issuedAt', 'peopleAhead', 'estimatedWaitSeconds']));
    expect(Object.keys(ticket.properties as Json)).toEqual(expect.arrayContaining(['publicId', 'statusUrl']));
    expect(Object.keys(schema('PublicTicket').properties as Json)).not.toContain('publicId');
    expect(schema('QueueSnapshot').required).toEqual(expect.arrayContaining(['seq', 'waiting', 'windows', 'recentCalls']));
    const stats = schema('Stats');
    expect(stats.required).toEqual(expect.arrayContaining(['issued', 'served', 'noShow', 'cancelled', 'waitSeconds', 'withinTargetShare',
      'serviceSeconds', 'firstTimeAcceptedShare', 'ratings', 'byService', 'byWindow', 'byStaff', 'byOrganisation', 'byHour']));
    expect(stats.required).toEqual(expect.arrayContaining(['transferred', 'from', 'to', 'timezone', 'waitTargetSeconds', 'byModule', 'byDate', 'arrivals', 'followUps']));
    expect(schema('StatsWindow').required).toEqual(expect.arrayContaining(['windowId', 'windowNumber', 'openSeconds', 'busySeconds', 'utilisation']));
    expect(schema('StatsFollowUps').required).toEqual(['opened', 'closed', 'closedInTime', 'rectified', 'overdue', 'rectificationRate']);
    expect(schema('StatsComparison').required).toEqual(['before', 'after', 'changes']);
    expect(schema('KpiChange').required).toEqual(['kpi', 'before', 'after', 'change', 'relativeChange']);
    for (const name of ['HallConfig', 'PublicTicketStatus', 'WindowView', 'LoginResult', 'ErrorBody']) expect(schema(name)).toBeDefined();
  });

  it('describes the realtime contract with every hall event', () => {
    const rt = doc['x-realtime'] as Json & { events: Record<string, Json>; clientToServer: Record<string, Json>; serverToClient: Record<string, Json> };
    expect(rt.protocolVersion).toBe(PROTOCOL_VERSION);
    expect(rt.connect).toMatchObject({ auth: { properties: { token: expect.anything(), publicId: expect.anything() } } });
    expect(Object.keys(rt.serverToClient)).toContain('ticket.status');
    expect(rt.clientToServer.resume!.schema).toEqual({ $ref: '#/components/schemas/ResumeMessage' });
    expect(schema('ResumeMessage').required).toEqual(['hallId', 'afterSeq']);
    expect(Object.keys(rt.serverToClient)).toEqual(expect.arrayContaining(['hello', 'snapshot', 'queue.estimates']));
    expect(Object.keys(rt.events).sort()).toEqual([...HALL_EVENT_TYPES].sort());
    for (const [type, event] of Object.entries(rt.events)) {
      expect(event.required).toEqual(expect.arrayContaining(['seq', 'type', 'at', 'hallId']));
      expect((event.properties as Json).type).toEqual({ const: type });
    }
    expect(rt.events['ticket.called']!.required).toEqual(
      expect.arrayContaining(['ticketId', 'number', 'serviceId', 'windowId', 'windowNumber', 'recall']),
    );
  });

  it('has a conformance check that catches answers off the documented shape', () => {
    const ok = { level: 4, followUpId: 'fu_1' };
    expect(conformance(doc, { $ref: '#/components/schemas/Rating' }, ok)).toEqual([]);
    expect(conformance(doc, { $ref: '#/components/schemas/Rating' }, { level: 6 })).toEqual(['$.level: 6 not in enum']);
    expect(conformance(doc, { $ref: '#/components/schemas/LoginResult' }, { token: 1 })).toEqual(['$.staff: missing', '$.token: expected string, got integer']);
    expect(conformance(doc, { $ref: '#/components/schemas/CurrentTicketView' }, null)).toEqual(['$: expected object, got null']);
    expect(conformance(doc, { $ref: '#/components/schemas/CreateTicketBody' }, { serviceId: 's', x: 1 })).toEqual(['$.x: not allowed']);
  });

  it('survives a JSON round trip unchanged', () => {
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });
});
