// The visitor's phone: status, cancel, rating and the return after a no-show, by the secret
// publicId. Limited per publicId (one request a second, sustained, is always allowed); unknown
// publicIds are limited per address, which stops guessing without throttling a hall's guest Wi-Fi.
import { Router, type Request, type RequestHandler } from 'express';
import { EmptyBody, RatingBody } from '@hallq/shared';
import type { AppDeps } from '../app-deps';
import { command } from '../http/command';
import { checkKnownTicket, checkUnknownTicket } from '../http/limits';
import { parse } from '../http/validate';
import { notFound } from '../services/errors';
import { publicStatus } from '../services/public-status';
import { publicCancel, publicRequeue, rateByPublicId } from '../services/ticket-flow-service';

export function publicRouter(deps: AppDeps): Router {
  const r = Router();
  const core = deps; // AppDeps is the use cases' Core
  const { limits } = deps;
  const pid = (req: Request): string => req.params.publicId as string;
  const limited: RequestHandler = (req, _res, next) => {
    const publicId = pid(req);
    if (publicId.length > 100 || !deps.repos.tickets.getByPublicId(publicId)) {
      checkUnknownTicket(limits, req.ip ?? '');
      throw notFound('ticket');
    }
    checkKnownTicket(limits, publicId);
    next();
  };

  r.get('/public/tickets/:publicId', limited, (req, res) => {
    res.json(publicStatus(core, pid(req)));
  });
  r.post('/public/tickets/:publicId/cancel', limited, async (req, res) => {
    parse(EmptyBody, req.body);
    await command(deps, req, res, (tx) => ({ status: 200, body: publicCancel(core, tx, pid(req)) }));
  });
  r.post('/public/tickets/:publicId/requeue', limited, async (req, res) => {
    parse(EmptyBody, req.body);
    await command(deps, req, res, (tx) => ({ status: 200, body: publicRequeue(core, tx, pid(req)) }));
  });
  r.post('/public/tickets/:publicId/rating', limited, async (req, res) => {
    const body = parse(RatingBody, req.body);
    await command(deps, req, res, (tx) => {
      const rating = rateByPublicId(core, tx, pid(req), body);
      return { status: 201, body: { rating: { level: rating.level } } };
    });
  });
  return r;
}
