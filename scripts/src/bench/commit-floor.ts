// The floor the disk sets under every write: one durable commit on this disk, timed from BEGIN to
// the end of COMMIT. A one-row insert into an empty table understates what a call commits; the
// commit shaped like a call's does what call-next writes (the ticket's row and the window's row
// updated, two events appended) on tables shaped like the server's (a ticket table with its rows,
// its unique keys and its two indexes; the event log with its index), with the server's settings:
// WAL, synchronous=FULL, no checkpoint inside a COMMIT (the server leaves them to another thread).
import path from 'node:path';
import Database from 'better-sqlite3';
import { timeMs } from './measure';

export interface CommitShape {
  /** Tickets (and events) already in the tables before the first timed commit. */
  rows: number;
  /** Calls written by each commit: per call, two row updates (ticket, window) and two inserts. */
  calls: number;
}

export interface CommitFloor {
  /** Each commit's time, BEGIN to the end of COMMIT (with its fsync), in ms. */
  samples: number[];
  /** What the commits wrote: rows updated and rows inserted, over all of them. */
  updated: number;
  inserted: number;
}

const SCHEMA = `
CREATE TABLE tickets (
  id TEXT PRIMARY KEY,
  hall_id TEXT NOT NULL,
  public_id TEXT NOT NULL UNIQUE,
  number TEXT NOT NULL,
  service_id TEXT NOT NULL,
  stage INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL,
  priority INTEGER NOT NULL DEFAULT 0,
  issued_at INTEGER NOT NULL,
  queued_at INTEGER NOT NULL,
  service_date TEXT NOT NULL,
  called_at INTEGER,
  finished_at INTEGER,
  window_id TEXT,
  window_number INTEGER,
  staff_id TEXT,
  people_ahead INTEGER,
  estimated_wait_seconds INTEGER,
  UNIQUE (hall_id, service_date, number)
);
CREATE INDEX tickets_hall_status ON tickets(hall_id, status);
CREATE INDEX tickets_quota ON tickets(hall_id, service_id, service_date);
CREATE TABLE windows (id TEXT PRIMARY KEY, hall_id TEXT NOT NULL, number INTEGER NOT NULL, current_ticket_id TEXT);
CREATE TABLE events (
  hall_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  type TEXT NOT NULL,
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  payload TEXT NOT NULL,
  PRIMARY KEY (hall_id, seq)
) WITHOUT ROWID;
CREATE INDEX events_hall_type_at ON events(hall_id, type, at);
`;

const WINDOWS = 60;
const SERVICES = 40;
const PAYLOAD = JSON.stringify({ ticket: { id: 't_0000000000000000000000', number: 'A123', serviceId: 'svc-00000000', window: 101 }, pad: 'x'.repeat(120) });

/** `repeat` durable commits of the given shape in a new database in `dir`. */
export function durableCommits(dir: string, repeat: number, shape: CommitShape): CommitFloor {
  const db = new Database(path.join(dir, `commit-floor-${shape.rows}-${shape.calls}.db`));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec(SCHEMA);
    let seed = 1206;
    const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const day = '2026-12-06';
    const t0 = Date.UTC(2026, 11, 6, 1);
    const addTicket = db.prepare(
      `INSERT INTO tickets (id, hall_id, public_id, number, service_id, status, issued_at, queued_at, service_date, people_ahead, estimated_wait_seconds)
       VALUES (?, 'demo', ?, ?, ?, 'waiting', ?, ?, ?, ?, ?)`,
    );
    const addWindow = db.prepare(`INSERT INTO windows (id, hall_id, number) VALUES (?, 'demo', ?)`);
    const addEvent = db.prepare(`INSERT INTO events (hall_id, seq, type, at, actor, payload) VALUES ('demo', ?, ?, ?, '{"kind":"staff","id":"staff-w01"}', ?)`);
    let seq = 0;
    db.transaction(() => {
      for (let i = 0; i < shape.rows; i++) {
        addTicket.run(`t${i}`, `p${i}`, `A${i}`, `svc-${i % SERVICES}`, t0 + i, t0 + i, day, i % 500, 60 * (i % 500));
        addEvent.run(++seq, 'ticket.issued', t0 + i, PAYLOAD);
      }
      for (let w = 0; w < WINDOWS; w++) addWindow.run(`w${w}`, 101 + w);
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');

    const callTicket = db.prepare(`UPDATE tickets SET status = 'called', called_at = ?, window_id = ?, window_number = ?, staff_id = ? WHERE id = ?`);
    const setWindow = db.prepare(`UPDATE windows SET current_ticket_id = ? WHERE id = ?`);
    let updated = 0;
    let inserted = 0;
    const commit = db.transaction((at: number) => {
      for (let c = 0; c < shape.calls; c++) {
        const w = Math.floor(rand() * WINDOWS);
        const ticket = `t${Math.floor(rand() * shape.rows)}`;
        updated += callTicket.run(at, `w${w}`, 101 + w, `staff-${w}`, ticket).changes;
        updated += setWindow.run(ticket, `w${w}`).changes;
        inserted += addEvent.run(++seq, 'ticket.called', at, PAYLOAD).changes;
        inserted += addEvent.run(++seq, 'window.changed', at, PAYLOAD).changes;
      }
    });
    const samples = timeMs((i) => commit(t0 + shape.rows + i), repeat);
    return { samples, updated, inserted };
  } finally {
    db.close();
  }
}

/** The old floor: a one-row insert into an empty table, per commit (it understates a call's). */
export function oneRowCommits(dir: string, repeat: number): number[] {
  const db = new Database(path.join(dir, 'fsync-floor.db'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
    const insert = db.prepare('INSERT INTO t (v) VALUES (?)');
    return timeMs(() => db.transaction(() => insert.run('x'))(), repeat);
  } finally {
    db.close();
  }
}

/**
 * Whether a server-time p99 under `goalMs` can be had on this disk: every answer waits for its own
 * batch's fsync, so each call's server time is at least its fsync and the calls' server-time p99
 * is at least the p99 of their fsyncs. Reachable only if that p99 is under the goal.
 */
export function goalReachable(fsyncP99: number, goalMs: number): boolean {
  return Number.isFinite(fsyncP99) && fsyncP99 < goalMs;
}
