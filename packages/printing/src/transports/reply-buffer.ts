import { PrinterUnavailableError } from '../errors';

/** Collects bytes a printer sends back and hands them to one waiting query at a time. */
export class ReplyBuffer {
  private buffer = Buffer.alloc(0);
  private waiter: { expect: number; resolve: (b: Buffer) => void; reject: (e: Error) => void; timer: NodeJS.Timeout } | null = null;
  private closedReason: string | null = null;

  push(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    this.settle();
  }

  /** Drops bytes nobody asked for, so a late answer to an earlier request is not taken as this one's. */
  clear(): void {
    this.buffer = Buffer.alloc(0);
  }

  close(reason: string): void {
    this.closedReason ??= reason;
    const waiter = this.waiter;
    this.waiter = null;
    if (waiter) {
      clearTimeout(waiter.timer);
      waiter.reject(new PrinterUnavailableError('offline', reason));
    }
  }

  read(expect: number, timeoutMs: number): Promise<Buffer> {
    if (this.closedReason) return Promise.reject(new PrinterUnavailableError('offline', this.closedReason));
    if (this.waiter) return Promise.reject(new Error('ReplyBuffer: a query is already waiting'));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        reject(new PrinterUnavailableError('offline', `printer did not answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiter = { expect, resolve, reject, timer };
      this.settle();
    });
  }

  private settle(): void {
    const waiter = this.waiter;
    if (!waiter || this.buffer.length < waiter.expect) return;
    this.waiter = null;
    clearTimeout(waiter.timer);
    const reply = this.buffer.subarray(0, waiter.expect);
    this.buffer = this.buffer.subarray(waiter.expect);
    waiter.resolve(Buffer.from(reply));
  }
}

/** Rejects with an offline error when `promise` takes longer than `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new PrinterUnavailableError('offline', `${what} timed out after ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
