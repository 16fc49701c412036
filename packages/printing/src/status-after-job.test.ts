// The read after a job on its own: which replies make a fault, which only an unconfirmed print.
import { PrinterUnavailableError } from './errors';
import { readStatusAfterJob } from './status-after-job';
import type { PrinterTransport } from './transports/transport';

/** A connection answering each query with the next of `replies` (a number), failing on an Error. */
function answering(...replies: Array<number | Error>): PrinterTransport & { query: jest.Mock } {
  const query = jest.fn(() => {
    const next = replies.shift();
    if (next === undefined || next instanceof Error) return Promise.reject(next ?? new Error('no reply scripted'));
    return Promise.resolve(Buffer.from([next]));
  });
  return { write: () => Promise.resolve(), close: () => Promise.resolve(), query };
}

const OK = 0x12;
const soon = (): number => Date.now() + 60_000;
const timedOut = new PrinterUnavailableError('offline', 'printer did not answer within 300 ms');

test('all clear: ready; paper near its end: ready with the warning', async () => {
  await expect(readStatusAfterJob(answering(OK, OK, OK), 300, soon())).resolves.toEqual({ state: 'ready' });
  await expect(readStatusAfterJob(answering(OK, OK, 0x1e), 300, soon())).resolves.toEqual({ state: 'ready', warning: 'paper_near_end' });
});

test('a fault in the replies that came is a fault, even when a later one is missing', async () => {
  await expect(readStatusAfterJob(answering(0x1a, 0x16, OK), 300, soon())).resolves.toEqual({ state: 'cover_open', reason: 'cover is open' });
  await expect(readStatusAfterJob(answering(0x1a, 0x32, timedOut), 300, soon())).resolves.toEqual({ state: 'paper_out', reason: 'printing stopped: paper end' });
});

test('no answer, part of one, or bytes that are no status: unconfirmed, never offline', async () => {
  await expect(readStatusAfterJob(answering(timedOut), 300, soon())).resolves.toEqual({
    state: 'unconfirmed',
    reason: 'the printer did not confirm the ticket: printer did not answer within 300 ms',
  });
  await expect(readStatusAfterJob(answering(OK, timedOut), 300, soon())).resolves.toMatchObject({ state: 'unconfirmed' });
  await expect(readStatusAfterJob(answering(0xff), 300, soon())).resolves.toEqual({
    state: 'unconfirmed',
    reason: 'the printer did not confirm the ticket: its answer was not a status reply',
  });
});

test('each request waits no longer than the job has left, and none is made once it is over', async () => {
  const printer = answering(OK, OK, OK);
  await readStatusAfterJob(printer, 1500, Date.now() + 200);
  for (const call of printer.query.mock.calls as unknown as Array<[Uint8Array, number, number]>) expect(call[2]).toBeLessThanOrEqual(200);
  const late = answering(OK, OK, OK);
  await expect(readStatusAfterJob(late, 1500, Date.now() - 1)).resolves.toMatchObject({ state: 'unconfirmed' });
  expect(late.query).not.toHaveBeenCalled();
});

test('a connection that cannot read status (a device file) counts as printed, as before', async () => {
  await expect(readStatusAfterJob({ write: () => Promise.resolve(), close: () => Promise.resolve() }, 300, soon())).resolves.toEqual({ state: 'ready' });
});
