// Booking slots of a service on one local date, from the admin's settings (pure: time is given).
import type { BookingSlots } from '@hallq/shared';
import { localTime } from '../clock';
import { addDays, startOfLocalDay, weekdayOf } from '../stats/local-days';

const MINUTE = 60_000;

export interface Slot {
  start: number;
  end: number;
}

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The slots offered on `date` (local), whole slots only, none on a day the hall is closed. */
export function slotsOfDate(b: BookingSlots, date: string, timeZone: string, holidays: readonly string[]): Slot[] {
  if (holidays.includes(date) || !b.days.includes(weekdayOf(date))) return [];
  const dayStart = startOfLocalDay(date, timeZone);
  const out: Slot[] = [];
  for (let m = minutesOf(b.from); m + b.slotMinutes <= minutesOf(b.to); m += b.slotMinutes) {
    out.push({ start: dayStart + m * MINUTE, end: dayStart + (m + b.slotMinutes) * MINUTE });
  }
  return out;
}

/** Dates a visitor may book now: today up to `daysAhead` days later. */
export function bookableDates(b: BookingSlots, now: number, timeZone: string): string[] {
  const today = localTime(now, timeZone).date;
  const out: string[] = [];
  for (let i = 0; i <= b.daysAhead; i++) out.push(addDays(today, i));
  return out;
}

/** The slot that starts at `start` on a bookable date and has not started yet, or null. */
export function findSlot(b: BookingSlots, start: number, now: number, timeZone: string, holidays: readonly string[]): Slot | null {
  if (start <= now) return null;
  const date = localTime(start, timeZone).date;
  if (!bookableDates(b, now, timeZone).includes(date)) return null;
  return slotsOfDate(b, date, timeZone, holidays).find((s) => s.start === start) ?? null;
}
