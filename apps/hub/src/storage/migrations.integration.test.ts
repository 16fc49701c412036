// The hub's migrations: checked in, numbered, append-only, run at start.
//
// Append-only: a migration a city may already have applied is never edited (its text is pinned
// here by its SHA-256); a change to the schema is a new numbered file. A new migration is pinned
// here once it is released.
//
// Run at start: a hub started on an empty database creates the whole schema; one started on a
// database of an older version applies only what is missing and keeps the data; processes that
// start together apply each migration once (an advisory lock).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Pool } from 'pg';
import { createTestDatabase, describeWithDatabases, type TestDatabase } from '../test-support/databases';
import { api, startHub, testConfig, uniquePrefix } from '../test-support/hubs';
import { migrate } from './db';
import { MIGRATIONS } from './migrations';

/** Released migrations: never to be edited. */
const RELEASED: Record<number, string> = {
  1: '29da92d066c3639cf2790cb22bd4af3d388881ab917d737491d7265c63c9654c',
  2: '52832798946bfe5354259cf5f4632965786abb01893335cca7dcd3124953f46d',
};

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

test('released migrations are unchanged: a schema change is a new migration, not an edit', () => {
  for (const [version, hash] of Object.entries(RELEASED)) {
    const m = MIGRATIONS.find((x) => x.version === Number(version));
    expect([version, m ? sha256(m.up) : 'removed']).toEqual([version, hash]);
  }
});

test('migrations are numbered 1, 2, 3, ... and every file in the folder is one of them', () => {
  expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  const files = fs.readdirSync(path.join(__dirname, 'migrations')).filter((f) => /^\d+-.+\.ts$/.test(f) && !f.endsWith('.test.ts'));
  expect(files.map((f) => Number(f.split('-')[0])).sort((a, b) => a - b)).toEqual(MIGRATIONS.map((m) => m.version));
});

describeWithDatabases('migrations run at start', () => {
  const dbs: TestDatabase[] = [];
  afterAll(async () => {
    for (const db of dbs) await db.drop();
  });
  const fresh = async (): Promise<TestDatabase> => {
    const db = await createTestDatabase('hub_migrate');
    dbs.push(db);
    return db;
  };
  const versions = async (pool: Pool): Promise<number[]> =>
    (await pool.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).rows.map((r) => r.version);

  test('a hub started on an empty database creates the schema and serves', async () => {
    const db = await fresh();
    const hub = await startHub(testConfig(db.url, uniquePrefix()));
    const pool = new Pool({ connectionString: db.url, max: 1 });
    try {
      expect(await versions(pool)).toEqual(MIGRATIONS.map((m) => m.version));
      expect((await api(hub.url, 'GET', '/hub/halls')).status).toBe(200);
    } finally {
      await pool.end();
      await hub.hub.close();
    }
  });

  test('a database of an older version gets only what is missing and keeps its data', async () => {
    const db = await fresh();
    const pool = new Pool({ connectionString: db.url, max: 2 });
    try {
      // The database as the first release left it, with a hall registered.
      await pool.query('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
      await pool.query(MIGRATIONS[0]!.up);
      await pool.query('INSERT INTO schema_migrations (version) VALUES (1)');
      await pool.query("INSERT INTO halls (id, name, token_hash, ack_seq, created_at) VALUES ('old-hall', 'Old hall', 'x', 42, 0)");
      expect(await migrate(pool)).toEqual(MIGRATIONS.slice(1).map((m) => m.version));
      expect(await versions(pool)).toEqual(MIGRATIONS.map((m) => m.version));
      expect((await pool.query('SELECT id, ack_seq FROM halls')).rows).toEqual([{ id: 'old-hall', ack_seq: '42' }]);
      expect(await migrate(pool)).toEqual([]);
    } finally {
      await pool.end();
    }
  });

  test('processes starting together apply each migration once', async () => {
    const db = await fresh();
    const pools = [0, 1, 2].map(() => new Pool({ connectionString: db.url, max: 1 }));
    try {
      const applied = await Promise.all(pools.map((p) => migrate(p)));
      expect(applied.flat().sort((a, b) => a - b)).toEqual(MIGRATIONS.map((m) => m.version));
      expect(await versions(pools[0]!)).toEqual(MIGRATIONS.map((m) => m.version));
    } finally {
      await Promise.all(pools.map((p) => p.end()));
    }
  });
});
