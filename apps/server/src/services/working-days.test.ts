// Working-day deadlines (好差评 follow-ups) skip weekends and holidays and count make-up working
// days (调休): the Saturday worked in exchange for a holiday is a working day.
import { addWorkingDays } from './clock';

describe('addWorkingDays', () => {
  // 2026-09-25 is a Friday; the National Day week 2026-10-01..07 is a holiday, and (as the State
  // Council sets most years) the weekend days around it are worked in exchange.
  const holidays = ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'];
  const makeUp = ['2026-09-27', '2026-10-10'];

  it('skips weekends and holidays', () => {
    expect(addWorkingDays('2026-09-25', 1, [])).toBe('2026-09-28');
    expect(addWorkingDays('2026-09-30', 1, holidays)).toBe('2026-10-08');
  });

  it('counts a make-up working day on a weekend', () => {
    expect(addWorkingDays('2026-09-25', 1, holidays, makeUp)).toBe('2026-09-27');
    expect(addWorkingDays('2026-09-30', 3, holidays, makeUp)).toBe('2026-10-10');
    expect(addWorkingDays('2026-09-30', 3, holidays)).toBe('2026-10-12');
  });
});
