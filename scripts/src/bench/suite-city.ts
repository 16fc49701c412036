// The city hub under a city's peak: N simulated halls (default 200; --halls=2000) push a busy
// day's events (100 tickets/s city-wide, six events each) to two hub processes on PostgreSQL and
// Redis. Measured: ingest rate, lag from an event appended at its hall to (a) `hall.updated` on a
// city socket connected to the OTHER hub process and (b) its ackSeq in GET /hub/halls (polled),
// loss and duplicates (each hall's log against the hub, seq by seq counts), each hub's RSS.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { io, type Socket } from 'socket.io-client';
import { addTicket, makeHall, type BenchHall } from './city-halls';
import { json, mb, sleep, summarise } from './measure';
import { REPO_ROOT, startChild, type Child } from './processes';
import type { Row } from './report';

const ADMIN_URL = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const PASSWORD = 'bench-city-admin';

/** CPU seconds (user + system) a process has used, from /proc. */
function cpuSeconds(child: Child): number {
  const fields = readFileSync(`/proc/${child.process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function argNumber(name: string, fallback: number): number {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`));
  return a ? Number(a.split('=')[1]) : fallback;
}

async function withAdmin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export async function benchCity(quick: boolean): Promise<Row[]> {
  const hallCount = argNumber('halls', 200);
  const ticketsPerSecond = argNumber('tickets-per-second', 100);
  const seconds = argNumber('seconds', quick ? 20 : 60);
  const db = `hub_bench_${randomBytes(4).toString('hex')}`;
  await withAdmin((c) => c.query(`CREATE DATABASE ${db}`)).catch((err: unknown) => {
    throw new Error(`the city bench needs PostgreSQL (DATABASE_URL=${ADMIN_URL}) and Redis (REDIS_URL): ${String(err)}`);
  });
  const u = new URL(ADMIN_URL);
  u.pathname = `/${db}`;
  const env = { DATABASE_URL: u.toString(), REDIS_URL, HUB_ADMIN_PASSWORD: PASSWORD, REDIS_CHANNEL_PREFIX: db, LOG_LEVEL: 'warn' };
  const main = path.join(REPO_ROOT, 'apps/hub/dist/main.js');
  const hubs: Child[] = [];
  const sockets: Socket[] = [];
  const halls: BenchHall[] = [];
  try {
    hubs.push(await startChild(main, [], env));
    hubs.push(await startChild(main, [], env));
    const admin = (await json<{ token: string }>(`${hubs[0]!.url}/api/v1/hub/auth/login`, { method: 'POST', body: { username: 'admin', password: PASSWORD } })).body.token;
    for (let i = 0; i < hallCount; i++) {
      const id = `bench-${i}`;
      const r = await json<{ token: string }>(`${hubs[0]!.url}/api/v1/hub/halls`, { method: 'POST', token: admin, body: { id, name: `Hall ${i}`, district: `D${i % 12}` } });
      halls.push(makeHall(id, i % 2, hubs[i % 2]!.url, r.body.token));
    }
    const byId = new Map(halls.map((h) => [h.id, h]));
    // Halls come online over a few seconds, as they would, not all in the same millisecond.
    for (let i = 0; i < halls.length; i++) {
      halls[i]!.pusher.start();
      if (i % 50 === 49) await sleep(100);
    }
    await Promise.all(halls.map((h) => h.pusher.until(0, 120_000)));

    // (a) city sockets, one per process; a hall's updates count on the socket of the other process.
    const socketLags: number[] = [];
    const seenBySocket = new Map<string, number>();
    for (let k = 0; k < 2; k++) {
      const s = io(hubs[k]!.url, { transports: ['websocket'], auth: { token: admin }, forceNew: true });
      s.on('hall.updated', (m: { hallId: string; ackSeq: number }) => {
        const now = performance.now();
        const h = byId.get(m.hallId);
        if (!h || h.hubIndex === k) return;
        const from = seenBySocket.get(m.hallId) ?? 0;
        for (let seq = from + 1; seq <= m.ackSeq; seq++) socketLags.push(now - h.appendedAt[seq - 1]!);
        seenBySocket.set(m.hallId, Math.max(from, m.ackSeq));
      });
      sockets.push(s);
      await new Promise<void>((resolve) => s.once('connect', () => resolve()));
    }

    // (b) GET /hub/halls on the other process than the first hall's, polled.
    const pollLags: number[] = [];
    const seenByPoll = new Map<string, number>();
    let polling = true;
    let pollErrors = 0;
    const poll = (async () => {
      while (polling) {
        const t0 = performance.now();
        const answer = await json<Array<{ id: string; ackSeq: number }>>(`${hubs[1]!.url}/api/v1/hub/halls`).catch(() => null);
        const now = performance.now();
        if (!answer || answer.status !== 200 || !Array.isArray(answer.body)) {
          pollErrors++;
          await sleep(500);
          continue;
        }
        const list = answer.body;
        for (const x of list) {
          const h = byId.get(x.id)!;
          const from = seenByPoll.get(x.id) ?? 0;
          for (let seq = from + 1; seq <= x.ackSeq; seq++) pollLags.push(now - h.appendedAt[seq - 1]!);
          seenByPoll.set(x.id, Math.max(from, x.ackSeq));
        }
        await sleep(Math.max(0, 500 - (now - t0)));
      }
    })();

    // The load: ticketsPerSecond across the city, spread over the halls, in 100 ms ticks.
    const rss: number[][] = [[], []];
    const cpuBefore = hubs.map(cpuSeconds);
    const started = performance.now();
    let issued = 0;
    let next = 0;
    while (performance.now() - started < seconds * 1000) {
      const due = Math.floor(((performance.now() - started) / 1000) * ticketsPerSecond);
      for (; issued < due; issued++) addTicket(halls[next++ % halls.length]!, performance.now());
      if (issued % ticketsPerSecond < 10) hubs.forEach((h, i) => rss[i]!.push(h.rssBytes()));
      await sleep(100);
    }
    const loadSeconds = (performance.now() - started) / 1000;
    await Promise.all(halls.map((h) => h.pusher.until(h.log.length, 180_000)));
    const drained = (performance.now() - started) / 1000;
    await sleep(1500);
    polling = false;
    await poll;
    hubs.forEach((h, i) => rss[i]!.push(h.rssBytes()));
    const cpuUsed = hubs.reduce((sum, h, i) => sum + cpuSeconds(h) - cpuBefore[i]!, 0);

    // Loss and duplicates: every hall's log against what the hub stored.
    const stored = await withAdmin(async () => {
      const c = new Client({ connectionString: u.toString() });
      await c.connect();
      const r = await c.query<{ hall_id: string; n: string; distinct_n: string; max_seq: string }>(
        'SELECT hall_id, count(*) AS n, count(DISTINCT seq) AS distinct_n, max(seq) AS max_seq FROM events GROUP BY hall_id',
      );
      await c.end();
      return new Map(r.rows.map((x) => [x.hall_id, { n: Number(x.n), distinct: Number(x.distinct_n), max: Number(x.max_seq) }]));
    });
    let lost = 0;
    let duplicated = 0;
    for (const h of halls) {
      const s = stored.get(h.id) ?? { n: 0, distinct: 0, max: 0 };
      lost += h.log.length - s.distinct;
      duplicated += s.n - s.distinct;
    }
    const events = halls.reduce((n, h) => n + h.log.length, 0);
    const sock = summarise(socketLags);
    const polled = summarise(pollLags);
    const maxRss = rss.map((r) => Math.max(...r));
    const tag = `${hallCount} halls`;
    return [
      { suite: 'city', figure: `${tag}: events pushed (${ticketsPerSecond} tickets/s for ${Math.round(loadSeconds)} s)`, value: events, unit: 'events' },
      { suite: 'city', figure: `${tag}: ingest rate (all stored by ${drained.toFixed(1)} s)`, value: events / drained, unit: 'events/s', goal: `>= ${ticketsPerSecond * 6}`, met: events / drained >= ticketsPerSecond * 6 * 0.95 },
      { suite: 'city', figure: `${tag}: lag to hall.updated on the other process, p50`, value: sock.p50, unit: 'ms' },
      { suite: 'city', figure: `${tag}: lag to hall.updated on the other process, p99 (n=${sock.n})`, value: sock.p99, unit: 'ms', goal: '< 1000', met: sock.p99 < 1000 },
      { suite: 'city', figure: `${tag}: lag to GET /hub/halls (polled every 0.5 s), p99`, value: polled.p99, unit: 'ms', goal: '< 1000 + poll', met: polled.p99 < 1500 },
      { suite: 'city', figure: `${tag}: GET /hub/halls polls that failed`, value: pollErrors, unit: 'polls' },
      { suite: 'city', figure: `${tag}: events lost + duplicated`, value: lost + duplicated, unit: 'events', goal: '0', met: lost === 0 && duplicated === 0 },
      { suite: 'city', figure: `${tag}: hub CPU per 1000 events (both processes, incl. idle heartbeats)`, value: (cpuUsed / events) * 1000, unit: 's' },
      ...maxRss.map((r, i): Row => ({ suite: 'city', figure: `${tag}: hub process ${i + 1} RSS, max`, value: mb(r), unit: 'MB', goal: '< 300', met: mb(r) < 300 })),
    ];
  } finally {
    for (const s of sockets) s.close();
    await Promise.allSettled(halls.map((h) => h.pusher.stop()));
    await Promise.allSettled(hubs.map((h) => h.stop()));
    await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`)).catch(() => undefined);
  }
}
