// Requests about one visitor's ticket (by its publicId): limited per publicId when the ticket
// exists, per address when it does not (guessing), with the limiters of http/limits.ts.
import type { Request, RequestHandler } from 'express';
import type { AppDeps } from '../app-deps';
import { notFound } from '../services/errors';
import { checkKnownTicket, checkUnknownTicket } from './limits';

export function publicTicketLimit(deps: AppDeps): RequestHandler {
  return (req: Request, _res, next) => {
    const publicId = req.params.publicId as string;
    if (publicId.length > 100 || !deps.repos.tickets.getByPublicId(publicId)) {
      checkUnknownTicket(deps.limits, req.ip ?? '');
      throw notFound('ticket');
    }
    checkKnownTicket(deps.limits, publicId);
    next();
  };
}
