// Every error leaves as {"error": {code, message, details}} with the status of its code.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { validationIssues } from '@hallq/shared';
import type { z } from 'zod';

const STATUS: Record<string, number> = {
  validation_failed: 400,
  invalid_json: 400,
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  hall_exists: 409,
  seq_gap: 409,
  idempotency_conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

export class HubError extends Error {
  readonly status: number;
  constructor(readonly code: string, message: string, readonly details?: unknown) {
    super(message);
    this.status = STATUS[code] ?? 400;
  }
}

export function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const r = schema.safeParse(value === undefined ? {} : value);
  if (!r.success) {
    throw new HubError(
      'validation_failed',
      'the request is not valid',
      validationIssues(r.error),
    );
  }
  return r.data;
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new HubError('not_found', `no route for ${req.method} ${req.path}`));
};

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, _req, res, _next) => {
    let e: HubError;
    if (err instanceof HubError) e = err;
    else {
      const type = (err as { type?: string } | null)?.type;
      if (type === 'entity.parse.failed') e = new HubError('invalid_json', 'the body is not valid JSON');
      else if (type === 'entity.too.large') e = new HubError('payload_too_large', 'the body is too large');
      else if ((err as { code?: string } | null)?.code === 'ECONNREFUSED' || /terminat|connection/i.test(String((err as Error)?.message))) {
        logger.warn({ err }, 'database unavailable');
        e = new HubError('unavailable', 'the city database is unavailable; retry later');
      } else {
        logger.error({ err }, 'unhandled error');
        e = new HubError('internal', 'internal error');
      }
    }
    if (res.headersSent) return;
    res.status(e.status).json({ error: { code: e.code, message: e.message, details: e.details ?? null } });
  };
}
