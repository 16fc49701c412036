// Login (wrong passwords slow down the account tried, and the address only loosely), logout, and
// who a token is.
import { Router } from 'express';
import { EmptyBody, LoginBody } from '@hallq/shared';
import type { AppDeps } from '../app-deps';
import { AppError } from '../services/errors';
import { parse } from '../http/validate';
import { rateLimited } from '../http/rate-limit';
import { STAFF, ANY } from '../http/auth';

export function authRouter(deps: AppDeps): Router {
  const r = Router();
  const { loginAccount, loginAddress, loginKnown } = deps.limits;

  r.post('/auth/login', async (req, res) => {
    const ip = req.ip ?? '';
    const body = parse(LoginBody, req.body);
    const account = body.username.trim().toLowerCase();
    // A limited address stops guessing across many accounts; a colleague whose account signed in
    // from this address lately still may try (the account's own growing delays still apply).
    const known = `${ip}\n${account}`;
    const addressWait = loginAddress.wait(ip);
    if (addressWait > 0 && !loginKnown.has(known)) throw rateLimited('too many failed logins from this address; try again later', addressWait);
    const accountWait = loginAccount.wait(account);
    if (accountWait > 0) throw rateLimited('too many wrong passwords for this account; wait a moment and try again', accountWait);
    // Counted as a failure before the (slow, asynchronous) password check, so parallel guesses
    // cannot all slip in before the first one is counted; a success clears it again.
    loginAccount.fail(account);
    try {
      const result = await deps.auth.login(body.username, body.password);
      loginAccount.succeed(account);
      loginKnown.mark(known);
      res.json(result);
    } catch (error) {
      if (error instanceof AppError && error.code === 'unauthorized') loginAddress.count(ip);
      throw error;
    }
  });

  r.post('/auth/logout', deps.authenticate, deps.allow(...STAFF), (req, res) => {
    parse(EmptyBody, req.body);
    deps.auth.logout(deps.identity(res));
    res.status(204).end();
  });

  r.get('/me', deps.authenticate, deps.allow(...ANY), (_req, res) => {
    const id = deps.identity(res);
    if (id.kind === 'staff') {
      const s = id.staff;
      const window = deps.repos.windows.ofStaff(s.id);
      res.json({
        kind: 'staff',
        role: id.role,
        hallId: id.hallId,
        staff: { id: s.id, username: s.username, name: s.name, role: s.role, organisationId: s.organisationId, windowNumbers: s.windowNumbers },
        windowId: window?.id ?? null,
        windowNumber: window?.number ?? null,
      });
    } else {
      const d = id.device;
      res.json({ kind: 'device', role: id.role, hallId: id.hallId, device: { id: d.id, kind: d.kind, name: d.name, announceZone: d.announceZone ?? null, announceWindows: d.announceWindows ?? null }, windowNumber: d.windowNumber });
    }
  });
  return r;
}
