import { cmd } from './escpos';
import { PrinterUnavailableError, errorMessage } from './errors';
import { renderTicket } from './render-escpos';
import { STATUS_REQUESTS, describeStatus } from './status';
import type { PrinterWarning, StatusReplies, StatusReport } from './status';
import { readStatusAfterJob } from './status-after-job';
import { openPrinter } from './transports/open-printer';
import { DEFAULT_CONNECT_TIMEOUT_MS } from './transports/transport';
import type { OpenPrinterOptions, PrinterTransport } from './transports/transport';
import type { PrinterFault, RenderOptions, TicketPrintData } from './types';

/**
 * A printed ticket's warning: `paper_near_end` (it still prints), or `print_unconfirmed`: every
 * byte was taken but the printer did not answer the status read after the job in time, so nobody
 * knows whether the ticket came out; the supervisor should look at that printer.
 */
export type PrintWarning = PrinterWarning | 'print_unconfirmed';

export type PrintResult = { printed: true; warning?: PrintWarning } | { printed: false; state: PrinterFault; reason: string };

/** How a printer's readiness is known: `dle-eot` asks it before the job and again after it;
 * `none` is for printers that never answer DLE EOT (many cheap ones): the job is sent at once and
 * counts as printed once the bytes were accepted. */
export type PrinterStatusCheck = 'dle-eot' | 'none';
export const PRINTER_STATUS_CHECKS: readonly PrinterStatusCheck[] = ['dle-eot', 'none'];

export interface PrintOptions extends RenderOptions {
  /** Default `dle-eot`. */
  statusCheck?: PrinterStatusCheck;
  /** Wait for each DLE EOT answer; default 1500 ms. */
  statusTimeoutMs?: number;
  /** The whole job's deadline (ms): connecting, the status read, sending every byte of the ticket
   * until the connection took it, and the status read after it; default `DEFAULT_PRINT_DEADLINE_MS`. */
  deadlineMs?: number;
  /** Used when `printTicket` opens the printer from a URL. */
  connection?: OpenPrinterOptions;
}

export const DEFAULT_STATUS_TIMEOUT_MS = 1500;

/**
 * How long one job may take at most (ms), from connecting to the last byte handed over. A printer
 * that accepts the connection and the status read and then stops taking bytes would otherwise hold
 * the job (and every job queued behind it on that printer) for the transports' own, longer
 * timeouts. Well below the kiosk's 10 s wait for a print's answer, so the visitor is told while
 * still at the kiosk.
 */
export const DEFAULT_PRINT_DEADLINE_MS = 6000;

/**
 * The deadline (ms) of a job whose answer is due `answerWithinMs` after `queuedAt` (Date.now()),
 * waiting for the printer included: what is left of it, at most `DEFAULT_PRINT_DEADLINE_MS`.
 */
export function deadlineLeft(answerWithinMs: number, queuedAt: number): number {
  return Math.max(1, Math.min(DEFAULT_PRINT_DEADLINE_MS, answerWithinMs - (Date.now() - queuedAt)));
}

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

/** Drops a connection at once, without waiting for bytes the printer has not taken. */
function cut(transport: PrinterTransport): void {
  if (transport.abort) transport.abort();
  else void transport.close().catch(() => undefined);
}

/** Where a job was when its deadline passed: only once the job's bytes were being sent may part of
 * the ticket have come out. In `confirming` every byte was taken and the deadline answers what
 * `sent` holds (printed, unconfirmed). */
type JobStep = 'connecting' | 'status' | 'sending' | 'confirming';

function deadlineReason(step: JobStep, ms: number): string {
  if (step === 'connecting') return `no connection to the printer within ${ms} ms; nothing was printed`;
  if (step === 'status') return `the printer did not answer its status request within ${ms} ms; nothing was printed`;
  return `the printer stopped taking the ticket: it was not all sent within ${ms} ms; the ticket may be partly printed`;
}

/**
 * Prints one ticket. The printer's state is read first and nothing at all is sent to a printer
 * that is not ready, so a retry never prints on a printer still at fault. Once every byte was
 * taken the state is read again: paper out, cover open, an error or offline then answers
 * `printed: false` with that state and a reason saying the ticket may be missing or partly
 * printed. A retry prints only once that fault is cleared, so a visitor may then hold a partial
 * slip and a whole one. No answer to that second read in time is weaker evidence (a printer busy
 * printing can be slow to answer): `printed: true` with the warning `print_unconfirmed`, since
 * `printed: false` would invite a retry that may print a second whole slip; the kiosk shows the
 * number on screen either way and the supervisor's board flags the printer. With
 * `statusCheck: 'none'` neither read is made (the printer would never answer).
 * The whole job (connecting, the status read, sending the ticket, the read after it) has
 * `deadlineMs`: past it the connection is cut (a transport passed in too). Until every byte was
 * taken the answer is then `printed: false`, state `offline`, saying whether part of the ticket
 * may have come out; during the read after it, `print_unconfirmed`.
 * Throws only for bad input: `TicketDataError` (ticket data) or `PrinterUrlError` (printer URL).
 */
export async function printTicket(target: string | PrinterTransport, data: TicketPrintData, opts: PrintOptions): Promise<PrintResult> {
  // Render before touching the printer: bad ticket data must not leave a half-talked-to printer.
  const job = renderTicket(data, opts);
  const deadlineMs = opts.deadlineMs ?? DEFAULT_PRINT_DEADLINE_MS;
  const deadlineAt = Date.now() + deadlineMs;
  const ownsTransport = typeof target === 'string';
  let transport: PrinterTransport | null = typeof target === 'string' ? null : target;
  let step: JobStep = 'connecting';
  let expired = false;
  // Set once every byte of the job was handed over: the ticket is printed even if closing is slow.
  // While the status is read after the job it is `print_unconfirmed`, what the deadline answers.
  let sent: PrintResult | null = null;

  const send = async (): Promise<PrintResult> => {
    if (typeof target === 'string') {
      try {
        const connectTimeoutMs = Math.min(opts.connection?.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS, deadlineMs);
        const opened = await openPrinter(target, { ...opts.connection, connectTimeoutMs });
        if (expired) {
          cut(opened);
          return { printed: false, state: 'offline', reason: deadlineReason('connecting', deadlineMs) };
        }
        transport = opened;
      } catch (error) {
        if (error instanceof PrinterUnavailableError) return { printed: false, ...unavailable(error) };
        throw error;
      }
    }
    const connection = transport!;
    let warning: PrinterWarning | undefined;
    if (opts.statusCheck !== 'none') {
      step = 'status';
      const status = await readPrinterStatus(connection, opts.statusTimeoutMs);
      if (status.state !== 'ready') return { printed: false, state: status.state, reason: status.reason };
      warning = status.warning;
    }
    if (expired) return { printed: false, state: 'offline', reason: deadlineReason(step, deadlineMs) };
    step = 'sending';
    try {
      await connection.write(job);
    } catch (error) {
      const { state, reason } = unavailable(error);
      return { printed: false, state, reason: `${reason}; the ticket may be partly printed` };
    }
    sent = warning ? { printed: true, warning } : { printed: true };
    if (opts.statusCheck === 'none' || !connection.query || expired) return sent;
    // Bytes taken are not a ticket printed: a printer that ran out of paper or had its cover opened
    // while printing it says so here. DLE EOT is answered as it arrives, ahead of what is still in
    // the printer's buffer: this is the state once the last bytes were taken, not after the cut.
    step = 'confirming';
    sent = { printed: true, warning: 'print_unconfirmed' };
    const after = await readStatusAfterJob(connection, opts.statusTimeoutMs ?? DEFAULT_STATUS_TIMEOUT_MS, deadlineAt);
    if (after.state === 'unconfirmed') return sent;
    if (after.state === 'ready') {
      sent = after.warning ? { printed: true, warning: after.warning } : { printed: true };
      return sent;
    }
    return { printed: false, state: after.state, reason: `the ticket was sent, then the printer reported: ${after.reason}; the ticket may be missing or partly printed` };
  };

  const sendAndClose = async (): Promise<PrintResult> => {
    const result = await send();
    if (ownsTransport && transport && !expired) {
      // A job cut off part-way leaves bytes queued that the printer is not taking: drop them
      // rather than wait for them on close.
      if (step === 'sending' && !result.printed) cut(transport);
      else await transport.close().catch(() => undefined);
    }
    return result;
  };
  const work = sendAndClose();

  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<PrintResult>((resolve) => {
    timer = setTimeout(() => {
      expired = true;
      if (transport) cut(transport);
      resolve(sent ?? { printed: false, state: 'offline', reason: deadlineReason(step, deadlineMs) });
    }, deadlineMs);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
