// The shared KPI query (packages/shared kpi) on the hall's own SQLite database: the same
// definitions the city hub runs on PostgreSQL, checked by the same contract cases.
import { aggregatesOfRow, kpiParams, kpiSql, type KpiDialect, type KpiGroup, type KpiGrouping, type KpiRange, type KpiRow, type KpiStore } from '@hallq/shared';
import { localStamp } from '../services/stats/local-days';
import type { Db } from './db';

const path = (p: readonly string[]) => `json_extract(e.payload, '$.${p.join('.')}')`;

export const SQLITE_KPI_DIALECT: KpiDialect = {
  jsonText: (p) => path(p),
  jsonInt: (p) => path(p),
  // JSON true/false come out of json_extract as 1/0, null as NULL.
  jsonBool: (p) => path(p),
  localDate: (at, tz) => `hallq_local_date(${at}, ${tz})`,
  localHour: (at, tz) => `hallq_local_hour(${at}, ${tz})`,
  hallsRelation: "SELECT id AS hall_id, json_extract(doc, '$.timezone') AS timezone, json_extract(doc, '$.waitTargetSeconds') AS wait_target_seconds FROM halls",
  servicesRelation: "SELECT hall_id, id AS service_id, json_extract(doc, '$.waitTargetSeconds') AS wait_target_seconds FROM services",
  param: (name) => `@${name}`,
};

/** Local time in SQL through the hall's own timezone code (SQLite has no time zones). */
export function registerLocalTimeFunctions(db: Db): void {
  db.function('hallq_local_date', { deterministic: true }, (at: unknown, tz: unknown) => localStamp(Number(at), String(tz)).date);
  db.function('hallq_local_hour', { deterministic: true }, (at: unknown, tz: unknown) => localStamp(Number(at), String(tz)).hour);
}

export class SqliteKpiStore implements KpiStore {
  private readonly statements = new Map<KpiGrouping, ReturnType<Db['prepare']>>();

  constructor(private readonly db: Db) {
    registerLocalTimeFunctions(db);
  }

  aggregates(range: KpiRange, grouping: KpiGrouping): Promise<KpiGroup[]> {
    let stmt = this.statements.get(grouping);
    if (!stmt) this.statements.set(grouping, (stmt = this.db.prepare(kpiSql(SQLITE_KPI_DIALECT, grouping))));
    const rows = stmt.all(kpiParams(range)) as KpiRow[];
    return Promise.resolve(rows.map((r) => ({ k1: String(r.k1), k2: String(r.k2), aggregates: aggregatesOfRow(r) })));
  }
}
