import { PrinterBusyError, printerQueue } from './printer-queue';

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('jobs for one printer run one after another, other printers meanwhile', async () => {
  const run = printerQueue();
  const log: string[] = [];
  const job = (name: string, ms: number) => async () => {
    log.push(`${name} start`);
    await later(ms);
    log.push(`${name} end`);
    return name;
  };
  const answers = await Promise.all([run('tcp://a', job('a1', 30)), run('tcp://a', job('a2', 1)), run('tcp://b', job('b1', 1))]);
  expect(answers).toEqual(['a1', 'a2', 'b1']);
  expect(log.indexOf('a2 start')).toBeGreaterThan(log.indexOf('a1 end'));
  expect(log.indexOf('b1 start')).toBeLessThan(log.indexOf('a1 end'));
});

test('a failed job does not stop the next; one that could not start in time is refused and never runs', async () => {
  const run = printerQueue();
  const ran: string[] = [];
  const failing = run('tcp://a', async () => {
    await later(50);
    throw new Error('cover open');
  });
  const late = run('tcp://a', async () => void ran.push('late'), 10);
  const next = run('tcp://a', async () => void ran.push('next'));
  await expect(failing).rejects.toThrow('cover open');
  await expect(late).rejects.toBeInstanceOf(PrinterBusyError);
  await next;
  expect(ran).toEqual(['next']);
});
