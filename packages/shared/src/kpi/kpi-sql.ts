// The KPI definitions of figures.ts as one SQL query over an `events` table (hall_id, seq, type,
// at in ms, payload JSON without seq/type/at), the same text for SQLite (the hall) and PostgreSQL
// (the city hub) but for what a dialect spells differently: JSON access, local time, parameters.
import { nextDate } from '../calendar-dates';
import { LIFECYCLE_SLACK_MS, RATING_SLACK_MS } from './figures';

export interface KpiDialect {
  /** SQL text of `payload` at a JSON path (text, or NULL). */
  jsonText(path: readonly string[]): string;
  /** SQL integer of `payload` at a JSON path. */
  jsonInt(path: readonly string[]): string;
  /** SQL 1 / 0 / NULL of a JSON boolean of `payload`. */
  jsonBool(path: readonly string[]): string;
  /** Local date 'YYYY-MM-DD' / hour 0..23 / ISO weekday 1 (Monday)..7 of `atMs` (SQL ms expression) in timezone `tz` (SQL). */
  localDate(atMs: string, tz: string): string;
  localHour(atMs: string, tz: string): string;
  localWeekday(atMs: string, tz: string): string;
  /** Ms since the epoch of the first instant of local date `date` (SQL 'YYYY-MM-DD') in timezone `tz`. */
  dayStart(date: string, tz: string): string;
  /** SELECT giving (hall_id, timezone, wait_target_seconds) of every hall. */
  hallsRelation: string;
  /** SELECT giving (hall_id, service_id, wait_target_seconds, module_id) of every service (target and module may be NULL). */
  servicesRelation: string;
  /** SELECT giving (hall_id, staff_id, organisation_id) of every staff member the store knows (may be none). */
  staffRelation: string;
  /** Placeholder of the named parameter. */
  param(name: KpiParam): string;
  /**
   * `MATERIALIZED ` where the engine would otherwise inline the query's steps into one another
   * (SQLite does, and then runs a step once per row of the next: minutes instead of a second on a
   * hall's month), or '' to leave the planner its choice (PostgreSQL).
   */
  materialized: string;
}

export type KpiParam = 'from' | 'to' | 'toNext' | 'lo' | 'hiLife' | 'hiRating' | 'hi' | 'hall' | 'now';
/** Per ticket: the whole range, by hall, service, module, local hour, local date, local weekday and hour (arrivals). */
export type KpiTicketGrouping = 'total' | 'hall' | 'service' | 'module' | 'hour' | 'date' | 'arrival';
/** Per visit (one call of a ticket to a window): by window, staff member, organisation; each keyed by hall too. */
export type KpiVisitGrouping = 'window' | 'staff' | 'organisation';
export type KpiGrouping = KpiTicketGrouping | KpiVisitGrouping;
export const KPI_VISIT_GROUPINGS: readonly KpiVisitGrouping[] = ['window', 'staff', 'organisation'];

export interface KpiRange {
  /** local dates, inclusive */
  from: string;
  to: string;
  /** one hall, or every hall */
  hallId: string | null;
  /** ms; bounds the open time of windows still open and visits not yet ended (default: the clock) */
  now?: number;
}

/** A hall's visitors without a known organisation or module. */
export const UNKNOWN_KEY = 'unknown';

const HOUR = 3600_000;

/** Parameter values of a range: a coarse UTC window (every offset is within -12h..+14h) around the local dates. */
export function kpiParams(range: KpiRange): Record<KpiParam, string | number | null> {
  const lo = Date.parse(`${range.from}T00:00:00Z`) - 15 * HOUR;
  const hi = Date.parse(`${range.to}T00:00:00Z`) + 24 * HOUR + 15 * HOUR;
  return {
    from: range.from, to: range.to, toNext: nextDate(range.to), lo, hi,
    hiLife: hi + LIFECYCLE_SLACK_MS, hiRating: hi + RATING_SLACK_MS, hall: range.hallId, now: range.now ?? Date.now(),
  };
}

const KEYS: Record<KpiTicketGrouping, [string, string]> = {
  total: ["'all'", "''"],
  hall: ['f.hall_id', "''"],
  service: ['f.hall_id', 'f.service_id'],
  module: ['f.hall_id', 'f.module_id'],
  hour: ['f.local_hour', "''"],
  date: ['f.local_date', "''"],
  arrival: ['f.local_weekday', 'f.local_hour'],
};

/** Nearest rank ceil(p * n) in integer arithmetic, the same in both engines (p = a / 10). */
const rank = (tenths: number) => `((${tenths} * n + 9) / 10)`;
const least = (a: string, b: string) => `(CASE WHEN ${a} < ${b} THEN ${a} ELSE ${b} END)`;
const greatest = (a: string, b: string) => `(CASE WHEN ${a} > ${b} THEN ${a} ELSE ${b} END)`;
/** Length of [a, b) within [start, end), 0 when they do not meet. */
const overlap = (a: string, b: string, start: string, end: string) =>
  `(CASE WHEN ${least(b, end)} > ${greatest(a, start)} THEN ${least(b, end)} - ${greatest(a, start)} ELSE 0 END)`;

/** The tickets issued on the range's local dates (t) and their lifecycle and rating events (tev). */
function ticketCtes(d: KpiDialect): string {
  const p = (n: KpiParam) => d.param(n);
  const m = d.materialized;
  const hallFilter = `(${p('hall')} IS NULL OR e.hall_id = ${p('hall')})`;
  return `
WITH hz AS (${d.hallsRelation}),
st AS (${d.servicesRelation}),
sf AS (${d.staffRelation}),
tk AS ${m}(
  SELECT e.hall_id AS hall_id, ${d.jsonText(['ticket', 'id'])} AS ticket_id, ${d.jsonText(['ticket', 'serviceId'])} AS service_id, e.at AS issued_at,
    ${d.localDate('e.at', 'hz.timezone')} AS local_date, ${d.localHour('e.at', 'hz.timezone')} AS local_hour,
    ${d.localWeekday('e.at', 'hz.timezone')} AS local_weekday, hz.wait_target_seconds AS hall_target
  FROM events e JOIN hz ON hz.hall_id = e.hall_id
  WHERE e.type = 'ticket.issued' AND e.at >= ${p('lo')} AND e.at < ${p('hi')} AND ${hallFilter}
),
t AS ${m}(
  SELECT tk.hall_id, tk.ticket_id, tk.service_id, tk.issued_at, tk.local_date, tk.local_hour, tk.local_weekday,
    COALESCE(st.wait_target_seconds, tk.hall_target) AS target, COALESCE(st.module_id, '${UNKNOWN_KEY}') AS module_id
  FROM tk LEFT JOIN st ON st.hall_id = tk.hall_id AND st.service_id = tk.service_id
  WHERE tk.local_date >= ${p('from')} AND tk.local_date <= ${p('to')}
),
ev AS ${m}(
  SELECT e.hall_id AS hall_id, ${d.jsonText(['ticketId'])} AS ticket_id, e.seq AS seq, e.type AS type, e.at AS at,
    ${d.jsonBool(['firstTimeAccepted'])} AS fta, ${d.jsonInt(['level'])} AS level, ${d.jsonInt(['waitTargetSeconds'])} AS wt,
    ${d.jsonText(['serviceId'])} AS service_id, ${d.jsonText(['windowId'])} AS window_id, ${d.jsonInt(['windowNumber'])} AS window_number,
    ${d.jsonText(['staffId'])} AS staff_id, ${d.jsonText(['organisationId'])} AS org_id
  FROM events e
  WHERE e.at >= ${p('lo')} AND ${hallFilter} AND (
    (e.type IN ('ticket.called', 'ticket.started', 'ticket.completed', 'ticket.no_show', 'ticket.transferred', 'ticket.requeued', 'ticket.cancelled') AND e.at < ${p('hiLife')})
    OR (e.type = 'ticket.rated' AND e.at < ${p('hiRating')}))
),
tev AS ${m}(SELECT ev.* FROM ev JOIN t ON t.hall_id = ev.hall_id AND t.ticket_id = ev.ticket_id),
rt AS ${m}(
  SELECT hall_id, ticket_id, seq, level, window_id, staff_id FROM (
    SELECT hall_id, ticket_id, seq, level, window_id, staff_id, ROW_NUMBER() OVER (PARTITION BY hall_id, ticket_id ORDER BY seq) AS rn FROM tev WHERE type = 'ticket.rated'
  ) x WHERE rn = 1
)`;
}

/** Aggregates of `src` (k1, k2, wait_ms, wait_target, service_ms) into wait and service percentiles. */
function percentileCtes(src: string, serviceSrc: string, m: string): string {
  return `
wr AS ${m}(SELECT k1, k2, wait_ms AS v, ROW_NUMBER() OVER (PARTITION BY k1, k2 ORDER BY wait_ms) AS rn, COUNT(*) OVER (PARTITION BY k1, k2) AS n FROM ${src} WHERE wait_ms IS NOT NULL),
wp AS ${m}(SELECT k1, k2, MAX(CASE WHEN rn = ${rank(5)} THEN v END) AS p50, MAX(CASE WHEN rn = ${rank(9)} THEN v END) AS p90 FROM wr GROUP BY k1, k2),
sr AS ${m}(SELECT k1, k2, v, ROW_NUMBER() OVER (PARTITION BY k1, k2 ORDER BY v) AS rn, COUNT(*) OVER (PARTITION BY k1, k2) AS n FROM ${serviceSrc}),
sp AS ${m}(
  SELECT k1, k2, COUNT(*) AS service_count, SUM(v) AS service_sum, MAX(CASE WHEN rn = ${rank(5)} THEN v END) AS p50, MAX(CASE WHEN rn = ${rank(9)} THEN v END) AS p90
  FROM sr GROUP BY k1, k2
)`;
}

const LEVELS = `SUM(CASE WHEN level = 1 THEN 1 ELSE 0 END) AS l1, SUM(CASE WHEN level = 2 THEN 1 ELSE 0 END) AS l2, SUM(CASE WHEN level = 3 THEN 1 ELSE 0 END) AS l3,
    SUM(CASE WHEN level = 4 THEN 1 ELSE 0 END) AS l4, SUM(CASE WHEN level = 5 THEN 1 ELSE 0 END) AS l5`;

export function kpiSql(d: KpiDialect, grouping: KpiGrouping): string {
  return (KPI_VISIT_GROUPINGS as readonly string[]).includes(grouping) ? visitSql(d, grouping as KpiVisitGrouping) : ticketSql(d, grouping as KpiTicketGrouping);
}

function ticketSql(d: KpiDialect, grouping: KpiTicketGrouping): string {
  const [k1, k2] = KEYS[grouping];
  const m = d.materialized;
  return `${ticketCtes(d)},
fc AS ${m}(
  SELECT hall_id, ticket_id, at AS first_called, wt AS called_target FROM (
    SELECT hall_id, ticket_id, at, wt, ROW_NUMBER() OVER (PARTITION BY hall_id, ticket_id ORDER BY seq) AS rn FROM tev WHERE type = 'ticket.called'
  ) x WHERE rn = 1
),
lst AS ${m}(
  SELECT hall_id, ticket_id, type FROM (
    SELECT hall_id, ticket_id, type, ROW_NUMBER() OVER (PARTITION BY hall_id, ticket_id ORDER BY seq DESC) AS rn FROM tev WHERE type <> 'ticket.rated'
  ) x WHERE rn = 1
),
f AS ${m}(
  SELECT t.*, COALESCE(fc.called_target, t.target) AS wait_target, fc.first_called - t.issued_at AS wait_ms, lst.type AS last_type, rt.level AS level
  FROM t LEFT JOIN fc ON fc.hall_id = t.hall_id AND fc.ticket_id = t.ticket_id
  LEFT JOIN lst ON lst.hall_id = t.hall_id AND lst.ticket_id = t.ticket_id
  LEFT JOIN rt ON rt.hall_id = t.hall_id AND rt.ticket_id = t.ticket_id
),
fk AS ${m}(SELECT f.*, ${k1} AS k1, ${k2} AS k2 FROM f),
base AS ${m}(
  SELECT k1, k2, COUNT(*) AS issued,
    SUM(CASE WHEN last_type = 'ticket.completed' THEN 1 ELSE 0 END) AS served,
    SUM(CASE WHEN last_type = 'ticket.no_show' THEN 1 ELSE 0 END) AS no_show,
    SUM(CASE WHEN last_type = 'ticket.cancelled' THEN 1 ELSE 0 END) AS cancelled,
    COUNT(wait_ms) AS wait_count, COALESCE(SUM(wait_ms), 0) AS wait_sum,
    SUM(CASE WHEN wait_ms IS NOT NULL AND wait_ms <= wait_target * 1000 THEN 1 ELSE 0 END) AS wait_within, MAX(wait_ms) AS wait_max,
    ${LEVELS}
  FROM fk GROUP BY k1, k2
),
vis AS ${m}(
  SELECT hall_id, ticket_id, type, at, LEAD(type) OVER (PARTITION BY hall_id, ticket_id ORDER BY seq) AS next_type,
    LEAD(at) OVER (PARTITION BY hall_id, ticket_id ORDER BY seq) AS next_at
  FROM tev WHERE type <> 'ticket.rated'
),
sv AS ${m}(
  SELECT fk.k1 AS k1, fk.k2 AS k2, vis.next_at - vis.at AS v FROM vis JOIN fk ON fk.hall_id = vis.hall_id AND fk.ticket_id = vis.ticket_id
  WHERE vis.type = 'ticket.started' AND vis.next_type IN ('ticket.completed', 'ticket.transferred')
),${percentileCtes('fk', 'sv', m)},
vx AS ${m}(
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

/**
 * Per visit: a visit is one call of a ticket to a window (a recall is not a new one) until the first
 * completion, no-show, transfer or cancellation after it, or the ticket's next call. Its wait runs
 * from when the ticket joined that queue (issue, or the latest transfer or requeue before the call)
 * to the call; its target is the one recorded on the call, else its service's, else the hall's. A
 * rating counts for the window and staff member its event names, and for the organisation recorded
 * on that staff member's last call of the ticket (else the staff member's organisation now).
 */
function visitSql(d: KpiDialect, grouping: KpiVisitGrouping): string {
  const p = (n: KpiParam) => d.param(n);
  const m = d.materialized;
  const running = 'OVER (PARTITION BY hall_id, ticket_id ORDER BY seq ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)';
  const keyOf: Record<KpiVisitGrouping, { visit: string; visitWhere: string; rating: string; ratingWhere: string }> = {
    window: { visit: 'window_id', visitWhere: 'window_id IS NOT NULL', rating: 'window_id', ratingWhere: 'window_id IS NOT NULL' },
    staff: { visit: 'staff_id', visitWhere: 'staff_id IS NOT NULL', rating: 'staff_id', ratingWhere: 'staff_id IS NOT NULL' },
    organisation: { visit: 'organisation_id', visitWhere: 'staff_id IS NOT NULL', rating: 'organisation_id', ratingWhere: 'staff_id IS NOT NULL' },
  };
  const k = keyOf[grouping];
  const windows = grouping === 'window';
  const hallFilter = `(${p('hall')} IS NULL OR e.hall_id = ${p('hall')})`;
  return `${ticketCtes(d)},
seqd AS ${m}(
  SELECT tev.*, SUM(CASE WHEN type = 'ticket.called' THEN 1 ELSE 0 END) ${running} AS vno,
    MAX(CASE WHEN type IN ('ticket.transferred', 'ticket.requeued') THEN at END) ${running} AS requeued_at
  FROM tev WHERE type <> 'ticket.rated'
),
vc AS ${m}(
  SELECT s.hall_id, s.ticket_id, s.seq AS call_seq, s.vno, s.at AS called_at, COALESCE(s.requeued_at, t.issued_at) AS queued_at,
    s.service_id, s.window_id, s.window_number, s.staff_id, s.org_id, s.wt,
    LEAD(s.at) OVER (PARTITION BY s.hall_id, s.ticket_id ORDER BY s.seq) AS next_call_at
  FROM seqd s JOIN t ON t.hall_id = s.hall_id AND t.ticket_id = s.ticket_id WHERE s.type = 'ticket.called'
),
vend AS ${m}(
  SELECT hall_id, ticket_id, vno, MIN(seq) AS end_seq FROM seqd
  WHERE vno > 0 AND type IN ('ticket.completed', 'ticket.no_show', 'ticket.transferred', 'ticket.cancelled') GROUP BY hall_id, ticket_id, vno
),
vstart AS ${m}(
  SELECT s.hall_id, s.ticket_id, s.vno, MAX(s.at) AS started_at FROM seqd s
  LEFT JOIN vend ON vend.hall_id = s.hall_id AND vend.ticket_id = s.ticket_id AND vend.vno = s.vno
  WHERE s.type = 'ticket.started' AND s.vno > 0 AND (vend.end_seq IS NULL OR s.seq < vend.end_seq) GROUP BY s.hall_id, s.ticket_id, s.vno
),
vo AS ${m}(
  SELECT vc.*, COALESCE(ee.type, CASE WHEN vc.next_call_at IS NOT NULL THEN 'ticket.transferred' END) AS outcome,
    COALESCE(ee.at, vc.next_call_at) AS ended_at, ee.fta AS fta, vs.started_at,
    COALESCE(vc.wt, st.wait_target_seconds, hz.wait_target_seconds) AS wait_target,
    COALESCE(vc.org_id, sf.organisation_id, '${UNKNOWN_KEY}') AS organisation_id
  FROM vc JOIN hz ON hz.hall_id = vc.hall_id
  LEFT JOIN vend ON vend.hall_id = vc.hall_id AND vend.ticket_id = vc.ticket_id AND vend.vno = vc.vno
  LEFT JOIN seqd ee ON ee.hall_id = vc.hall_id AND ee.ticket_id = vc.ticket_id AND ee.seq = vend.end_seq
  LEFT JOIN vstart vs ON vs.hall_id = vc.hall_id AND vs.ticket_id = vc.ticket_id AND vs.vno = vc.vno
  LEFT JOIN st ON st.hall_id = vc.hall_id AND st.service_id = vc.service_id
  LEFT JOIN sf ON sf.hall_id = vc.hall_id AND sf.staff_id = vc.staff_id
),
vf AS ${m}(
  SELECT vo.*, vo.called_at - vo.queued_at AS wait_ms,
    CASE WHEN vo.started_at IS NOT NULL AND vo.ended_at IS NOT NULL AND vo.outcome IN ('ticket.completed', 'ticket.transferred') THEN vo.ended_at - vo.started_at END AS service_ms
  FROM vo
),
ro AS ${m}(
  SELECT hall_id, ticket_id, org_id FROM (
    SELECT rt.hall_id, rt.ticket_id, vf.org_id, ROW_NUMBER() OVER (PARTITION BY rt.hall_id, rt.ticket_id ORDER BY vf.call_seq DESC) AS rn
    FROM rt JOIN vf ON vf.hall_id = rt.hall_id AND vf.ticket_id = rt.ticket_id AND vf.staff_id = rt.staff_id AND vf.call_seq < rt.seq
  ) x WHERE rn = 1
),
rr AS ${m}(
  SELECT rt.hall_id, rt.window_id, rt.staff_id, rt.level, COALESCE(ro.org_id, sf.organisation_id, '${UNKNOWN_KEY}') AS organisation_id
  FROM rt LEFT JOIN ro ON ro.hall_id = rt.hall_id AND ro.ticket_id = rt.ticket_id
  LEFT JOIN sf ON sf.hall_id = rt.hall_id AND sf.staff_id = rt.staff_id
),
vk AS ${m}(
  SELECT hall_id AS k1, ${k.visit} AS k2, 1 AS visit, wait_ms, wait_target, outcome, fta, service_ms, NULL AS level FROM vf WHERE ${k.visitWhere}
  UNION ALL
  SELECT hall_id, ${k.rating}, 0, NULL, NULL, NULL, NULL, NULL, level FROM rr WHERE ${k.ratingWhere}
),
base AS ${m}(
  SELECT k1, k2, SUM(visit) AS issued,
    SUM(CASE WHEN outcome = 'ticket.completed' THEN 1 ELSE 0 END) AS served,
    SUM(CASE WHEN outcome = 'ticket.no_show' THEN 1 ELSE 0 END) AS no_show,
    SUM(CASE WHEN outcome = 'ticket.cancelled' THEN 1 ELSE 0 END) AS cancelled,
    SUM(CASE WHEN outcome = 'ticket.transferred' THEN 1 ELSE 0 END) AS transferred,
    COUNT(wait_ms) AS wait_count, COALESCE(SUM(wait_ms), 0) AS wait_sum,
    SUM(CASE WHEN wait_ms IS NOT NULL AND wait_ms <= wait_target * 1000 THEN 1 ELSE 0 END) AS wait_within, MAX(wait_ms) AS wait_max,
    SUM(CASE WHEN outcome = 'ticket.completed' AND fta IS NOT NULL THEN 1 ELSE 0 END) AS flagged,
    SUM(CASE WHEN outcome = 'ticket.completed' AND fta = 1 THEN 1 ELSE 0 END) AS accepted,
    ${LEVELS}
  FROM vk GROUP BY k1, k2
),
svk AS ${m}(SELECT k1, k2, service_ms AS v FROM vk WHERE service_ms IS NOT NULL),${percentileCtes('vk', 'svk', m)}${windows ? `,
rb AS ${m}(SELECT hall_id, ${d.dayStart(p('from'), 'timezone')} AS start_ms, ${d.dayStart(p('toNext'), 'timezone')} AS end_ms FROM hz),
wce AS ${m}(
  SELECT e.hall_id AS hall_id, ${d.jsonText(['window', 'id'])} AS window_id, ${d.jsonInt(['window', 'number'])} AS window_number,
    ${d.jsonText(['window', 'state'])} AS state, e.seq AS seq, e.at AS at
  FROM events e JOIN rb ON rb.hall_id = e.hall_id
  WHERE e.type = 'window.changed' AND e.at >= ${p('lo')} AND e.at < ${p('hi')} AND e.at >= rb.start_ms AND e.at < rb.end_ms AND ${hallFilter}
),
wtr AS ${m}(SELECT hall_id, window_id, state, seq, at, LAG(state) OVER (PARTITION BY hall_id, window_id ORDER BY seq) AS prev_state FROM wce),
wtx AS ${m}(
  SELECT hall_id, window_id, state, at, LEAD(at) OVER (PARTITION BY hall_id, window_id ORDER BY seq) AS next_at FROM wtr
  WHERE (CASE WHEN state = 'open' THEN 1 ELSE 0 END) <> (CASE WHEN prev_state = 'open' THEN 1 ELSE 0 END)
),
wopen AS ${m}(
  SELECT wtx.hall_id, wtx.window_id, SUM(${overlap('wtx.at', `COALESCE(wtx.next_at, ${p('now')})`, 'rb.start_ms', 'rb.end_ms')}) AS open_ms
  FROM wtx JOIN rb ON rb.hall_id = wtx.hall_id WHERE wtx.state = 'open' GROUP BY wtx.hall_id, wtx.window_id
),
wbusy AS ${m}(
  SELECT vf.hall_id, vf.window_id, SUM(${overlap('vf.called_at', `COALESCE(vf.ended_at, ${p('now')})`, 'rb.start_ms', 'rb.end_ms')}) AS busy_ms
  FROM vf JOIN rb ON rb.hall_id = vf.hall_id GROUP BY vf.hall_id, vf.window_id
),
wnum AS ${m}(
  SELECT hall_id, window_id, window_number FROM (
    SELECT hall_id, window_id, window_number, ROW_NUMBER() OVER (PARTITION BY hall_id, window_id ORDER BY seq) AS rn FROM wce
  ) x WHERE rn = 1
),
vnum AS ${m}(
  SELECT hall_id, window_id, window_number FROM (
    SELECT hall_id, window_id, window_number, ROW_NUMBER() OVER (PARTITION BY hall_id, window_id ORDER BY call_seq DESC) AS rn FROM vf
  ) x WHERE rn = 1
),
keys AS ${m}(SELECT k1, k2 FROM base UNION SELECT hall_id, window_id FROM wce)` : `,
keys AS ${m}(SELECT k1, k2 FROM base)`}
SELECT keys.k1 AS k1, keys.k2 AS k2, base.issued, base.served, base.no_show, base.cancelled, base.transferred, base.wait_count, base.wait_sum,
  base.wait_within, base.wait_max, base.flagged, base.accepted, base.l1, base.l2, base.l3, base.l4, base.l5,
  wp.p50 AS wait_p50, wp.p90 AS wait_p90, sp.service_count, sp.service_sum, sp.p50 AS service_p50, sp.p90 AS service_p90${windows ? `,
  COALESCE(wnum.window_number, vnum.window_number) AS window_number, COALESCE(wopen.open_ms, 0) AS open_ms, COALESCE(wbusy.busy_ms, 0) AS busy_ms` : ''}
FROM keys
LEFT JOIN base ON base.k1 = keys.k1 AND base.k2 = keys.k2
LEFT JOIN wp ON wp.k1 = keys.k1 AND wp.k2 = keys.k2
LEFT JOIN sp ON sp.k1 = keys.k1 AND sp.k2 = keys.k2${windows ? `
LEFT JOIN wopen ON wopen.hall_id = keys.k1 AND wopen.window_id = keys.k2
LEFT JOIN wbusy ON wbusy.hall_id = keys.k1 AND wbusy.window_id = keys.k2
LEFT JOIN wnum ON wnum.hall_id = keys.k1 AND wnum.window_id = keys.k2
LEFT JOIN vnum ON vnum.hall_id = keys.k1 AND vnum.window_id = keys.k2` : ''}
ORDER BY keys.k1, keys.k2`;
}
