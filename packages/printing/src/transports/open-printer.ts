import { PrinterUrlError } from '../errors';
import { openFilePrinter } from './file';
import { openSerialPrinter } from './serial';
import { openTcpPrinter } from './tcp';
import type { OpenPrinterOptions, PrinterTransport } from './transport';
import { openUsbPrinter } from './usb';

export type PrinterAddress =
  | { kind: 'tcp'; host: string; port: number }
  | { kind: 'file'; path: string }
  | { kind: 'serial'; path: string; baudRate: number }
  | { kind: 'usb'; vendorId: number; productId: number };

export const DEFAULT_TCP_PORT = 9100;
export const DEFAULT_BAUD_RATE = 9600;

function parseUsb(url: string): PrinterAddress {
  // Not parsed with URL: "04b8:0e15" is not a valid host:port.
  const match = /^usb:\/\/([0-9a-f]{4}):([0-9a-f]{4})\/?$/i.exec(url);
  if (!match?.[1] || !match[2]) throw new PrinterUrlError(url, 'expected usb://<vendor id>:<product id> in hex, e.g. usb://04b8:0202');
  return { kind: 'usb', vendorId: parseInt(match[1], 16), productId: parseInt(match[2], 16) };
}

/** Why a `printer` setting cannot be used (what `parsePrinterUrl` would throw), or null if it can. */
export function printerUrlProblem(url: string): string | null {
  try {
    parsePrinterUrl(url);
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

/** Parses a device's `printer` setting: tcp://host[:9100], file:///dev/usb/lp0,
 * serial:///dev/ttyS0?baud=19200 (or serial://COM3), usb://vid:pid. */
export function parsePrinterUrl(url: string): PrinterAddress {
  if (typeof url !== 'string' || !url.trim()) throw new PrinterUrlError(String(url), 'empty');
  const text = url.trim();
  if (/^usb:/i.test(text)) return parseUsb(text);
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    throw new PrinterUrlError(text, 'not a URL (expected tcp://, file://, serial:// or usb://)');
  }
  switch (parsed.protocol) {
    case 'tcp:': {
      const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
      if (!host) throw new PrinterUrlError(text, 'missing host, e.g. tcp://10.0.0.5:9100');
      if (parsed.pathname && parsed.pathname !== '/') throw new PrinterUrlError(text, 'a tcp printer URL has no path');
      const port = parsed.port ? Number(parsed.port) : DEFAULT_TCP_PORT;
      if (!Number.isInteger(port) || port < 1 || port > 65535) throw new PrinterUrlError(text, `bad port ${parsed.port}`);
      return { kind: 'tcp', host, port };
    }
    case 'file:': {
      const path = decodeURIComponent(parsed.pathname);
      if (parsed.hostname || !path.startsWith('/') || path.endsWith('/')) {
        throw new PrinterUrlError(text, 'expected an absolute device path, e.g. file:///dev/usb/lp0');
      }
      return { kind: 'file', path };
    }
    case 'serial:': {
      // serial:///dev/ttyS0 on Linux, serial://COM3 on Windows.
      const path = parsed.hostname ? parsed.hostname + decodeURIComponent(parsed.pathname) : decodeURIComponent(parsed.pathname);
      if (!path || path === '/') throw new PrinterUrlError(text, 'missing serial device, e.g. serial:///dev/ttyS0?baud=19200');
      const baud = parsed.searchParams.get('baud');
      const baudRate = baud === null ? DEFAULT_BAUD_RATE : Number(baud);
      if (!Number.isInteger(baudRate) || baudRate < 300 || baudRate > 4_000_000) throw new PrinterUrlError(text, `bad baud rate "${baud}"`);
      return { kind: 'serial', path, baudRate };
    }
    default:
      throw new PrinterUrlError(text, `unsupported scheme "${parsed.protocol}" (expected tcp://, file://, serial:// or usb://)`);
  }
}

/** Opens the printer a URL names. Rejects with `PrinterUrlError` for a bad URL and with
 * `PrinterUnavailableError` (state `offline`) when the printer cannot be reached. */
export async function openPrinter(url: string, options: OpenPrinterOptions = {}): Promise<PrinterTransport> {
  const address = parsePrinterUrl(url);
  switch (address.kind) {
    case 'tcp':
      return openTcpPrinter(address.host, address.port, options);
    case 'file':
      return openFilePrinter(address.path, options);
    case 'serial':
      return openSerialPrinter(address.path, address.baudRate, options);
    case 'usb':
      return openUsbPrinter(address.vendorId, address.productId, options);
  }
}
