// The web apps, served from their built dist folders; 503 with a plain message when not built.
import fs from 'node:fs';
import path from 'node:path';
import express, { Router, type RequestHandler } from 'express';

export function pagesRouter(webRoot: string): Router {
  const r = Router();
  const dist = (app: string): string => path.join(webRoot, app, 'dist');
  const page = (app: string, file: string): RequestHandler => (_req, res) => {
    const f = path.join(dist(app), file);
    if (!fs.existsSync(f)) {
      res.status(503).type('text/plain').send(`The ${app} app is not built (missing ${f}). Run: npm run build -w @hallq/${app}\n`);
      return;
    }
    res.sendFile(f);
  };
  const assets = (app: string): RequestHandler => {
    const serve = express.static(dist(app), { index: false, fallthrough: true, redirect: false });
    return (req, res, next) => (fs.existsSync(dist(app)) ? serve(req, res, next) : next());
  };

  r.get('/', (_req, res) => res.redirect(302, '/console'));
  r.use('/kiosk', assets('kiosk'));
  r.get(['/kiosk', '/kiosk/'], page('kiosk', 'index.html'));
  r.get('/t/:publicId', page('kiosk', 'status.html'));
  r.get('/h/:hallId', page('kiosk', 'hall.html'));
  r.use('/display', assets('display'));
  r.get(['/display', '/display/', '/display/window/:n', '/rating/:n'], page('display', 'index.html'));
  r.use('/console', assets('console'));
  r.get(['/console', '/console/{*rest}'], page('console', 'index.html'));
  return r;
}
