// The kiosk's own thermal printer: prints tickets for the page and tells the hall server the
// printer's state, so the supervisor sees "out of paper" before the next visitor does.
import { deadlineLeft, openPrinter, printTicket, printerQueue, readPrinterStatus } from '@hallq/printing';
import type { PrintResult, PrintWarning } from '@hallq/printing';
import type { KioskPrintResult, KioskTicketPrintData, KioskPrinterState, KioskPrinterStatus } from '../shared/kiosk-bridge';
import type { KioskConfig } from './config';

export interface PrinterServiceDeps {
  printTicket: typeof printTicket;
  readStatus: (printerUrl: string) => Promise<KioskPrinterStatus>;
  fetch: typeof fetch;
  log: (message: string) => void;
  /** How long a print's answer waits for its status report to reach the server (default 1 s); the report goes on after it. */
  reportWaitMs?: number;
  /** How long one status report may take before it is given up (default 10 s). */
  reportTimeoutMs?: number;
  /** A print's answer comes within this (ms), waiting for the printer included (default 8 s). */
  printAnswerWithinMs?: number;
  /** How long a print may wait for a status check holding the printer (default 4 s). */
  printQueueWaitMs?: number;
}

const REPORT_WAIT_MS = 1000;
const REPORT_TIMEOUT_MS = 10_000;
/** The visitor is told within this, well inside the page's 10 s for a ticket: the job gets what is
 * left of it after waiting for the printer (at most `DEFAULT_PRINT_DEADLINE_MS`), so a printer that
 * stops taking a ticket part-way is a fault on screen, not a silent wait. */
const PRINT_ANSWER_WITHIN_MS = 8000;
/** A print that could not start within this (a status check holding the printer) is refused as
 * busy rather than left with too little time to print. */
const PRINT_QUEUE_WAIT_MS = 4000;

/** Waits for `work` at most `ms`: a slow or silent server must not hold the visitor's answer. */
function within(work: Promise<void>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    const done = (): void => {
      clearTimeout(timer);
      resolve();
    };
    work.then(done, done);
  });
}

export interface PrinterService {
  print(data: KioskTicketPrintData): Promise<KioskPrintResult>;
  status(): Promise<KioskPrinterStatus>;
  /** Checks the printer every `intervalMs` and reports changes; returns a stop function. */
  watch(intervalMs: number): () => void;
}

async function readStatusOnce(printerUrl: string): Promise<KioskPrinterStatus> {
  let transport;
  try {
    transport = await openPrinter(printerUrl);
  } catch (err) {
    return { state: 'offline', reason: err instanceof Error ? err.message : String(err) };
  }
  try {
    return await readPrinterStatus(transport);
  } finally {
    await transport.close().catch(() => undefined);
  }
}

export const defaultPrinterDeps = (): PrinterServiceDeps => ({
  printTicket,
  readStatus: readStatusOnce,
  fetch: globalThis.fetch.bind(globalThis),
  log: (m) => console.log(`[kiosk] ${m}`),
});

function printedMessage(number: string, warning: PrintWarning | undefined): string {
  if (warning === 'print_unconfirmed') return `ticket ${number} sent to the printer, which did not confirm it came out`;
  return `ticket ${number} printed`;
}

const NO_PRINTER: KioskPrinterStatus = { state: 'offline', reason: 'no printer configured for this kiosk' };

export function createPrinterService(config: KioskConfig, deps: PrinterServiceDeps): PrinterService {
  let lastReported: string | null = null;
  // One conversation with the printer at a time: a status check (the watch, or the page asking)
  // made a visitor's print fail as "offline" on a printer that takes one connection only.
  const onePrinterAtATime = printerQueue();

  /** Faults are reported every time (each is a visitor without a slip); "ready" (with or without
   * a warning: paper near its end, a ticket the printer did not confirm) once per change, to clear
   * or to warn. A `print_unconfirmed` warning stays until the next report: a confirmed print, or
   * the watch seeing the printer's state change. */
  async function report(state: KioskPrinterState, message: string, warning: PrintWarning | null = null): Promise<void> {
    const key = `${state}:${warning ?? ''}`;
    if (state === 'ready' && lastReported === key) return;
    try {
      const res = await deps.fetch(`${config.serverUrl}/api/v1/devices/me/status`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${config.deviceToken}` },
        body: JSON.stringify({ printerState: state, printerWarning: warning, message }),
        signal: AbortSignal.timeout(deps.reportTimeoutMs ?? REPORT_TIMEOUT_MS),
      });
      if (res.ok) lastReported = key;
      else deps.log(`printer status report refused: HTTP ${res.status}`);
    } catch (err) {
      deps.log(`printer status report failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  async function print({ template, ...data }: KioskTicketPrintData): Promise<KioskPrintResult> {
    if (!config.printer) return { printed: false, state: NO_PRINTER.state as 'offline', reason: NO_PRINTER.reason };
    let result: PrintResult;
    try {
      const printer = config.printer;
      const answerWithinMs = deps.printAnswerWithinMs ?? PRINT_ANSWER_WITHIN_MS;
      const queuedAt = Date.now();
      result = await onePrinterAtATime(
        printer,
        () =>
          deps.printTicket(printer, data, {
            paperWidthMm: config.paperWidthMm,
            statusCheck: config.printerStatusCheck,
            deadlineMs: deadlineLeft(answerWithinMs, queuedAt),
            ...(template ? { template } : {}),
          }),
        deps.printQueueWaitMs ?? PRINT_QUEUE_WAIT_MS,
      );
    } catch (err) {
      // Bad ticket data or printer URL, or the printer still busy: nothing was printed.
      result = { printed: false, state: 'error', reason: err instanceof Error ? err.message : String(err) };
    }
    // The slip is out (or known not to be): the visitor is told now, whatever the server does
    // with the report.
    const told = result.printed ? report('ready', printedMessage(data.number, result.warning), result.warning ?? null) : report(result.state, `ticket ${data.number} not printed: ${result.reason}`);
    await within(told, deps.reportWaitMs ?? REPORT_WAIT_MS);
    return result;
  }

  async function status(): Promise<KioskPrinterStatus> {
    if (!config.printer) return NO_PRINTER;
    if (config.printerStatusCheck === 'none') return { state: 'ready', reason: 'this printer does not report its state (printerStatusCheck "none")' };
    const printer = config.printer;
    return onePrinterAtATime(printer, () => deps.readStatus(printer));
  }

  function watch(intervalMs: number): () => void {
    // A printer that never answers DLE EOT cannot be watched: it would always look offline.
    if (!config.printer || config.printerStatusCheck === 'none') return () => undefined;
    let last: string | null = null;
    const check = async (): Promise<void> => {
      const s = await status();
      const key = `${s.state}:${s.warning ?? ''}`;
      if (key !== last) {
        last = key;
        await report(s.state, `printer ${s.state}: ${s.reason}`, s.warning ?? null);
      }
    };
    void check();
    const timer = setInterval(() => void check(), intervalMs);
    timer.unref?.(); // the kiosk window, not this check, keeps the app running
    return () => clearInterval(timer);
  }

  return { print, status, watch };
}
