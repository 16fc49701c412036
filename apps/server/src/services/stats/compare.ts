// Two periods side by side (e.g. the seed's pilot: before and after the reorganisation), with the
// change of each headline KPI. `change` is after - before; `relativeChange` is that over before
// (null when before is 0 or either side has no figure).
import { COMPARED_KPIS, type ComparedKpi, type HallStats, type KpiChange, type StatsComparison } from '@hallq/shared';

export { COMPARED_KPIS } from '@hallq/shared';
export type { ComparedKpi, KpiChange, StatsComparison } from '@hallq/shared';

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
