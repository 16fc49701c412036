import { PrinterUnavailableError, errorMessage } from '../errors';
import { loadOptionalModule } from './optional-module';
import { ReplyBuffer, withTimeout } from './reply-buffer';
import { DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_WRITE_TIMEOUT_MS } from './transport';
import type { OpenPrinterOptions, PrinterTransport } from './transport';

// The part of serialport (v10+) this transport uses.
type Callback = (error?: Error | null) => void;
interface SerialPortLike {
  open(callback: Callback): void;
  write(data: Uint8Array, callback: Callback): boolean;
  drain(callback: Callback): void;
  close(callback: Callback): void;
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
}
interface SerialPortModule {
  SerialPort: new (options: { path: string; baudRate: number; autoOpen: boolean }) => SerialPortLike;
}

function call(fn: (callback: Callback) => void): Promise<void> {
  return new Promise((resolve, reject) => fn((error) => (error ? reject(error) : resolve())));
}

export async function openSerialPrinter(path: string, baudRate: number, options: OpenPrinterOptions = {}): Promise<PrinterTransport> {
  const mod = loadOptionalModule('serialport', `serial printer ${path}`, options.loadModule) as SerialPortModule;
  if (typeof mod?.SerialPort !== 'function') {
    throw new PrinterUnavailableError('offline', 'the installed "serialport" module has no SerialPort class (need serialport >= 10)');
  }
  const writeTimeoutMs = options.writeTimeoutMs ?? DEFAULT_WRITE_TIMEOUT_MS;
  const port = new mod.SerialPort({ path, baudRate, autoOpen: false });
  try {
    await withTimeout(call((cb) => port.open(cb)), options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS, `opening ${path}`);
  } catch (error) {
    throw error instanceof PrinterUnavailableError ? error : new PrinterUnavailableError('offline', `cannot open ${path}: ${errorMessage(error)}`);
  }
  const replies = new ReplyBuffer();
  port.on('data', (chunk) => replies.push(chunk));
  port.on('error', (error) => replies.close(`serial port ${path}: ${error.message}`));
  port.on('close', () => replies.close(`serial port ${path} closed`));

  const write = async (bytes: Uint8Array): Promise<void> => {
    try {
      // drain() waits until the bytes left the UART buffer, so close() cannot truncate a job.
      const sent = call((cb) => port.write(bytes, cb)).then(() => call((cb) => port.drain(cb)));
      await withTimeout(sent, writeTimeoutMs, `writing to ${path}`);
    } catch (error) {
      throw error instanceof PrinterUnavailableError ? error : new PrinterUnavailableError('offline', `cannot write to ${path}: ${errorMessage(error)}`);
    }
  };
  return {
    write,
    async query(bytes, expectBytes, timeoutMs) {
      replies.clear();
      await write(bytes);
      return replies.read(expectBytes, timeoutMs);
    },
    async close() {
      await call((cb) => port.close(cb)).catch(() => undefined);
    },
  };
}
