// Tests run against real PostgreSQL and Redis (DATABASE_URL / REDIS_URL, defaulting to the local
// ones). Each test file creates its own database with a unique name and drops it at the end.
// Without PostgreSQL or Redis the hub's database tests are skipped, loudly.
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { Client } from 'pg';

export const ADMIN_DATABASE_URL = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** Asks PostgreSQL and Redis synchronously (jest collects tests synchronously): null when both answer. */
function missing(): string | null {
  const script = `
    const { Client } = require(${JSON.stringify(require.resolve('pg'))});
    const { createClient } = require(${JSON.stringify(require.resolve('redis'))});
    (async () => {
      const pg = new Client({ connectionString: process.env.PGURL, connectionTimeoutMillis: 2000 });
      try { await pg.connect(); await pg.query('SELECT 1'); await pg.end(); }
      catch (e) { console.log('PostgreSQL at ' + process.env.PGURL + ' does not answer (' + e.message + ')'); process.exit(1); }
      const r = createClient({ url: process.env.RURL, socket: { connectTimeout: 2000, reconnectStrategy: false } });
      r.on('error', () => undefined);
      try { await r.connect(); await r.ping(); await r.quit(); }
      catch (e) { console.log('Redis at ' + process.env.RURL + ' does not answer (' + e.message + ')'); process.exit(1); }
      process.exit(0);
    })();`;
  const r = spawnSync(process.execPath, ['-e', script], {
    env: { ...process.env, PGURL: ADMIN_DATABASE_URL, RURL: TEST_REDIS_URL },
    encoding: 'utf8',
    timeout: 15_000,
  });
  if (r.status === 0) return null;
  return r.stdout.trim() || r.stderr.trim() || 'PostgreSQL or Redis does not answer';
}

let checked: string | null | undefined;

/** `describe` when PostgreSQL and Redis answer; otherwise a loud skip saying how to run them. */
export function describeWithDatabases(name: string, body: () => void): void {
  if (checked === undefined) checked = missing();
  if (checked) {
    const line = '!'.repeat(100);
    // Straight to stderr: jest drops the console output of a file whose tests were all skipped
    // when it runs several files, and this message is the point.
    process.stderr.write(`${line}\n!! SKIPPED: hub database tests "${name}": ${checked}.\n!! Start PostgreSQL and Redis (bash .ci/run does) or set DATABASE_URL / REDIS_URL.\n${line}\n`);
    describe.skip(name, body);
  } else describe(name, body);
}

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

export interface TestDatabase {
  url: string;
  name: string;
  drop: () => Promise<void>;
}

export async function createTestDatabase(prefix = 'hub_test'): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: ADMIN_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    url: withDatabase(ADMIN_DATABASE_URL, name),
    name,
    drop: async () => {
      const c = new Client({ connectionString: ADMIN_DATABASE_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Ends every connection to the database from the server side, as a PostgreSQL restart would. */
export async function terminateConnections(dbName: string): Promise<number> {
  const c = new Client({ connectionString: ADMIN_DATABASE_URL });
  await c.connect();
  const r = await c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [dbName]);
  await c.end();
  return r.rowCount ?? 0;
}
