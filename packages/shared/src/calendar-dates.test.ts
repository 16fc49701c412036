import { addDays, datesOf, nextDate, weekdayOf, weekdaysOf } from './calendar-dates';

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

  test('weekdays run 1 = Monday .. 7 = Sunday, and a range counts each of them', () => {
    expect(weekdayOf('2026-01-05')).toBe(1);
    expect(weekdayOf('2026-01-11')).toBe(7);
    expect(weekdaysOf('2026-01-05', '2026-01-14')).toEqual({ 1: 2, 2: 2, 3: 2, 4: 1, 5: 1, 6: 1, 7: 1 });
  });
});
