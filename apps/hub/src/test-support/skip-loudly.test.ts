// Without PostgreSQL and Redis only the hub's database tests are skipped, and the run says so
// where a person reads it: jest run on two files (one needing the databases, one not) against
// addresses where nothing answers passes the other file and prints the skip on stderr. Jest drops
// the console output of a file whose tests were all skipped, so the message must not rely on it.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

jest.setTimeout(120_000);

test('the database tests are skipped with a loud message on stderr; the others still run', () => {
  const hubRoot = path.join(__dirname, '..', '..');
  const r = spawnSync(
    process.execPath,
    [require.resolve('jest/bin/jest'), '--ci', '--maxWorkers=2', 'src/services/hall-links.integration.test.ts', 'src/deploy/production-layout.test.ts'],
    {
      cwd: hubRoot,
      // Nothing listens on port 1.
      env: { ...process.env, DATABASE_URL: 'postgres://postgres@127.0.0.1:1/postgres', REDIS_URL: 'redis://127.0.0.1:1' },
      encoding: 'utf8',
      timeout: 110_000,
    },
  );
  expect(r.status).toBe(0);
  expect(r.stderr).toMatch(/!!!!!!!!!!\n!! SKIPPED: hub database tests "a hall's public address on the citizens' list": PostgreSQL at postgres:\/\/postgres@127\.0\.0\.1:1\/postgres does not answer/);
  expect(r.stderr).toMatch(/Start PostgreSQL and Redis \(bash \.ci\/run does\) or set DATABASE_URL \/ REDIS_URL/);
  expect(r.stderr).toMatch(/Test Suites: 1 skipped, 1 passed/);
});
