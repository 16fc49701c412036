// The citizens' "which hall now" list links each hall to its own public page (remote queue) once
// the hall has pushed the address citizens reach it at (its PUBLIC_URL); the hall changes or
// withdraws it with its next catalogue, and an address that is not http(s) is refused.
import { createTestDatabase, describeWithDatabases, type TestDatabase } from '../test-support/databases';
import { adminToken, api, registerHall, startHub, testConfig, uniquePrefix, type RunningHub } from '../test-support/hubs';
import type { HallNow } from './hall-views';

describeWithDatabases('a hall\'s public address on the citizens\' list', () => {
  let db: TestDatabase;
  let hub: RunningHub;
  let token: string;

  beforeAll(async () => {
    db = await createTestDatabase('hub_links');
    hub = await startHub(testConfig(db.url, uniquePrefix()));
    token = await registerHall(hub.url, await adminToken(hub.url), 'h-link');
  }, 60_000);

  afterAll(async () => {
    await hub?.hub.close();
    await db?.drop();
  });

  const push = (hall: object) => api(hub.url, 'POST', '/hub/halls/h-link/events', { events: [], hall }, token);
  const link = async () => (await api<HallNow[]>(hub.url, 'GET', '/hub/halls')).body.find((h) => h.id === 'h-link')!.publicPageUrl;

  test('no link until the hall pushes its address; then its /h/<hallId> page', async () => {
    expect(await link()).toBeNull();
    expect((await push({ publicUrl: 'https://hall-7.city.example/' })).status).toBe(200);
    expect(await link()).toBe('https://hall-7.city.example/h/h-link');
    // A catalogue without publicUrl leaves it; a new address replaces it; null withdraws it.
    expect((await push({ timezone: 'Asia/Shanghai' })).status).toBe(200);
    expect(await link()).toBe('https://hall-7.city.example/h/h-link');
    expect((await push({ publicUrl: 'http://10.1.2.3:3000' })).status).toBe(200);
    expect(await link()).toBe('http://10.1.2.3:3000/h/h-link');
    expect((await push({ publicUrl: null })).status).toBe(200);
    expect(await link()).toBeNull();
  });

  test('an address that is not an http(s) URL is refused with 400 and changes nothing', async () => {
    expect((await push({ publicUrl: 'https://hall-7.city.example' })).status).toBe(200);
    for (const bad of ['javascript:alert(1)', 'data:text/html,hi', 'ftp://hall.example', 'hall-7.city.example', '', 42]) {
      const res = await push({ publicUrl: bad });
      expect([bad, res.status, (res.body as { error: { code: string } }).error.code]).toEqual([bad, 400, 'validation_failed']);
    }
    expect(await link()).toBe('https://hall-7.city.example/h/h-link');
  });
});
