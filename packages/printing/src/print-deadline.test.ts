// The job deadline, step by step, against printers that hang at each point of a job: the answer
// comes at the deadline, the connection is cut, and the reason says whether any of the ticket
// can have come out. Fake timers; the transport is a stand-in whose calls never settle.
import { PrinterUnavailableError } from './errors';
import { printTicket } from './print-ticket';
import { sampleTicket } from './sample-ticket';
import { openPrinter } from './transports/open-printer';
import type { PrinterTransport } from './transports/transport';

jest.mock('./transports/open-printer', () => ({ openPrinter: jest.fn() }));
const open = openPrinter as jest.MockedFunction<typeof openPrinter>;

const never = <T>(): Promise<T> => new Promise<T>(() => undefined);
const READY = Buffer.from([0x12]);
const opts = { paperWidthMm: 58 as const, deadlineMs: 5000, statusTimeoutMs: 60_000 };

function stub(parts: Partial<PrinterTransport> = {}): PrinterTransport & { abort: jest.Mock; close: jest.Mock; write: jest.Mock } {
  return {
    write: jest.fn(() => Promise.resolve()),
    query: jest.fn(() => Promise.resolve(READY)),
    close: jest.fn(() => Promise.resolve()),
    abort: jest.fn(),
    ...parts,
  } as PrinterTransport & { abort: jest.Mock; close: jest.Mock; write: jest.Mock };
}

/** Runs `printTicket` and lets the fake clock pass its deadline. */
async function pastDeadline(target: string | PrinterTransport, extra: { statusCheck?: 'none' } = {}) {
  const answer = printTicket(target, sampleTicket(), { ...opts, ...extra });
  await jest.advanceTimersByTimeAsync(opts.deadlineMs);
  return answer;
}

beforeEach(() => {
  jest.useFakeTimers();
  open.mockReset();
});
afterEach(() => jest.useRealTimers());

test('a printer that stops taking the job part-way: offline at the deadline, may be partly printed, connection cut', async () => {
  const printer = stub({ write: jest.fn(() => never<void>()) });
  open.mockResolvedValue(printer);
  await expect(pastDeadline('tcp://10.0.0.5:9100')).resolves.toEqual({
    printed: false,
    state: 'offline',
    reason: 'the printer stopped taking the ticket: it was not all sent within 5000 ms; the ticket may be partly printed',
  });
  expect(printer.write).toHaveBeenCalledTimes(1);
  expect(printer.abort).toHaveBeenCalledTimes(1);
  expect(printer.close).not.toHaveBeenCalled();
});

test('the same on a connection the caller keeps: it is cut too', async () => {
  const printer = stub({ write: jest.fn(() => never<void>()) });
  await expect(pastDeadline(printer, { statusCheck: 'none' })).resolves.toMatchObject({ printed: false, state: 'offline', reason: expect.stringContaining('may be partly printed') });
  expect(printer.abort).toHaveBeenCalledTimes(1);
});

test('a printer that never answers its status request: nothing was sent, nothing printed', async () => {
  const printer = stub({ query: jest.fn(() => never<Buffer>()) });
  open.mockResolvedValue(printer);
  await expect(pastDeadline('tcp://10.0.0.5:9100')).resolves.toEqual({
    printed: false,
    state: 'offline',
    reason: 'the printer did not answer its status request within 5000 ms; nothing was printed',
  });
  expect(printer.write).not.toHaveBeenCalled();
  expect(printer.abort).toHaveBeenCalledTimes(1);
});

test('a connection that opens only after the deadline is cut as it opens and gets nothing', async () => {
  let opened: (t: PrinterTransport) => void = () => undefined;
  open.mockReturnValue(new Promise<PrinterTransport>((resolve) => (opened = resolve)));
  await expect(pastDeadline('tcp://10.0.0.5:9100')).resolves.toEqual({
    printed: false,
    state: 'offline',
    reason: 'no connection to the printer within 5000 ms; nothing was printed',
  });
  const late = stub();
  opened(late);
  await jest.advanceTimersByTimeAsync(0);
  expect(late.abort).toHaveBeenCalledTimes(1);
  expect(late.query).not.toHaveBeenCalled();
  expect(late.write).not.toHaveBeenCalled();
});

test('every byte handed over, then a printer slow to let the connection go: printed, and the connection is cut', async () => {
  const printer = stub({ close: jest.fn(() => never<void>()) });
  open.mockResolvedValue(printer);
  await expect(pastDeadline('tcp://10.0.0.5:9100')).resolves.toEqual({ printed: true });
  expect(printer.abort).toHaveBeenCalledTimes(1);
});

test('a write the printer refuses part-way is not printed either, and may be partly printed', async () => {
  const printer = stub({ write: jest.fn(() => Promise.reject(new PrinterUnavailableError('offline', 'connection reset'))) });
  open.mockResolvedValue(printer);
  await expect(printTicket('tcp://10.0.0.5:9100', sampleTicket(), opts)).resolves.toEqual({
    printed: false,
    state: 'offline',
    reason: 'connection reset; the ticket may be partly printed',
  });
  // Whatever is still queued on that connection is dropped, not waited for.
  expect(printer.abort).toHaveBeenCalledTimes(1);
  expect(printer.close).not.toHaveBeenCalled();
});

test('a printer that answers in time prints and is closed in the ordinary way', async () => {
  const printer = stub();
  open.mockResolvedValue(printer);
  await expect(printTicket('tcp://10.0.0.5:9100', sampleTicket(), opts)).resolves.toEqual({ printed: true });
  expect(printer.close).toHaveBeenCalledTimes(1);
  expect(printer.abort).not.toHaveBeenCalled();
});

test('connecting may not take longer than the whole job', async () => {
  open.mockResolvedValue(stub());
  await printTicket('tcp://10.0.0.5:9100', sampleTicket(), { ...opts, deadlineMs: 1000 });
  expect(open.mock.calls[0]![1]).toMatchObject({ connectTimeoutMs: 1000 });
});

/** Answers the status read before the job as ready, then `after` for every request once the job was written. */
function afterJob(after: () => Promise<Buffer>): PrinterTransport & { abort: jest.Mock; close: jest.Mock; write: jest.Mock; query: jest.Mock } {
  let written = false;
  const printer = stub({
    write: jest.fn(() => {
      written = true;
      return Promise.resolve();
    }),
    query: jest.fn(() => (written ? after() : Promise.resolve(READY))),
  });
  return printer as typeof printer & { query: jest.Mock };
}

test('a deadline that passes during the read after the job: answered at the deadline, printed but unconfirmed, connection cut', async () => {
  const printer = afterJob(() => never<Buffer>());
  open.mockResolvedValue(printer);
  await expect(pastDeadline('tcp://10.0.0.5:9100')).resolves.toEqual({ printed: true, warning: 'print_unconfirmed' });
  expect(printer.write).toHaveBeenCalledTimes(1);
  expect(printer.query).toHaveBeenCalledTimes(4);
  expect(printer.abort).toHaveBeenCalledTimes(1);
});

test('paper out once the job was taken: not printed, and the connection is closed in the ordinary way (every byte was taken)', async () => {
  const replies = [0x1a, 0x32, 0x72];
  const printer = afterJob(() => Promise.resolve(Buffer.from([replies.shift()!])));
  open.mockResolvedValue(printer);
  await expect(printTicket('tcp://10.0.0.5:9100', sampleTicket(), opts)).resolves.toEqual({
    printed: false,
    state: 'paper_out',
    reason: 'the ticket was sent, then the printer reported: paper roll end detected; the ticket may be missing or partly printed',
  });
  expect(printer.close).toHaveBeenCalledTimes(1);
  expect(printer.abort).not.toHaveBeenCalled();
});

test('statusCheck "none": no status read before the job nor after it', async () => {
  const printer = stub();
  await expect(printTicket(printer, sampleTicket(), { ...opts, statusCheck: 'none' })).resolves.toEqual({ printed: true });
  expect(printer.query).not.toHaveBeenCalled();
});
