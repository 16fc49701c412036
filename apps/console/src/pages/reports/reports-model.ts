// What the reports page reads from the server (GET /halls/:hallId/stats, /stats/compare,
// /follow-ups) and the pure shaping of it into tiles, chart series and the arrivals grid. The
// answers' types are the server's own, from @hallq/shared.
import { addDays } from '@hallq/shared';
import type { FollowUpAction, FollowUpStatus, HallStats, StatsComparison } from '@hallq/shared';

export interface DateRange {
  from: string;
  to: string;
}

/** The steps the server accepts next from a status (mirrors services/follow-up/follow-up-workflow.ts). */
export function nextActions(status: FollowUpStatus): FollowUpAction[] {
  switch (status) {
    case 'open':
      return ['assign'];
    case 'assigned':
    case 'called_back':
      return ['call_back', 'rectify', 'close', 'assign'];
    case 'rectified':
      return ['review', 'assign'];
    case 'reviewed':
      return ['close', 'assign'];
    case 'closed':
      return [];
  }
}

export function daysIn(r: DateRange): number {
  return Math.round((Date.parse(`${r.to}T00:00:00Z`) - Date.parse(`${r.from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The last `days` local dates up to today. */
export function lastDays(today: string, days: number): DateRange {
  return { from: addDays(today, -(days - 1)), to: today };
}

/** The period of the same length just before `r`: the default "before" of a comparison. */
export function previousPeriod(r: DateRange): DateRange {
  const n = daysIn(r);
  return { from: addDays(r.from, -n), to: addDays(r.from, -1) };
}

export const isRange = (r: DateRange): boolean => /^\d{4}-\d{2}-\d{2}$/.test(r.from) && /^\d{4}-\d{2}-\d{2}$/.test(r.to) && r.from <= r.to;

/** Minutes with one decimal, or null. */
export const minutes = (seconds: number | null): number | null => (seconds === null ? null : Math.round(seconds / 6) / 10);
/** A share 0..1 as a whole percentage with one decimal, or null. */
export const percent = (share: number | null): number | null => (share === null ? null : Math.round(share * 1000) / 10);

export type Tone = 'ok' | 'warn' | 'over' | 'none';

/** A wait against its target: within it is ok, up to 1.5x warns, beyond is over. */
export function waitTone(seconds: number | null, targetSeconds: number): Tone {
  if (seconds === null) return 'none';
  if (seconds <= targetSeconds) return 'ok';
  return seconds <= targetSeconds * 1.5 ? 'warn' : 'over';
}

/** A share against a goal (e.g. 90 % first-time acceptance): at or above is ok, within 10 points warns. */
export function shareTone(share: number | null, goal: number): Tone {
  if (share === null) return 'none';
  if (share >= goal) return 'ok';
  return share >= goal - 0.1 ? 'warn' : 'over';
}

export interface HourPoint {
  hour: number;
  label: string;
  meanWaitMin: number | null;
  p90WaitMin: number | null;
  targetMin: number;
  issued: number;
}

/** Mean and p90 wait by local hour of issue, every hour from the first to the last with tickets. */
export function waitByHour(stats: Pick<HallStats, 'byHour' | 'waitTargetSeconds'>): HourPoint[] {
  if (stats.byHour.length === 0) return [];
  const byHour = new Map(stats.byHour.map((h) => [h.hour, h]));
  const first = Math.min(...byHour.keys());
  const last = Math.max(...byHour.keys());
  const out: HourPoint[] = [];
  for (let hour = first; hour <= last; hour++) {
    const h = byHour.get(hour);
    out.push({
      hour,
      label: `${String(hour).padStart(2, '0')}:00`,
      meanWaitMin: minutes(h?.waitSeconds.mean ?? null),
      p90WaitMin: minutes(h?.waitSeconds.p90 ?? null),
      targetMin: minutes(stats.waitTargetSeconds)!,
      issued: h?.issued ?? 0,
    });
  }
  return out;
}

export interface ArrivalsGrid {
  hours: number[];
  /** rows[weekday - 1][hour index] = mean tickets per such day, or null when the range has no such weekday. */
  rows: Array<Array<number | null>>;
  max: number;
}

/** Arrivals by weekday x hour as the mean per day of that weekday (a range may hold several Mondays). */
export function arrivalsGrid(arrivals: HallStats['arrivals']): ArrivalsGrid {
  const hoursSeen = arrivals.cells.map((c) => c.hour);
  const first = hoursSeen.length ? Math.min(8, ...hoursSeen) : 8;
  const last = hoursSeen.length ? Math.max(17, ...hoursSeen) : 17;
  const hours = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const count = new Map(arrivals.cells.map((c) => [`${c.weekday}-${c.hour}`, c.issued]));
  let max = 0;
  const rows = [1, 2, 3, 4, 5, 6, 7].map((weekday) => {
    const days = arrivals.days[String(weekday)] ?? 0;
    return hours.map((hour) => {
      if (days === 0) return null;
      const mean = (count.get(`${weekday}-${hour}`) ?? 0) / days;
      max = Math.max(max, mean);
      return Math.round(mean * 10) / 10;
    });
  });
  return { hours, rows, max };
}

export interface TrendPoint {
  date: string;
  satisfiedPct: number | null;
  firstTimePct: number | null;
  withinTargetPct: number | null;
  issued: number;
}

export function trends(stats: Pick<HallStats, 'byDate'>): TrendPoint[] {
  return stats.byDate.map((d) => ({
    date: d.date.slice(5),
    satisfiedPct: percent(d.ratings.satisfiedShare),
    firstTimePct: percent(d.firstTimeAcceptedShare),
    withinTargetPct: percent(d.withinTargetShare),
    issued: d.issued,
  }));
}

export function utilisation(stats: Pick<HallStats, 'byWindow'>): Array<{ window: string; pct: number; served: number }> {
  return stats.byWindow
    .filter((w) => w.utilisation !== null)
    .map((w) => ({ window: w.windowNumber === null ? w.windowId : String(w.windowNumber), pct: percent(w.utilisation)!, served: w.served }));
}

/** KPIs of the before/after chart, in the unit a manager reads: minutes and percentages. */
export const COMPARED: Array<{ kpi: string; unit: 'min' | 'pct' | 'count' }> = [
  { kpi: 'waitSeconds.mean', unit: 'min' },
  { kpi: 'waitSeconds.p90', unit: 'min' },
  { kpi: 'withinTargetShare', unit: 'pct' },
  { kpi: 'firstTimeAcceptedShare', unit: 'pct' },
  { kpi: 'ratings.satisfiedShare', unit: 'pct' },
  { kpi: 'ratings.bad', unit: 'count' },
  { kpi: 'issued', unit: 'count' },
];

export function inUnit(value: number | null, unit: 'min' | 'pct' | 'count'): number | null {
  if (value === null) return null;
  return unit === 'min' ? minutes(value) : unit === 'pct' ? percent(value) : value;
}

export function comparisonRows(c: Pick<StatsComparison, 'changes'>): Array<{ kpi: string; unit: 'min' | 'pct' | 'count'; before: number | null; after: number | null; change: number | null }> {
  return COMPARED.flatMap(({ kpi, unit }) => {
    const ch = c.changes.find((x) => x.kpi === kpi);
    if (!ch) return [];
    const before = inUnit(ch.before, unit);
    const after = inUnit(ch.after, unit);
    return [{ kpi, unit, before, after, change: before === null || after === null ? null : Math.round((after - before) * 10) / 10 }];
  });
}
