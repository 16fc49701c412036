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
    const result = await deps.auth.login(body.username, body.password);
    if (!result) throw new HubError('unauthorized', 'wrong username or password');
    res.json(result);
  });
  return r;
}
