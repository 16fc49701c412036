// The shared KPI query on PostgreSQL: the hub's events table, halls and hall_services.
import { aggregatesOfRow, kpiParams, kpiSql, type KpiDialect, type KpiGroup, type KpiGrouping, type KpiParam, type KpiRange, type KpiRow, type KpiStore } from '@hallq/shared';
import type { Pool } from 'pg';

const ORDER: KpiParam[] = ['from', 'to', 'lo', 'hi', 'hiLife', 'hiRating', 'hall'];
const TYPES: Record<KpiParam, string> = { from: 'text', to: 'text', lo: 'bigint', hi: 'bigint', hiLife: 'bigint', hiRating: 'bigint', hall: 'text' };
const path = (p: readonly string[]) => `e.payload #>> '{${p.join(',')}}'`;

export const POSTGRES_KPI_DIALECT: KpiDialect = {
  jsonText: (p) => path(p),
  jsonInt: (p) => `(${path(p)})::int`,
  jsonBool: (p) => `CASE ${path(p)} WHEN 'true' THEN 1 WHEN 'false' THEN 0 END`,
  localDate: (at, tz) => `to_char(to_timestamp(${at} / 1000.0) AT TIME ZONE ${tz}, 'YYYY-MM-DD')`,
  localHour: (at, tz) => `EXTRACT(HOUR FROM to_timestamp(${at} / 1000.0) AT TIME ZONE ${tz})::int`,
  hallsRelation: 'SELECT id AS hall_id, timezone, wait_target_seconds FROM halls',
  servicesRelation: 'SELECT hall_id, service_id, wait_target_seconds FROM hall_services',
  param: (name) => `$${ORDER.indexOf(name) + 1}::${TYPES[name]}`,
};

const SQL = new Map<KpiGrouping, string>();

export class PostgresKpiStore implements KpiStore {
  constructor(private readonly pool: Pool) {}

  async aggregates(range: KpiRange, grouping: KpiGrouping): Promise<KpiGroup[]> {
    let sql = SQL.get(grouping);
    if (!sql) SQL.set(grouping, (sql = kpiSql(POSTGRES_KPI_DIALECT, grouping)));
    const params = kpiParams(range);
    const { rows } = await this.pool.query<KpiRow>(sql, ORDER.map((k) => params[k]));
    return rows.map((r) => ({ k1: String(r.k1), k2: String(r.k2), aggregates: aggregatesOfRow(r) }));
  }
}
