// Faults while halls push: a hub process killed with SIGKILL mid-ingest, every database
// connection terminated (as a PostgreSQL restart does), a hub restarted while the database refuses
// connections, a hall cut off from the city network for a while. Afterwards the hub holds exactly
// every hall's events, compared seq by seq (type, time and payload) with each hall's own log.
import { HubPusher, type PusherSource } from '@hallq/client';
import type { HallEvent } from '@hallq/shared';
import { Client, Pool } from 'pg';
import { SimulatedHall } from '../simulated-hall';
import { ADMIN_DATABASE_URL, createTestDatabase, describeWithDatabases, terminateConnections, type TestDatabase } from '../test-support/databases';
import { spawnHub, type HubProcess } from '../test-support/hub-process';
import { adminToken, registerHall, uniquePrefix } from '../test-support/hubs';

jest.setTimeout(180_000);

const HALLS = 6;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A load balancer in front of the live hub processes: round robin, as nginx would. */
class Balancer {
  urls: string[] = [];
  private next = 0;
  fetchFor(hall: { cut: boolean }): typeof fetch {
    return (input, init) => {
      if (hall.cut) return Promise.reject(new TypeError('fetch failed: the hall is cut off'));
      if (this.urls.length === 0) return Promise.reject(new TypeError('fetch failed: no hub'));
      const u = new URL(String(input));
      const base = this.urls[this.next++ % this.urls.length]!;
      return fetch(`${base}${u.pathname}`, init);
    };
  }
}

interface Hall {
  id: string;
  sim: SimulatedHall;
  log: HallEvent[];
  cut: boolean;
  pusher?: HubPusher;
}

async function allowConnections(dbName: string, allow: boolean): Promise<void> {
  const c = new Client({ connectionString: ADMIN_DATABASE_URL });
  await c.connect();
  await c.query(`ALTER DATABASE ${dbName} ALLOW_CONNECTIONS ${allow}`);
  await c.end();
}

describeWithDatabases('ingest survives hub, database and network faults', () => {
  let db: TestDatabase;
  const procs: HubProcess[] = [];
  const lb = new Balancer();
  const halls: Hall[] = [];
  let producing = true;

  beforeAll(async () => {
    db = await createTestDatabase('hub_fault');
  });

  afterAll(async () => {
    producing = false;
    await Promise.allSettled(halls.map((h) => h.pusher?.stop()));
    for (const p of procs) p.child.kill('SIGKILL');
    await Promise.allSettled(procs.map((p) => p.exited));
    await allowConnections(db.name, true).catch(() => undefined);
    await db?.drop();
  });

  test('afterwards the hub holds exactly every hall\'s events, seq by seq', async () => {
    const prefix = uniquePrefix();
    const start = (): HubProcess => {
      const p = spawnHub(db.url, prefix);
      procs.push(p);
      return p;
    };
    const a = start();
    const b = start();
    const [urlA, urlB] = await Promise.all([a.ready, b.ready]);
    lb.urls = [urlA, urlB];
    const admin = await adminToken(urlA);

    for (let i = 0; i < HALLS; i++) {
      const id = `fault-${i}`;
      const token = await registerHall(urlA, admin, id);
      const hall: Hall = { id, sim: new SimulatedHall({ hallId: id, start: Date.parse('2026-03-02T01:00:00Z'), seed: i + 1 }), log: [], cut: false };
      const source: PusherSource = {
        lastSeq: () => hall.log.length,
        eventsAfter: (after, limit) => hall.log.slice(after, after + limit),
        hallInfo: () => ({ timezone: 'Asia/Shanghai', waitTargetSeconds: 2400 }),
        live: () => ({ services: [] }),
      };
      hall.pusher = new HubPusher({
        hubUrl: 'http://hub.invalid', token, hallId: id, source, fetch: lb.fetchFor(hall),
        batchSize: 50, heartbeatMs: 500, coalesceMs: 5, minBackoffMs: 50, maxBackoffMs: 500, requestTimeoutMs: 5000,
      });
      hall.pusher.start();
      halls.push(hall);
    }
    // Every hall keeps serving visitors whatever the city network does.
    let t = 0;
    const production = (async () => {
      while (producing) {
        for (const h of halls) {
          h.log.push(...h.sim.ticket(Date.parse('2026-03-02T01:00:00Z') + t * 30_000));
          h.pusher!.nudge();
        }
        t++;
        await sleep(15);
      }
    })();

    await sleep(1500);
    // 1. kill -9 one hub process in the middle of ingest.
    a.child.kill('SIGKILL');
    lb.urls = [urlB];
    await a.exited;
    halls[0]!.cut = true; // 2. and one hall loses the city network for a while
    await sleep(1000);

    // 3. the database refuses connections and every connection is terminated (a restart);
    //    a new hub process starts meanwhile and must wait for the database.
    await allowConnections(db.name, false);
    await terminateConnections(db.name);
    const c = start();
    await sleep(1500);
    await allowConnections(db.name, true);
    const urlC = await c.ready;
    lb.urls = [urlB, urlC];
    await sleep(1000);
    halls[0]!.cut = false;
    await sleep(500);
    producing = false;
    await production;

    for (const h of halls) await h.pusher!.until(h.log.length, 60_000);

    const pool = new Pool({ connectionString: db.url, max: 1 });
    try {
      for (const h of halls) {
        const { rows } = await pool.query<{ seq: string; type: string; at: string; payload: Record<string, unknown> }>(
          'SELECT seq, type, at, payload FROM events WHERE hall_id = $1 ORDER BY seq',
          [h.id],
        );
        expect(rows.length).toBe(h.log.length);
        const stored = rows.map((r) => ({ ...r.payload, seq: Number(r.seq), type: r.type, at: new Date(Number(r.at)).toISOString() }));
        const own = h.log.map(({ hallId: _h, actor: _a, ...e }) => e);
        expect(stored).toEqual(own);
      }
      expect(halls.every((h) => h.log.length > 100)).toBe(true);
    } finally {
      await pool.end();
    }
  });
});
