// Web Push for the visitor's phone: the server's VAPID public key, and subscribing a ticket.
import { Router } from 'express';
import { PushSubscriptionBody } from '@hallq/shared';
import type { AppDeps } from '../app-deps';
import { command } from '../http/command';
import { publicTicketLimit } from '../http/public-ticket-limit';
import { parse } from '../http/validate';
import type { PushNotifier } from '../services/home/push-notifier';
import { ticketByPublicId } from '../services/public-status';

export function pushRouter(deps: AppDeps, push: PushNotifier): Router {
  const r = Router();
  r.get('/public/push/key', (_req, res) => {
    res.json({ publicKey: push.publicKey });
  });
  r.post('/public/tickets/:publicId/push', publicTicketLimit(deps), async (req, res) => {
    const body = parse(PushSubscriptionBody, req.body);
    await command(deps, req, res, () => {
      push.subscribe(ticketByPublicId(deps, req.params.publicId as string), body);
      return { status: 201, body: { subscribed: true } };
    });
  });
  return r;
}
