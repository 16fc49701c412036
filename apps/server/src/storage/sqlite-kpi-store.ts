// The shared KPI query (packages/shared kpi) on the hall's own SQLite database: the same
// definitions the city hub runs on PostgreSQL, checked by the same contract cases.
import { kpiGroupOfRow, kpiParams, kpiSql, type KpiDialect, type KpiGroup, type KpiGrouping, type KpiRange, type KpiRow, type KpiStore } from '@hallq/shared';
import { localStamp, startOfLocalDay } from '../services/stats/local-days';
import type { Db } from './db';

const path = (p: readonly string[]) => `json_extract(e.payload, '$.${p.join('.')}')`;

export const SQLITE_KPI_DIALECT: KpiDialect = {
  jsonText: (p) => path(p),
  jsonInt: (p) => path(p),
  // JSON true/false come out of json_extract as 1/0, null as NULL.
  jsonBool: (p) => path(p),
  localDate: (at, tz) => `hallq_local_date(${at}, ${tz})`,
  localHour: (at, tz) => `hallq_local_hour(${at}, ${tz})`,
  localWeekday: (at, tz) => `hallq_local_weekday(${at}, ${tz})`,
  dayStart: (date, tz) => `hallq_day_start(${date}, ${tz})`,
  hallsRelation: "SELECT id AS hall_id, json_extract(doc, '$.timezone') AS timezone, json_extract(doc, '$.waitTargetSeconds') AS wait_target_seconds FROM halls",
  servicesRelation:
    "SELECT hall_id, id AS service_id, json_extract(doc, '$.waitTargetSeconds') AS wait_target_seconds, json_extract(doc, '$.moduleId') AS module_id FROM services",
  staffRelation: "SELECT hall_id, id AS staff_id, json_extract(doc, '$.organisationId') AS organisation_id FROM staff",
  param: (name) => `@${name}`,
  materialized: 'MATERIALIZED ',
};

/** Local time in SQL through the hall's own timezone code (SQLite has no time zones). */
export function registerLocalTimeFunctions(db: Db): void {
  db.function('hallq_local_date', { deterministic: true }, (at: unknown, tz: unknown) => localStamp(Number(at), String(tz)).date);
  db.function('hallq_local_hour', { deterministic: true }, (at: unknown, tz: unknown) => localStamp(Number(at), String(tz)).hour);
  db.function('hallq_local_weekday', { deterministic: true }, (at: unknown, tz: unknown) => localStamp(Number(at), String(tz)).weekday);
  db.function('hallq_day_start', { deterministic: true }, (date: unknown, tz: unknown) => startOfLocalDay(String(date), String(tz)));
}

export class SqliteKpiStore implements KpiStore {
  private readonly statements = new Map<KpiGrouping, { stmt: ReturnType<Db['prepare']>; params: string[] }>();

  constructor(private readonly db: Db) {
    registerLocalTimeFunctions(db);
  }

  aggregates(range: KpiRange, grouping: KpiGrouping): Promise<KpiGroup[]> {
    let prepared = this.statements.get(grouping);
    if (!prepared) {
      const sql = kpiSql(SQLITE_KPI_DIALECT, grouping);
      // Only the parameters the statement names (the driver refuses others).
      prepared = { stmt: this.db.prepare(sql), params: [...new Set([...sql.matchAll(/@(\w+)/g)].map((m) => m[1]!))] };
      this.statements.set(grouping, prepared);
    }
    const all = kpiParams(range) as Record<string, unknown>;
    const rows = prepared.stmt.all(Object.fromEntries(prepared.params.map((k) => [k, all[k]]))) as KpiRow[];
    return Promise.resolve(rows.map(kpiGroupOfRow));
  }
}
