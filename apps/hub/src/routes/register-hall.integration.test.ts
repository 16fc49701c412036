// Registering a hall is a POST that creates something: with an Idempotency-Key, the same key from
// the same token answers the first 201 again (the same hall token, which still works) and
// registers nothing new; the key reused for another request is 409 idempotency_conflict; and the
// stored answer does not hold the hall's token in clear.
import { Pool } from 'pg';
import { createTestDatabase, describeWithDatabases, type TestDatabase } from '../test-support/databases';
import { adminToken, startHub, testConfig, uniquePrefix, type RunningHub } from '../test-support/hubs';

describeWithDatabases('registering a hall with an Idempotency-Key', () => {
  let db: TestDatabase;
  let hub: RunningHub;
  let pool: Pool;
  let admin: string;

  beforeAll(async () => {
    db = await createTestDatabase('hub_register');
    hub = await startHub(testConfig(db.url, uniquePrefix()));
    pool = new Pool({ connectionString: db.url, max: 1 });
    admin = await adminToken(hub.url);
  }, 60_000);

  afterAll(async () => {
    await Promise.allSettled([hub?.hub.close(), pool?.end()]);
    await db?.drop();
  });

  const register = async (body: object, key?: string, token = admin): Promise<{ status: number; body: { hall?: { id: string }; token?: string; error?: { code: string } } }> => {
    const res = await fetch(`${hub.url}/api/v1/hub/halls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(key === undefined ? {} : { 'idempotency-key': key }) },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as never };
  };
  const halls = async (): Promise<string[]> => (await pool.query<{ id: string }>('SELECT id FROM halls ORDER BY id')).rows.map((r) => r.id);

  test('a retry with the same key answers the first 201, token included, and registers nothing new', async () => {
    const first = await register({ id: 'h-retry', name: 'Retry hall' }, 'register-h-retry');
    expect(first.status).toBe(201);
    const again = await register({ id: 'h-retry', name: 'Retry hall' }, 'register-h-retry');
    expect(again).toEqual(first);
    expect(await halls()).toEqual(['h-retry']);
    // The token answered twice is the hall's working token.
    const push = await fetch(`${hub.url}/api/v1/hub/halls/h-retry/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${first.body.token!}` },
      body: JSON.stringify({ events: [] }),
    });
    expect(push.status).toBe(200);
    // Stored sealed: the token is nowhere in clear.
    const stored = await pool.query<{ body: string }>('SELECT body FROM idempotency');
    expect(stored.rows).toHaveLength(1);
    expect(stored.rows[0]!.body).not.toContain(first.body.token!);
  });

  test('without a key, or with another key, the second registration is 409 hall_exists', async () => {
    expect((await register({ id: 'h-plain', name: 'Plain' })).status).toBe(201);
    expect((await register({ id: 'h-plain', name: 'Plain' })).body.error?.code).toBe('hall_exists');
    expect((await register({ id: 'h-plain', name: 'Plain' }, 'another-key')).body.error?.code).toBe('hall_exists');
  });

  test('the key reused for another request is 409 idempotency_conflict and changes nothing', async () => {
    expect((await register({ id: 'h-one', name: 'One' }, 'reused-key')).status).toBe(201);
    const other = await register({ id: 'h-two', name: 'Two' }, 'reused-key');
    expect([other.status, other.body.error?.code]).toEqual([409, 'idempotency_conflict']);
    expect(await halls()).not.toContain('h-two');
  });

  test('the same key from another token is another request', async () => {
    const colleague = await adminToken(hub.url);
    expect((await register({ id: 'h-mine', name: 'Mine' }, 'shared-key')).status).toBe(201);
    expect((await register({ id: 'h-theirs', name: 'Theirs' }, 'shared-key', colleague)).status).toBe(201);
  });

  test('an empty or over-long key is 400 bad_request and registers nothing', async () => {
    for (const key of ['', 'k'.repeat(201)]) {
      const res = await register({ id: 'h-badkey', name: 'Bad key' }, key);
      expect([res.status, res.body.error?.code]).toEqual([400, 'bad_request']);
    }
    expect(await halls()).not.toContain('h-badkey');
  });
});
