// Builds one OpenAPI operation from a short description, adding what every route of the server
// shares: bearer auth and its 401/403, JSON bodies and their 400/413/415, 400 for a query parameter
// the operation does not declare, 404 for unknown ids,
// the Idempotency-Key header (handled by http/command.ts) and the ErrorBody of every error.
import { DEVICE_KINDS, ERROR_STATUS, STAFF_ROLES, type ErrorCode, type Role } from '@hallq/shared';
import { requestSchemas, type JsonSchema, type RequestSchemaName } from './schemas';
import { ref } from './json';

/** `anyone`: no token needed. */
export type Caller = Role | 'anyone';

export const STAFF: readonly Role[] = STAFF_ROLES;
export const ANY_TOKEN: readonly Role[] = [...STAFF_ROLES, ...DEVICE_KINDS];

export interface Answer {
  description: string;
  /** JSON body; omitted for 204. */
  schema?: JsonSchema;
  /** Other media types (reports). */
  content?: Record<string, JsonSchema>;
}

export interface OperationSpec {
  summary: string;
  description?: string;
  tag: string;
  roles: readonly Caller[];
  /** Path parameters, by name in components.parameters. */
  params?: readonly string[];
  query?: readonly JsonSchema[];
  body?: RequestSchemaName;
  /** Runs through the command queue: honours Idempotency-Key. */
  idempotent?: boolean;
  answers: Record<number, Answer>;
  /** Errors beyond the ones implied by auth, body, params and idempotency. */
  errors?: readonly ErrorCode[];
  /** Schema of `error.details` for some codes (e.g. the printer state of printer_unavailable). */
  errorDetails?: Partial<Record<ErrorCode, JsonSchema>>;
  /** Vendor extensions (x-...) copied onto the operation. */
  extensions?: Record<string, unknown>;
}

const REASONS: Record<number, string> = {
  400: 'Bad input', 401: 'No or invalid token', 403: 'Role not allowed', 404: 'Unknown id', 409: 'State conflict',
  413: 'Body too large (64 kB)', 415: 'Body is not JSON', 431: 'Request line and headers too large (16 kB)', 429: 'Rate limited', 500: 'Internal error', 503: 'Unavailable',
};

function errorSchema(codes: readonly ErrorCode[], details: OperationSpec['errorDetails']): JsonSchema {
  const known = codes.map((c) => details?.[c]).filter((d): d is JsonSchema => d !== undefined);
  if (known.length === 0) return ref('ErrorBody');
  const detail = known.length === 1 ? known[0]! : { anyOf: known };
  return { allOf: [ref('ErrorBody'), { type: 'object', properties: { error: { type: 'object', properties: { details: detail } } } }] };
}

function errorResponses(codes: ReadonlySet<ErrorCode>, details: OperationSpec['errorDetails']): Record<string, unknown> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) {
    const status = ERROR_STATUS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const out: Record<string, unknown> = {};
  for (const status of [...byStatus.keys()].sort((a, b) => a - b)) {
    const list = byStatus.get(status)!;
    out[String(status)] = {
      description: `${REASONS[status] ?? 'Error'}: ${list.map((c) => `\`${c}\``).join(', ')}. A rejected request changes nothing.`,
      'x-error-codes': list,
      ...(status === 429
        ? { headers: { 'Retry-After': { description: 'seconds to wait before trying again (on every 429)', schema: { type: 'integer', minimum: 1 } } } }
        : {}),
      content: { 'application/json': { schema: errorSchema(list, details) } },
    };
  }
  return out;
}

function answer(a: Answer): Record<string, unknown> {
  if (a.content) return { description: a.description, content: Object.fromEntries(Object.entries(a.content).map(([t, schema]) => [t, { schema }])) };
  if (a.schema) return { description: a.description, content: { 'application/json': { schema: a.schema } } };
  return { description: a.description };
}

let bodies: ReturnType<typeof requestSchemas> | undefined;

export function operation(spec: OperationSpec): Record<string, unknown> {
  const anonymous = spec.roles.includes('anyone');
  // Open to anyone, yet a token may be sent for more (a kiosk's scan): a token that is not valid is 401.
  const optionalToken = anonymous && spec.roles.length > 1;
  const codes = new Set<ErrorCode>(spec.errors ?? []);
  // Node's HTTP parser answers a request line and headers past 16 kB before any route runs.
  codes.add('headers_too_large');
  // So does an HTTP/1.1 request without Host (400) or with an Expect header other than 100-continue (417).
  codes.add('bad_request').add('expectation_failed');
  if (!anonymous) codes.add('unauthorized').add('forbidden');
  if (optionalToken) codes.add('unauthorized');
  if (spec.body) codes.add('validation_failed').add('invalid_json').add('payload_too_large').add('unsupported_media_type');
  // A query parameter the operation does not declare is refused on every operation (http/contract-guard.ts).
  codes.add('validation_failed');
  // An id that names nothing is 404; a path that is not valid percent-encoded UTF-8 is 400.
  if (spec.params?.length) codes.add('not_found').add('bad_request');
  if (spec.idempotent) codes.add('bad_request').add('idempotency_conflict');

  const parameters: unknown[] = (spec.params ?? []).map((p) => ({ $ref: `#/components/parameters/${p}` }));
  parameters.push(...(spec.query ?? []));
  if (spec.idempotent) parameters.push({ $ref: '#/components/parameters/IdempotencyKey' });

  const responses: Record<string, unknown> = {};
  for (const [status, a] of Object.entries(spec.answers)) responses[status] = answer(a);
  Object.assign(responses, errorResponses(codes, spec.errorDetails));

  const op: Record<string, unknown> = {
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    tags: [spec.tag],
    security: optionalToken ? [{}, { bearer: [] }] : anonymous ? [] : [{ bearer: [] }],
    'x-roles': [...spec.roles],
  };
  if (parameters.length > 0) op.parameters = parameters;
  if (spec.body) {
    // A POST without a body counts as `{}`, so a body whose fields are all optional may be left out.
    const required = ((bodies ??= requestSchemas())[spec.body].required as unknown[] | undefined)?.length ?? 0;
    op.requestBody = { required: required > 0, content: { 'application/json': { schema: ref(spec.body) } } };
  }
  op.responses = responses;
  return { ...op, ...(spec.extensions ?? {}) };
}
