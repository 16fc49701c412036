// A result row of the KPI query (kpi-sql.ts) as the figures' aggregates: the same for SQLite and
// PostgreSQL, whose drivers may return numbers as strings.
import type { FigureAggregates } from './figures';

/** A result row of kpiSql, as either driver returns it (numbers may come as strings). */
export type KpiRow = Record<string, unknown> & { k1: unknown; k2: unknown };

/** A result row as a group: its keys, aggregates, and for windows their number, open and busy time. */
export function kpiGroupOfRow(r: KpiRow): { k1: string; k2: string; aggregates: FigureAggregates; window?: KpiWindowTime } {
  const group = { k1: String(r.k1), k2: String(r.k2), aggregates: aggregatesOfRow(r) };
  if (!('open_ms' in r)) return group;
  return { ...group, window: { number: numOrNull(r['window_number']), openMs: num(r['open_ms']), busyMs: num(r['busy_ms']) } };
}

export interface KpiWindowTime {
  number: number | null;
  /** signed-in time within the range */
  openMs: number;
  /** time with a called or served visitor within the range */
  busyMs: number;
}

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export function aggregatesOfRow(r: KpiRow): FigureAggregates {
  return {
    issued: num(r['issued']),
    served: num(r['served']),
    noShow: num(r['no_show']),
    cancelled: num(r['cancelled']),
    transferred: num(r['transferred']),
    waitCount: num(r['wait_count']),
    waitSumMs: num(r['wait_sum']),
    waitWithin: num(r['wait_within']),
    waitP50Ms: numOrNull(r['wait_p50']),
    waitP90Ms: numOrNull(r['wait_p90']),
    waitMaxMs: numOrNull(r['wait_max']),
    serviceCount: num(r['service_count']),
    serviceSumMs: num(r['service_sum']),
    serviceP50Ms: numOrNull(r['service_p50']),
    serviceP90Ms: numOrNull(r['service_p90']),
    acceptedFlagged: num(r['flagged']),
    accepted: num(r['accepted']),
    levels: [num(r['l1']), num(r['l2']), num(r['l3']), num(r['l4']), num(r['l5'])],
  };
}
