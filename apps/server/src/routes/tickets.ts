// A ticket at the counter (recall, start, complete, no-show, transfer, cancel, requeue after a
// no-show), rating, printing.
import { Router, type Request, type Response } from 'express';
import { CompleteBody, EmptyBody, RatingBody, TransferBody } from '@hallq/shared';
import type { AppDeps } from '../app-deps';
import { STAFF } from '../http/auth';
import { command } from '../http/command';
import { parse } from '../http/validate';
import type { Tx } from '../storage/tx';
import type { Core, Identity } from '../services/core';
import { complete, noShow, rateById, recall, staffCancel, staffRequeue, start, transfer } from '../services/ticket-flow-service';
import { printTicketFor } from '../services/print-service';

type Op = (core: Core, tx: Tx, identity: Identity, ticketId: string) => unknown;

export function ticketsRouter(deps: AppDeps): Router {
  const r = Router();
  const core = deps; // AppDeps is the use cases' Core
  const staff = [deps.authenticate, deps.allow(...STAFF)];
  const id = (req: Request): string => req.params.ticketId as string;

  const simple = (path: string, op: Op) =>
    r.post(`/tickets/:ticketId/${path}`, ...staff, async (req: Request, res: Response) => {
      parse(EmptyBody, req.body);
      await command(deps, req, res, (tx) => ({ status: 200, body: { ticket: op(core, tx, deps.identity(res), id(req)) } }));
    });
  simple('recall', recall);
  simple('start', start);
  simple('no-show', noShow);
  simple('cancel', staffCancel);
  simple('requeue', staffRequeue);

  r.post('/tickets/:ticketId/complete', ...staff, async (req, res) => {
    const body = parse(CompleteBody, req.body);
    await command(deps, req, res, (tx) => ({ status: 200, body: { ticket: complete(core, tx, deps.identity(res), id(req), body) } }));
  });
  r.post('/tickets/:ticketId/transfer', ...staff, async (req, res) => {
    const body = parse(TransferBody, req.body);
    await command(deps, req, res, (tx) => ({ status: 200, body: { ticket: transfer(core, tx, deps.identity(res), id(req), body) } }));
  });
  r.post('/tickets/:ticketId/rating', deps.authenticate, deps.allow('rating-pad', ...STAFF), async (req, res) => {
    const body = parse(RatingBody, req.body);
    await command(deps, req, res, (tx) => ({ status: 201, body: { rating: rateById(core, tx, deps.identity(res), id(req), body) } }));
  });
  r.post('/tickets/:ticketId/print', deps.authenticate, deps.allow('kiosk', ...STAFF), async (req, res) => {
    parse(EmptyBody, req.body);
    res.json(await printTicketFor(deps, deps.identity(res), id(req)));
  });
  return r;
}
