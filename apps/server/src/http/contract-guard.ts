// The OpenAPI document is the whole truth at the door: a path it does not have answers 404
// not_found, on a documented path a method it does not list answers 405 method_not_allowed (with
// Allow), and a query parameter it does not declare answers 400 validation_failed, before any
// route runs. TRACE and TRACK answer 405 everywhere.
import type { RequestHandler } from 'express';
import { AppError } from '../services/errors';

interface Operation {
  parameters?: Array<{ in?: string; name?: string; $ref?: string }>;
}
type PathItem = Record<string, Operation>;

interface CompiledPath {
  template: string;
  pattern: RegExp;
  methods: Map<string, Set<string>>; // METHOD -> query parameter names
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function compile(doc: Record<string, unknown>): CompiledPath[] {
  const paths = (doc.paths ?? {}) as Record<string, PathItem>;
  const components = ((doc.components as Record<string, unknown> | undefined)?.parameters ?? {}) as Record<string, { in?: string; name?: string }>;
  const out: CompiledPath[] = [];
  for (const [template, item] of Object.entries(paths)) {
    const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+');
    const methods = new Map<string, Set<string>>();
    for (const m of METHODS) {
      const op = item[m];
      if (!op) continue;
      const query = new Set<string>();
      for (const p of op.parameters ?? []) {
        const param = p.$ref ? components[p.$ref.split('/').pop() ?? ''] : p;
        if (param?.in === 'query' && param.name) query.add(param.name);
      }
      methods.set(m.toUpperCase(), query);
    }
    out.push({ template, pattern: new RegExp(`^${source}$`), methods });
  }
  return out;
}

/** Answers 405 for TRACE / TRACK on any path (a server never echoes a request back). */
export const refuseTrace: RequestHandler = (req, res, next) => {
  if (req.method === 'TRACE' || req.method === 'TRACK') {
    res.set('Allow', 'GET, HEAD, POST, PATCH, DELETE');
    return next(new AppError('method_not_allowed', `${req.method} is not allowed`));
  }
  next();
};

const firstSegment = (p: string): string => {
  const end = p.indexOf('/', 1);
  return end < 0 ? p.slice(1) : p.slice(1, end);
};

/**
 * Mounted under /api/v1 before the routers (`prefix`: where it is mounted when it is not, e.g.
 * on a route mounted ahead of them). The documented paths are grouped by their first segment,
 * so a request tests only the few that could match.
 */
export function contractGuard(doc: Record<string, unknown>, prefix = ''): RequestHandler {
  const bySegment = new Map<string, CompiledPath[]>();
  const anySegment: CompiledPath[] = [];
  for (const compiled of compile(doc)) {
    const segment = firstSegment(compiled.template);
    if (segment.startsWith('{')) anySegment.push(compiled);
    else bySegment.set(segment, [...(bySegment.get(segment) ?? []), compiled]);
  }
  const none: CompiledPath[] = [];
  return (req, res, next) => {
    if (req.method === 'OPTIONS') return next();
    const path = prefix ? req.path.slice(prefix.length) : req.path;
    const bucket = bySegment.get(firstSegment(path)) ?? none;
    const candidates = anySegment.length > 0 ? [...bucket, ...anySegment] : bucket;
    const matching = candidates.filter((p) => p.pattern.test(path));
    // Every route of the API is documented: a path no template matches exactly (another case, a
    // trailing slash, which Express's routing would take) is 404, before any route runs.
    if (matching.length === 0) return next(new AppError('not_found', `no route for ${req.method} ${path}`));
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    const op = matching.find((p) => p.methods.has(method));
    if (!op) {
      const allowed = [...new Set(matching.flatMap((p) => [...p.methods.keys()]))];
      res.set('Allow', allowed.join(', '));
      return next(new AppError('method_not_allowed', `${req.method} is not allowed on ${path}; allowed: ${allowed.join(', ')}`, { allowed }));
    }
    const known = op.methods.get(method)!;
    const unknown = Object.keys(req.query).filter((k) => !known.has(k));
    if (unknown.length > 0) {
      return next(
        new AppError(
          'validation_failed',
          `unknown query parameter${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`,
          unknown.map((k) => ({ path: ['query', k], message: 'unknown query parameter', code: 'unrecognized_keys' })),
        ),
      );
    }
    next();
  };
}
