// The status read after a job, over loopback TCP against the fake printer: bytes taken are not a
// ticket printed when the printer runs out of paper, has its cover opened or stops answering while
// printing it.
import { decodeJob } from './decode';
import { FakePrinter } from './fake-printer';
import type { FakePrinterState } from './fake-printer';
import { printTicket } from './print-ticket';
import { sampleTicket } from './sample-ticket';

const ticket = sampleTicket({ number: 'B012' });
const opts = { paperWidthMm: 58 as const, statusTimeoutMs: 300 };

describe('printTicket reads the status again once the job was taken', () => {
  let printer: FakePrinter;
  beforeEach(async () => {
    printer = await FakePrinter.start();
  });
  afterEach(() => printer.close());

  it.each<[FakePrinterState, string]>([
    ['paper_out', 'the ticket was sent, then the printer reported: paper roll end detected; the ticket may be missing or partly printed'],
    ['cover_open', 'the ticket was sent, then the printer reported: cover is open; the ticket may be missing or partly printed'],
    ['error', 'the ticket was sent, then the printer reported: printer reports an error; the ticket may be missing or partly printed'],
    ['offline', 'the ticket was sent, then the printer reported: printer is offline; the ticket may be missing or partly printed'],
  ])('%s right after taking the job: not printed, with that state and a reason saying so', async (state, reason) => {
    printer.setStateAfterJob(state);
    await expect(printTicket(printer.url, ticket, opts)).resolves.toEqual({ printed: false, state, reason });
    // The job did reach the printer, once; the status was read before it and after it.
    expect(decodeJob(await printer.waitForJob()).text).toContain('B012');
    expect(printer.statusRequests).toEqual([1, 2, 4, 1, 2, 4]);
  });

  it('a retry after such a fault sends nothing while the fault lasts, and prints once it is cleared', async () => {
    printer.setStateAfterJob('paper_out');
    expect(await printTicket(printer.url, ticket, opts)).toMatchObject({ printed: false, state: 'paper_out' });
    await printer.waitForJob();
    expect(await printTicket(printer.url, ticket, opts)).toMatchObject({ printed: false, state: 'paper_out', reason: 'paper roll end detected' });
    printer.setState('ready');
    await expect(printTicket(printer.url, ticket, opts)).resolves.toEqual({ printed: true });
    await printer.waitForJob();
    await printer.close();
    expect(printer.jobs).toHaveLength(2);
  });

  it('still ready after the job: printed, and a paper-near-end reading after it is kept', async () => {
    await expect(printTicket(printer.url, ticket, opts)).resolves.toEqual({ printed: true });
    printer.setStateAfterJob('paper_near_end');
    await expect(printTicket(printer.url, ticket, opts)).resolves.toEqual({ printed: true, warning: 'paper_near_end' });
    expect(printer.statusRequests).toEqual([1, 2, 4, 1, 2, 4, 1, 2, 4, 1, 2, 4]);
  });

  it('no answer after the job: printed, with the print_unconfirmed warning, never "not printed"', async () => {
    printer.setStateAfterJob('silent');
    await expect(printTicket(printer.url, ticket, opts)).resolves.toEqual({ printed: true, warning: 'print_unconfirmed' });
    expect(decodeJob(await printer.waitForJob()).text).toContain('B012');
    // One unanswered request is enough: the others are not asked.
    expect(printer.statusRequests).toEqual([1, 2, 4, 1]);
  });

  it('statusCheck "none": no status read before or after the job', async () => {
    printer.setStateAfterJob('paper_out');
    await expect(printTicket(printer.url, ticket, { ...opts, statusCheck: 'none' })).resolves.toEqual({ printed: true });
    expect(decodeJob(await printer.waitForJob()).text).toContain('B012');
    expect(printer.statusRequests).toEqual([]);
  });
});
