import { MAX_SLICE_WAIT_MS, sliceWhenIdle } from './broadcaster';

// An estimate refresh goes on in slices between requests; a slice gives way to writes waiting to
// run (their batch would wait for it), but never for long, so the refresh always ends; and it
// never runs while a committed batch waits for its flush (its answers and broadcast would wait).
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
});
