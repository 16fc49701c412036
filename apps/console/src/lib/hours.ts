// Opening hours as admins type them, one period a line: "1-5 08:30 17:30" or "6,7 09:00 12:00".
import type { OpeningHours, OpeningPeriod } from '@hallq/shared';

export type HoursParse = { ok: true; hours: OpeningHours } | { ok: false; line: number };

function days(spec: string): number[] | null {
  const out = new Set<number>();
  for (const part of spec.split(',')) {
    const m = /^([1-7])(?:-([1-7]))?$/.exec(part.trim());
    if (!m) return null;
    const a = Number(m[1]);
    const b = m[2] ? Number(m[2]) : a;
    if (b < a) return null;
    for (let d = a; d <= b; d++) out.add(d);
  }
  return [...out].sort();
}

/** Empty text = open around the clock (null). */
export function parseHours(text: string): HoursParse {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  if (lines.length === 0) return { ok: true, hours: null };
  const periods: OpeningPeriod[] = [];
  for (const [i, line] of lines.entries()) {
    const m = /^(\S+)\s+(\d{2}:\d{2})\s*[-~ ]\s*(\d{2}:\d{2})$/.exec(line);
    const d = m ? days(m[1]!) : null;
    if (!m || !d || m[2]! >= m[3]!) return { ok: false, line: i + 1 };
    periods.push({ days: d, open: m[2]!, close: m[3]! });
  }
  return { ok: true, hours: periods };
}

function daysText(d: number[]): string {
  const sorted = [...d].sort();
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first !== undefined && last !== undefined && sorted.length === last - first + 1 && sorted.length > 1) return `${first}-${last}`;
  return sorted.join(',');
}

export function formatHours(hours: OpeningHours | undefined): string {
  if (!hours) return '';
  return hours.map((p) => `${daysText(p.days)} ${p.open} ${p.close}`).join('\n');
}

/** Document lines "中文 | English" <-> LocalizedText; an English side left out repeats the Chinese. */
export function parseDocuments(text: string): Array<{ zh: string; en: string }> {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [zh = '', en = ''] = l.split('|').map((s) => s.trim());
      return { zh, en: en || zh };
    });
}

export function formatDocuments(docs: ReadonlyArray<{ zh: string; en: string }> | undefined): string {
  return (docs ?? []).map((d) => `${d.zh} | ${d.en}`).join('\n');
}

const WEEKDAY: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** Whether the hall is open at `now` (its own timezone): within a weekly period and not a holiday.
 * `null` hours = open around the clock. */
export function hallOpenAt(hours: OpeningHours | undefined, holidays: readonly string[] | undefined, now: number, timeZone: string): boolean {
  const parts: Record<string, string> = {};
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', weekday: 'short', hourCycle: 'h23',
  });
  for (const p of format.formatToParts(new Date(now))) parts[p.type] = p.value;
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  if (holidays?.includes(date)) return false;
  if (hours === null || hours === undefined) return true;
  const day = WEEKDAY[parts.weekday ?? ''] ?? 0;
  const time = `${parts.hour}:${parts.minute}`;
  return hours.some((p) => p.days.includes(day) && p.open <= time && time < p.close);
}
