// Every error leaves as {"error": {code, message, details}} with the status of its code.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { AppError } from '../services/errors';

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError('not_found', `no route for ${req.method} ${req.path}`));
};

interface BodyParserError {
  type?: string;
  status?: number;
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, _req, res, _next) => {
    let e: AppError;
    if (err instanceof AppError) e = err;
    else {
      const type = (err as BodyParserError | null)?.type;
      if (type === 'entity.parse.failed') e = new AppError('invalid_json', 'the body is not valid JSON');
      else if (type === 'entity.too.large') e = new AppError('payload_too_large', 'the body is larger than 64 kB');
      else if (type === 'charset.unsupported' || type === 'encoding.unsupported') e = new AppError('unsupported_media_type', 'unsupported body encoding');
      // Express could not percent-decode a path parameter (e.g. `%ZZ` or bytes that are not UTF-8).
      else if (err instanceof URIError) e = new AppError('bad_request', 'the path is not valid percent-encoded UTF-8');
      else if ((err as BodyParserError | null)?.status === 400) e = new AppError('bad_request', 'bad request');
      else {
        logger.error({ err }, 'unhandled error');
        e = new AppError('internal', 'internal error');
      }
    }
    if (res.headersSent) return;
    // Every 429 says when to come back (seconds); a limiter that did not say gets a minute.
    if (e.status === 429 && !res.hasHeader('Retry-After')) res.setHeader('Retry-After', String(retryAfterOf(e.details)));
    res.status(e.status).json({ error: { code: e.code, message: e.message, details: e.details ?? null } });
  };
}

function retryAfterOf(details: unknown): number {
  const v = (details as { retryAfterSeconds?: unknown } | null | undefined)?.retryAfterSeconds;
  return typeof v === 'number' && Number.isFinite(v) && v >= 1 ? Math.ceil(v) : 60;
}
