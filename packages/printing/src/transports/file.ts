import fs from 'node:fs';
import { PrinterUnavailableError, errorMessage } from '../errors';
import { withTimeout } from './reply-buffer';
import { DEFAULT_WRITE_TIMEOUT_MS } from './transport';
import type { OpenPrinterOptions, PrinterTransport } from './transport';

function describeFileError(error: unknown, path: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return `no printer device at ${path} (is the printer plugged in and switched on?)`;
  if (code === 'EACCES' || code === 'EPERM') return `permission denied on ${path} (add the user to group lp)`;
  if (code === 'EBUSY') return `${path} is in use by another program`;
  return `cannot write to ${path}: ${errorMessage(error)}`;
}

async function writeAll(handle: fs.promises.FileHandle, bytes: Uint8Array): Promise<void> {
  // A character device may accept only part of a write.
  for (let offset = 0; offset < bytes.length; ) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
    offset += bytesWritten;
  }
}

/** A printer device file such as /dev/usb/lp0 (Linux usblp). It cannot be queried for status, so
 * it has no `query`: the printer counts as ready when the device opens for writing. */
export async function openFilePrinter(path: string, options: OpenPrinterOptions = {}): Promise<PrinterTransport> {
  const writeTimeoutMs = options.writeTimeoutMs ?? DEFAULT_WRITE_TIMEOUT_MS;
  let handle: fs.promises.FileHandle;
  try {
    // No O_CREAT: a missing device must be an error, not a new regular file in /dev.
    handle = await fs.promises.open(path, fs.constants.O_WRONLY | fs.constants.O_APPEND);
  } catch (error) {
    throw new PrinterUnavailableError('offline', describeFileError(error, path));
  }
  return {
    async write(bytes) {
      try {
        // usblp blocks while the printer is offline; the timeout keeps the kiosk responsive.
        await withTimeout(writeAll(handle, bytes), writeTimeoutMs, `writing to ${path}`);
      } catch (error) {
        if (error instanceof PrinterUnavailableError) throw error;
        throw new PrinterUnavailableError('offline', describeFileError(error, path));
      }
    },
    async close() {
      await handle.close().catch(() => undefined);
    },
  };
}
