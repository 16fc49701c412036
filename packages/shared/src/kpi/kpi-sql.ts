// The KPI definitions of figures.ts as one SQL query over an `events` table (hall_id, seq, type,
// at in ms, payload JSON without seq/type/at), the same text for SQLite (the hall) and PostgreSQL
// (the city hub) but for what a dialect spells differently: JSON access, local time, parameters.
import { LIFECYCLE_SLACK_MS, RATING_SLACK_MS, type FigureAggregates } from './figures';

export interface KpiDialect {
  /** SQL text of `payload` at a JSON path (text, or NULL). */
  jsonText(path: readonly string[]): string;
  /** SQL integer of `payload` at a JSON path. */
  jsonInt(path: readonly string[]): string;
  /** SQL 1 / 0 / NULL of a JSON boolean of `payload`. */
  jsonBool(path: readonly string[]): string;
  /** Local date 'YYYY-MM-DD' / hour 0..23 of `atMs` (SQL ms expression) in timezone `tz` (SQL). */
  localDate(atMs: string, tz: string): string;
  localHour(atMs: string, tz: string): string;
  /** SELECT giving (hall_id, timezone, wait_target_seconds) of every hall. */
  hallsRelation: string;
  /** SELECT giving (hall_id, service_id, wait_target_seconds) of every service (target may be NULL). */
  servicesRelation: string;
  /** Placeholder of the named parameter. */
  param(name: KpiParam): string;
}

export type KpiParam = 'from' | 'to' | 'lo' | 'hiLife' | 'hiRating' | 'hi' | 'hall';
export type KpiGrouping = 'total' | 'hall' | 'service' | 'hour' | 'date';

export interface KpiRange {
  /** local dates, inclusive */
  from: string;
  to: string;
  /** one hall, or every hall */
  hallId: string | null;
}

const HOUR = 3600_000;

/** Parameter values of a range: a coarse UTC window (every offset is within -12h..+14h) around the local dates. */
export function kpiParams(range: KpiRange): Record<KpiParam, string | number | null> {
  const lo = Date.parse(`${range.from}T00:00:00Z`) - 15 * HOUR;
  const hi = Date.parse(`${range.to}T00:00:00Z`) + 24 * HOUR + 15 * HOUR;
  return { from: range.from, to: range.to, lo, hi, hiLife: hi + LIFECYCLE_SLACK_MS, hiRating: hi + RATING_SLACK_MS, hall: range.hallId };
}

const KEYS: Record<KpiGrouping, [string, string]> = {
  total: ["'all'", "''"],
  hall: ['f.hall_id', "''"],
  service: ['f.hall_id', 'f.service_id'],
  hour: ['f.local_hour', "''"],
  date: ['f.local_date', "''"],
};

/** Nearest rank ceil(p * n) in integer arithmetic, the same in both engines (p = a / 10). */
const rank = (tenths: number) => `((${tenths} * n + 9) / 10)`;

export function kpiSql(d: KpiDialect, grouping: KpiGrouping): string {
  const p = (n: KpiParam) => d.param(n);
  const hallFilter = `(${p('hall')} IS NULL OR e.hall_id = ${p('hall')})`;
  const [k1, k2] = KEYS[grouping];
  return `
WITH hz AS (${d.hallsRelation}),
st AS (${d.servicesRelation}),
tk AS (
  SELECT e.hall_id AS hall_id, ${d.jsonText(['ticket', 'id'])} AS ticket_id, ${d.jsonText(['ticket', 'serviceId'])} AS service_id, e.at AS issued_at,
    ${d.localDate('e.at', 'hz.timezone')} AS local_date, ${d.localHour('e.at', 'hz.timezone')} AS local_hour, hz.wait_target_seconds AS hall_target
  FROM events e JOIN hz ON hz.hall_id = e.hall_id
  WHERE e.type = 'ticket.issued' AND e.at >= ${p('lo')} AND e.at < ${p('hi')} AND ${hallFilter}
),
t AS (
  SELECT tk.hall_id, tk.ticket_id, tk.service_id, tk.issued_at, tk.local_date, tk.local_hour, COALESCE(st.wait_target_seconds, tk.hall_target) AS target
  FROM tk LEFT JOIN st ON st.hall_id = tk.hall_id AND st.service_id = tk.service_id
  WHERE tk.local_date >= ${p('from')} AND tk.local_date <= ${p('to')}
),
ev AS (
  SELECT e.hall_id AS hall_id, ${d.jsonText(['ticketId'])} AS ticket_id, e.seq AS seq, e.type AS type, e.at AS at,
    ${d.jsonBool(['firstTimeAccepted'])} AS fta, ${d.jsonInt(['level'])} AS level, ${d.jsonInt(['waitTargetSeconds'])} AS wt
  FROM events e
  WHERE e.at >= ${p('lo')} AND ${hallFilter} AND (
    (e.type IN ('ticket.called', 'ticket.started', 'ticket.completed', 'ticket.no_show', 'ticket.transferred', 'ticket.cancelled') AND e.at < ${p('hiLife')})
    OR (e.type = 'ticket.rated' AND e.at < ${p('hiRating')}))
),
tev AS (SELECT ev.* FROM ev JOIN t ON t.hall_id = ev.hall_id AND t.ticket_id = ev.ticket_id),
fc AS (
  SELECT hall_id, ticket_id, at AS first_called, wt AS called_target FROM (
    SELECT hall_id, ticket_id, at, wt, ROW_NUMBER() OVER (PARTITION BY hall_id, ticket_id ORDER BY seq) AS rn FROM tev WHERE type = 'ticket.called'
  ) x WHERE rn = 1
),
lst AS (
  SELECT hall_id, ticket_id, type FROM (
    SELECT hall_id, ticket_id, type, ROW_NUMBER() OVER (PARTITION BY hall_id, ticket_id ORDER BY seq DESC) AS rn FROM tev WHERE type <> 'ticket.rated'
  ) x WHERE rn = 1
),
rt AS (
  SELECT hall_id, ticket_id, level FROM (
    SELECT hall_id, ticket_id, level, ROW_NUMBER() OVER (PARTITION BY hall_id, ticket_id ORDER BY seq) AS rn FROM tev WHERE type = 'ticket.rated'
  ) x WHERE rn = 1
),
f AS (
  SELECT t.*, COALESCE(fc.called_target, t.target) AS wait_target, fc.first_called - t.issued_at AS wait_ms, lst.type AS last_type, rt.level AS level
  FROM t LEFT JOIN fc ON fc.hall_id = t.hall_id AND fc.ticket_id = t.ticket_id
  LEFT JOIN lst ON lst.hall_id = t.hall_id AND lst.ticket_id = t.ticket_id
  LEFT JOIN rt ON rt.hall_id = t.hall_id AND rt.ticket_id = t.ticket_id
),
fk AS (SELECT f.*, ${k1} AS k1, ${k2} AS k2 FROM f),
base AS (
  SELECT k1, k2, COUNT(*) AS issued,
    SUM(CASE WHEN last_type = 'ticket.completed' THEN 1 ELSE 0 END) AS served,
    SUM(CASE WHEN last_type = 'ticket.no_show' THEN 1 ELSE 0 END) AS no_show,
    SUM(CASE WHEN last_type = 'ticket.cancelled' THEN 1 ELSE 0 END) AS cancelled,
    COUNT(wait_ms) AS wait_count, COALESCE(SUM(wait_ms), 0) AS wait_sum,
    SUM(CASE WHEN wait_ms IS NOT NULL AND wait_ms <= wait_target * 1000 THEN 1 ELSE 0 END) AS wait_within, MAX(wait_ms) AS wait_max,
    SUM(CASE WHEN level = 1 THEN 1 ELSE 0 END) AS l1, SUM(CASE WHEN level = 2 THEN 1 ELSE 0 END) AS l2, SUM(CASE WHEN level = 3 THEN 1 ELSE 0 END) AS l3,
    SUM(CASE WHEN level = 4 THEN 1 ELSE 0 END) AS l4, SUM(CASE WHEN level = 5 THEN 1 ELSE 0 END) AS l5
  FROM fk GROUP BY k1, k2
),
wr AS (SELECT k1, k2, wait_ms AS v, ROW_NUMBER() OVER (PARTITION BY k1, k2 ORDER BY wait_ms) AS rn, COUNT(*) OVER (PARTITION BY k1, k2) AS n FROM fk WHERE wait_ms IS NOT NULL),
wp AS (SELECT k1, k2, MAX(CASE WHEN rn = ${rank(5)} THEN v END) AS p50, MAX(CASE WHEN rn = ${rank(9)} THEN v END) AS p90 FROM wr GROUP BY k1, k2),
vis AS (
  SELECT hall_id, ticket_id, type, at, LEAD(type) OVER (PARTITION BY hall_id, ticket_id ORDER BY seq) AS next_type,
    LEAD(at) OVER (PARTITION BY hall_id, ticket_id ORDER BY seq) AS next_at
  FROM tev WHERE type <> 'ticket.rated'
),
sv AS (
  SELECT fk.k1 AS k1, fk.k2 AS k2, vis.next_at - vis.at AS v FROM vis JOIN fk ON fk.hall_id = vis.hall_id AND fk.ticket_id = vis.ticket_id
  WHERE vis.type = 'ticket.started' AND vis.next_type IN ('ticket.completed', 'ticket.transferred')
),
sr AS (SELECT k1, k2, v, ROW_NUMBER() OVER (PARTITION BY k1, k2 ORDER BY v) AS rn, COUNT(*) OVER (PARTITION BY k1, k2) AS n FROM sv),
sp AS (
  SELECT k1, k2, COUNT(*) AS service_count, SUM(v) AS service_sum, MAX(CASE WHEN rn = ${rank(5)} THEN v END) AS p50, MAX(CASE WHEN rn = ${rank(9)} THEN v END) AS p90
  FROM sr GROUP BY k1, k2
),
vx AS (
  SELECT fk.k1 AS k1, fk.k2 AS k2,
    SUM(CASE WHEN tev.type = 'ticket.transferred' THEN 1 ELSE 0 END) AS transferred,
    SUM(CASE WHEN tev.type = 'ticket.completed' AND tev.fta IS NOT NULL THEN 1 ELSE 0 END) AS flagged,
    SUM(CASE WHEN tev.type = 'ticket.completed' AND tev.fta = 1 THEN 1 ELSE 0 END) AS accepted
  FROM tev JOIN fk ON fk.hall_id = tev.hall_id AND fk.ticket_id = tev.ticket_id GROUP BY fk.k1, fk.k2
)
SELECT base.*, wp.p50 AS wait_p50, wp.p90 AS wait_p90, sp.service_count, sp.service_sum, sp.p50 AS service_p50, sp.p90 AS service_p90,
  vx.transferred, vx.flagged, vx.accepted
FROM base
LEFT JOIN wp ON wp.k1 = base.k1 AND wp.k2 = base.k2
LEFT JOIN sp ON sp.k1 = base.k1 AND sp.k2 = base.k2
LEFT JOIN vx ON vx.k1 = base.k1 AND vx.k2 = base.k2
ORDER BY base.k1, base.k2`;
}

/** A result row of kpiSql, as either driver returns it (numbers may come as strings). */
export type KpiRow = Record<string, unknown> & { k1: unknown; k2: unknown };

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
