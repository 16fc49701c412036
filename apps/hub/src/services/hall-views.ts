// The citizens' "which hall now" list and each hall's live figures, read from PostgreSQL.
import type { Pool } from 'pg';

export interface ServiceNow {
  id: string;
  name: { zh?: string; en?: string };
  waiting: number;
  estimatedWaitSeconds: number | null;
}

export interface HallNow {
  id: string;
  name: string;
  district: string | null;
  location: { lat: number; lng: number } | null;
  online: boolean;
  lastEventAt: string | null;
  lastContactAt: string | null;
  ackSeq: number;
  waiting: number;
  waitTargetSeconds: number;
  /** The hall's own public page (remote queue), when the hall told the hub where it is reached. */
  publicPageUrl: string | null;
  services: ServiceNow[];
}

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

export async function hallsNow(pool: Pool, now: number, offlineAfterMs: number, hallId?: string): Promise<HallNow[]> {
  const where = hallId === undefined ? '' : 'WHERE hall_id = $1';
  const args = hallId === undefined ? [] : [hallId];
  const [halls, waiting, services] = await Promise.all([
    pool.query<HallRow>(
      `SELECT id, name, district, lat, lng, ack_seq, last_event_at, last_contact_at, wait_target_seconds, public_url FROM halls ${hallId === undefined ? '' : 'WHERE id = $1'} ORDER BY id`,
      args,
    ),
    pool.query<{ hall_id: string; service_id: string; n: string }>(`SELECT hall_id, service_id, count(*) AS n FROM waiting_tickets ${where} GROUP BY hall_id, service_id`, args),
    pool.query<{ hall_id: string; service_id: string; name: ServiceNow['name']; estimated_wait_seconds: number | null }>(
      `SELECT hall_id, service_id, name, estimated_wait_seconds FROM hall_services ${where}`,
      args,
    ),
  ]);
  const byHall = new Map<string, Map<string, ServiceNow>>();
  const serviceOf = (h: string, s: string): ServiceNow => {
    let m = byHall.get(h);
    if (!m) byHall.set(h, (m = new Map()));
    let v = m.get(s);
    if (!v) m.set(s, (v = { id: s, name: {}, waiting: 0, estimatedWaitSeconds: null }));
    return v;
  };
  for (const r of services.rows) Object.assign(serviceOf(r.hall_id, r.service_id), { name: r.name, estimatedWaitSeconds: r.estimated_wait_seconds });
  for (const r of waiting.rows) serviceOf(r.hall_id, r.service_id).waiting = Number(r.n);
  return halls.rows.map((h) => {
    const list = [...(byHall.get(h.id)?.values() ?? [])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return {
      id: h.id,
      name: h.name,
      district: h.district,
      location: h.lat === null || h.lng === null ? null : { lat: h.lat, lng: h.lng },
      online: h.last_contact_at !== null && now - Number(h.last_contact_at) <= offlineAfterMs,
      lastEventAt: iso(h.last_event_at),
      lastContactAt: iso(h.last_contact_at),
      ackSeq: Number(h.ack_seq),
      waiting: list.reduce((s, x) => s + x.waiting, 0),
      waitTargetSeconds: h.wait_target_seconds,
      publicPageUrl: h.public_url === null ? null : `${h.public_url.replace(/\/+$/, '')}/h/${encodeURIComponent(h.id)}`,
      services: list,
    };
  });
}
