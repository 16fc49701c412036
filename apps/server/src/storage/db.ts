// Opens the hall database with the durability settings the product promises and brings its
// schema up to date.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations';

export type Db = Database.Database;

/** SQLite page cache per connection, in KiB. */
export const PAGE_CACHE_KIB = 4096;

/** `onSql` sees the text of every statement run (tests count the work a request costs). */
export function openDatabase(dataDir: string, fileName = 'hallq.sqlite', options: { onSql?: (sql: string) => void } = {}): Db {
  fs.mkdirSync(dataDir, { recursive: true });
  const onSql = options.onSql;
  const db = new Database(path.join(dataDir, fileName), onSql ? { verbose: (sql) => onSql(String(sql)) } : {});
  db.pragma('journal_mode = WAL');
  // FULL: a ticket number handed out is on disk before the visitor sees it (power loss too).
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  // Page cache per connection: 4 MB holds the hot B-tree pages of a day's writes (the driver's
  // default is 16 MB per connection, resident for the life of the process); the rest of the file
  // stays in the OS's page cache, a read away.
  db.pragma(`cache_size = ${-PAGE_CACHE_KIB}`);
  cacheStatements(db);
  migrate(db);
  return db;
}

/**
 * Repositories prepare their SQL where they use it; compiling it again on every call would cost
 * more than running it. The handle keeps each compiled statement by its text (a statement that is
 * iterated is read to its end before anything else uses it).
 */
function cacheStatements(db: Db): void {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, Database.Statement>();
  db.prepare = ((sql: string) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  }) as Db['prepare'];
}

export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): number {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
  const done = new Set((db.prepare('SELECT version FROM schema_migrations').all() as Array<{ version: number }>).map((r) => r.version));
  // A database written by a newer server has tables this one does not know: refuse to touch it.
  const known = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  const found = Math.max(0, ...done, db.pragma('user_version', { simple: true }) as number);
  if (found > known) {
    throw new Error(
      `the database has schema version ${found}, newer than this server knows (${known}): run a newer HallQ server, or restore a backup made by this version`,
    );
  }
  let applied = 0;
  for (const m of migrations) {
    if (done.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, Date.now());
    })();
    applied++;
  }
  db.pragma(`user_version = ${known}`);
  return applied;
}
