// Local dates of the hall's timezone as instants, for the planner's date ranges: where a local
// day starts in UTC (DST days are 23 or 25 hours long) and the local date and hour of an instant.
import { localTime } from '../clock';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Local dates from..to inclusive. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** 1 = Monday .. 7 = Sunday of a calendar date. */
export function weekdayOfDate(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The first instant whose local date is `date` or later (binary search over minutes). */
export function startOfLocalDay(date: string, timeZone: string): number {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  let lo = (utcMidnight - 15 * HOUR) / MINUTE;
  let hi = (utcMidnight + 15 * HOUR) / MINUTE;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (localTime(mid * MINUTE, timeZone).date >= date) hi = mid;
    else lo = mid;
  }
  return hi * MINUTE;
}

/** [start, end) in ms of the local dates from..to inclusive. */
export function rangeBounds(from: string, to: string, timeZone: string): { start: number; end: number } {
  return { start: startOfLocalDay(from, timeZone), end: startOfLocalDay(addDays(to, 1), timeZone) };
}

/** Local date, weekday and hour of day of an instant. */
export function localHour(ms: number, timeZone: string): { date: string; weekday: number; hour: number } {
  const t = localTime(ms, timeZone);
  return { date: t.date, weekday: t.weekday, hour: Number(t.time.slice(0, 2)) };
}
