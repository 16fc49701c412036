import { IdleTimer, idleSecondsFrom } from './idle-timer';

describe('idle reset', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('fires once after the idle time with no touch', () => {
    const onIdle = jest.fn();
    const timer = new IdleTimer(60_000, onIdle);
    timer.touch();
    jest.advanceTimersByTime(59_999);
    expect(onIdle).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(600_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('every touch starts the count again', () => {
    const onIdle = jest.fn();
    const timer = new IdleTimer(10_000, onIdle);
    timer.touch();
    jest.advanceTimersByTime(9_000);
    timer.touch();
    jest.advanceTimersByTime(9_000);
    expect(onIdle).not.toHaveBeenCalled();
    timer.stop();
    jest.advanceTimersByTime(60_000);
    expect(onIdle).not.toHaveBeenCalled();
  });

  it('takes ?idle= from the address, else the config, else 60 s', () => {
    expect(idleSecondsFrom('?idle=5', 90)).toBe(5);
    expect(idleSecondsFrom('?idle=nope', 90)).toBe(90);
    expect(idleSecondsFrom('', undefined)).toBe(60);
  });
});
