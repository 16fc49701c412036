// The hall event log (append-only, gapless seq per hall), the audit log and idempotency records.
import type { Actor, HallEvent, HallEventType } from '@hallq/shared';
import type { Db } from './db';

/** A row of the `events` table. */
export interface EventRow {
  hall_id: string;
  seq: number;
  type: HallEventType;
  at: number;
  actor: string;
  payload: string;
}

/** An event as stored, back to the shape it was emitted in. */
export const toEvent = (r: EventRow): HallEvent =>
  ({
    ...(JSON.parse(r.payload) as object),
    seq: r.seq,
    type: r.type,
    at: new Date(r.at).toISOString(),
    hallId: r.hall_id,
    actor: JSON.parse(r.actor) as Actor,
  }) as HallEvent;

export interface AuditEntry {
  id: number;
  at: string;
  actor: Actor;
  action: string;
  target: string;
  details: unknown;
}

export class LogRepo {
  private readonly lastSeqStmt;
  private readonly insertEvent;
  private readonly range;
  private readonly idem;
  private readonly saveIdem;

  constructor(private readonly db: Db) {
    this.lastSeqStmt = db.prepare<[string], { seq: number | null }>('SELECT MAX(seq) AS seq FROM events WHERE hall_id = ?');
    this.insertEvent = db.prepare('INSERT INTO events (hall_id, seq, type, at, actor, payload) VALUES (?, ?, ?, ?, ?, ?)');
    this.range = db.prepare<[string, number, number], EventRow>('SELECT * FROM events WHERE hall_id = ? AND seq > ? AND seq <= ? ORDER BY seq');
    this.idem = db.prepare<[string], { fingerprint: string; status: number; body: string | null }>(
      'SELECT fingerprint, status, body FROM idempotency WHERE scope = ?',
    );
    this.saveIdem = db.prepare('INSERT INTO idempotency (scope, fingerprint, status, body, at) VALUES (?, ?, ?, ?, ?)');
  }

  lastSeq(hallId: string): number {
    return this.lastSeqStmt.get(hallId)?.seq ?? 0;
  }
  /**
   * Appends one complete event as `seq` (the hall's last seq + 1, see `lastSeq`); call inside the
   * change's transaction. Rows are never updated: the log is append-only.
   */
  append(hallId: string, seq: number, type: HallEventType, at: number, actor: Actor, payload: object): HallEvent {
    this.insertEvent.run(hallId, seq, type, at, JSON.stringify(actor), JSON.stringify(payload));
    // Not `{ ...payload, seq, ... }`: V8 allocates such a literal in its old generation (see
    // toPrivateTicket), and every event appended is garbage once broadcast.
    const event = Object.assign({}, payload) as HallEvent & Record<string, unknown>;
    event.seq = seq;
    event.type = type;
    event.at = new Date(at).toISOString();
    event.hallId = hallId;
    event.actor = actor;
    return event;
  }
  eventsAfter(hallId: string, afterSeq: number, upTo: number): HallEvent[] {
    return this.range.all(hallId, afterSeq, upTo).map(toEvent);
  }
  recentOfTypes(hallId: string, types: HallEventType[], limit: number): HallEvent[] {
    const marks = types.map(() => '?').join(', ');
    const rows = this.db
      .prepare(`SELECT * FROM events WHERE hall_id = ? AND type IN (${marks}) ORDER BY seq DESC LIMIT ?`)
      .all(hallId, ...types, limit) as EventRow[];
    return rows.reverse().map(toEvent);
  }

  audit(hallId: string, at: number, actor: Actor, action: string, target: string, details: unknown): void {
    this.db
      .prepare('INSERT INTO audit_log (hall_id, at, actor_kind, actor_id, action, target, details) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(hallId, at, actor.kind, actor.id, action, target, details === undefined ? null : JSON.stringify(details));
  }
  /** Newest first; `filter` narrows by who (actor id), what (action, or a prefix ending in ".")
   * and when ([fromMs, toMs)). */
  auditOfHall(
    hallId: string,
    limit: number,
    beforeId?: number,
    filter: { actorId?: string; action?: string; fromMs?: number; toMs?: number } = {},
  ): AuditEntry[] {
    const action = filter.action ?? null;
    const rows = this.db
      .prepare(
        `SELECT * FROM audit_log WHERE hall_id = ? AND id < ?
           AND (? IS NULL OR actor_id = ?)
           AND (? IS NULL OR action = ? OR (substr(?, -1) = '.' AND substr(action, 1, length(?)) = ?))
           AND at >= ? AND at < ?
         ORDER BY id DESC LIMIT ?`,
      )
      .all(
        hallId, beforeId ?? Number.MAX_SAFE_INTEGER,
        filter.actorId ?? null, filter.actorId ?? null,
        action, action, action, action, action,
        filter.fromMs ?? 0, filter.toMs ?? Number.MAX_SAFE_INTEGER,
        limit,
      ) as Array<{
      id: number;
      at: number;
      actor_kind: Actor['kind'];
      actor_id: string | null;
      action: string;
      target: string;
      details: string | null;
    }>;
    return rows.map((r) => ({
      id: r.id,
      at: new Date(r.at).toISOString(),
      actor: { kind: r.actor_kind, id: r.actor_id },
      action: r.action,
      target: r.target,
      details: r.details === null ? null : (JSON.parse(r.details) as unknown),
    }));
  }

  idempotent(scope: string): { fingerprint: string; status: number; body: unknown } | null {
    const r = this.idem.get(scope);
    return r ? { fingerprint: r.fingerprint, status: r.status, body: r.body === null ? null : (JSON.parse(r.body) as unknown) } : null;
  }
  saveIdempotent(scope: string, fingerprint: string, status: number, body: unknown, at: number): void {
    this.saveIdem.run(scope, fingerprint, status, body === undefined ? null : JSON.stringify(body), at);
  }
}
