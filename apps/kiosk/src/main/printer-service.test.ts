import net from 'node:net';
import { FakePrinter, decodeJob, printTicket } from '@hallq/printing';
import type { TicketPrintData } from '@hallq/printing';
import { parseConfig } from './config';
import type { KioskConfig } from './config';
import { createPrinterService, defaultPrinterDeps } from './printer-service';

const ticket: TicketPrintData = {
  hallName: '东湖高新区政务服务中心',
  number: 'A007',
  serviceName: { zh: '企业设立登记', en: 'Company registration' },
  peopleAhead: 3,
  estimatedWaitSeconds: 600,
  issuedAtLocal: '2025-11-25 09:30',
  statusUrl: 'http://10.0.0.2:3000/t/abcdefghijklmnopqrstuv',
  lang: 'zh',
};

/** A status request (DLE EOT n) comes alone, or right behind a job's last bytes. */
const asksStatus = (chunk: Buffer): boolean => chunk.length >= 3 && chunk[chunk.length - 3] === 0x10 && chunk[chunk.length - 2] === 0x04;

function configFor(printer?: string): KioskConfig {
  const r = parseConfig('/k.json', JSON.stringify({ serverUrl: 'http://10.0.0.2:3000', deviceToken: 'kiosk-token-123456', ...(printer ? { printer } : {}) }));
  if (!r.ok) throw new Error(r.problem);
  return r.config;
}

describe('kiosk printer service (real ESC/POS to a fake TCP printer)', () => {
  let printer: FakePrinter;
  const reports: Array<{ url: string; auth: string; body: unknown }> = [];
  const fetchSpy = jest.fn(async (url: string, init: RequestInit) => {
    reports.push({ url, auth: String((init.headers as Record<string, string>).authorization), body: JSON.parse(String(init.body)) });
    return { ok: true, status: 200 } as Response;
  });
  const deps = () => ({ ...defaultPrinterDeps(), printTicket, fetch: fetchSpy as unknown as typeof fetch, log: () => undefined });

  beforeEach(async () => {
    printer = await FakePrinter.start();
    reports.length = 0;
  });
  afterEach(() => printer.close());

  it('prints the ticket and tells the server the printer is ready', async () => {
    const service = createPrinterService(configFor(printer.url), deps());
    await expect(service.print(ticket)).resolves.toEqual({ printed: true });
    const job = decodeJob(await printer.waitForJob());
    expect(job.text).toContain('A007');
    expect(job.text).toContain('企业设立登记');
    expect(job.cut).toBe(true);
    expect(reports).toEqual([
      { url: 'http://10.0.0.2:3000/api/v1/devices/me/status', auth: 'Bearer kiosk-token-123456', body: { printerState: 'ready', printerWarning: null, message: 'ticket A007 printed' } },
    ]);
  });

  it('paper near end: prints, answers the warning and tells the server once; a printer that never answers DLE EOT prints with printerStatusCheck none', async () => {
    printer.setState('paper_near_end');
    const service = createPrinterService(configFor(printer.url), deps());
    await expect(service.print(ticket)).resolves.toEqual({ printed: true, warning: 'paper_near_end' });
    await expect(service.print({ ...ticket, number: 'A008' })).resolves.toEqual({ printed: true, warning: 'paper_near_end' });
    for (const n of ['A007', 'A008']) expect(decodeJob(await printer.waitForJob()).text).toContain(n);
    expect(reports.map((r) => r.body)).toEqual([{ printerState: 'ready', printerWarning: 'paper_near_end', message: 'ticket A007 printed' }]);

    printer.setState('silent');
    const parsed = parseConfig('/k.json', JSON.stringify({ serverUrl: 'http://10.0.0.2:3000', deviceToken: 'kiosk-token-123456', printer: printer.url, printerStatusCheck: 'none' }));
    if (!parsed.ok) throw new Error(parsed.problem);
    const unchecked = createPrinterService(parsed.config, deps());
    await expect(unchecked.print({ ...ticket, number: 'A009' })).resolves.toEqual({ printed: true });
    await expect(unchecked.status()).resolves.toMatchObject({ state: 'ready' });
    expect(decodeJob(await printer.waitForJob()).text).toContain('A009');
  });

  it('out of paper: prints nothing, answers the fault, and raises a device alert every time', async () => {
    printer.setState('paper_out');
    const service = createPrinterService(configFor(printer.url), deps());
    await expect(service.print(ticket)).resolves.toMatchObject({ printed: false, state: 'paper_out' });
    await expect(service.print({ ...ticket, number: 'A008' })).resolves.toMatchObject({ printed: false, state: 'paper_out' });
    expect(printer.jobs).toHaveLength(0);
    expect(reports.map((r) => (r.body as { printerState: string }).printerState)).toEqual(['paper_out', 'paper_out']);
    await expect(service.status()).resolves.toMatchObject({ state: 'paper_out' });
  });

  it('paper out while the ticket prints: not printed, the reason says it may be missing, the server is told', async () => {
    printer.setStateAfterJob('paper_out');
    const service = createPrinterService(configFor(printer.url), deps());
    const reason = 'the ticket was sent, then the printer reported: paper roll end detected; the ticket may be missing or partly printed';
    await expect(service.print(ticket)).resolves.toEqual({ printed: false, state: 'paper_out', reason });
    expect(reports.map((r) => r.body)).toEqual([{ printerState: 'paper_out', printerWarning: null, message: `ticket A007 not printed: ${reason}` }]);
  });

  it('a printer that takes the job and then does not answer: printed, unconfirmed, reported until a print is confirmed', async () => {
    printer.setStateAfterJob('silent');
    const service = createPrinterService(configFor(printer.url), deps());
    await expect(service.print(ticket)).resolves.toEqual({ printed: true, warning: 'print_unconfirmed' });
    expect(decodeJob(await printer.waitForJob()).text).toContain('A007');
    printer.setState('ready');
    await expect(service.print({ ...ticket, number: 'A008' })).resolves.toEqual({ printed: true });
    expect(reports.map((r) => r.body)).toEqual([
      { printerState: 'ready', printerWarning: 'print_unconfirmed', message: 'ticket A007 sent to the printer, which did not confirm it came out' },
      { printerState: 'ready', printerWarning: null, message: 'ticket A008 printed' },
    ]);
  });

  it('a server that takes the status report and never answers does not keep the visitor waiting; the report is given up', async () => {
    const signals: AbortSignal[] = [];
    const silentServer = jest.fn(
      (_url: string, init: RequestInit) =>
        new Promise<Response>((_resolve, reject) => {
          const signal = init.signal!;
          signals.push(signal);
          signal.addEventListener('abort', () => reject(new Error('aborted')));
        }),
    );
    const logged: string[] = [];
    const service = createPrinterService(configFor(printer.url), {
      ...deps(),
      fetch: silentServer as unknown as typeof fetch,
      log: (m: string) => logged.push(m),
      reportWaitMs: 20,
      reportTimeoutMs: 200,
    });
    await expect(service.print(ticket)).resolves.toEqual({ printed: true });
    expect(decodeJob(await printer.waitForJob()).text).toContain('A007');
    printer.setState('paper_out');
    await expect(service.print({ ...ticket, number: 'A008' })).resolves.toMatchObject({ printed: false, state: 'paper_out' });
    expect(printer.jobs).toHaveLength(1);
    // Each report carried a deadline and was given up, with a line in the log.
    expect(signals).toHaveLength(2);
    await new Promise<void>((resolve) => {
      const check = (): void => (signals.every((x) => x.aborted) && logged.length === 2 ? resolve() : void setTimeout(check, 10));
      check();
    });
    expect(logged.every((m) => m.startsWith('printer status report failed'))).toBe(true);
  });

  it('a status check in progress does not make a print fail on a printer that takes one connection at a time', async () => {
    let jobBytes = 0;
    const single = net.createServer((socket) => {
      socket.on('error', () => undefined);
      socket.on('data', (chunk: Buffer) => {
        // Slow status answers keep the status check's connection open for a while.
        if (asksStatus(chunk)) setTimeout(() => socket.writable && socket.write(Buffer.from([0x12])), 50);
        jobBytes += chunk.length - (asksStatus(chunk) ? 3 : 0);
      });
      socket.on('end', () => socket.end());
    });
    single.maxConnections = 1;
    await new Promise<void>((resolve) => single.listen(0, '127.0.0.1', resolve));
    try {
      const service = createPrinterService(configFor(`tcp://127.0.0.1:${(single.address() as net.AddressInfo).port}`), deps());
      const [status, printed] = await Promise.all([service.status(), service.print(ticket)]);
      expect(status).toMatchObject({ state: 'ready' });
      expect(printed).toEqual({ printed: true });
      expect(jobBytes).toBeGreaterThan(0);
    } finally {
      await new Promise((resolve) => single.close(resolve));
    }
  });

  it('a printer that holds the print past its deadline: the visitor gets the fault in time, the server is told, the next print runs', async () => {
    let jobBytes = 0;
    let closed = 0;
    const slow = net.createServer((socket) => {
      socket.on('error', () => undefined);
      socket.on('close', () => closed++);
      socket.on('data', (chunk: Buffer) => {
        // 3 x 400 ms over its status read, while the print may take 300 ms in all.
        if (asksStatus(chunk)) setTimeout(() => socket.writable && socket.write(Buffer.from([0x12])), 400);
        jobBytes += chunk.length - (asksStatus(chunk) ? 3 : 0);
      });
      socket.on('end', () => socket.end());
    });
    slow.maxConnections = 1;
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    try {
      const d = { ...deps(), printAnswerWithinMs: 300 };
      const service = createPrinterService(configFor(`tcp://127.0.0.1:${(slow.address() as net.AddressInfo).port}`), d);
      const notPrinted = /^the printer did not answer its status request within \d+ ms; nothing was printed$/;
      await expect(service.print(ticket)).resolves.toEqual({ printed: false, state: 'offline', reason: expect.stringMatching(notPrinted) });
      expect(jobBytes).toBe(0);
      expect(reports.map((r) => r.body)).toEqual([{ printerState: 'offline', printerWarning: null, message: expect.stringMatching(/^ticket A007 not printed: the printer did not answer/) }]);
      // The cut connection frees the printer (it takes one connection at a time) for the next print.
      for (let i = 0; i < 200 && closed < 1; i++) await new Promise((r) => setTimeout(r, 10));
      d.printAnswerWithinMs = 8000;
      await expect(service.print({ ...ticket, number: 'A008' })).resolves.toEqual({ printed: true });
      expect(jobBytes).toBeGreaterThan(0);
    } finally {
      await new Promise((resolve) => slow.close(resolve));
    }
  });

  it('a print that cannot start while a slow status check holds the printer is answered as busy, not left waiting', async () => {
    let jobBytes = 0;
    const single = net.createServer((socket) => {
      socket.on('error', () => undefined);
      socket.on('data', (chunk: Buffer) => {
        if (asksStatus(chunk)) setTimeout(() => socket.writable && socket.write(Buffer.from([0x12])), 200);
        jobBytes += chunk.length - (asksStatus(chunk) ? 3 : 0);
      });
      socket.on('end', () => socket.end());
    });
    await new Promise<void>((resolve) => single.listen(0, '127.0.0.1', resolve));
    try {
      const service = createPrinterService(configFor(`tcp://127.0.0.1:${(single.address() as net.AddressInfo).port}`), { ...deps(), printQueueWaitMs: 50 });
      const [status, printed] = await Promise.all([service.status(), service.print(ticket)]);
      expect(status).toMatchObject({ state: 'ready' });
      expect(printed).toEqual({ printed: false, state: 'error', reason: 'the printer is still busy with the tickets before this one' });
      expect(jobBytes).toBe(0);
    } finally {
      await new Promise((resolve) => single.close(resolve));
    }
  });

  it('without a configured printer it says so instead of pretending to print', async () => {
    const service = createPrinterService(configFor(), deps());
    await expect(service.print(ticket)).resolves.toMatchObject({ printed: false, state: 'offline' });
    await expect(service.status()).resolves.toMatchObject({ state: 'offline' });
  });
});
