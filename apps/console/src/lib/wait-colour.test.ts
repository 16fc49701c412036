import { formatDuration, secondsSince, waitLevel } from './wait-colour';

describe('waits coloured against the target', () => {
  it('is fine below 80%, warns from 80% and is over from 100%', () => {
    expect(waitLevel(0, 2400)).toBe('ok');
    expect(waitLevel(1919, 2400)).toBe('ok');
    expect(waitLevel(1920, 2400)).toBe('warn');
    expect(waitLevel(2399, 2400)).toBe('warn');
    expect(waitLevel(2400, 2400)).toBe('over');
    expect(waitLevel(48, 60)).toBe('warn');
  });
  it('measures seconds since a time with a given clock', () => {
    const now = Date.parse('2025-01-01T08:10:00Z');
    expect(secondsSince('2025-01-01T08:00:00Z', now)).toBe(600);
    expect(secondsSince('2025-01-01T08:20:00Z', now)).toBe(0);
    expect(secondsSince(null, now)).toBe(0);
  });
  it('formats durations as m:ss or h:mm:ss', () => {
    expect(formatDuration(75)).toBe('1:15');
    expect(formatDuration(3725)).toBe('1:02:05');
    expect(formatDuration(null)).toBe('—');
  });
});
