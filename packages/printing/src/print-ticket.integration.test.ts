import net from 'node:net';
import { decodeJob, decodeQr } from './decode';
import { FakePrinter } from './fake-printer';
import type { FakePrinterState } from './fake-printer';
import { printTicket, readPrinterStatus } from './print-ticket';
import { printerQueue } from './printer-queue';
import { sampleTicket } from './sample-ticket';
import { openPrinter } from './transports/open-printer';
import type { PrinterTransport } from './transports/transport';

const ticket = sampleTicket({ number: 'B012', serviceName: { zh: '医保业务', en: 'Medical insurance' } });
const opts = { paperWidthMm: 58 as const, statusTimeoutMs: 300 };

describe('printTicket over TCP against the fake printer', () => {
  let printer: FakePrinter;
  beforeEach(async () => {
    printer = await FakePrinter.start();
  });
  afterEach(() => printer.close());

  it('prints exactly one job on a ready printer, with the number, service and a readable QR', async () => {
    await expect(printTicket(printer.url, ticket, opts)).resolves.toEqual({ printed: true });
    const job = decodeJob(await printer.waitForJob());
    expect(printer.jobs).toHaveLength(1);
    // Before the job and again once it was taken.
    expect(printer.statusRequests).toEqual([1, 2, 4, 1, 2, 4]);
    expect(job.text).toContain('B012');
    expect(job.text).toContain('医保业务');
    expect(job.cut).toBe(true);
    expect(decodeQr(job.rasterImages[0]!)).toBe(ticket.statusUrl);
  });

  it('statusCheck "none": no DLE EOT is sent, the job goes straight out and counts as printed', async () => {
    printer.setState('silent');
    await expect(printTicket(printer.url, ticket, { ...opts, statusCheck: 'none' })).resolves.toEqual({ printed: true });
    expect(decodeJob(await printer.waitForJob()).text).toContain('B012');
    expect(printer.statusRequests).toEqual([]);
  });

  it('paper near end still prints, once, and answers the paper_near_end warning', async () => {
    printer.setState('paper_near_end');
    await expect(printTicket(printer.url, ticket, opts)).resolves.toEqual({ printed: true, warning: 'paper_near_end' });
    await printer.waitForJob();
    expect(printer.jobs).toHaveLength(1);
  });

  it.each<[FakePrinterState, string]>([
    ['paper_out', 'paper_out'],
    ['cover_open', 'cover_open'],
    ['offline', 'offline'],
    ['error', 'error'],
  ])('sends nothing to a printer that is %s', async (state, expected) => {
    printer.setState(state);
    const result = await printTicket(printer.url, ticket, opts);
    expect(result).toMatchObject({ printed: false, state: expected });
    await printer.close(); // flushes any bytes still in flight into `jobs`
    expect(printer.jobs).toHaveLength(0);
  });

  it('prints once when retried after the fault is cleared', async () => {
    printer.setState('paper_out');
    expect((await printTicket(printer.url, ticket, opts)).printed).toBe(false);
    printer.setState('ready');
    expect((await printTicket(printer.url, ticket, opts)).printed).toBe(true);
    await printer.waitForJob();
    await printer.close();
    expect(printer.jobs).toHaveLength(1);
  });

  it('is offline when the printer does not answer the status request', async () => {
    printer.setState('silent');
    const result = await printTicket(printer.url, ticket, opts);
    expect(result).toMatchObject({ printed: false, state: 'offline', reason: expect.stringContaining('did not answer') });
    await printer.close();
    expect(printer.jobs).toHaveLength(0);
  });

  it('reports a malformed status reply as an error and prints nothing', async () => {
    printer.setRawReplies({ printer: 0xff, offline: 0x12, paper: 0x12 });
    const result = await printTicket(printer.url, ticket, opts);
    expect(result).toMatchObject({ printed: false, state: 'error', reason: expect.stringContaining('malformed') });
    await printer.close();
    expect(printer.jobs).toHaveLength(0);
  });

  it('can use a transport the caller keeps open, e.g. for several tickets', async () => {
    const transport = await openPrinter(printer.url);
    await expect(readPrinterStatus(transport, 300)).resolves.toEqual({ state: 'ready', reason: 'ready' });
    await printTicket(transport, ticket, opts);
    await printTicket(transport, sampleTicket({ number: 'B013' }), opts);
    expect(decodeJob(await printer.waitForJob()).text).toContain('B012');
    expect(decodeJob(await printer.waitForJob()).text).toContain('B013');
    await transport.close();
  });
});

describe('printTicket on a printer that keeps its side of the connection open', () => {
  it('answers once the job is handed over, without waiting for the printer to hang up', async () => {
    const received: Buffer[] = [];
    const sockets = new Set<net.Socket>();
    let hungUp: () => void = () => undefined;
    const ourSideClosed = new Promise<void>((resolve) => (hungUp = resolve));
    const server = net.createServer({ allowHalfOpen: true }, (socket) => {
      sockets.add(socket);
      socket.on('end', () => hungUp());
      socket.on('data', (chunk: Buffer) => {
        received.push(chunk);
        // A status request comes alone or right behind the job's last bytes.
        if (chunk.length >= 3 && chunk[chunk.length - 3] === 0x10 && chunk[chunk.length - 2] === 0x04) socket.write(Buffer.from([0x12]));
      });
      socket.on('error', () => undefined);
      // No end() back: the printer closes its side only at its own idle timeout.
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `tcp://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
      // A write timeout far longer than the test may run: the answer must not wait for it.
      await expect(printTicket(url, ticket, { ...opts, connection: { writeTimeoutMs: 120_000 } })).resolves.toEqual({ printed: true });
      // Every byte reached the printer, then our side's close.
      await ourSideClosed;
      const job = Buffer.concat(received);
      expect(decodeJob(job.subarray(job.indexOf(0x1b))).cut).toBe(true);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('printTicket on a printer that stops taking the job part-way', () => {
  // A ticket is a few KB, which the connection's buffers take whole even from a printer that has
  // stopped reading; a job larger than those buffers (here with 32 MB of padding in front) is what
  // shows such a printer, as a write that never completes.
  const padded = (transport: PrinterTransport): PrinterTransport => ({
    ...transport,
    write: (bytes) => transport.write(Buffer.concat([Buffer.alloc(32 << 20), bytes])),
  });

  it('answers offline at the job deadline, cuts the connection, and the next job on that printer runs', async () => {
    const printer = await FakePrinter.start({ state: 'stalled' });
    try {
      const run = printerQueue();
      // The transport's own write timeout is far longer than the test may run: the job deadline
      // is what ends the wait.
      const stalled = padded(await openPrinter(printer.url, { writeTimeoutMs: 120_000 }));
      const first = run(printer.url, () => printTicket(stalled, ticket, { ...opts, deadlineMs: 2000 }));
      const next = run(printer.url, () => {
        printer.setState('ready');
        return printTicket(printer.url, sampleTicket({ number: 'B013' }), opts);
      });
      await expect(first).resolves.toEqual({
        printed: false,
        state: 'offline',
        reason: 'the printer stopped taking the ticket: it was not all sent within 2000 ms; the ticket may be partly printed',
      });
      await expect(stalled.write(Buffer.from([0x0a]))).rejects.toThrow(/closed/);
      await expect(next).resolves.toEqual({ printed: true });
      let job = await printer.waitForJob();
      // The stalled connection's partial bytes count as a job of their own when it closes.
      if (!decodeJob(job).text.includes('B013')) job = await printer.waitForJob();
      expect(decodeJob(job).text).toContain('B013');
    } finally {
      await printer.close();
    }
  });
});

describe('printTicket when nothing is listening', () => {
  it('is offline on connection refused', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const result = await printTicket(`tcp://127.0.0.1:${port}`, ticket, opts);
    expect(result).toMatchObject({ printed: false, state: 'offline', reason: expect.stringContaining('connection refused') });
  });

  it('throws for a printer URL that is not one', async () => {
    await expect(printTicket('ftp://printer', ticket, opts)).rejects.toThrow(/unsupported scheme/);
  });
});
