// GET /health (PostgreSQL and Redis answer) and GET /hub/openapi.json (the hub's contract).
import { Router } from 'express';
import type { HubDeps } from '../hub-deps';
import { buildHubOpenApiDocument } from '../openapi';

export function systemRouter(deps: HubDeps, version: string): Router {
  const r = Router();
  let document: string | undefined;
  r.get('/health', async (_req, res) => {
    if (await deps.ready()) res.json({ ok: true, version });
    else res.status(503).json({ error: { code: 'unavailable', message: 'PostgreSQL or Redis does not answer', details: null } });
  });
  r.get('/hub/openapi.json', (_req, res) => {
    document ??= JSON.stringify(buildHubOpenApiDocument(version));
    res.type('application/json').send(document);
  });
  return r;
}
