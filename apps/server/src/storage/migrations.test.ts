import Database from 'better-sqlite3';
import { migrate } from './db';
import { MIGRATIONS } from './migrations';

describe('migrations', () => {
  test('all migrations apply to an empty database, in order, once', () => {
    const db = new Database(':memory:');
    expect(migrate(db)).toBe(MIGRATIONS.length);
    expect(migrate(db)).toBe(0);
    const versions = (db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as Array<{ version: number }>).map((r) => r.version);
    expect(versions).toEqual(MIGRATIONS.map((m) => m.version));
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['tickets', 'events', 'ticket_counters', 'idempotency', 'audit_log', 'sessions']));
    db.close();
  });

  test('migration numbers are unique and strictly increasing (gaps allowed between numbered ranges)', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions[0]).toBe(1);
    for (let i = 1; i < versions.length; i++) expect(versions[i]!).toBeGreaterThan(versions[i - 1]!);
  });

  test('a ticket number is unique per hall and service date', () => {
    const db = new Database(':memory:');
    migrate(db);
    db.prepare("INSERT INTO halls VALUES ('h', '{}')").run();
    const insert = db.prepare(
      "INSERT INTO tickets (id, hall_id, public_id, number, service_id, status, issued_at, queued_at, service_date) VALUES (?, 'h', ?, 'A001', 's', 'waiting', 0, 0, '2026-01-01')",
    );
    insert.run('t1', 'p1');
    expect(() => insert.run('t2', 'p2')).toThrow(/UNIQUE/);
    db.close();
  });
});
