// The printed ticket's layout as SVG, for the administrator's settings page: the same layout the
// printer gets (packages/printing), drawn with the values being edited, before they are saved.
import { Router } from 'express';
import { renderTicketSvg } from '@hallq/printing';
import { TicketPreviewBody } from '@hallq/shared';
import type { AppDeps } from '../app-deps';
import { parse } from '../http/validate';
import { localTime } from '../services/clock';
import { ownHall } from '../services/core';
import { notFound } from '../services/errors';

export function ticketPreviewRouter(deps: AppDeps): Router {
  const r = Router();
  r.post('/halls/:hallId/ticket-preview', deps.authenticate, deps.allow('admin', 'supervisor'), (req, res) => {
    const body = parse(TicketPreviewBody, req.body);
    const m = ownHall(deps.core, deps.identity(res), req.params.hallId as string);
    const service = body.serviceId === undefined ? [...m.services.values()][0] : m.services.get(body.serviceId);
    if (!service) throw notFound('service');
    const lang = body.lang ?? 'zh';
    const local = localTime(deps.clock(), m.hall.timezone);
    const notice = body.notice ?? m.hall.ticketNotice;
    const svg = renderTicketSvg(
      {
        hallName: (body.hallName ?? m.hall.name).zh,
        number: `${service.prefix}001`,
        serviceName: { zh: service.name.zh, en: service.name.en },
        peopleAhead: 3,
        estimatedWaitSeconds: 12 * 60,
        issuedAtLocal: `${local.date} ${local.time}`,
        statusUrl: `${deps.config.publicUrl}/t/preview`,
        notice: lang === 'en' ? notice.en : notice.zh,
        lang,
      },
      { paperWidthMm: body.paperWidthMm ?? 80 },
    );
    res.type('image/svg+xml').send(svg);
  });
  return r;
}
