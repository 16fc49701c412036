// The PostgreSQL pool and the migration runner. Any number of hub processes may start at once:
// migrations run in one transaction under an advisory lock, so exactly one applies each.
import { Pool, type PoolClient } from 'pg';
import { MIGRATIONS } from './migrations';

/** An arbitrary constant naming the hub's migration lock. */
const MIGRATION_LOCK = 4_021_517;

export function createPool(databaseUrl: string, max: number): Pool {
  const pool = new Pool({ connectionString: databaseUrl, max, connectionTimeoutMillis: 5_000, idleTimeoutMillis: 30_000 });
  // A connection killed by the server (restart, pg_terminate_backend) errors on the idle client;
  // the pool drops it and opens a new one on the next query. Without a listener Node would crash.
  pool.on('error', () => undefined);
  return pool;
}

export async function migrate(pool: Pool): Promise<number[]> {
  return inTransaction(pool, async (c) => {
    await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await c.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
    const done = new Set((await c.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      await c.query(m.up);
      await c.query('INSERT INTO schema_migrations (version) VALUES ($1)', [m.version]);
      applied.push(m.version);
    }
    return applied;
  });
}

/** `begin` may carry settings of the transaction, sent in the same round trip as BEGIN. */
export async function inTransaction<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>, begin = 'BEGIN'): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query(begin);
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {
      broken = true;
    });
    throw err;
  } finally {
    client.release(broken);
  }
}
