// A hall: its configuration, live queue, audit log, and issuing tickets.
import { Router } from 'express';
import { CreateTicketBody, HallPatch } from '@hallq/shared';
import type { AppDeps } from '../app-deps';
import { ANY } from '../http/auth';
import { command } from '../http/command';
import { kioskIssueLimit } from '../http/limits';
import { parse } from '../http/validate';
import { patchHall } from '../services/admin-service';
import { ownHall } from '../services/core';
import { hallConfig, queueSnapshot } from '../services/hall-views';
import { issueTicket } from '../services/issue-service';

export function hallsRouter(deps: AppDeps): Router {
  const r = Router();
  const core = deps; // AppDeps is the use cases' Core

  r.get('/halls/:hallId', deps.authenticate, deps.allow(...ANY), (req, res) => {
    res.json(hallConfig(ownHall(core, deps.identity(res), req.params.hallId as string)));
  });

  r.patch('/halls/:hallId', deps.authenticate, deps.allow('admin'), async (req, res) => {
    const body = parse(HallPatch, req.body);
    await command(deps, req, res, (tx) => ({ status: 200, body: patchHall(core, tx, deps.identity(res), req.params.hallId as string, body) }));
  });

  r.get('/halls/:hallId/queue', deps.authenticate, deps.allow(...ANY), (req, res) => {
    res.json(queueSnapshot(ownHall(core, deps.identity(res), req.params.hallId as string), deps.clock(), deps.repos.tickets.issuedCount.bind(deps.repos.tickets)));
  });

  r.get('/halls/:hallId/organisations', deps.authenticate, deps.allow('admin', 'supervisor'), (req, res) => {
    ownHall(core, deps.identity(res), req.params.hallId as string);
    res.json({ organisations: deps.repos.halls.organisations(req.params.hallId as string) });
  });

  r.get('/halls/:hallId/audit', deps.authenticate, deps.allow('admin'), (req, res) => {
    ownHall(core, deps.identity(res), req.params.hallId as string);
    const limit = Math.min(500, Math.max(1, Number(req.query.limit ?? 100) || 100));
    const before = req.query.before === undefined ? undefined : Number(req.query.before) || undefined;
    res.json({ entries: deps.repos.log.auditOfHall(req.params.hallId as string, limit, before) });
  });

  r.post('/halls/:hallId/tickets', deps.authenticate, deps.allow('kiosk', 'admin', 'supervisor', 'officer', 'helper'), kioskIssueLimit(deps.limits, deps.identity), async (req, res) => {
    const body = parse(CreateTicketBody, req.body);
    await command(deps, req, res, (tx) => ({
      status: 201,
      body: { ticket: issueTicket(core, tx, deps.identity(res), req.params.hallId as string, body) },
    }));
  });
  return r;
}
