// The hub's pages: /city (city staff sign in on the page) and /now (the citizens' page, public).
import path from 'node:path';
import express, { Router } from 'express';
import type { HubDeps } from '../hub-deps';

export function pagesRouter(deps: HubDeps): Router {
  const r = Router();
  const web = path.join(deps.config.webRoot, 'web');
  const built = path.join(deps.config.webRoot, 'dist', 'web');
  r.use('/assets', express.static(built, { index: false }), express.static(web, { index: false }));
  r.get('/city', (_req, res) => res.sendFile(path.join(web, 'city.html')));
  r.get('/now', (_req, res) => res.sendFile(path.join(web, 'now.html')));
  r.get('/', (_req, res) => res.redirect(302, '/now'));
  return r;
}
