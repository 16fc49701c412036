// The record of generated demo history loaded into a hall (demo mode only).
import type { Actor, DemoHistoryInfo, HallEventType } from '@hallq/shared';
import type { Db } from './db';

interface Row {
  note: string;
  before_from: string;
  before_to: string;
  after_from: string;
  after_to: string;
  visitors: number;
}

export class DemoHistoryRepo {
  constructor(private readonly db: Db) {}

  put(hallId: string, info: DemoHistoryInfo, loadedAt: number): void {
    this.db
      .prepare('INSERT OR REPLACE INTO demo_history (hall_id, note, before_from, before_to, after_from, after_to, visitors, loaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(hallId, info.note, info.before.from, info.before.to, info.after.from, info.after.to, info.visitors, loadedAt);
  }

  /** Appends generated events after the hall's last seq, in the order given; call inside a transaction. */
  appendEvents(hallId: string, events: ReadonlyArray<{ type: HallEventType; at: number; actor: Actor; payload: object }>): void {
    const last = this.db.prepare<[string], { seq: number | null }>('SELECT MAX(seq) AS seq FROM events WHERE hall_id = ?').get(hallId)?.seq ?? 0;
    // Many rows per statement: the load is one transaction of tens of thousands of events.
    const BATCH = 100;
    const statement = (n: number) => this.db.prepare(`INSERT INTO events (hall_id, seq, type, at, actor, payload) VALUES ${Array(n).fill('(?, ?, ?, ?, ?, ?)').join(', ')}`);
    const full = statement(BATCH);
    for (let i = 0; i < events.length; i += BATCH) {
      const chunk = events.slice(i, i + BATCH);
      const values = chunk.flatMap((e, k) => [hallId, last + 1 + i + k, e.type, e.at, JSON.stringify(e.actor), JSON.stringify(e.payload)]);
      (chunk.length === BATCH ? full : statement(chunk.length)).run(...values);
    }
  }

  get(hallId: string): DemoHistoryInfo | null {
    const r = this.db.prepare<[string], Row>('SELECT * FROM demo_history WHERE hall_id = ?').get(hallId);
    if (!r) return null;
    return { generated: true, note: r.note, before: { from: r.before_from, to: r.before_to }, after: { from: r.after_from, to: r.after_to }, visitors: r.visitors };
  }
}
