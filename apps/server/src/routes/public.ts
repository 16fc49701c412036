// The visitor's phone: status, cancel and rating by the secret publicId; limited per address.
import { Router, type RequestHandler } from 'express';
import { EmptyBody, RatingBody } from '@hallq/shared';
import type { AppDeps } from '../app-deps';
import { command } from '../http/command';
import { RateLimiter } from '../http/rate-limit';
import { parse } from '../http/validate';
import { AppError } from '../services/errors';
import { publicStatus } from '../services/issue-service';
import { publicCancel, rateByPublicId } from '../services/ticket-flow-service';

export function publicRouter(deps: AppDeps, limit = 120): Router {
  const r = Router();
  const core = deps; // AppDeps is the use cases' Core
  const limiter = new RateLimiter(limit, 60 * 1000, deps.clock);
  const limited: RequestHandler = (req, _res, next) => {
    if (!limiter.hit(req.ip ?? '')) return next(new AppError('rate_limited', 'too many requests; slow down'));
    next();
  };
  const pid = (p: Record<string, unknown>): string => p.publicId as string;

  r.get('/public/tickets/:publicId', limited, (req, res) => {
    res.json(publicStatus(core, pid(req.params)));
  });
  r.post('/public/tickets/:publicId/cancel', limited, async (req, res) => {
    parse(EmptyBody, req.body);
    await command(deps, req, res, (tx) => ({ status: 200, body: publicCancel(core, tx, pid(req.params)) }));
  });
  r.post('/public/tickets/:publicId/rating', limited, async (req, res) => {
    const body = parse(RatingBody, req.body);
    await command(deps, req, res, (tx) => {
      const rating = rateByPublicId(core, tx, pid(req.params), body);
      return { status: 201, body: { rating: { level: rating.level } } };
    });
  });
  return r;
}
