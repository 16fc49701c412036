// One job at a time on a printer. Many network printers take one connection at a time, so a second
// conversation (another kiosk sharing the printer, a status check while a ticket prints) is refused
// and reads as "offline" for a printer that is fine. Jobs for one printer (by its URL) run one
// after another.

/** A job that could not start on its printer within its bound: it did not run. */
export class PrinterBusyError extends Error {
  constructor() {
    super('the printer is still busy with the tickets before this one');
    this.name = 'PrinterBusyError';
  }
}

/**
 * A queue per printer: `run(printer, work)` starts `work` once the jobs queued before it on that
 * printer are done. With `maxWaitMs`, a job that could not start in time is refused
 * (PrinterBusyError) rather than run late.
 */
export function printerQueue(): <T>(printer: string, work: () => Promise<T>, maxWaitMs?: number) => Promise<T> {
  const busy = new Map<string, Promise<unknown>>();
  return <T>(printer: string, work: () => Promise<T>, maxWaitMs = Infinity): Promise<T> => {
    const queuedAt = Date.now();
    const start = (): Promise<T> => {
      if (Date.now() - queuedAt > maxWaitMs) throw new PrinterBusyError();
      return work();
    };
    const run = (busy.get(printer) ?? Promise.resolve()).then(start, start);
    const done = run.catch(() => undefined);
    busy.set(printer, done);
    void done.then(() => {
      if (busy.get(printer) === done) busy.delete(printer);
    });
    return run;
  };
}
