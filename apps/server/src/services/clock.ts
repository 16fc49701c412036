// Time in the hall's words: the injected clock (ms since epoch) and local dates and times in the
// hall's timezone, computed with Intl so no timezone table has to be shipped.
import type { OpeningHours } from '@hallq/shared';

export type Clock = () => number;
export const systemClock: Clock = () => Date.now();

/** A clock that starts at `startMs` and runs `speed` times faster than the wall clock (rehearsals). */
export function scaledClock(startMs: number, speed: number, wall: Clock = systemClock): Clock {
  const t0 = wall();
  return () => Math.round(startMs + (wall() - t0) * speed);
}

export interface LocalTime {
  /** YYYY-MM-DD */
  date: string;
  /** 1 = Monday .. 7 = Sunday */
  weekday: number;
  /** HH:MM */
  time: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The last answer per timezone: within one minute the local date and time do not change. */
const lastMinute = new Map<string, { minute: number; value: LocalTime }>();

export function localTime(ms: number, timeZone: string): LocalTime {
  // Every timezone offset is a whole number of minutes, so a UTC minute is one local minute.
  const minute = Math.floor(ms / 60_000);
  const last = lastMinute.get(timeZone);
  if (last && last.minute === minute) return { ...last.value };
  const value = formatLocal(ms, timeZone);
  lastMinute.set(timeZone, { minute, value });
  return { ...value };
}

function formatLocal(ms: number, timeZone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) parts[p.type] = p.value;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAYS[parts.weekday ?? 'Mon'] ?? 1,
    time: `${parts.hour}:${parts.minute}`,
  };
}

/** `null` hours = open around the clock. A period closes at `close` (exclusive). */
export function isOpenAt(hours: OpeningHours, t: LocalTime): boolean {
  if (hours === null) return true;
  return hours.some((p) => p.days.includes(t.weekday) && p.open <= t.time && t.time < p.close);
}

/** Adds `n` working days to a local date: Monday..Friday that is not a holiday, or a make-up
 * working day (调休, a weekend date worked in exchange for a holiday). */
export function addWorkingDays(date: string, n: number, holidays: readonly string[], makeUpWorkdays: readonly string[] = []): string {
  const d = new Date(`${date}T00:00:00Z`);
  let left = n;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const day = d.getUTCDay();
    const iso = d.toISOString().slice(0, 10);
    if (makeUpWorkdays.includes(iso) || (day !== 0 && day !== 6 && !holidays.includes(iso))) left--;
  }
  return d.toISOString().slice(0, 10);
}
