// A hall: its configuration, live queue, audit log, and issuing tickets.
import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { CreateTicketBody, HallPatch, localDate, type Ticket } from '@hallq/shared';
import type { AppDeps } from '../app-deps';
import { ANY } from '../http/auth';
import { command, storedReplay } from '../http/command';
import { kioskIssueLimit } from '../http/limits';
import { parse } from '../http/validate';
import { patchHall } from '../services/admin-service';
import { ownHall, type Identity } from '../services/core';
import type { Tx } from '../storage/tx';
import { nextDate, startOfLocalDay } from '../services/stats/local-days';
import { hallConfig, queueSnapshot } from '../services/hall-views';
import { issueTicket } from '../services/issue-service';

/** The audit log's filters: who (a staff or device id), what (an action, or a prefix ending in
 * "." such as "staff."), when (local dates of the hall, inclusive); paging with `before`. */
/** A whole number written in digits, as the document says (`1e9`, ` 12` or `0x10` are refused). */
const digits = (min: number, max: number) =>
  z.string().regex(/^\d{1,15}$/, 'a whole number in digits').transform(Number).pipe(z.number().int().min(min).max(max));
const AuditQuery = z.strictObject({
  limit: digits(1, 500).default(100),
  before: digits(1, Number.MAX_SAFE_INTEGER).optional(),
  actorId: z.string().min(1).max(100).optional(),
  action: z.string().regex(/^[a-z_.-]{1,60}$/, 'an action such as staff.update, or a prefix such as staff.').optional(),
  from: localDate.optional(),
  to: localDate.optional(),
});

/** Issuing a ticket: the hall's busiest write, mounted ahead of the other routers (see app.ts). */
export const ISSUE_PATH = '/halls/:hallId/tickets';

/** The checks at the door of ticket issue, after the body is parsed: token, role, kiosk limit. */
export function issueTicketChecks(deps: AppDeps): RequestHandler[] {
  return [
    deps.authenticate,
    deps.allow('kiosk', 'admin', 'supervisor', 'officer', 'helper'),
    kioskIssueLimit(deps.limits, deps.identity, (req, identity) => storedReplay(deps, req, identity)),
  ];
}

/** The issue command itself: the answer's ticket (its estimate is filled in before the commit). */
export function issueTicketCommand(deps: AppDeps, identity: Identity, hallId: string, body: CreateTicketBody): (tx: Tx) => Ticket {
  return (tx) => issueTicket(deps, tx, identity, hallId, body);
}

export function issueTicketHandlers(deps: AppDeps): RequestHandler[] {
  return [
    ...issueTicketChecks(deps),
    async (req, res) => {
      const body = parse(CreateTicketBody, req.body);
      const issue = issueTicketCommand(deps, deps.identity(res), req.params.hallId as string, body);
      await command(deps, req, res, (tx) => ({ status: 201, body: { ticket: issue(tx) } }));
    },
  ];
}

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
    res.json(queueSnapshot(ownHall(core, deps.identity(res), req.params.hallId as string), deps.repos.tickets, deps.clock(), deps.repos.tickets.issuedCount.bind(deps.repos.tickets)));
  });

  r.get('/halls/:hallId/organisations', deps.authenticate, deps.allow('admin', 'supervisor'), (req, res) => {
    ownHall(core, deps.identity(res), req.params.hallId as string);
    res.json({ organisations: deps.repos.halls.organisations(req.params.hallId as string) });
  });

  r.get('/halls/:hallId/audit', deps.authenticate, deps.allow('admin'), (req, res) => {
    const m = ownHall(core, deps.identity(res), req.params.hallId as string);
    const q = parse(AuditQuery, req.query);
    // `from`/`to` are local dates of the hall (inclusive), like the stats.
    const fromMs = q.from === undefined ? undefined : startOfLocalDay(q.from, m.hall.timezone);
    const toMs = q.to === undefined ? undefined : startOfLocalDay(nextDate(q.to), m.hall.timezone);
    const filter = { actorId: q.actorId, action: q.action, fromMs, toMs };
    res.json({ entries: deps.repos.log.auditOfHall(req.params.hallId as string, q.limit, q.before, filter) });
  });

  return r;
}
