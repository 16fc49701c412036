// POST /hub/auth/login
import { Router } from 'express';
import { z } from 'zod';
import { HubError, parse } from '../http/errors';
import type { HubDeps } from '../hub-deps';

const Login = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) });

export function authRouter(deps: HubDeps): Router {
  const r = Router();
  r.post('/hub/auth/login', async (req, res) => {
    const body = parse(Login, req.body);
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
