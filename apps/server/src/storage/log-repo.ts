// The hall event log (append-only, gapless seq per hall), the audit log and idempotency records.
import type { Actor, HallEvent, HallEventType } from '@hallq/shared';
import type { Statement } from 'better-sqlite3';
import type { Db } from './db';

/** Rows written by one INSERT at most when events are appended together (`appendMany`). */
export const ROWS_PER_APPEND = 64;

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

/**
 * An appended event as it is emitted. Not `{ ...payload, seq, ... }`: V8 allocates an object
 * literal that spreads one object and adds properties in its old generation, and every event
 * appended is garbage once broadcast, so a burst of them filled it.
 */
function eventOf(payload: object, seq: number, type: HallEventType, at: number, hallId: string, actor: Actor): HallEvent {
  const event = Object.assign({}, payload) as HallEvent & Record<string, unknown>;
  event.seq = seq;
  event.type = type;
  event.at = new Date(at).toISOString();
  event.hallId = hallId;
  event.actor = actor;
  return event;
}

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
  /** Multi-row inserts of events, by their number of rows. */
  private readonly inserts = new Map<number, Statement>();

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
    return eventOf(payload, seq, type, at, hallId, actor);
  }
  /**
   * Appends complete events of one hall with one INSERT per ROWS_PER_APPEND of them: the same rows
   * as `append` one by one (each its own seq, given by the caller), in this order.
   */
  appendMany(hallId: string, list: ReadonlyArray<{ seq: number; type: HallEventType; at: number; actor: Actor; payload: object }>): HallEvent[] {
    const out: HallEvent[] = [];
    for (let from = 0; from < list.length; from += ROWS_PER_APPEND) {
      const rows = Math.min(ROWS_PER_APPEND, list.length - from);
      const values: unknown[] = [];
      let actor: Actor | null = null;
      let actorJson = '';
      for (let k = from; k < from + rows; k++) {
        const e = list[k]!;
        // Events written together mostly share their actor: its JSON is made once.
        if (e.actor !== actor) {
          actor = e.actor;
          actorJson = JSON.stringify(actor);
        }
        values.push(hallId, e.seq, e.type, e.at, actorJson, JSON.stringify(e.payload));
        out.push(eventOf(e.payload, e.seq, e.type, e.at, hallId, e.actor));
      }
      let stmt = this.inserts.get(rows);
      if (!stmt) {
        stmt = this.db.prepare(`INSERT INTO events (hall_id, seq, type, at, actor, payload) VALUES ${Array<string>(rows).fill('(?, ?, ?, ?, ?, ?)').join(', ')}`);
        this.inserts.set(rows, stmt);
      }
      stmt.run(...values);
    }
    return out;
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
