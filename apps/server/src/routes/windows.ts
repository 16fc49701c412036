// A counter window: sign in/out, pause/resume, call next, call one ticket.
import { Router } from 'express';
import { CallTicketBody, EmptyBody, PauseBody } from '@hallq/shared';
import type { AppDeps } from '../app-deps';
import { STAFF } from '../http/auth';
import { command } from '../http/command';
import { parse } from '../http/validate';
import { callNext, callTicket, pause, resume, signIn, signOut } from '../services/window-service';

export function windowsRouter(deps: AppDeps): Router {
  const r = Router();
  const core = deps; // AppDeps is the use cases' Core
  const staff = [deps.authenticate, deps.allow(...STAFF)];
  const id = (req: { params: Record<string, unknown> }): string => req.params.windowId as string;

  r.post('/windows/:windowId/sign-in', ...staff, async (req, res) => {
    parse(EmptyBody, req.body);
    await command(deps, req, res, (tx) => ({ status: 200, body: { window: signIn(core, tx, deps.identity(res), id(req)) } }));
  });
  r.post('/windows/:windowId/sign-out', ...staff, async (req, res) => {
    parse(EmptyBody, req.body);
    await command(deps, req, res, (tx) => ({ status: 200, body: { window: signOut(core, tx, deps.identity(res), id(req)) } }));
  });
  r.post('/windows/:windowId/pause', ...staff, async (req, res) => {
    const body = parse(PauseBody, req.body);
    await command(deps, req, res, (tx) => ({ status: 200, body: { window: pause(core, tx, deps.identity(res), id(req), body.reason) } }));
  });
  r.post('/windows/:windowId/resume', ...staff, async (req, res) => {
    parse(EmptyBody, req.body);
    await command(deps, req, res, (tx) => ({ status: 200, body: { window: resume(core, tx, deps.identity(res), id(req)) } }));
  });
  r.post('/windows/:windowId/call-next', ...staff, async (req, res) => {
    parse(EmptyBody, req.body);
    await command(deps, req, res, (tx) => {
      const ticket = callNext(core, tx, deps.identity(res), id(req));
      return ticket ? { status: 200, body: { ticket } } : { status: 204, body: null };
    });
  });
  r.post('/windows/:windowId/call', ...staff, async (req, res) => {
    const body = parse(CallTicketBody, req.body);
    await command(deps, req, res, (tx) => ({
      status: 200,
      body: { ticket: callTicket(core, tx, deps.identity(res), id(req), body.ticketId, body.reason) },
    }));
  });
  return r;
}
