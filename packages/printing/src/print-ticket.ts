import { cmd } from './escpos';
import { PrinterUnavailableError, errorMessage } from './errors';
import { renderTicket } from './render-escpos';
import { STATUS_REQUESTS, describeStatus } from './status';
import type { PrinterWarning, StatusReplies, StatusReport } from './status';
import { openPrinter } from './transports/open-printer';
import type { OpenPrinterOptions, PrinterTransport } from './transports/transport';
import type { PrinterFault, RenderOptions, TicketPrintData } from './types';

export type PrintResult = { printed: true; warning?: PrinterWarning } | { printed: false; state: PrinterFault; reason: string };

/** How a printer's readiness is known: `dle-eot` asks it first; `none` is for printers that never
 * answer DLE EOT (many cheap ones): the job is sent at once and counts as printed once the bytes
 * were accepted. */
export type PrinterStatusCheck = 'dle-eot' | 'none';
export const PRINTER_STATUS_CHECKS: readonly PrinterStatusCheck[] = ['dle-eot', 'none'];

export interface PrintOptions extends RenderOptions {
  /** Default `dle-eot`. */
  statusCheck?: PrinterStatusCheck;
  /** Wait for each DLE EOT answer; default 1500 ms. */
  statusTimeoutMs?: number;
  /** Used when `printTicket` opens the printer from a URL. */
  connection?: OpenPrinterOptions;
}

export const DEFAULT_STATUS_TIMEOUT_MS = 1500;

function unavailable(error: unknown): { state: PrinterFault; reason: string } {
  if (error instanceof PrinterUnavailableError) return { state: error.state, reason: error.message };
  return { state: 'offline', reason: errorMessage(error) };
}

/** Asks the printer DLE EOT 1, 2 and 4. A connection that cannot read status counts as ready. */
export async function readPrinterStatus(transport: PrinterTransport, timeoutMs = DEFAULT_STATUS_TIMEOUT_MS): Promise<StatusReport> {
  if (!transport.query) return { state: 'ready', reason: 'status cannot be read on this connection; assumed ready' };
  const replies: StatusReplies = {};
  for (const { key, n } of STATUS_REQUESTS) {
    try {
      const reply = await transport.query(Uint8Array.from(cmd.statusRequest(n)), 1, timeoutMs);
      replies[key] = reply[0];
    } catch (error) {
      return unavailable(error);
    }
  }
  return describeStatus(replies);
}

/**
 * Prints one ticket. The printer's state is read first and nothing at all is sent to a printer
 * that is not ready, so a kiosk that retries after `printed: false` never gets two slips. With
 * `statusCheck: 'none'` the status read is skipped (the printer would never answer it).
 * Throws only for bad input: `TicketDataError` (ticket data) or `PrinterUrlError` (printer URL).
 */
export async function printTicket(target: string | PrinterTransport, data: TicketPrintData, opts: PrintOptions): Promise<PrintResult> {
  // Render before touching the printer: bad ticket data must not leave a half-talked-to printer.
  const job = renderTicket(data, opts);
  let transport: PrinterTransport;
  if (typeof target === 'string') {
    try {
      transport = await openPrinter(target, opts.connection);
    } catch (error) {
      if (error instanceof PrinterUnavailableError) return { printed: false, ...unavailable(error) };
      throw error;
    }
  } else {
    transport = target;
  }
  try {
    let warning: PrinterWarning | undefined;
    if (opts.statusCheck !== 'none') {
      const status = await readPrinterStatus(transport, opts.statusTimeoutMs);
      if (status.state !== 'ready') return { printed: false, state: status.state, reason: status.reason };
      warning = status.warning;
    }
    try {
      await transport.write(job);
    } catch (error) {
      return { printed: false, ...unavailable(error) };
    }
    return warning ? { printed: true, warning } : { printed: true };
  } finally {
    if (typeof target === 'string') await transport.close().catch(() => undefined);
  }
}
