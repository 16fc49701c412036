// Printing a ticket on the calling kiosk's printer (or the hall's default one). The printer's
// state is read first (unless its status check is `none`) and nothing is sent when it is not
// ready; it is read again once the job was taken, and a fault then (paper ran out while printing)
// is not printed either. A fault is recorded as the device's state (and a `device.changed` event)
// and answered 503 printer_unavailable. Paper near its end prints, answers the warning and tells
// the supervisor; so does a printer that took the job but did not confirm it (`print_unconfirmed`:
// answered printed, since a retry could print twice). No printer configured at all is a warning
// of its own, not "offline".
import { ticketSlip, type PrinterWarning } from '@hallq/shared';
import { deadlineLeft, PrinterBusyError, printTicket, printerQueue, type PrinterFault, type PrintWarning } from '@hallq/printing';
import type { AppDeps } from '../app-deps';
import { hallOf, type Identity } from './core';
import { recordPrinterStatus } from './device-service';
import { AppError, notFound } from './errors';
import { liveEstimate } from './estimates';
import { statusUrl } from './ticket-view';

export type PrintAnswer = { printed: true; warning?: PrintWarning };

/** The device's status message after a printed ticket, for the supervisor. */
const PRINTED_WITH: Record<PrintWarning, string> = {
  paper_near_end: 'paper near its end',
  print_unconfirmed: 'the printer took it but did not confirm it came out',
};

/**
 * `maxWaitMs`: how long (ms) a job may wait for the jobs before it on its printer (one at a time:
 * kiosks sharing the hall's default printer, or two tickets of one kiosk close together). One that
 * could not start in time is refused (503, the visitor may try again) rather than printed after
 * the kiosk has given up on its answer and told the visitor it did not print.
 * `answerWithinMs`: the print request is answered within this (ms), waiting included, well inside
 * the kiosk's 10 s wait for it: the job gets what is left (at most `DEFAULT_PRINT_DEADLINE_MS`), so
 * a printer that stops taking a ticket part-way is answered 503 `offline` in time and frees the
 * printer for the next job. Tests shorten both.
 */
export const printQueue = { maxWaitMs: 4000, answerWithinMs: 8000 };

const onePrinterAtATime = printerQueue();

export async function printTicketFor(deps: AppDeps, identity: Identity, ticketId: string): Promise<PrintAnswer> {
  const t = deps.repos.tickets.get(ticketId);
  if (!t || t.hallId !== identity.hallId) throw notFound('ticket');
  const m = hallOf(deps, t.hallId);
  const service = m.services.get(t.serviceId);
  const device = identity.kind === 'device' ? identity.device : null;
  const target = device?.printer ?? deps.config.hallPrinter;
  const statusCheck = device?.printer ? device.printerStatusCheck : deps.config.hallPrinterStatusCheck;
  const report = async (printerState: PrinterFault | 'ready' | null, printerWarning: PrinterWarning | null, message: string): Promise<void> => {
    if (!device) return;
    await deps.run((tx) => recordPrinterStatus(deps, tx, identity, { printerState, printerWarning, message }));
  };
  const fail = async (state: PrinterFault, reason: string, cause?: 'no_printer_configured'): Promise<never> => {
    await report(cause ? null : state, cause ?? null, reason);
    throw new AppError('printer_unavailable', `the printer is not ready: ${reason}`, cause ? { state, reason, cause } : { state, reason });
  };
  if (!target) return fail('offline', 'no printer is configured for this kiosk or hall', 'no_printer_configured');

  const live = t.status === 'waiting' ? liveEstimate(m, t) : undefined;
  // The same slip the admin's preview and the Electron kiosk draw.
  const slip = ticketSlip({
    hall: m.hall,
    service,
    ticket: {
      number: t.number,
      serviceId: t.serviceId,
      issuedAt: t.issuedAt,
      peopleAhead: live?.peopleAhead ?? t.peopleAhead,
      estimatedWaitSeconds: live?.estimatedWaitSeconds ?? t.estimatedWaitSeconds,
      estimatedWaitRange: live && live.estimatedWaitSeconds !== null ? live.estimatedWaitRange : null,
      statusUrl: statusUrl(deps.config.publicUrl, t.publicId),
    },
    lang: t.lang ?? 'zh',
  });
  let result;
  try {
    // The footer's hall page (check waits or book from home next time) is part of the slip.
    const queuedAt = Date.now();
    result = await onePrinterAtATime(
      target,
      () => {
        const deadlineMs = deadlineLeft(printQueue.answerWithinMs, queuedAt);
        return printTicket(target, slip.data, { paperWidthMm: device?.paperWidthMm ?? 80, template: slip.template, statusCheck, deadlineMs });
      },
      printQueue.maxWaitMs,
    );
  } catch (error) {
    // Busy is not a fault of the printer: its state stays as the last job left it.
    if (error instanceof PrinterBusyError) throw new AppError('printer_unavailable', `the printer is not ready: ${error.message}`, { state: 'error', reason: error.message });
    deps.logger.warn({ err: error, target }, 'ticket could not be printed');
    return fail('error', error instanceof Error ? error.message : 'printing failed');
  }
  if (!result.printed) return fail(result.state, result.reason);
  const warning = result.warning ?? null;
  if (device && (device.printerState !== 'ready' || device.printerWarning !== warning)) {
    await report('ready', warning, warning ? `ticket ${t.number} printed; ${PRINTED_WITH[warning]}` : `ticket ${t.number} printed`);
  }
  return warning ? { printed: true, warning } : { printed: true };
}
