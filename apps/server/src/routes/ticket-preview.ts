// The printed ticket's layout as SVG, for the administrator's settings page: the same slip the
// printers get (`ticketSlip` from shared, laid out by packages/printing), drawn with the values
// being edited, before they are saved.
import { Router } from 'express';
import { renderTicketSvg } from '@hallq/printing';
import { TicketPreviewBody, ticketSlip } from '@hallq/shared';
import type { AppDeps } from '../app-deps';
import { parse } from '../http/validate';
import { ownHall } from '../services/core';
import { notFound } from '../services/errors';

export function ticketPreviewRouter(deps: AppDeps): Router {
  const r = Router();
  r.post('/halls/:hallId/ticket-preview', deps.authenticate, deps.allow('admin', 'supervisor'), (req, res) => {
    const body = parse(TicketPreviewBody, req.body);
    const m = ownHall(deps, deps.identity(res), req.params.hallId as string);
    const service = body.serviceId === undefined ? [...m.services.values()][0] : m.services.get(body.serviceId);
    if (!service) throw notFound('service');
    const slip = ticketSlip({
      hall: {
        id: m.hall.id,
        name: body.hallName ?? m.hall.name,
        timezone: m.hall.timezone,
        ticketNotice: body.notice ?? m.hall.ticketNotice,
        ticketTemplate: { ...m.hall.ticketTemplate, ...body.ticketTemplate },
      },
      service,
      ticket: {
        number: `${service.prefix}001`,
        serviceId: service.id,
        issuedAt: new Date(deps.clock()).toISOString(),
        peopleAhead: 3,
        estimatedWaitSeconds: 12 * 60,
        statusUrl: `${deps.config.publicUrl}/t/preview`,
      },
      lang: body.lang ?? 'zh',
    });
    res.type('image/svg+xml').send(renderTicketSvg(slip.data, { paperWidthMm: body.paperWidthMm ?? 80, template: slip.template }));
  });
  return r;
}
