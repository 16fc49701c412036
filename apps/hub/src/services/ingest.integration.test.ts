// Ingest: every (hallId, seq) stored exactly once and in order, gaps refused with the expected seq,
// two hub processes taking the same hall's batches at once still store it once; hall.updated
// reaches a city socket connected to the other process.
import { io as connect, type Socket } from 'socket.io-client';
import { Pool } from 'pg';
import { createTestDatabase, describeWithDatabases, type TestDatabase } from '../test-support/databases';
import { adminToken, api, registerHall, startHub, testConfig, uniquePrefix, type RunningHub } from '../test-support/hubs';
import { SimulatedHall } from '../simulated-hall';
import { ingestBatch } from './ingest';
import { liveRanges, memoryHashes, type RangeHashes } from './live-ranges';

describeWithDatabases('ingest of hall events', () => {
  let db: TestDatabase;
  let a: RunningHub;
  let b: RunningHub;
  let pool: Pool;
  let admin: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    const prefix = uniquePrefix();
    [a, b] = await Promise.all([startHub(testConfig(db.url, prefix)), startHub(testConfig(db.url, prefix))]);
    pool = new Pool({ connectionString: db.url, max: 2 });
    admin = await adminToken(a.url);
  }, 60_000);

  afterAll(async () => {
    await Promise.allSettled([a?.hub.close(), b?.hub.close(), pool?.end()]);
    await db?.drop();
  });

  const stored = async (hallId: string) =>
    (await pool.query<{ seq: string }>('SELECT seq FROM events WHERE hall_id = $1 ORDER BY seq', [hallId])).rows.map((r) => Number(r.seq));

  test('a batch is stored once; a retry and an overlapping batch store nothing twice', async () => {
    const token = await registerHall(a.url, admin, 'h-once');
    const events = new SimulatedHall({ hallId: 'h-once', start: Date.parse('2026-03-02T01:00:00Z') }).day(10);
    const first = await api<{ ackSeq: number }>(a.url, 'POST', '/hub/halls/h-once/events', { events: events.slice(0, 20) }, token);
    expect(first).toEqual({ status: 200, body: { ackSeq: 20 } });
    const retry = await api(b.url, 'POST', '/hub/halls/h-once/events', { events: events.slice(0, 20) }, token);
    expect(retry.body).toEqual({ ackSeq: 20 });
    const overlap = await api(a.url, 'POST', '/hub/halls/h-once/events', { events: events.slice(10) }, token);
    expect(overlap.body).toEqual({ ackSeq: events.length });
    expect(await stored('h-once')).toEqual(events.map((e) => e.seq));
    const back = await api<{ events: Array<{ seq: number; type: string; at: string }> }>(a.url, 'GET', '/hub/halls/h-once/events?afterSeq=5&limit=3', undefined, admin);
    expect(back.body.events.map((e) => [e.seq, e.type, e.at])).toEqual(events.slice(5, 8).map((e) => [e.seq, e.type, e.at]));
  });

  test('a gap is refused with 409 seq_gap and the expected seq, and changes nothing', async () => {
    const token = await registerHall(a.url, admin, 'h-gap');
    const events = new SimulatedHall({ hallId: 'h-gap', start: Date.parse('2026-03-02T01:00:00Z') }).day(4);
    await api(a.url, 'POST', '/hub/halls/h-gap/events', { events: events.slice(0, 5) }, token);
    const gap = await api<{ error: { code: string; details: { expectedSeq: number } } }>(a.url, 'POST', '/hub/halls/h-gap/events', { events: events.slice(7) }, token);
    expect(gap.status).toBe(409);
    expect(gap.body.error.code).toBe('seq_gap');
    expect(gap.body.error.details.expectedSeq).toBe(6);
    const holed = await api(a.url, 'POST', '/hub/halls/h-gap/events', { events: [events[5], events[7]] }, token);
    expect(holed.status).toBe(409);
    expect(await stored('h-gap')).toEqual([1, 2, 3, 4, 5]);
  });

  test('bad input and other halls\' tokens are refused and change nothing', async () => {
    const token = await registerHall(a.url, admin, 'h-bad');
    const other = await registerHall(a.url, admin, 'h-other');
    const e = new SimulatedHall({ hallId: 'h-bad', start: Date.parse('2026-03-02T01:00:00Z') }).day(1);
    expect((await api(a.url, 'POST', '/hub/halls/h-bad/events', { events: e }, other)).status).toBe(403);
    expect((await api(a.url, 'POST', '/hub/halls/h-bad/events', { events: e })).status).toBe(401);
    expect((await api(a.url, 'POST', '/hub/halls/h-bad/events', { events: [{ ...e[0], type: 'nope' }] }, token)).status).toBe(400);
    expect((await api(a.url, 'POST', '/hub/halls/h-bad/events', { events: [{ ...e[0], hallId: 'h-other' }] }, token)).status).toBe(400);
    expect((await api(a.url, 'POST', '/hub/halls/h-bad/events', { events: e }, admin)).status).toBe(403);
    expect((await api(a.url, 'POST', '/hub/halls', { id: 'h-bad', name: 'again' }, admin)).status).toBe(409);
    expect((await api(a.url, 'POST', '/hub/halls', { id: 'bad id!', name: 'x' }, admin)).status).toBe(400);
    expect(await stored('h-bad')).toEqual([]);
  });

  test('two processes ingesting the same hall\'s batches at once store each seq once, in order', async () => {
    const token = await registerHall(a.url, admin, 'h-race');
    const events = new SimulatedHall({ hallId: 'h-race', start: Date.parse('2026-03-02T01:00:00Z') }).day(100);
    // Every batch goes to both processes at the same moment, as a retry through a load balancer would.
    for (let i = 0; i < events.length; i += 37) {
      const batch = { events: events.slice(Math.max(0, i - 10), i + 37) };
      const answers = await Promise.all([a, b, a].map((h) => api<{ ackSeq: number }>(h.url, 'POST', '/hub/halls/h-race/events', batch, token)));
      for (const r of answers) expect(r.status).toBe(200);
    }
    expect(await stored('h-race')).toEqual(events.map((e) => e.seq));
  });

  test('hall.updated reaches a city socket on the other process, and /hub/halls shows waiting per service', async () => {
    const token = await registerHall(a.url, admin, 'h-live', { district: 'East', location: { lat: 31.2, lng: 121.5 } });
    const socket: Socket = connect(b.url, { auth: { token: admin }, transports: ['websocket'] });
    await new Promise<void>((resolve, reject) => {
      socket.on('connect', () => resolve());
      socket.on('connect_error', reject);
    });
    const got = new Promise<{ hallId: string; ackSeq: number; waiting: number }>((resolve) =>
      socket.on('hall.updated', (m: { hallId: string; ackSeq: number; waiting: number }) => m.hallId === 'h-live' && resolve(m)),
    );
    const hall = new SimulatedHall({ hallId: 'h-live', start: Date.parse('2026-03-02T01:00:00Z'), services: ['svc-a'] });
    const events = [...hall.day(2), ...hall.issueOnly(Date.parse('2026-03-02T02:00:00Z')), ...hall.issueOnly(Date.parse('2026-03-02T02:01:00Z'))];
    const hallInfo = { publicUrl: 'http://hall.example:3000', services: [{ id: 'svc-a', name: { zh: '营业执照', en: 'Business licence' } }] };
    const live = { services: [{ serviceId: 'svc-a', estimatedWaitSeconds: 420 }] };
    await api(a.url, 'POST', '/hub/halls/h-live/events', { events, hall: hallInfo, live }, token);
    const msg = await got;
    expect(msg).toMatchObject({ hallId: 'h-live', ackSeq: events.length, waiting: 2 });
    socket.close();
    const list = await api<Array<Record<string, unknown>>>(b.url, 'GET', '/hub/halls');
    expect(list.body.find((h) => h['id'] === 'h-live')).toMatchObject({
      name: 'Hall h-live', district: 'East', online: true, ackSeq: events.length, waiting: 2,
      publicPageUrl: 'http://hall.example:3000/h/h-live',
      services: [{ id: 'svc-a', name: { zh: '营业执照', en: 'Business licence' }, waiting: 2, estimatedWaitSeconds: 420, estimatedWaitRange: null }],
    });
  });

  test('a hall that sends a wait range has it on /hub/halls and hall.updated; without one the service falls back to the single figure', async () => {
    const token = await registerHall(a.url, admin, 'h-range');
    const hallInfo = { services: [{ id: 'svc-a', name: { zh: '营业执照', en: 'Business licence' } }, { id: 'svc-b', name: { zh: '税务登记' } }] };
    const range = { lowSeconds: 900, highSeconds: 1500 };
    const live = { services: [{ serviceId: 'svc-a', estimatedWaitSeconds: 1200, estimatedWaitRange: range }, { serviceId: 'svc-b', estimatedWaitSeconds: 300 }] };
    expect((await api(a.url, 'POST', '/hub/halls/h-range/events', { events: [], hall: hallInfo, live }, token)).status).toBe(200);
    const services = async (): Promise<unknown> => (await api<Array<{ id: string; services: unknown }>>(b.url, 'GET', '/hub/halls')).body.find((h) => h.id === 'h-range')!.services;
    expect(await services()).toEqual([
      expect.objectContaining({ id: 'svc-a', estimatedWaitSeconds: 1200, estimatedWaitRange: range }),
      expect.objectContaining({ id: 'svc-b', estimatedWaitSeconds: 300, estimatedWaitRange: null }),
    ]);
    // The next push without a range (or without an estimate) drops it: no stale range beside a new figure.
    const next = { services: [{ serviceId: 'svc-a', estimatedWaitSeconds: null, estimatedWaitRange: range }, { serviceId: 'svc-b', estimatedWaitSeconds: 240, estimatedWaitRange: null }] };
    expect((await api(a.url, 'POST', '/hub/halls/h-range/events', { events: [], live: next }, token)).status).toBe(200);
    expect(await services()).toEqual([
      expect.objectContaining({ id: 'svc-a', estimatedWaitSeconds: null, estimatedWaitRange: null }),
      expect.objectContaining({ id: 'svc-b', estimatedWaitSeconds: 240, estimatedWaitRange: null }),
    ]);
    // A range whose low exceeds its high is refused.
    const bad = { services: [{ serviceId: 'svc-a', estimatedWaitSeconds: 600, estimatedWaitRange: { lowSeconds: 700, highSeconds: 500 } }] };
    expect((await api(a.url, 'POST', '/hub/halls/h-range/events', { events: [], live: bad }, token)).status).toBe(400);
  });

  test('an ingest with live estimates writes the ranges and builds its answer from them in one round trip; without, it reads them once', async () => {
    await registerHall(a.url, admin, 'h-trips');
    const calls: string[] = [];
    const mem = memoryHashes();
    const counted: RangeHashes = {
      write: (...x) => (calls.push('write'), mem.write(...x)),
      getAll: (...x) => (calls.push('getAll'), mem.getAll(...x)),
    };
    const ranges = liveRanges(counted, uniquePrefix());
    const range = { lowSeconds: 900, highSeconds: 1500 };
    const hall = { services: [{ id: 'svc-a', name: {} }, { id: 'svc-b', name: {} }] };
    await ingestBatch(pool, 'h-trips', { events: [], hall, live: { services: [{ serviceId: 'svc-a', estimatedWaitSeconds: 1200, estimatedWaitRange: range }] } }, 0, 60_000, ranges);
    // svc-a is not in this push: its range from the last one stays in the answer.
    const live = { services: [{ serviceId: 'svc-b', estimatedWaitSeconds: 300, estimatedWaitRange: { lowSeconds: 60, highSeconds: 600 } }] };
    calls.length = 0;
    const withLive = await ingestBatch(pool, 'h-trips', { events: [], live }, 0, 60_000, ranges);
    expect(calls).toEqual(['write']);
    expect(withLive.hall?.services).toEqual([
      expect.objectContaining({ id: 'svc-a', estimatedWaitSeconds: 1200, estimatedWaitRange: range }),
      expect.objectContaining({ id: 'svc-b', estimatedWaitSeconds: 300, estimatedWaitRange: { lowSeconds: 60, highSeconds: 600 } }),
    ]);
    calls.length = 0;
    const withoutLive = await ingestBatch(pool, 'h-trips', { events: [], hall: { waitTargetSeconds: 900 } }, 0, 60_000, ranges);
    expect(calls).toEqual(['getAll']);
    expect(withoutLive.hall?.services).toEqual(withLive.hall?.services);
  });

  test('a city socket without a staff token is refused', async () => {
    const socket = connect(a.url, { auth: { token: 'nope' }, transports: ['websocket'], reconnection: false });
    const err = await new Promise<Error>((resolve) => socket.on('connect_error', resolve));
    expect(err.message).toBe('unauthorized');
    socket.close();
  });

  test('GET /hub/stats: city staff only, dates checked, the figures of what was ingested with byHall', async () => {
    expect((await api(a.url, 'GET', '/hub/stats?from=2026-03-02')).status).toBe(401);
    const bad = await api(a.url, 'GET', '/hub/stats?from=2026-03-05&to=2026-03-02', undefined, admin);
    expect(bad.status).toBe(400);
    expect((await api(a.url, 'GET', '/hub/stats?from=2026-3-5', undefined, admin)).status).toBe(400);
    expect((await api(a.url, 'GET', '/hub/stats?from=2026-03-02&hallId=nope', undefined, admin)).status).toBe(404);
    const s = await api<{ issued: number; byHall: Array<{ hallId: string; issued: number }> }>(b.url, 'GET', '/hub/stats?from=2026-03-02&hallId=h-race', undefined, admin);
    expect(s.status).toBe(200);
    expect(s.body.issued).toBe(100);
    expect(s.body.byHall).toEqual([expect.objectContaining({ hallId: 'h-race', issued: 100 })]);
    const city = await api<{ issued: number; byHall: Array<{ hallId: string; issued: number }> }>(b.url, 'GET', '/hub/stats?from=2026-03-02&to=2026-03-02', undefined, admin);
    expect(city.body.issued).toBe(city.body.byHall.reduce((n, h) => n + h.issued, 0));
  });

  test('wrong passwords slow down the account tried (429 with Retry-After on every process); others still sign in', async () => {
    for (let i = 0; i < 5; i++) expect((await api([a, b][i % 2]!.url, 'POST', '/hub/auth/login', { username: 'nobody', password: 'wrong' })).status).toBe(401);
    const res = await fetch(`${b.url}/api/v1/hub/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'nobody', password: 'wrong' }) });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await api(b.url, 'POST', '/hub/auth/login', { username: 'admin', password: 'city-admin-secret' })).status).toBe(200);
  });
});
