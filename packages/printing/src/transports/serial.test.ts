import { EventEmitter } from 'node:events';
import { printTicket } from '../print-ticket';
import { sampleTicket } from '../sample-ticket';
import { openPrinter } from './open-printer';

// Stands in for the `serialport` module, which needs a real UART: answers DLE EOT like a
// printer in the given state and records everything else.
function fakeSerialModule(reply: number) {
  const opened: Array<{ path: string; baudRate: number; written: number[] }> = [];
  class SerialPort extends EventEmitter {
    readonly record: { path: string; baudRate: number; written: number[] };
    constructor(options: { path: string; baudRate: number }) {
      super();
      this.record = { path: options.path, baudRate: options.baudRate, written: [] };
      opened.push(this.record);
    }
    open(cb: (e?: Error | null) => void): void {
      cb(null);
    }
    write(data: Uint8Array, cb: (e?: Error | null) => void): boolean {
      const bytes = [...data];
      if (bytes.length === 3 && bytes[0] === 0x10 && bytes[1] === 0x04) setImmediate(() => this.emit('data', Buffer.from([reply])));
      else this.record.written.push(...bytes);
      cb(null);
      return true;
    }
    drain(cb: (e?: Error | null) => void): void {
      cb(null);
    }
    close(cb: (e?: Error | null) => void): void {
      cb(null);
    }
  }
  return { opened, loadModule: (name: string) => (name === 'serialport' ? { SerialPort } : undefined) };
}

describe('serial transport', () => {
  it('opens the port at the URL baud rate and prints after a ready status', async () => {
    const serial = fakeSerialModule(0x12);
    const result = await printTicket('serial:///dev/ttyS0?baud=19200', sampleTicket(), { paperWidthMm: 58, connection: serial });
    expect(result).toEqual({ printed: true });
    expect(serial.opened).toHaveLength(1);
    expect(serial.opened[0]).toMatchObject({ path: '/dev/ttyS0', baudRate: 19200 });
    expect(serial.opened[0]!.written.slice(0, 2)).toEqual([0x1b, 0x40]);
  });

  it('sends no job when the printer reports paper end', async () => {
    const serial = fakeSerialModule(0x72);
    const result = await printTicket('serial:///dev/ttyS0', sampleTicket(), { paperWidthMm: 58, connection: serial });
    expect(result).toMatchObject({ printed: false, state: 'paper_out' });
    expect(serial.opened[0]!.written).toEqual([]);
  });

  it('answers status queries with the reply bytes', async () => {
    const serial = fakeSerialModule(0x16);
    const port = await openPrinter('serial://COM3?baud=9600', serial);
    await expect(port.query!(Buffer.from([0x10, 0x04, 0x02]), 1, 500)).resolves.toEqual(Buffer.from([0x16]));
    await port.close();
  });
});
