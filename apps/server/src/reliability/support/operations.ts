// The operations of the served OpenAPI document, read the way an outside fuzzer reads them: every
// path and method with its path parameters, roles, body schema and documented answers; plus a raw
// HTTP client that sends exactly the path, method, headers and bytes it is given (fetch would
// normalise `..` segments and refuse some methods).
import http from 'node:http';
import { conformance } from '../../openapi/conformance';

export type Json = Record<string, unknown>;

export interface DocOperation {
  method: string;
  template: string;
  /** Names of the path parameters in template order, as written in the template. */
  pathParams: string[];
  roles: string[];
  /** Takes a bearer token: `required` (no token is 401) or `optional` (open to anyone; a bad token is 401). */
  bearer: 'required' | 'optional' | null;
  bodySchema: string | null;
  responses: Record<string, Json>;
}

function bearerOf(security: Array<Record<string, unknown>>): DocOperation['bearer'] {
  if (!security.some((s) => 'bearer' in s)) return null;
  return security.some((s) => Object.keys(s).length === 0) ? 'optional' : 'required';
}

export function documentOperations(doc: Json): DocOperation[] {
  const out: DocOperation[] = [];
  for (const [template, item] of Object.entries(doc.paths as Record<string, Record<string, Json>>)) {
    for (const [method, op] of Object.entries(item)) {
      const ref = (((op.requestBody as Json | undefined)?.content as Record<string, Json> | undefined)?.['application/json']?.schema as Json | undefined)?.$ref;
      out.push({
        method: method.toUpperCase(),
        template,
        pathParams: [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!),
        roles: (op['x-roles'] as string[] | undefined) ?? [],
        bearer: bearerOf((op.security as Array<Record<string, unknown>> | undefined) ?? []),
        bodySchema: typeof ref === 'string' ? ref.split('/').pop()! : null,
        responses: op.responses as Record<string, Json>,
      });
    }
  }
  return out;
}

/** The path with each `{name}` replaced by `values[name]` exactly as given (no encoding). */
export function fillPath(template: string, values: Record<string, string>): string {
  return `/api/v1${template.replace(/\{([^}]+)\}/g, (_, name: string) => values[name] ?? 'no-such-id')}`;
}

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  body: unknown;
}

export function rawRequest(base: string, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<RawAnswer> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, method, path, headers: { ...headers, ...(body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = text;
        try {
          parsed = text.length > 0 ? JSON.parse(text) : null;
        } catch {
          // not JSON: the check reports it
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, body: parsed });
      });
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/**
 * Problems with a refusal: not a 4xx, not JSON, not the ErrorBody shape, a status the operation
 * does not document (when `op` is given; a 405 answers for a method no operation has).
 */
export function refusalProblems(doc: Json, answer: RawAnswer, op?: DocOperation, expected?: number[]): string[] {
  const problems: string[] = [];
  if (answer.status < 400 || answer.status >= 500) problems.push(`status ${answer.status}, not a 4xx`);
  if (expected && !expected.includes(answer.status)) problems.push(`status ${answer.status}, expected ${expected.join(' or ')}`);
  if (!/^application\/json/.test(answer.headers['content-type'] ?? '')) problems.push(`content-type ${answer.headers['content-type'] ?? 'none'}`);
  problems.push(...conformance(doc, { $ref: '#/components/schemas/ErrorBody' }, answer.body));
  if (op && !(String(answer.status) in op.responses) && !('default' in op.responses)) problems.push(`status ${answer.status} not documented for ${op.method} ${op.template}`);
  if (op) {
    const schema = (op.responses[String(answer.status)]?.content as Record<string, Json> | undefined)?.['application/json']?.schema as Json | undefined;
    if (schema) problems.push(...conformance(doc, schema, answer.body).map((p) => `documented ${answer.status} schema: ${p}`));
  }
  return problems;
}
