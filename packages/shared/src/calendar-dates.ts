// Calendar dates (YYYY-MM-DD) as the hall counts days: pure date arithmetic, the same in every
// timezone. Where a local day starts in UTC is the hall server's business (it knows the zone).

/** The date `n` days after `date` (before it when `n` is negative). */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export const nextDate = (date: string): string => addDays(date, 1);

/** The dates from..to inclusive. */
export function datesOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = nextDate(d)) out.push(d);
  return out;
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
