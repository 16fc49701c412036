// How waits, hours and times read on a kiosk and a phone.
import { waitShown, type OpeningHours, type WaitRange } from '@hallq/shared';
import type { Translate } from '../i18n';

/** Whole minutes, rounded up: a visitor told "about 3 min" should not wait 3 min 50 s. */
export function waitMinutes(seconds: number): number {
  return seconds <= 0 ? 0 : Math.ceil(seconds / 60);
}

/** "No one ahead", "1 person ahead", "3 people ahead" (English plurals; Chinese has one form). */
export function peopleAheadText(t: Translate, n: number): string {
  if (n <= 0) return t('peopleAheadNone');
  return n === 1 ? t('peopleAheadOne', { n }) : t('peopleAheadMany', { n });
}

/** The "N waiting · about 15–25 min" line on a service tile (the single figure without a range). */
export function waitLine(t: Translate, waiting: number, estimatedWaitSeconds: number | null, range?: WaitRange | null): string {
  if (estimatedWaitSeconds === null) return t('waitUnknown', { n: waiting });
  if (waiting === 0 && estimatedWaitSeconds <= 0) return t('waitNone');
  const shown = waitShown(estimatedWaitSeconds, range);
  switch (shown.kind) {
    case 'range':
      return t('waitLineRange', { n: waiting, low: shown.lowMinutes, high: shown.highMinutes });
    case 'within':
      return t('waitLineWithin', { n: waiting, m: shown.highMinutes });
    case 'under-minute':
      return t('waitLineUnderMinute', { n: waiting });
    case 'about':
      return t('waitLine', { n: waiting, m: shown.minutes });
    case 'unknown':
      return t('waitUnknown', { n: waiting });
  }
}

/** A ticket's wait: "预计等候 15–25 分钟" / "About 15–25 min", the single figure without a range. */
export function waitText(t: Translate, estimatedWaitSeconds: number | null, range?: WaitRange | null): string {
  const shown = waitShown(estimatedWaitSeconds, range);
  switch (shown.kind) {
    case 'range':
      return t('estimatedWaitRange', { low: shown.lowMinutes, high: shown.highMinutes });
    case 'within':
      return t('estimatedWaitWithin', { m: shown.highMinutes });
    case 'under-minute':
      return t('estimatedWaitUnderMinute');
    case 'about':
      return t('estimatedWait', { m: shown.minutes });
    case 'unknown':
      return t('estimateUnknown');
  }
}

function dayRange(t: Translate, days: number[]): string {
  const names = t('weekdays').split(',');
  const sorted = [...days].sort((a, b) => a - b);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === undefined || last === undefined) return '';
  const name = (d: number): string => names[d - 1] ?? String(d);
  const contiguous = sorted.every((d, i) => d === first + i);
  if (sorted.length === 1) return t('weekdaySingle', { day: name(first) });
  if (contiguous) return t('weekdayRange', { from: name(first), to: name(last) });
  return sorted.map((d) => t('weekdaySingle', { day: name(d) })).join('、');
}

/** e.g. "周一至周五 08:30–17:30" / "Mon–Fri 08:30–17:30". */
export function formatOpeningHours(t: Translate, hours: OpeningHours): string {
  if (hours === null || hours.length === 0) return t('hoursAllDay');
  return hours.map((p) => `${dayRange(t, p.days)} ${p.open}–${p.close}`).join('; ');
}

/** "2025-11-25 09:30" in the hall's timezone, as printed on the ticket. */
export function formatLocalTime(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** "张三丰" -> "张**": the name read off an ID card, as the kiosk screen shows it to passers-by. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return chars.join('');
  return chars[0] + '*'.repeat(chars.length - 1);
}
