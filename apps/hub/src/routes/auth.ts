// POST /hub/auth/login
import { Router } from 'express';
import { HubError, parse } from '../http/errors';
import { LoginBody } from '../http/schemas';
import type { HubDeps } from '../hub-deps';

export function authRouter(deps: HubDeps): Router {
  const r = Router();
  r.post('/hub/auth/login', async (req, res) => {
    const body = parse(LoginBody, req.body);
    const wait = await deps.loginThrottle.retryAfter(body.username, deps.now());
    if (wait > 0) {
      res.setHeader('Retry-After', String(wait));
      throw new HubError('rate_limited', `too many wrong passwords for this account: retry in ${wait} s`, { retryAfterSeconds: wait });
    }
    const result = await deps.auth.login(body.username, body.password);
    if (!result) {
      await deps.loginThrottle.failed(body.username, deps.now());
      throw new HubError('unauthorized', 'wrong username or password');
    }
    await deps.loginThrottle.succeeded(body.username);
    res.json(result);
  });
  return r;
}
