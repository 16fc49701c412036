// Bearer tokens: staff sessions or device tokens; roles are checked per route.
import type { Request, RequestHandler, Response } from 'express';
import type { Role } from '@hallq/shared';
import type { AuthService } from '../services/auth-service';
import type { Identity } from '../services/core';
import { AppError } from '../services/errors';

export function bearer(req: Request): string | null {
  const h = req.headers.authorization;
  if (!h) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(h);
  return m ? m[1]! : null;
}

export function authenticate(auth: AuthService): RequestHandler {
  return (req, res, next) => {
    const token = bearer(req);
    const identity = token ? auth.resolve(token) : null;
    if (!identity) return next(new AppError('unauthorized', token ? 'the token is not valid' : 'a bearer token is required'));
    res.locals.identity = identity;
    next();
  };
}

export function identityOf(res: Response): Identity {
  const identity = res.locals.identity as Identity | undefined;
  if (!identity) throw new AppError('unauthorized', 'a bearer token is required');
  return identity;
}

export function allow(...roles: Role[]): RequestHandler {
  return (_req, res, next) => {
    const identity = identityOf(res);
    if (!roles.includes(identity.role)) return next(new AppError('forbidden', `this needs one of the roles: ${roles.join(', ')}`));
    next();
  };
}

export const STAFF: Role[] = ['admin', 'supervisor', 'officer', 'helper'];
export const ANY: Role[] = [...STAFF, 'kiosk', 'display', 'rating-pad'];
