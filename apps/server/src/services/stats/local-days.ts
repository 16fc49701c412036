// Local dates of the hall's timezone as instants: where a local day starts in UTC (it is not
// always 24 hours long: DST days are 23 or 25), the days of a range, and local clock readings.
// The stats, the planner, the booking slots and the reports all count days by these.
import { nextDate } from '@hallq/shared';
import { localTime } from '../clock';

// The calendar arithmetic is the shared one (the city hub counts days by it too).
export { addDays, datesOf, dayCount, nextDate, weekdayOf, weekdaysOf } from '@hallq/shared';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * The first instant whose local date is `date` or later. Offsets lie within -12h..+14h, and
 * zones change offset on whole minutes, so a binary search over minutes in that window finds it.
 */
export function startOfLocalDay(date: string, timeZone: string): number {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  let lo = (utcMidnight - 15 * HOUR) / MINUTE; // local date is before `date` here
  let hi = (utcMidnight + 15 * HOUR) / MINUTE; // and `date` or after here
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (localTime(mid * MINUTE, timeZone).date >= date) hi = mid;
    else lo = mid;
  }
  return hi * MINUTE;
}

/** [start, end) in ms of the local dates from..to inclusive. */
export function boundsOf(from: string, to: string, timeZone: string): { start: number; end: number } {
  return { start: startOfLocalDay(from, timeZone), end: startOfLocalDay(nextDate(to), timeZone) };
}

export interface LocalStamp {
  date: string;
  weekday: number;
  hour: number;
}

export function localStamp(ms: number, timeZone: string): LocalStamp {
  const t = localTime(ms, timeZone);
  return { date: t.date, weekday: t.weekday, hour: Number(t.time.slice(0, 2)) };
}

const full = new Map<string, Intl.DateTimeFormat>();

/** "YYYY-MM-DD HH:MM:SS" on the hall's clock, for exports read by people. */
export function localDateTime(ms: number, timeZone: string): string {
  let f = full.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    });
    full.set(timeZone, f);
  }
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(new Date(ms))) p[part.type] = part.value;
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}
