/** A connection to one printer. Implementations: TCP (port 9100), a device file, serial, USB. */
export interface PrinterTransport {
  /** Sends bytes; rejects with `PrinterUnavailableError` when they cannot be delivered. */
  write(bytes: Uint8Array): Promise<void>;
  /** Sends a request and resolves with the first `expectBytes` bytes of the answer. Absent when
   * the connection cannot read (a device file), in which case the printer state is unknown. */
  query?(bytes: Uint8Array, expectBytes: number, timeoutMs: number): Promise<Buffer>;
  close(): Promise<void>;
  /** Drops the connection at once, with whatever the printer has not taken yet (a job past its
   * deadline). Without it `close()` is started and not waited for. */
  abort?(): void;
}

export interface OpenPrinterOptions {
  /** Default 3000 ms. */
  connectTimeoutMs?: number;
  /** Longest wait for a write to be accepted; default 10000 ms. A ticket's job has its own,
   * shorter deadline over everything (`PrintOptions.deadlineMs`). */
  writeTimeoutMs?: number;
  /** How optional native modules (`serialport`, `usb`) are loaded; replaceable in tests. */
  loadModule?: (name: string) => unknown;
}

export const DEFAULT_CONNECT_TIMEOUT_MS = 3000;
export const DEFAULT_WRITE_TIMEOUT_MS = 10000;
