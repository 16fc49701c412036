import { latestRead, retryDelayMs } from './latest-read';

const deferred = <T,>() => {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

describe('latestRead', () => {
  it('keeps trying after failures until it has an answer, backing off up to 10 s', async () => {
    const waits: number[] = [];
    let calls = 0;
    const used: string[] = [];
    const reload = latestRead(
      async () => {
        calls++;
        if (calls < 4) throw new Error('503');
        return 'zone-b';
      },
      (v) => used.push(v),
      { closed: () => false, sleep: async (ms) => void waits.push(ms) },
    );
    await reload();
    expect(used).toEqual(['zone-b']);
    expect(waits).toEqual([1000, 2000, 3000]);
    expect(retryDelayMs(50)).toBe(10_000);
  });

  it('uses only the latest request: a slow earlier answer never overwrites a newer one', async () => {
    const answers = [deferred<string>(), deferred<string>()];
    let i = 0;
    const used: string[] = [];
    const reload = latestRead(() => answers[i++]!.promise, (v) => used.push(v), { closed: () => false });
    const first = reload();
    const second = reload();
    answers[1]!.resolve('new');
    await second;
    answers[0]!.resolve('old');
    await first;
    expect(used).toEqual(['new']);
  });

  it('an earlier request that fails stops trying once a newer one has begun', async () => {
    let calls = 0;
    const used: string[] = [];
    let second: Promise<void> | null = null;
    const reload = latestRead(
      async () => {
        calls++;
        if (calls === 1) {
          second = reload();
          throw new Error('offline');
        }
        return 'answer';
      },
      (v) => used.push(v),
      { closed: () => false, sleep: async () => undefined },
    );
    await reload();
    await second;
    expect(calls).toBe(2);
    expect(used).toEqual(['answer']);
  });

  it('stops once the page is closed, answer or not', async () => {
    let closed = false;
    const used: string[] = [];
    let calls = 0;
    const reload = latestRead(
      async () => {
        calls++;
        closed = true;
        throw new Error('offline');
      },
      (v) => used.push(v),
      { closed: () => closed, sleep: async () => undefined },
    );
    await reload();
    expect(calls).toBe(1);
    expect(used).toEqual([]);
  });
});
