// The serial transport with the real `serialport` module over a pseudo-terminal pair made by
// socat: the kiosk opens one end as its printer's serial port, a FakePrinter answers on the other
// end, exactly as a printer on a serial cable would.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SerialPort } from 'serialport';
import { decodeJob } from '../decode';
import { FakePrinter } from '../fake-printer';
import { printTicket, readPrinterStatus } from '../print-ticket';
import { sampleTicket } from '../sample-ticket';
import { openPrinter } from './open-printer';

interface PtyPair {
  kiosk: string;
  printer: string;
  close(): void;
}

async function ptyPair(): Promise<PtyPair> {
  const dir = mkdtempSync(path.join(tmpdir(), 'hallq-pty-'));
  const kiosk = path.join(dir, 'kiosk');
  const printer = path.join(dir, 'printer');
  const socat: ChildProcess = spawn('socat', [`pty,raw,echo=0,link=${kiosk}`, `pty,raw,echo=0,link=${printer}`], { stdio: 'ignore' });
  const failed = new Promise<never>((_, reject) => socat.once('error', (e) => reject(new Error(`socat (apt-get install socat): ${e.message}`))));
  const ready = (async () => {
    for (let i = 0; i < 500 && !(existsSync(kiosk) && existsSync(printer)); i++) await new Promise((r) => setTimeout(r, 10));
    if (!existsSync(kiosk) || !existsSync(printer)) throw new Error('socat made no pseudo-terminal pair');
  })();
  await Promise.race([ready, failed]);
  return {
    kiosk,
    printer,
    close() {
      socat.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function printerEnd(pty: PtyPair, fake: FakePrinter): Promise<SerialPort> {
  const port = new SerialPort({ path: pty.printer, baudRate: 19200, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
  fake.serve(port);
  return port;
}

describe('serial transport over a real pseudo-terminal pair (serialport + socat)', () => {
  let pty: PtyPair;
  let fake: FakePrinter;
  let port: SerialPort;
  beforeEach(async () => {
    pty = await ptyPair();
    fake = FakePrinter.detached('ready');
    port = await printerEnd(pty, fake);
  });
  afterEach(async () => {
    await new Promise<void>((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve()));
    await fake.close();
    pty.close();
  });

  it('answers DLE EOT through the line: status read from the printer end', async () => {
    const transport = await openPrinter(`serial://${pty.kiosk}?baud=19200`);
    try {
      await expect(readPrinterStatus(transport)).resolves.toEqual({ state: 'ready', reason: 'ready' });
      fake.setState('cover_open');
      await expect(readPrinterStatus(transport)).resolves.toMatchObject({ state: 'cover_open' });
    } finally {
      await transport.close();
    }
    expect(fake.statusRequests.slice(0, 3)).toEqual([1, 2, 4]);
  });

  it('the job bytes arrive whole at the printer end after a ready status', async () => {
    const ticket = sampleTicket();
    const result = await printTicket(`serial://${pty.kiosk}?baud=19200`, ticket, { paperWidthMm: 58 });
    expect(result).toEqual({ printed: true });
    const job = decodeJob(await fake.waitForJob());
    expect(job.cut).toBe(true);
    expect(job.text).toContain(ticket.number);
    expect(job.text).toContain(ticket.serviceName.zh);
  });

  it('paper out: refused, and not one job byte crosses the line', async () => {
    fake.setState('paper_out');
    const result = await printTicket(`serial://${pty.kiosk}`, sampleTicket(), { paperWidthMm: 80 });
    expect(result).toMatchObject({ printed: false, state: 'paper_out' });
    await new Promise((r) => setTimeout(r, 100));
    expect(fake.jobs).toEqual([]);
  });

  it('paper near end: prints and warns', async () => {
    fake.setState('paper_near_end');
    const result = await printTicket(`serial://${pty.kiosk}`, sampleTicket(), { paperWidthMm: 80 });
    expect(result).toEqual({ printed: true, warning: 'paper_near_end' });
    expect(decodeJob(await fake.waitForJob()).cut).toBe(true);
  });

  it('a printer that never answers DLE EOT prints with statusCheck "none", and is offline without it', async () => {
    fake.setState('silent');
    const checked = await printTicket(`serial://${pty.kiosk}`, sampleTicket(), { paperWidthMm: 58, statusTimeoutMs: 200 });
    expect(checked).toMatchObject({ printed: false, state: 'offline' });
    const unchecked = await printTicket(`serial://${pty.kiosk}`, sampleTicket(), { paperWidthMm: 58, statusCheck: 'none' });
    expect(unchecked).toEqual({ printed: true });
    expect(decodeJob(await fake.waitForJob()).cut).toBe(true);
    expect(fake.jobs).toHaveLength(1);
  });
});
