import type { Logger } from 'pino';
import type { HallsMirror } from '../services/hall-mirror';
import { Broadcaster, BUSY_RECHECK_MS, BUSY_REFRESH_MS, MAX_SLICE_WAIT_MS, sliceWhenIdle } from './broadcaster';

// An estimate refresh goes on in slices between requests; a slice gives way to writes waiting to
// run (their batch would wait for it), but never for long, so the refresh always ends; and it
// never runs while a committed batch waits for its flush (its answers and broadcast would wait):
// under a stream of such batches it asks the write path for a moment with none.
describe('sliceWhenIdle', () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());
  const path = (waiting: () => boolean, unflushed: () => boolean = () => false) => ({ waiting, unflushed });

  test('runs the slice at the next turn when no write waits', () => {
    const slice = jest.fn();
    sliceWhenIdle(slice, path(() => false));
    expect(slice).not.toHaveBeenCalled();
    jest.advanceTimersToNextTimer();
    expect(slice).toHaveBeenCalledTimes(1);
  });

  test('waits while writes wait to run, and runs as soon as they have run', () => {
    const slice = jest.fn();
    let waiting = true;
    sliceWhenIdle(slice, path(() => waiting));
    jest.advanceTimersByTime(5);
    expect(slice).not.toHaveBeenCalled();
    waiting = false;
    jest.advanceTimersByTime(1);
    expect(slice).toHaveBeenCalledTimes(1);
  });

  test('under a stream of writes it still runs, once the longest wait has passed', () => {
    const slice = jest.fn();
    sliceWhenIdle(slice, path(() => true));
    jest.advanceTimersByTime(MAX_SLICE_WAIT_MS - 2);
    expect(slice).not.toHaveBeenCalled();
    jest.advanceTimersByTime(3);
    expect(slice).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(100);
    expect(slice).toHaveBeenCalledTimes(1);
  });

  test('never while a committed batch waits for its flush, however long it has waited', () => {
    const slice = jest.fn();
    let unflushed = true;
    sliceWhenIdle(slice, path(() => true, () => unflushed));
    jest.advanceTimersByTime(MAX_SLICE_WAIT_MS * 5);
    expect(slice).not.toHaveBeenCalled();
    unflushed = false;
    jest.advanceTimersByTime(1);
    expect(slice).toHaveBeenCalledTimes(1);
  });

  test('under a stream of batches always waiting for their flush, it asks the write path for a moment with none', () => {
    const slice = jest.fn();
    const asked: Array<() => void> = [];
    sliceWhenIdle(slice, { waiting: () => false, unflushed: () => true, whenPublished: (work) => asked.push(work) });
    jest.advanceTimersByTime(MAX_SLICE_WAIT_MS - 2);
    expect(asked).toHaveLength(0);
    jest.advanceTimersByTime(3);
    expect(asked).toHaveLength(1);
    expect(slice).not.toHaveBeenCalled();
    jest.advanceTimersByTime(100);
    expect(asked).toHaveLength(1);
    asked[0]!();
    expect(slice).toHaveBeenCalledTimes(1);
  });
});

// A refresh due during a burst of writes is put off while the write path is busy, but never longer
// than BUSY_REFRESH_MS after the last one, and it starts as soon as the burst ends.
describe('Broadcaster: estimate refresh during a burst of writes', () => {
  beforeEach(() => jest.useFakeTimers({ now: 100_000 }));
  afterEach(() => jest.useRealTimers());

  function broadcaster(busy: () => boolean): { b: Broadcaster; starts: number[] } {
    const b = new Broadcaster({ get: () => undefined } as unknown as HallsMirror, () => Date.now(), {} as Logger, 500);
    b.deferWhile(busy);
    const starts: number[] = [];
    const inner = b as unknown as { refreshInSlices(hallId: string): void; lastRun: Map<string, number> };
    inner.refreshInSlices = (hallId: string) => {
      starts.push(Date.now());
      inner.lastRun.set(hallId, Date.now());
    };
    return { b, starts };
  }
  const commit = (b: Broadcaster): void => b.onCommit([], new Set(['demo']));

  test('the first refresh of a hall is never put off', () => {
    const { b, starts } = broadcaster(() => true);
    commit(b);
    jest.advanceTimersByTime(0);
    expect(starts).toEqual([100_000]);
  });

  test('while the writes go on, the next refresh starts BUSY_REFRESH_MS after the last, not after the throttle', () => {
    const { b, starts } = broadcaster(() => true);
    commit(b);
    jest.advanceTimersByTime(0);
    commit(b);
    jest.advanceTimersByTime(BUSY_REFRESH_MS - 1);
    expect(starts).toHaveLength(1);
    jest.advanceTimersByTime(BUSY_RECHECK_MS);
    expect(starts).toHaveLength(2);
    expect(starts[1]! - starts[0]!).toBeLessThanOrEqual(BUSY_REFRESH_MS + BUSY_RECHECK_MS);
  });

  test('once the writes stop, the refresh put off starts at once', () => {
    let busy = true;
    const { b, starts } = broadcaster(() => busy);
    commit(b);
    jest.advanceTimersByTime(0);
    commit(b);
    jest.advanceTimersByTime(800);
    expect(starts).toHaveLength(1);
    busy = false;
    jest.advanceTimersByTime(BUSY_RECHECK_MS);
    expect(starts).toHaveLength(2);
  });

  test('a quiet write path keeps the throttle period', () => {
    const { b, starts } = broadcaster(() => false);
    commit(b);
    jest.advanceTimersByTime(0);
    commit(b);
    jest.advanceTimersByTime(500);
    expect(starts).toEqual([100_000, 100_500]);
  });
});
