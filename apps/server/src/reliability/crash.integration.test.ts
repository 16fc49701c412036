// Nothing lost, nothing duplicated, through hard kills under load. The BUILT server is started,
// kiosks issue tickets and windows call, start and complete them concurrently, and the process is
// killed with SIGKILL at a random moment, then restarted on the same data dir. The clients keep
// a history of what the server acknowledged (every 2xx), and after each restart and at the end it
// is checked against the database: every acknowledged ticket exists with its number, no number is
// reused or skipped for a prefix and day, no acknowledged call is undone, the event seq is gapless.
// Default run: 8 cycles. HALLQ_SOAK=1: 100 cycles (results in docs/reliability.md).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { buildIfStale, freePort, startBuilt, type RunningServer } from './support/built-server';

const SOAK = process.env.HALLQ_SOAK === '1';
const CYCLES = SOAK ? 100 : 8;
const KIOSKS = 4;
const WINDOWS = 4;

type Status = 'waiting' | 'called' | 'serving' | 'done';
const RANK: Record<string, number> = { waiting: 0, called: 1, serving: 2, done: 3, no_show: 3, cancelled: 3 };

interface Ack {
  id: string;
  number: string;
  serviceDate: string;
  /** The furthest state the server acknowledged for this ticket. */
  status: Status;
}

/** A seeded pseudo-random source, so a failing run can be replayed with HALLQ_CRASH_SEED. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Down extends Error {}

describe('crash: SIGKILL at random moments during concurrent issuing and calling', () => {
  beforeAll(() => buildIfStale(), 240_000);

  test(`${CYCLES} kill/restart cycles lose nothing and duplicate nothing`, async () => {
    const seed = Number(process.env.HALLQ_CRASH_SEED ?? Date.now() % 1_000_000);
    const random = rng(seed);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hallq-crash-'));
    const port = await freePort();
    const base = `http://127.0.0.1:${port}/api/v1`;
    let server: RunningServer = await startBuilt({ dataDir, port });

    // Every call goes through here: a refused connection or reset means the server is down.
    const call = async (method: string, p: string, token: string | null, body?: unknown, headers: Record<string, string> = {}) => {
      let res: Response;
      try {
        res = await fetch(`${base}${p}`, {
          method,
          headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const text = await res.text();
        return { status: res.status, body: text ? JSON.parse(text) : null };
      } catch {
        throw new Down();
      }
    };

    const kiosk = ((await call('GET', '/pair/demo?kind=kiosk', null)).body as { token: string }).token;
    const hallId = ((await call('GET', '/me', kiosk)).body as { hallId: string }).hallId;
    const config = (await call('GET', `/halls/${hallId}`, kiosk)).body as {
      services: Array<{ id: string; prefix: string; active: boolean; stages?: Array<{ officersOnly: boolean }> }>;
      windows: Array<{ id: string; number: number; skills: Array<{ serviceId: string }> }>;
    };
    // Officers at windows 1..WINDOWS (wNN may sign in at window NN in the demo hall).
    const windows: Array<{ id: string; token: string; current: string | null }> = [];
    for (const w of [...config.windows].sort((a, b) => a.number - b.number)) {
      if (windows.length === WINDOWS) break;
      const username = `w${String(w.number).padStart(2, '0')}`;
      const login = await call('POST', '/auth/login', null, { username, password: 'demo' });
      if (login.status !== 200 || login.body.staff.role !== 'officer') continue;
      const token = login.body.token as string;
      expect((await call('POST', `/windows/${w.id}/sign-in`, token, {})).status).toBe(200);
      windows.push({ id: w.id, token, current: null });
    }
    expect(windows.length).toBeGreaterThan(1);
    const servable = new Set(config.windows.filter((w) => windows.some((x) => x.id === w.id)).flatMap((w) => w.skills.map((s) => s.serviceId)));
    const services = config.services.filter((s) => s.active && servable.has(s.id));
    expect(services.length).toBeGreaterThan(0);

    const acked = new Map<string, Ack>();
    const calledBy = new Map<string, string>(); // ticket -> window that the server said called it
    const callAcks: string[] = [];
    const retryKeys: string[] = []; // issue requests whose answer was lost: retried with the same key
    const issuedKeys = new Map<string, string>(); // Idempotency-Key -> ticket id
    let keyCounter = 0;
    let failures: string[] = [];

    const acknowledge = (t: { id: string; number: string; serviceDate: string; status: Status }) => {
      const before = acked.get(t.id);
      if (before && before.number !== t.number) failures.push(`ticket ${t.id} was ${before.number}, now ${t.number}`);
      if (!before || RANK[t.status]! > RANK[before.status]!) acked.set(t.id, { id: t.id, number: t.number, serviceDate: t.serviceDate, status: t.status });
    };
    const advance = (id: string, status: Status) => {
      const a = acked.get(id);
      if (a && RANK[status]! > RANK[a.status]!) a.status = status;
    };

    const keyService = new Map<string, string>(); // a retry sends exactly the first body again
    const issueOnce = async (key: string) => {
      let serviceId = keyService.get(key);
      if (serviceId === undefined) {
        serviceId = services[Math.floor(random() * services.length)]!.id;
        keyService.set(key, serviceId);
      }
      const r = await call('POST', `/halls/${hallId}/tickets`, kiosk, { serviceId }, { 'idempotency-key': key });
      if (r.status !== 201) {
        failures.push(`issue answered ${r.status} ${JSON.stringify(r.body)}`);
        return;
      }
      const t = r.body.ticket;
      const earlier = issuedKeys.get(key);
      if (earlier !== undefined && earlier !== t.id) failures.push(`key ${key} gave two tickets`);
      issuedKeys.set(key, t.id);
      acknowledge(t);
    };

    const kioskLoop = async (stop: () => boolean) => {
      while (!stop()) {
        const key = retryKeys.shift() ?? `k-${++keyCounter}`;
        try {
          await issueOnce(key);
        } catch (e) {
          if (!(e instanceof Down)) throw e;
          retryKeys.push(key);
          return;
        }
      }
    };

    const windowLoop = async (w: (typeof windows)[number], stop: () => boolean) => {
      while (!stop()) {
        try {
          if (w.current === null) {
            const r = await call('POST', `/windows/${w.id}/call-next`, w.token, {});
            if (r.status === 204) {
              await new Promise((res) => setTimeout(res, 5));
              continue;
            }
            if (r.status === 409 && r.body.error.code === 'window_busy') {
              // The call committed but its answer was lost in a crash: carry on with that ticket.
              w.current = r.body.error.details.ticketId as string;
              continue;
            }
            if (r.status !== 200) {
              failures.push(`call-next answered ${r.status} ${JSON.stringify(r.body)}`);
              return;
            }
            const t = r.body.ticket;
            const other = calledBy.get(t.id);
            if (other !== undefined) failures.push(`${t.number} called twice (${other}, ${w.id})`);
            calledBy.set(t.id, w.id);
            callAcks.push(t.id);
            acknowledge(t);
            w.current = t.id;
          }
          const id: string = w.current!;
          // After a crash the last answer may be lost: a 409 naming a later state means the
          // lost request did commit, and the window carries on from there.
          const lostAnswer = (r: { status: number; body: { error?: { details?: { status?: string } } } }, after: Status[]) =>
            r.status === 409 && after.includes(r.body.error?.details?.status as Status);
          const start = await call('POST', `/tickets/${id}/start`, w.token, {});
          if (start.status === 200) advance(id, 'serving');
          else if (lostAnswer(start, ['done'])) {
            w.current = null;
            continue;
          } else if (!lostAnswer(start, ['serving'])) {
            failures.push(`start answered ${start.status} ${JSON.stringify(start.body)}`);
            return;
          }
          const done = await call('POST', `/tickets/${id}/complete`, w.token, {});
          if (done.status === 200) advance(id, 'done');
          else if (!lostAnswer(done, ['done'])) {
            failures.push(`complete answered ${done.status} ${JSON.stringify(done.body)}`);
            return;
          }
          w.current = null;
        } catch (e) {
          if (!(e instanceof Down)) throw e;
          return;
        }
      }
    };

    const openDb = () => new Database(path.join(dataDir, 'hallq.sqlite'), { readonly: true, fileMustExist: true });
    const check = (label: string) => {
      const db = openDb();
      try {
        const rows = new Map(
          (db.prepare('SELECT id, number, service_date, status FROM tickets WHERE hall_id = ?').all(hallId) as Array<{
            id: string;
            number: string;
            service_date: string;
            status: string;
          }>).map((r) => [r.id, r]),
        );
        for (const a of acked.values()) {
          const row = rows.get(a.id);
          if (!row) failures.push(`${label}: acknowledged ${a.number} (${a.id}) is missing`);
          else {
            if (row.number !== a.number || row.service_date !== a.serviceDate) failures.push(`${label}: ${a.id} is ${row.number}, was acknowledged as ${a.number}`);
            if (RANK[row.status]! < RANK[a.status]!) failures.push(`${label}: ${a.number} went back from ${a.status} to ${row.status}`);
          }
        }
        // One ticket per Idempotency-Key: every ticket in the database was asked for by one key.
        const perDay = new Map<string, number[]>();
        for (const r of rows.values()) {
          const m = /^([A-Z]+)(\d+)$/.exec(r.number);
          if (!m) {
            failures.push(`${label}: odd number ${r.number}`);
            continue;
          }
          const k = `${r.service_date} ${m[1]}`;
          perDay.set(k, [...(perDay.get(k) ?? []), Number(m[2])]);
        }
        for (const [k, seqs] of perDay) {
          seqs.sort((a, b) => a - b);
          const expected = seqs.map((_, i) => i + 1);
          if (JSON.stringify(seqs) !== JSON.stringify(expected)) failures.push(`${label}: ${k} numbers are not 1..${seqs.length} exactly once: ${seqs.join(',')}`);
        }
        const ev = db.prepare('SELECT MIN(seq) AS lo, MAX(seq) AS hi, COUNT(*) AS n FROM events WHERE hall_id = ?').get(hallId) as { lo: number; hi: number; n: number };
        if (ev.n > 0 && (ev.lo !== 1 || ev.hi !== ev.n)) failures.push(`${label}: event seq not gapless: ${JSON.stringify(ev)}`);
        const issuedEvents = (db.prepare("SELECT COUNT(*) AS n FROM events WHERE hall_id = ? AND type = 'ticket.issued'").get(hallId) as { n: number }).n;
        if (issuedEvents !== rows.size) failures.push(`${label}: ${rows.size} tickets but ${issuedEvents} ticket.issued events`);
        const twice = db
          .prepare("SELECT json_extract(payload, '$.ticketId') AS id, COUNT(*) AS n FROM events WHERE hall_id = ? AND type = 'ticket.called' GROUP BY 1 HAVING n > 1")
          .all(hallId);
        if (twice.length > 0) failures.push(`${label}: tickets called more than once: ${JSON.stringify(twice)}`);
        return { tickets: rows.size, events: ev.n };
      } finally {
        db.close();
      }
    };

    try {
      for (let cycle = 0; cycle < CYCLES; cycle++) {
        let stopped = false;
        const stop = () => stopped;
        const loops = [
          ...Array.from({ length: KIOSKS }, () => kioskLoop(stop)),
          ...windows.map((w) => windowLoop(w, stop)),
        ];
        // Kill at a random moment, from almost at once to ~1.5 s into the load.
        await new Promise((r) => setTimeout(r, 20 + Math.floor(random() * 1500)));
        await server.kill();
        stopped = true;
        await Promise.all(loops);
        expect({ seed, cycle, failures }).toEqual({ seed, cycle, failures: [] });
        check(`after kill ${cycle + 1}`);
        expect({ seed, cycle, failures }).toEqual({ seed, cycle, failures: [] });
        server = await startBuilt({ dataDir, port });
      }
      // Retry every issue whose answer was lost: the same key never makes a second ticket.
      while (retryKeys.length > 0) await issueOnce(retryKeys.shift()!);
      await server.stop();
      const final = check('final');
      expect({ seed, failures }).toEqual({ seed, failures: [] });
      // Every ticket in the database came from a key a kiosk sent, once.
      expect(final.tickets).toBe(issuedKeys.size);
      expect(new Set(issuedKeys.values()).size).toBe(issuedKeys.size);
      expect(callAcks.length).toBeGreaterThan(0);
      expect(acked.size).toBeGreaterThan(CYCLES);
      if (SOAK) {
        console.log(`crash soak: seed ${seed}, ${CYCLES} kills, ${final.tickets} tickets, ${callAcks.length} acknowledged calls, ${final.events} events, no loss, no duplicate`);
      }
      failures = [];
    } finally {
      await server.kill();
    }
  }, SOAK ? 1_800_000 : 150_000);
});
