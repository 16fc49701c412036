// The citizens' "which hall now" list and each hall's live figures, read from PostgreSQL.
import type { Pool } from 'pg';
import type { HallNow, ServiceNow, WaitRange } from '@hallq/shared';
import type { LiveRanges } from './live-ranges';

export type { HallNow, ServiceNow } from '@hallq/shared';

interface HallRow {
  id: string;
  name: string;
  district: string | null;
  lat: number | null;
  lng: number | null;
  ack_seq: string;
  last_event_at: string | null;
  last_contact_at: string | null;
  wait_target_seconds: number;
  public_url: string | null;
}

const iso = (ms: string | null): string | null => (ms === null ? null : new Date(Number(ms)).toISOString());

const HALLS_NOW_SQL = `
WITH w AS (
  SELECT hall_id, service_id, count(*) AS n FROM waiting_tickets WHERE ($1::text IS NULL OR hall_id = $1) GROUP BY hall_id, service_id
),
s AS (
  SELECT COALESCE(hs.hall_id, w.hall_id) AS hall_id, COALESCE(hs.service_id, w.service_id) AS service_id,
    COALESCE(hs.name, '{}'::jsonb) AS name, hs.estimated_wait_seconds, COALESCE(w.n, 0) AS n
  FROM (SELECT * FROM hall_services WHERE ($1::text IS NULL OR hall_id = $1)) hs
  FULL JOIN w ON w.hall_id = hs.hall_id AND w.service_id = hs.service_id
),
agg AS (
  SELECT hall_id, sum(n) AS waiting,
    json_agg(json_build_object('id', service_id, 'name', name, 'waiting', n, 'estimatedWaitSeconds', estimated_wait_seconds) ORDER BY service_id) AS services
  FROM s GROUP BY hall_id
)
SELECT h.id, h.name, h.district, h.lat, h.lng, h.ack_seq, h.last_event_at, h.last_contact_at, h.wait_target_seconds, h.public_url,
  COALESCE(agg.waiting, 0) AS waiting, COALESCE(agg.services, '[]'::json) AS services
FROM halls h LEFT JOIN agg ON agg.hall_id = h.id
WHERE ($1::text IS NULL OR h.id = $1)
ORDER BY h.id`;

/** hallId -> serviceId -> range, as `LiveRanges.read` answers. */
export type KnownRanges = Map<string, Map<string, WaitRange>>;

/**
 * Every hall (or one) now, in one query; with `ranges`, each service's estimate carries the range
 * the hall last sent with it (null when it sent none, or has no estimate). `ranges` is the store
 * to read them from, or the ranges already in hand (a hall's, just written).
 */
export async function hallsNow(db: Pick<Pool, 'query'>, now: number, offlineAfterMs: number, hallId?: string, ranges?: LiveRanges | KnownRanges): Promise<HallNow[]> {
  const { rows } = await db.query<HallRow & { waiting: string; services: ServiceNow[] }>(HALLS_NOW_SQL, [hallId ?? null]);
  const known = ranges === undefined ? null : ranges instanceof Map ? ranges : await ranges.read(rows.map((h) => h.id));
  const rangeOf = (h: string, s: ServiceNow): WaitRange | null => (s.estimatedWaitSeconds === null ? null : (known?.get(h)?.get(s.id) ?? null));
  return rows.map((h) => ({
    id: h.id,
    name: h.name,
    district: h.district,
    location: h.lat === null || h.lng === null ? null : { lat: h.lat, lng: h.lng },
    online: h.last_contact_at !== null && now - Number(h.last_contact_at) <= offlineAfterMs,
    lastEventAt: iso(h.last_event_at),
    lastContactAt: iso(h.last_contact_at),
    ackSeq: Number(h.ack_seq),
    waiting: Number(h.waiting),
    waitTargetSeconds: h.wait_target_seconds,
    publicPageUrl: h.public_url === null ? null : `${h.public_url.replace(/\/+$/, '')}/h/${encodeURIComponent(h.id)}`,
    services: h.services.map((x) => ({ ...x, waiting: Number(x.waiting), ...(known ? { estimatedWaitRange: rangeOf(h.id, x) } : {}) })),
  }));
}
