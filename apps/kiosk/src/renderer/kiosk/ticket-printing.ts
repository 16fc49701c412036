// Prints an issued ticket: through the Electron bridge when the kiosk has its own printer, else
// through the server (POST /tickets/:id/print). A fault never takes the ticket away: the screen
// shows it with its QR code, and the supervisor is told.
import { ApiError } from '@hallq/client';
import type { ApiClient } from '@hallq/client';
import { ticketSlip } from '@hallq/shared';
import type { HallConfig, Lang, Service } from '@hallq/shared';
import type { KioskBridge, KioskPrinterFault, KioskTicketPrintData } from '../../shared/kiosk-bridge';
import type { IssuedTicket } from './take-ticket';

export type PrintOutcome = { printed: true } | { printed: false; state: KioskPrinterFault; reason: string };

const FAULTS: readonly KioskPrinterFault[] = ['offline', 'paper_out', 'cover_open', 'error'];

/** The slip the server's printer and the admin's preview get too (one function, `ticketSlip`). */
export function buildPrintData(ticket: IssuedTicket, hall: HallConfig, service: Service, lang: Lang): KioskTicketPrintData {
  const slip = ticketSlip({ hall, service, ticket, lang });
  return { ...slip.data, template: slip.template };
}

function faultFrom(details: unknown): KioskPrinterFault {
  const state = (details as { state?: unknown } | null | undefined)?.state;
  return FAULTS.includes(state as KioskPrinterFault) ? (state as KioskPrinterFault) : 'error';
}

async function printOnServer(api: ApiClient, ticket: IssuedTicket): Promise<PrintOutcome> {
  try {
    await api.post(`/tickets/${encodeURIComponent(ticket.id)}/print`, {});
    return { printed: true };
  } catch (err) {
    // No retry here: an unanswered print request may have printed, and a second slip is worse
    // than a visitor keeping the number on the phone.
    if (err instanceof ApiError && err.status === 503) return { printed: false, state: faultFrom(err.details), reason: err.message };
    if (err instanceof ApiError && err.offline) return { printed: false, state: 'offline', reason: err.message };
    return { printed: false, state: 'error', reason: err instanceof Error ? err.message : String(err) };
  }
}

/** Lets the supervisor see the fault (device alert). The server may already have it: harmless. */
export async function reportPrinterFault(api: ApiClient, outcome: PrintOutcome, ticketNumber: string): Promise<void> {
  if (outcome.printed) return;
  try {
    await api.post('/devices/me/status', { printerState: outcome.state, message: `ticket ${ticketNumber} not printed: ${outcome.reason}` });
  } catch {
    // The visitor already has the number on screen; the alert is best effort.
  }
}

export interface PrintContext {
  api: ApiClient;
  bridge: KioskBridge | null;
  /** Electron with a printer configured: print locally; otherwise the server prints. */
  localPrinter: boolean;
  hall: HallConfig;
  service: Service;
  lang: Lang;
}

export async function printIssuedTicket(ticket: IssuedTicket, ctx: PrintContext): Promise<PrintOutcome> {
  if (ctx.bridge && ctx.localPrinter) {
    try {
      // Electron main reports the printer state to the server itself.
      return await ctx.bridge.print(buildPrintData(ticket, ctx.hall, ctx.service, ctx.lang));
    } catch (err) {
      return { printed: false, state: 'error', reason: err instanceof Error ? err.message : String(err) };
    }
  }
  const outcome = await printOnServer(ctx.api, ticket);
  // The visitor is told now; the alert goes on its own (a server slow to take it would keep the
  // screen on "printing" for another request timeout).
  void reportPrinterFault(ctx.api, outcome, ticket.number);
  return outcome;
}
