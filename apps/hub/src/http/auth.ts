// Bearer tokens: city staff sessions and hall tokens, resolved once per request.
import type { RequestHandler, Response } from 'express';
import type { CityAuth, HubIdentity } from '../services/city-auth';
import { HubError } from './errors';

export function bearer(header: string | undefined): string | null {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return m ? m[1]! : null;
}

export function authenticate(auth: CityAuth): RequestHandler {
  return (req, res, next) => {
    const token = bearer(req.headers.authorization);
    if (!token) return next(new HubError('unauthorized', 'a bearer token is required'));
    auth.resolve(token).then((identity) => {
      if (!identity) return next(new HubError('unauthorized', 'the token is not valid'));
      res.locals['identity'] = identity;
      next();
    }, next);
  };
}

export const identityOf = (res: Response): HubIdentity => res.locals['identity'] as HubIdentity;

/** City staff only (any role), or admins only. */
export function allowStaff(adminOnly = false): RequestHandler {
  return (_req, res, next) => {
    const id = identityOf(res);
    if (id.kind !== 'staff') return next(new HubError('forbidden', 'city staff only'));
    if (adminOnly && id.staff.role !== 'admin') return next(new HubError('forbidden', 'city admins only'));
    next();
  };
}
