import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PrinterUnavailableError, PrinterUrlError } from '../errors';
import { openPrinter, parsePrinterUrl } from './open-printer';

describe('parsePrinterUrl', () => {
  it('reads the URL forms a kiosk device may carry', () => {
    expect(parsePrinterUrl('tcp://10.0.0.5:9100')).toEqual({ kind: 'tcp', host: '10.0.0.5', port: 9100 });
    expect(parsePrinterUrl('tcp://printer-3')).toEqual({ kind: 'tcp', host: 'printer-3', port: 9100 });
    expect(parsePrinterUrl('tcp://[::1]:9101')).toEqual({ kind: 'tcp', host: '::1', port: 9101 });
    expect(parsePrinterUrl('file:///dev/usb/lp0')).toEqual({ kind: 'file', path: '/dev/usb/lp0' });
    expect(parsePrinterUrl('serial:///dev/ttyS0?baud=19200')).toEqual({ kind: 'serial', path: '/dev/ttyS0', baudRate: 19200 });
    expect(parsePrinterUrl('serial://COM3')).toEqual({ kind: 'serial', path: 'COM3', baudRate: 9600 });
    expect(parsePrinterUrl('usb://04b8:0e15')).toEqual({ kind: 'usb', vendorId: 0x04b8, productId: 0x0e15 });
  });

  it.each([
    ['', /empty/],
    ['10.0.0.5:9100', /unsupported scheme|not a URL/],
    ['http://10.0.0.5', /unsupported scheme "http:"/],
    ['tcp://', /missing host|not a URL/],
    ['tcp://10.0.0.5:99999', /not a URL|bad port/],
    ['tcp://10.0.0.5:9100/x', /no path/],
    ['file://dev/usb/lp0', /absolute device path/],
    ['serial:///dev/ttyS0?baud=fast', /bad baud rate/],
    ['serial://', /missing serial device/],
    ['usb://4b8:202', /vendor id/],
    ['usb://04b8', /vendor id/],
  ])('rejects %j with a PrinterUrlError', (url, message) => {
    expect(() => parsePrinterUrl(url)).toThrow(PrinterUrlError);
    expect(() => parsePrinterUrl(url)).toThrow(message);
  });
});

describe('openPrinter', () => {
  const missing = (name: string): never => {
    throw Object.assign(new Error(`Cannot find module '${name}'`), { code: 'MODULE_NOT_FOUND' });
  };

  it.each([
    ['serial:///dev/ttyS0?baud=19200', 'serialport'],
    ['usb://04b8:0202', 'usb'],
  ])('fails %s as offline, naming the missing optional module', async (url, name) => {
    const attempt = openPrinter(url, { loadModule: missing });
    await expect(attempt).rejects.toBeInstanceOf(PrinterUnavailableError);
    await expect(attempt).rejects.toMatchObject({
      code: 'printer_unavailable',
      state: 'offline',
      message: expect.stringContaining(`"${name}"`),
    });
  });

  it('rejects a bad URL with PrinterUrlError', async () => {
    await expect(openPrinter('lpt1')).rejects.toBeInstanceOf(PrinterUrlError);
  });

  describe('device file', () => {
    let dir: string;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hallq-printing-'));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('writes the bytes to the device and has no status query', async () => {
      const device = path.join(dir, 'lp0');
      fs.writeFileSync(device, '');
      const printer = await openPrinter(`file://${device}`);
      expect(printer.query).toBeUndefined();
      await printer.write(Buffer.from([0x1b, 0x40]));
      await printer.write(Buffer.from('ok'));
      await printer.close();
      expect([...fs.readFileSync(device)]).toEqual([0x1b, 0x40, 0x6f, 0x6b]);
    });

    it('is offline, and creates nothing, when the device does not exist', async () => {
      const device = path.join(dir, 'lp9');
      await expect(openPrinter(`file://${device}`)).rejects.toMatchObject({ state: 'offline', message: expect.stringContaining('no printer device') });
      expect(fs.existsSync(device)).toBe(false);
    });
  });
});
