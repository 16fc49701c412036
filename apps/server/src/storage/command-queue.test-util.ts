// Shared set-up of the command queue's tests: a scratch WAL database with one table, a disk flush
// the test completes by hand, one event-loop turn, and a command that inserts a row.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Tx } from './tx';
import type { Durability } from './wal-sync';

/** A flush the test completes by hand. */
export class HeldFlush implements Durability {
  calls: Array<{ resolve: () => void; reject: (e: Error) => void }> = [];
  sync(): Promise<void> {
    return new Promise((resolve, reject) => this.calls.push({ resolve, reject }));
  }
  async close(): Promise<void> {}
}

export const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export function openDb(): Database.Database {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hallq-queue-'));
  const db = new Database(path.join(dir, 'q.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
  return db;
}

export const insert = (v: string) => (tx: Tx): string => {
  tx.db.prepare('INSERT INTO t (v) VALUES (?)').run(v);
  return v;
};
export const rows = (db: Database.Database): string[] => (db.prepare('SELECT v FROM t ORDER BY id').all() as Array<{ v: string }>).map((r) => r.v);
