// Printing a ticket on the calling kiosk's printer (or the hall's default one). The printer's
// state is read first and nothing is sent when it is not ready; a fault is recorded as the
// device's state (and a `device.changed` event) and answered 503 printer_unavailable.
import { printTicket, type PrinterFault } from '@hallq/printing';
import type { AppDeps } from '../app-deps';
import { localTime } from './clock';
import { hallOf, type Identity } from './core';
import { reportDeviceStatus } from './device-service';
import { AppError, notFound } from './errors';
import { liveEstimate } from './estimates';
import { statusUrl } from './ticket-view';

export async function printTicketFor(deps: AppDeps, identity: Identity, ticketId: string): Promise<{ printed: true }> {
  const t = deps.repos.tickets.get(ticketId);
  if (!t || t.hallId !== identity.hallId) throw notFound('ticket');
  const m = hallOf(deps.core, t.hallId);
  const service = m.services.get(t.serviceId);
  const device = identity.kind === 'device' ? identity.device : null;
  const target = device?.printer ?? deps.config.hallPrinter;
  const fail = async (state: PrinterFault, reason: string): Promise<never> => {
    if (device) await deps.run((tx) => reportDeviceStatus(deps.core, tx, identity, { printerState: state, message: reason }));
    throw new AppError('printer_unavailable', `the printer is not ready: ${reason}`, { state, reason });
  };
  if (!target) return fail('offline', 'no printer is configured for this kiosk or hall');

  const local = localTime(Date.parse(t.issuedAt), m.hall.timezone);
  const live = t.status === 'waiting' ? liveEstimate(m, t) : undefined;
  let result;
  try {
    result = await printTicket(
      target,
      {
        hallName: m.hall.name.zh,
        number: t.number,
        serviceName: service ? { zh: service.name.zh, en: service.name.en } : { zh: t.serviceId },
        peopleAhead: live?.peopleAhead ?? t.peopleAhead,
        estimatedWaitSeconds: live?.estimatedWaitSeconds ?? t.estimatedWaitSeconds,
        issuedAtLocal: `${local.date} ${local.time}`,
        statusUrl: statusUrl(deps.config.publicUrl, t.publicId),
        notice: t.lang === 'en' ? m.hall.ticketNotice.en : m.hall.ticketNotice.zh,
        lang: t.lang,
      },
      { paperWidthMm: device?.paperWidthMm ?? 80 },
    );
  } catch (error) {
    deps.logger.warn({ err: error, target }, 'ticket could not be printed');
    return fail('error', error instanceof Error ? error.message : 'printing failed');
  }
  if (!result.printed) return fail(result.state, result.reason);
  if (device && device.printerState !== 'ready') {
    await deps.run((tx) => reportDeviceStatus(deps.core, tx, identity, { printerState: 'ready' }));
  }
  return { printed: true };
}
