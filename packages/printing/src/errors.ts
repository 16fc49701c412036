import type { PrinterFault } from './types';

/** A device's `printer` setting that is not a printer URL we understand. */
export class PrinterUrlError extends Error {
  override name = 'PrinterUrlError';
  constructor(
    readonly url: string,
    problem: string,
  ) {
    super(`invalid printer URL "${url}": ${problem}`);
  }
}

/** The printer cannot take a job now; `state` is what the API reports as `error.details.state`. */
export class PrinterUnavailableError extends Error {
  override name = 'PrinterUnavailableError';
  readonly code = 'printer_unavailable';
  constructor(
    readonly state: PrinterFault,
    message: string,
  ) {
    super(message);
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
