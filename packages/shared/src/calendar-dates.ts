// Calendar dates (YYYY-MM-DD) as the hall counts days: pure date arithmetic, the same in every
// timezone. Where a local day starts in UTC is the hall server's business (it knows the zone).

/** The date `n` days after `date` (before it when `n` is negative); past year 9999 as ISO writes it (`+010000-01-01`). */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  const iso = d.toISOString();
  return iso.slice(0, iso.indexOf('T'));
}

export const nextDate = (date: string): string => addDays(date, 1);

const DAY_MS = 86_400_000;

/**
 * The dates from..to inclusive, counted on UTC midnights: the day after 9999-12-31 is in year
 * 10000, whose text no longer sorts after it, so the dates are not compared as text.
 */
export function datesOf(from: string, to: string): string[] {
  const out: string[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end; t += DAY_MS) out.push(new Date(t).toISOString().slice(0, 10)); // within from..to: years 1970..9999
  return out;
}

/** How many dates from..to inclusive holds (0 when `to` is before `from`), without listing them. */
export function dayCount(from: string, to: string): number {
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
  return Number.isFinite(days) && days > 0 ? days : 0;
}

/** 1 = Monday .. 7 = Sunday of a date. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
}

/** How many of each weekday ("1" = Monday .. "7" = Sunday) the dates from..to inclusive have. */
export function weekdaysOf(from: string, to: string): Record<string, number> {
  const days: Record<string, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0 };
  for (const d of datesOf(from, to)) days[weekdayOf(d)]!++;
  return days;
}
