import { addDays, datesOf, dayCount, nextDate, weekdayOf, weekdaysOf } from './calendar-dates';

describe('calendar dates', () => {
  test('adding days crosses months, leap days and years, both ways', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-10', -40)).toBe('2025-12-01');
    expect(nextDate('2026-03-31')).toBe('2026-04-01');
  });

  test('a range lists every date from..to inclusive, and none when from is after to', () => {
    expect(datesOf('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect(datesOf('2026-03-02', '2026-03-01')).toEqual([]);
  });

  test('the last date a request may name, 9999-12-31, ends a range like any other', () => {
    // Its next day is in year 10000 (`+010000-01-01`), whose text sorts before it: a range that
    // stepped and compared text never ended there.
    expect(nextDate('9999-12-31')).toBe('+010000-01-01');
    expect(datesOf('9999-12-30', '9999-12-31')).toEqual(['9999-12-30', '9999-12-31']);
    expect(weekdaysOf('9999-12-31', '9999-12-31')).toEqual({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 1, 6: 0, 7: 0 });
    expect(dayCount('1970-01-01', '9999-12-31')).toBe(2_932_897);
    expect(dayCount('2026-02-27', '2026-03-02')).toBe(4);
    expect(dayCount('2026-03-02', '2026-03-01')).toBe(0);
  });

  test('weekdays run 1 = Monday .. 7 = Sunday, and a range counts each of them', () => {
    expect(weekdayOf('2026-01-05')).toBe(1);
    expect(weekdayOf('2026-01-11')).toBe(7);
    expect(weekdaysOf('2026-01-05', '2026-01-14')).toEqual({ 1: 2, 2: 2, 3: 2, 4: 1, 5: 1, 6: 1, 7: 1 });
  });
});
