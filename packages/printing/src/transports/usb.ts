import { PrinterUnavailableError, errorMessage } from '../errors';
import { loadOptionalModule } from './optional-module';
import { withTimeout } from './reply-buffer';
import { DEFAULT_WRITE_TIMEOUT_MS } from './transport';
import type { OpenPrinterOptions, PrinterTransport } from './transport';

// The part of the `usb` module's (v2/v3) legacy API this transport uses.
interface UsbEndpoint {
  direction: 'in' | 'out';
  transferType: number;
  timeout: number;
  transfer(data: Buffer | number, callback: (error: Error | undefined, data?: Buffer | number) => void): unknown;
}
interface UsbInterface {
  endpoints: UsbEndpoint[];
  claim(): void;
  release(callback: (error?: Error) => void): void;
  isKernelDriverActive(): boolean;
  detachKernelDriver(): void;
  attachKernelDriver(): void;
}
interface UsbDevice {
  interfaces?: UsbInterface[];
  open(): void;
  close(): void;
}
interface UsbModule {
  findByIds(vendorId: number, productId: number): UsbDevice | undefined;
}

const BULK = 2;
const hex4 = (n: number): string => n.toString(16).padStart(4, '0');

function transfer(endpoint: UsbEndpoint, data: Buffer | number): Promise<Buffer | number | undefined> {
  return new Promise((resolve, reject) => endpoint.transfer(data, (error, result) => (error ? reject(error) : resolve(result))));
}

/** A USB printer-class device driven through libusb (the `usb` module), e.g. on Windows kiosks. */
export async function openUsbPrinter(vendorId: number, productId: number, options: OpenPrinterOptions = {}): Promise<PrinterTransport> {
  const id = `${hex4(vendorId)}:${hex4(productId)}`;
  const usb = loadOptionalModule('usb', `USB printer ${id}`, options.loadModule) as UsbModule;
  const device = typeof usb?.findByIds === 'function' ? usb.findByIds(vendorId, productId) : undefined;
  if (!device) throw new PrinterUnavailableError('offline', `no USB printer ${id} connected`);
  const writeTimeoutMs = options.writeTimeoutMs ?? DEFAULT_WRITE_TIMEOUT_MS;
  let iface: UsbInterface | undefined;
  let reattach = false;
  try {
    device.open();
    iface = device.interfaces?.[0];
    if (!iface) throw new Error('device has no interface');
    // On Linux the usblp kernel driver owns the interface; borrow it and give it back on close.
    if (process.platform === 'linux' && iface.isKernelDriverActive()) {
      iface.detachKernelDriver();
      reattach = true;
    }
    iface.claim();
  } catch (error) {
    device.close();
    throw new PrinterUnavailableError('offline', `cannot open USB printer ${id}: ${errorMessage(error)}`);
  }
  const claimed = iface;
  const out = claimed.endpoints.find((e) => e.direction === 'out' && e.transferType === BULK);
  const inbound = claimed.endpoints.find((e) => e.direction === 'in' && e.transferType === BULK);
  if (!out) throw new PrinterUnavailableError('offline', `USB printer ${id} has no bulk OUT endpoint`);

  const write = async (bytes: Uint8Array): Promise<void> => {
    try {
      out.timeout = writeTimeoutMs;
      await withTimeout(transfer(out, Buffer.from(bytes)), writeTimeoutMs + 1000, `writing to USB printer ${id}`);
    } catch (error) {
      throw error instanceof PrinterUnavailableError ? error : new PrinterUnavailableError('offline', `USB printer ${id}: ${errorMessage(error)}`);
    }
  };
  const transport: PrinterTransport = {
    write,
    async close() {
      await new Promise<void>((resolve) => claimed.release(() => resolve()));
      try {
        if (reattach) claimed.attachKernelDriver();
        device.close();
      } catch {
        // Closing must not fail a print that already succeeded.
      }
    },
  };
  if (inbound) {
    transport.query = async (bytes, expectBytes, timeoutMs) => {
      await write(bytes);
      inbound.timeout = timeoutMs;
      try {
        const data = await transfer(inbound, Math.max(expectBytes, 64));
        if (!Buffer.isBuffer(data) || data.length < expectBytes) throw new Error('short status reply');
        return data.subarray(0, expectBytes);
      } catch (error) {
        throw new PrinterUnavailableError('offline', `USB printer ${id} did not answer: ${errorMessage(error)}`);
      }
    };
  }
  return transport;
}
