// The hub's OpenAPI 3.1 document, served at GET /api/v1/hub/openapi.json. Request bodies and query
// parameters are generated from the zod schemas the routes validate with (the ingest body is the
// shared hub contract); answers are hand-written from the shared types (HallNow, KpiStats) and held
// to real answers by the conformance test; the realtime contract and the pages sit under
// `x-realtime` and `x-pages`.
import { HubIngestBody, HUB_MAX_BATCH, ratingFigureSchemas, statsFigureSchemas, weekdayCountsSchema, windowFigureSchemas } from '@hallq/shared';
import { CreateHallBody, EventsQuery, HallId, HubStatsQuery, LoginBody, MAX_STATS_DAYS } from '../http/schemas';
import { array, bool, fromZod, int, localDate, nullable, num, obj, queryParameters, ref, str, time, type JsonSchema } from './json';

export const HUB_OPENAPI_PATH = '/api/v1/hub/openapi.json';

type Caller = 'anyone' | 'city staff' | 'city admin' | 'the hall';

interface Op {
  summary: string;
  description?: string;
  tag: string;
  who: Caller;
  params?: string[];
  query?: JsonSchema[];
  body?: string;
  /** Honours Idempotency-Key (http/idempotency.ts). */
  idempotent?: boolean;
  answers: Record<number, { description: string; schema?: JsonSchema; headers?: Record<string, unknown> }>;
  /** Error codes beyond those of auth, the body and the parameters. */
  errors?: string[];
  errorDetails?: Record<string, JsonSchema>;
}

/** The status of each error code (http/errors.ts). */
export const HUB_ERROR_STATUS: Record<string, number> = {
  validation_failed: 400, invalid_json: 400, bad_request: 400, unauthorized: 401, forbidden: 403, not_found: 404, hall_exists: 409, seq_gap: 409,
  idempotency_conflict: 409, payload_too_large: 413, rate_limited: 429, internal: 500, unavailable: 503,
};

const REASONS: Record<number, string> = {
  400: 'Bad input', 401: 'No or invalid token', 403: 'Not allowed for this caller', 404: 'Unknown hall', 409: 'State conflict',
  413: 'Body too large (4 MB)', 429: 'Rate limited', 500: 'Internal error', 503: 'PostgreSQL or Redis unavailable',
};

function operation(op: Op): JsonSchema {
  const codes = new Set(op.errors ?? []);
  if (op.who !== 'anyone') codes.add('unauthorized').add('forbidden');
  if (op.body) codes.add('validation_failed').add('invalid_json').add('payload_too_large');
  if (op.query?.length) codes.add('validation_failed');
  if (op.params?.length) codes.add('validation_failed');
  if (op.idempotent) codes.add('bad_request').add('idempotency_conflict');
  codes.add('internal').add('unavailable');
  const byStatus = new Map<number, string[]>();
  for (const c of codes) byStatus.set(HUB_ERROR_STATUS[c]!, [...(byStatus.get(HUB_ERROR_STATUS[c]!) ?? []), c]);
  const responses: Record<string, unknown> = {};
  for (const [status, a] of Object.entries(op.answers)) {
    responses[status] = { description: a.description, ...(a.headers ? { headers: a.headers } : {}), ...(a.schema ? { content: { 'application/json': { schema: a.schema } } } : {}) };
  }
  for (const status of [...byStatus.keys()].sort((a, b) => a - b)) {
    const list = byStatus.get(status)!;
    const details = list.map((c) => op.errorDetails?.[c]).filter((d): d is JsonSchema => d !== undefined);
    const schema = details.length === 0 ? ref('ErrorBody') : { allOf: [ref('ErrorBody'), obj({ error: obj({ details: details.length === 1 ? details[0]! : { anyOf: details } }) })] };
    responses[String(status)] = {
      description: `${REASONS[status] ?? 'Error'}: ${list.map((c) => `\`${c}\``).join(', ')}. A rejected request changes nothing.`,
      'x-error-codes': list,
      ...(status === 429 ? { headers: { 'Retry-After': { description: 'seconds to wait', schema: { type: 'integer', minimum: 1 } } } } : {}),
      content: { 'application/json': { schema } },
    };
  }
  return {
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    tags: [op.tag],
    security: op.who === 'anyone' ? [] : [{ bearer: [] }],
    'x-callers': op.who,
    ...(op.params || op.query || op.idempotent
      ? {
          parameters: [
            ...(op.params ?? []).map((p) => ({ $ref: `#/components/parameters/${p}` })),
            ...(op.query ?? []),
            ...(op.idempotent ? [{ $ref: '#/components/parameters/IdempotencyKey' }] : []),
          ],
        }
      : {}),
    ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: ref(op.body) } } } } : {}),
    responses,
  };
}

// The figures are the hall server's (@hallq/shared), with the rating counts inline.
const figures = (): Record<string, JsonSchema> => statsFigureSchemas(obj(ratingFigureSchemas()));

const row = (keys: Record<string, JsonSchema>, description: string, extra: Record<string, JsonSchema> = {}): JsonSchema => obj({ ...keys, ...figures(), ...extra }, [], description);
const hallKey = { hallId: str('the hall this row belongs to') };

function schemas(): Record<string, JsonSchema> {
  const ingest = fromZod(HubIngestBody) as { properties: { hall: { properties: { publicUrl: { anyOf: JsonSchema[] } } } } };
  // zod checks the protocol by a rule JSON Schema does not carry: stated as a pattern.
  const publicUrl = ingest.properties.hall.properties.publicUrl;
  publicUrl.anyOf[0] = { ...publicUrl.anyOf[0], pattern: '^https?://', description: 'http(s) address citizens reach the hall at (its PUBLIC_URL); null withdraws it' };
  const service = obj(
    {
      id: str(), name: obj({ zh: str(), en: str() }, ['zh', 'en'], 'as the hall named it'), waiting: int(), estimatedWaitSeconds: nullable(int('the hall\'s own estimate')),
      estimatedWaitRange: nullable(obj({ lowSeconds: int(), highSeconds: int() }, [], 'where a newcomer\'s call most likely falls (low <= estimate <= high), as the hall last sent it; null when it sent none (older halls) or there is no estimate: show the single figure')),
    },
    ['estimatedWaitRange'],
  );
  const hallNow = obj({
    id: str(), name: str(), district: nullable(str()), location: nullable(obj({ lat: num(), lng: num() })),
    online: bool('heard from within HALL_OFFLINE_SECONDS'), lastEventAt: nullable(time()), lastContactAt: nullable(time()),
    ackSeq: int('the last seq stored'), waiting: int('tickets waiting now'), waitTargetSeconds: int(),
    publicPageUrl: nullable(str('the hall\'s own page (queue, remote queue): PUBLIC_URL/h/<hallId> of the hall server, when the hall sent its address')),
    services: array(ref('ServiceNow')),
  }, [], 'one hall now (HallNow in packages/shared)');
  return {
    LoginBody: fromZod(LoginBody),
    CreateHallBody: fromZod(CreateHallBody),
    HubIngestBody: ingest as unknown as JsonSchema,
    ErrorBody: obj({ error: obj({ code: str('snake_case code'), message: str(), details: {} }) }),
    CityStaff: obj({ id: str(), username: str(), name: str(), role: { type: 'string', enum: ['admin', 'viewer'] } }),
    ServiceNow: service,
    HallNow: hallNow,
    HallUpdated: { allOf: [obj({ hallId: str() }), hallNow], description: '`hall.updated`: the hall\'s HallNow after an ingested batch' },
    StoredEvent: {
      ...obj({ seq: int(), type: str(), at: time(), hallId: str(), actor: obj({ kind: str(), id: nullable(str()) }) }),
      additionalProperties: {},
      description: 'an event as the hall emitted it (its type\'s fields as in the hall\'s realtime contract)',
    },
    Figures: obj(figures()),
    HubStats: obj({
      from: localDate('first local date'), to: localDate('last local date'), hallId: nullable(str('the hall asked for, or null: every hall')),
      ...figures(),
      byHall: array(row(hallKey, 'every registered hall (one when hallId is given), those without tickets too')),
      byService: array(row({ ...hallKey, serviceId: str() }, 'per ticket, by the service it was issued for')),
      byModule: array(row({ ...hallKey, moduleId: str('`unknown` when the hall did not send the service\'s module') }, 'per ticket')),
      byWindow: array(row({ ...hallKey, windowId: str() }, 'per visit', windowFigureSchemas())),
      byStaff: array(row({ ...hallKey, staffId: str() }, 'per visit')),
      byOrganisation: array(row({ ...hallKey, organisationId: str('recorded on the call; `unknown` without one') }, 'per visit')),
      byHour: array(row({ hour: int('local hour of issue in the ticket\'s hall, 0..23') }, 'per ticket')),
      byDate: array(row({ date: localDate('local date of issue') }, 'per ticket, every date of the range')),
      arrivals: obj({
        cells: array(obj({ weekday: int('1 = Monday .. 7'), hour: int(), issued: int() })),
        days: weekdayCountsSchema('how many of each weekday the range has'),
      }),
    }, [], 'the hall stats shape over every hall or one (KpiStats in packages/shared)'),
  };
}

const DESCRIPTION = [
  'The city hub: every hall\'s event log gathered into PostgreSQL, the city\'s views, and live updates through Redis between any number of hub processes.',
  '',
  '- Base path `/api/v1`; JSON in and out; times ISO-8601 UTC; durations whole seconds.',
  '- Errors: `{"error": {"code", "message", "details"}}` with 400 bad input, 401 no/invalid token, 403 not allowed, 404 unknown hall, 409 conflict, 413 body too large, 429 rate limited, 503 PostgreSQL or Redis away. A rejected request changes nothing.',
  '- `Idempotency-Key` header, optional, on POSTs that create something (registering a hall): the same key from the same token returns the first answer and creates nothing new.',
  '- Auth: `Authorization: Bearer <token>`: a city staff session (from `POST /hub/auth/login`) or a hall\'s token (from registering the hall). `x-callers` on each operation says who may call it.',
  '- Realtime: Socket.IO on the same port; see `x-realtime`. Pages: see `x-pages`.',
].join('\n');

export function buildHubOpenApiDocument(version: string): JsonSchema {
  const stats = queryParameters(HubStatsQuery, {
    from: 'first local date (each hall\'s own timezone); default: `to`, else today (UTC)',
    to: 'last local date, inclusive; default: `from`',
    hallId: 'one hall; default: every hall',
  });
  const events = queryParameters(EventsQuery, { afterSeq: 'events after this seq', limit: 'at most this many' });
  const ingestDescription = `Stores the batch in seq order exactly once, in one transaction. Events at or below \`ackSeq\` are ignored (a retry is harmless); the first one after must be \`ackSeq + 1\` and the rest follow without a hole, else 409 \`seq_gap\` with \`error.details.expectedSeq\`. At most ${HUB_MAX_BATCH} events a batch; an empty batch is the pusher's handshake and heartbeat. \`hall\` carries the hall's catalogue (timezone, wait target, services and modules, public address), \`live\` its current estimates.`;
  return {
    openapi: '3.1.0',
    info: { title: 'HallQ city hub API', version, description: DESCRIPTION },
    servers: [{ url: '/api/v1' }],
    tags: [{ name: 'System' }, { name: 'Auth' }, { name: 'Halls' }, { name: 'Ingest', description: 'A hall server pushing its event log' }, { name: 'Stats' }],
    paths: {
      '/health': {
        get: operation({ summary: 'Liveness: PostgreSQL and Redis answer', tag: 'System', who: 'anyone', answers: { 200: { description: 'ready', schema: obj({ ok: { const: true }, version: str() }) } } }),
      },
      '/hub/openapi.json': {
        get: operation({ summary: 'This document', tag: 'System', who: 'anyone', answers: { 200: { description: 'OpenAPI 3.1', schema: { type: 'object' } } } }),
      },
      '/hub/auth/login': {
        post: operation({
          summary: 'City staff sign in', tag: 'Auth', who: 'anyone', body: 'LoginBody', errors: ['unauthorized', 'rate_limited'],
          description: 'From the fifth wrong password in a row an account waits 1, 2, 4, ... up to 60 s before its next try (429 with Retry-After), on every hub process alike.',
          answers: { 200: { description: 'a session', schema: obj({ token: str('bearer token of the session'), staff: ref('CityStaff') }) } },
        }),
      },
      '/hub/halls': {
        get: operation({
          summary: 'Which hall now: every hall with its live queue, online or not', tag: 'Halls', who: 'anyone',
          description: 'The citizens\' page `/now` and the city dashboard `/city` are built from this list.',
          answers: { 200: { description: 'every hall, by id', schema: array(ref('HallNow')) } },
        }),
        post: operation({
          summary: 'Register a hall', tag: 'Halls', who: 'city admin', body: 'CreateHallBody', errors: ['hall_exists'], idempotent: true,
          description: 'With an `Idempotency-Key`, a retry (same key, same token, same request) answers the first 201 again, the same token included, and registers nothing new.',
          answers: { 201: { description: 'the hall and its token (shown this once; the hall server\'s HUB_TOKEN)', schema: obj({ hall: ref('HallNow'), token: str() }) } },
        }),
      },
      '/hub/halls/{hallId}/events': {
        post: operation({
          summary: 'Push a batch of the hall\'s events', tag: 'Ingest', who: 'the hall', params: ['hallId'], body: 'HubIngestBody', errors: ['seq_gap'],
          description: ingestDescription, errorDetails: { seq_gap: obj({ expectedSeq: int('the seq the next batch must start with (ackSeq + 1)'), ackSeq: int('the last seq stored') }) },
          answers: { 200: { description: 'the last seq stored', schema: obj({ ackSeq: int() }) } },
        }),
        get: operation({
          summary: 'The hall\'s stored events, in seq order', tag: 'Ingest', who: 'city staff', params: ['hallId'], query: events, errors: ['not_found'],
          answers: { 200: { description: 'events after afterSeq', schema: obj({ events: array(ref('StoredEvent')) }) } },
        }),
      },
      '/hub/stats': {
        get: operation({
          summary: 'KPIs over every hall or one', tag: 'Stats', who: 'city staff', query: stats, errors: ['not_found'],
          description: `The hall stats shape, computed in SQL on PostgreSQL by the definitions the hall uses (packages/shared), plus \`byHall\`. Keys that are a hall's own (service, module, window, staff member, organisation) come with their \`hallId\`. \`from\` must not be after \`to\`; at most ${MAX_STATS_DAYS} days.`,
          answers: { 200: { description: 'the figures', schema: ref('HubStats') } },
        }),
      },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A city staff session token or a hall\'s token.' } },
      parameters: {
        hallId: { name: 'hallId', in: 'path', required: true, description: 'Hall id', schema: fromZod(HallId) },
        IdempotencyKey: {
          name: 'Idempotency-Key', in: 'header', required: false,
          description: 'Same key from the same token: the first answer is returned and nothing new is created; reused with another request: 409 idempotency_conflict.',
          schema: { type: 'string', minLength: 1, maxLength: 200 },
        },
      },
      schemas: schemas(),
    },
    'x-realtime': {
      transport: 'Socket.IO on the hub\'s port; any hub process (messages cross processes through Redis)',
      connect: 'auth: {token} of city staff; a socket without one, or from an Origin outside ALLOWED_ORIGINS, is refused',
      serverToClient: { 'hall.updated': { description: 'after each ingested batch, on every hub process whichever one ingested it', payload: ref('HallUpdated') } },
    },
    'x-pages': [
      { path: '/city', description: 'the city dashboard (city staff sign in on the page): halls by district against their targets, alerts, trends; data from GET /hub/halls, GET /hub/stats and hall.updated' },
      { path: '/now', description: 'the citizens\' "which hall now" page (public, zh first, ?lang=en): data from GET /hub/halls; links to each hall\'s publicPageUrl' },
      { path: '/', description: 'redirects to /now' },
      { path: '/assets/{file}', description: 'the pages\' scripts and styles' },
    ],
  };
}
