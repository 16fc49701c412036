// Stores a batch of a hall's events exactly once, in seq order, in one transaction.
//
// Concurrency: the batch first locks its hall's row (SELECT ... FOR UPDATE). Two hub processes
// handed batches of the same hall (a retry through another process behind the load balancer)
// therefore run one after the other; the second sees the first's ackSeq and skips what is already
// stored. Halls never wait for each other. The primary key (hall_id, seq) is the last guard: a
// duplicate could only fail the transaction, never be stored twice. A process killed mid-batch
// leaves nothing: the transaction never commits and the hall sends the batch again.
//
// Commits do not wait for the WAL flush (synchronous_commit off, for these transactions only):
// the hall's own log is the record. Should PostgreSQL crash right after an answer, the last
// acknowledged batches may be missing; the hall's next batch then meets 409 seq_gap and its pusher
// sends them again from the hub's expectedSeq. Nothing is lost, and a city's peak is not bounded
// by fsyncs.
import type { Pool, PoolClient } from 'pg';
import { inTransaction } from '../storage/db';
import { HubError } from '../http/errors';
import type { HallInfo, IngestBody, IngestEvent, LiveInfo } from './ingest-schema';
import { isValidTimeZone } from './ingest-schema';
import { waitingDelta } from './waiting-delta';
import { hallsNow, type HallNow } from './hall-views';
import type { LiveRanges } from './live-ranges';

export interface IngestResult {
  ackSeq: number;
  stored: number;
  lastEventAt: number | null;
  /** The hall as it stands after this batch (for hall.updated), when anything visible changed. */
  hall: HallNow | null;
}

export async function ingestBatch(pool: Pool, hallId: string, body: IngestBody, now: number, offlineAfterMs = 60_000, ranges?: LiveRanges): Promise<IngestResult> {
  for (const e of body.events) {
    if (e.hallId !== undefined && e.hallId !== hallId) throw new HubError('validation_failed', `event ${e.seq} belongs to hall ${e.hallId}, not ${hallId}`);
  }
  if (body.hall?.timezone !== undefined && !isValidTimeZone(body.hall.timezone)) {
    throw new HubError('validation_failed', `unknown time zone ${body.hall.timezone}`);
  }
  const sorted = [...body.events].sort((a, b) => a.seq - b.seq);
  return inTransaction(pool, async (c) => {
    const locked = await c.query<{ ack_seq: string; last_event_at: string | null }>('SELECT ack_seq, last_event_at FROM halls WHERE id = $1 FOR UPDATE', [hallId]);
    const row = locked.rows[0];
    if (!row) throw new HubError('not_found', `no hall ${hallId}`);
    const ackSeq = Number(row.ack_seq);
    const fresh = sorted.filter((e) => e.seq > ackSeq);
    fresh.forEach((e, i) => {
      if (e.seq !== ackSeq + 1 + i) {
        throw new HubError('seq_gap', `expected seq ${ackSeq + 1 + i}, got ${e.seq}`, { expectedSeq: ackSeq + 1 + i, ackSeq });
      }
    });
    let lastEventAt = row.last_event_at === null ? null : Number(row.last_event_at);
    if (fresh.length > 0) lastEventAt = Math.max(lastEventAt ?? 0, ...fresh.map((e) => Date.parse(e.at)));
    const newAck = ackSeq + fresh.length;
    await writeBatch(c, hallId, fresh, { ackSeq: newAck, lastEventAt, now });
    if (body.hall) await applyHallInfo(c, hallId, body.hall);
    if (body.live) await applyLive(c, hallId, body.live);
    // The ranges go beside the estimates (the hall sends both again with its next batch, should
    // this transaction not commit). Writing them gives them back as they now stand, so the answer
    // below is built without reading them again while the hall's row is locked.
    const written = body.live && ranges ? await ranges.put(hallId, body.live.services) : null;
    const changed = fresh.length > 0 || body.live !== undefined || body.hall !== undefined;
    const known = written ? new Map([[hallId, written]]) : ranges;
    const [hall] = changed ? await hallsNow(c, now, offlineAfterMs, hallId, known) : [];
    return { ackSeq: newAck, stored: fresh.length, lastEventAt, hall: hall ?? null };
  }, 'BEGIN; SET LOCAL synchronous_commit = off');
}

/** The events, the waiting tickets they change and the hall's ackSeq: one statement, one round trip. */
async function writeBatch(c: PoolClient, hallId: string, events: IngestEvent[], hall: { ackSeq: number; lastEventAt: number | null; now: number }): Promise<void> {
  const seqs: number[] = [];
  const types: string[] = [];
  const ats: number[] = [];
  const actors: string[] = [];
  const payloads: string[] = [];
  for (const e of events) {
    const { seq, type, at, hallId: _h, actor, ...payload } = e;
    seqs.push(seq);
    types.push(type);
    ats.push(Date.parse(at));
    actors.push(JSON.stringify(actor ?? { kind: 'system', id: null }));
    payloads.push(JSON.stringify(payload));
  }
  const { waiting, gone } = waitingDelta(events);
  await c.query(
    `WITH stored AS (
       INSERT INTO events (hall_id, seq, type, at, actor, payload)
       SELECT $1, s, t, a, ac::jsonb, p::jsonb FROM unnest($2::bigint[], $3::text[], $4::bigint[], $5::text[], $6::text[]) AS x(s, t, a, ac, p)
     ),
     gone AS (DELETE FROM waiting_tickets WHERE hall_id = $1 AND ticket_id = ANY($7::text[])),
     waiting AS (
       INSERT INTO waiting_tickets (hall_id, ticket_id, service_id) SELECT $1, t, s FROM unnest($8::text[], $9::text[]) AS x(t, s)
       ON CONFLICT (hall_id, ticket_id) DO UPDATE SET service_id = EXCLUDED.service_id
     )
     UPDATE halls SET ack_seq = $10, last_event_at = $11, last_contact_at = $12 WHERE id = $1`,
    [hallId, seqs, types, ats, actors, payloads, [...gone], [...waiting.keys()], [...waiting.values()], hall.ackSeq, hall.lastEventAt, hall.now],
  );
}

async function applyHallInfo(c: PoolClient, hallId: string, info: HallInfo): Promise<void> {
  await c.query(
    `UPDATE halls SET timezone = COALESCE($2, timezone), wait_target_seconds = COALESCE($3, wait_target_seconds),
       public_url = CASE WHEN $4::boolean THEN $5 ELSE public_url END WHERE id = $1`,
    [hallId, info.timezone ?? null, info.waitTargetSeconds ?? null, info.publicUrl !== undefined, info.publicUrl ?? null],
  );
  if (info.services && info.services.length > 0) {
    await c.query(
      `INSERT INTO hall_services (hall_id, service_id, name, wait_target_seconds, module_id)
       SELECT $1, s, n::jsonb, w, m FROM unnest($2::text[], $3::text[], $4::int[], $5::text[]) AS x(s, n, w, m)
       ON CONFLICT (hall_id, service_id) DO UPDATE SET name = EXCLUDED.name, wait_target_seconds = EXCLUDED.wait_target_seconds, module_id = EXCLUDED.module_id`,
      [
        hallId,
        info.services.map((s) => s.id),
        info.services.map((s) => JSON.stringify(s.name)),
        info.services.map((s) => s.waitTargetSeconds ?? null),
        info.services.map((s) => s.moduleId ?? null),
      ],
    );
  }
}

async function applyLive(c: PoolClient, hallId: string, live: LiveInfo): Promise<void> {
  if (live.services.length === 0) return;
  await c.query(
    `INSERT INTO hall_services (hall_id, service_id, estimated_wait_seconds)
     SELECT $1, s, w FROM unnest($2::text[], $3::int[]) AS x(s, w)
     ON CONFLICT (hall_id, service_id) DO UPDATE SET estimated_wait_seconds = EXCLUDED.estimated_wait_seconds`,
    [hallId, live.services.map((s) => s.serviceId), live.services.map((s) => s.estimatedWaitSeconds)],
  );
}
