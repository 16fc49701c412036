// Login (throttled per address after failures), logout, and who a token is.
import { Router } from 'express';
import { LoginBody } from '@hallq/shared';
import type { AppDeps } from '../app-deps';
import { AppError } from '../services/errors';
import { parse } from '../http/validate';
import { RateLimiter } from '../http/rate-limit';
import { STAFF, ANY } from '../http/auth';

export function authRouter(deps: AppDeps): Router {
  const r = Router();
  const failures = new RateLimiter(10, 10 * 60 * 1000, deps.clock);

  r.post('/auth/login', async (req, res) => {
    const ip = req.ip ?? '';
    if (failures.blocked(ip)) throw new AppError('rate_limited', 'too many failed logins; try again later');
    const body = parse(LoginBody, req.body);
    try {
      res.json(await deps.auth.login(body.username, body.password));
    } catch (error) {
      failures.hit(ip);
      throw error;
    }
  });

  r.post('/auth/logout', deps.authenticate, deps.allow(...STAFF), (_req, res) => {
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
