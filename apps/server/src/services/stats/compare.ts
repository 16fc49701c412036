// Two periods side by side (e.g. the seed's pilot: before and after the reorganisation), with the
// change of each headline KPI. `change` is after - before; `relativeChange` is that over before
// (null when before is 0 or either side has no figure).
import type { HallStats } from './stats-service';

export const COMPARED_KPIS = [
  'issued',
  'served',
  'noShow',
  'cancelled',
  'waitSeconds.mean',
  'waitSeconds.p50',
  'waitSeconds.p90',
  'waitSeconds.max',
  'withinTargetShare',
  'serviceSeconds.mean',
  'firstTimeAcceptedShare',
  'ratings.count',
  'ratings.satisfiedShare',
  'ratings.bad',
  'followUps.rectificationRate',
] as const;
export type ComparedKpi = (typeof COMPARED_KPIS)[number];

export interface KpiChange {
  kpi: ComparedKpi;
  before: number | null;
  after: number | null;
  change: number | null;
  relativeChange: number | null;
}

export interface StatsComparison {
  before: HallStats;
  after: HallStats;
  changes: KpiChange[];
}

export function kpiValue(stats: HallStats, kpi: ComparedKpi): number | null {
  let v: unknown = stats;
  for (const part of kpi.split('.')) v = (v as Record<string, unknown> | null)?.[part];
  return typeof v === 'number' ? v : null;
}

export function compareStats(before: HallStats, after: HallStats): StatsComparison {
  const changes = COMPARED_KPIS.map((kpi): KpiChange => {
    const b = kpiValue(before, kpi);
    const a = kpiValue(after, kpi);
    const change = a === null || b === null ? null : a - b;
    return { kpi, before: b, after: a, change, relativeChange: change === null || b === 0 || b === null ? null : change / b };
  });
  return { before, after, changes };
}
