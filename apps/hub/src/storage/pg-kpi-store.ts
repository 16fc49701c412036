// The shared KPI query on PostgreSQL: the hub's events table, halls and hall_services.
import { kpiGroupOfRow, kpiParams, kpiSql, type KpiDialect, type KpiGroup, type KpiGrouping, type KpiParam, type KpiRange, type KpiRow, type KpiStore } from '@hallq/shared';
import type { Pool } from 'pg';

const TYPES: Record<KpiParam, string> = {
  from: 'text', to: 'text', toNext: 'text', lo: 'bigint', hi: 'bigint', hiLife: 'bigint', hiRating: 'bigint', hall: 'text', now: 'bigint',
};
const path = (p: readonly string[]) => `e.payload #>> '{${p.join(',')}}'`;
const ts = (at: string, tz: string) => `to_timestamp(${at} / 1000.0) AT TIME ZONE ${tz}`;

export const POSTGRES_KPI_DIALECT: KpiDialect = {
  jsonText: (p) => path(p),
  jsonInt: (p) => `(${path(p)})::int`,
  jsonBool: (p) => `CASE ${path(p)} WHEN 'true' THEN 1 WHEN 'false' THEN 0 END`,
  localDate: (at, tz) => `to_char(${ts(at, tz)}, 'YYYY-MM-DD')`,
  localHour: (at, tz) => `EXTRACT(HOUR FROM ${ts(at, tz)})::int`,
  localWeekday: (at, tz) => `EXTRACT(ISODOW FROM ${ts(at, tz)})::int`,
  dayStart: (date, tz) => `(EXTRACT(EPOCH FROM ((${date})::date::timestamp AT TIME ZONE ${tz})) * 1000)::bigint`,
  hallsRelation: 'SELECT id AS hall_id, timezone, wait_target_seconds FROM halls',
  servicesRelation: 'SELECT hall_id, service_id, wait_target_seconds, module_id FROM hall_services',
  // The hub keeps no staff catalogue: a visit's organisation is the one recorded on its call.
  staffRelation: 'SELECT NULL::text AS hall_id, NULL::text AS staff_id, NULL::text AS organisation_id WHERE false',
  // Named here, numbered below in order of first use: PostgreSQL refuses a parameter it cannot type.
  param: (name) => `{{${name}}}`,
  materialized: '',
};

interface Prepared {
  sql: string;
  params: KpiParam[];
}

const PREPARED = new Map<KpiGrouping, Prepared>();

function prepare(grouping: KpiGrouping): Prepared {
  let p = PREPARED.get(grouping);
  if (p) return p;
  const params: KpiParam[] = [];
  const sql = kpiSql(POSTGRES_KPI_DIALECT, grouping).replace(/\{\{(\w+)\}\}/g, (_m, name: KpiParam) => {
    if (!params.includes(name)) params.push(name);
    return `$${params.indexOf(name) + 1}::${TYPES[name]}`;
  });
  PREPARED.set(grouping, (p = { sql, params }));
  return p;
}

export class PostgresKpiStore implements KpiStore {
  constructor(private readonly pool: Pool) {}

  async aggregates(range: KpiRange, grouping: KpiGrouping): Promise<KpiGroup[]> {
    const { sql, params } = prepare(grouping);
    const values = kpiParams(range);
    const { rows } = await this.pool.query<KpiRow>(sql, params.map((k) => values[k]));
    return rows.map(kpiGroupOfRow);
  }
}
