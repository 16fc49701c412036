// Two real hub processes (built apps/hub) on a fresh PostgreSQL database and the local Redis.
// Without PostgreSQL or Redis the hub's browser tests are skipped, loudly.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Client } from 'pg';
import { REPO_ROOT } from '../support';

const ADMIN_URL = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const HUB_MAIN = path.join(REPO_ROOT, 'apps/hub/dist/main.js');
export const HUB_ADMIN_PASSWORD = 'city-admin-e2e';

function missing(): string | null {
  const script = `const { Client } = require('pg'); const { createClient } = require('redis');
    (async () => { const c = new Client({ connectionString: process.env.PGURL, connectionTimeoutMillis: 2000 }); await c.connect(); await c.end();
      const r = createClient({ url: process.env.RURL, socket: { connectTimeout: 2000, reconnectStrategy: false } }); r.on('error', () => {}); await r.connect(); await r.quit(); })()
      .then(() => process.exit(0), (e) => { console.log(e.message); process.exit(1); });`;
  const r = spawnSync(process.execPath, ['-e', script], { cwd: path.join(REPO_ROOT, 'apps/hub'), env: { ...process.env, PGURL: ADMIN_URL, RURL: REDIS_URL }, encoding: 'utf8', timeout: 15_000 });
  return r.status === 0 ? null : `PostgreSQL (${ADMIN_URL}) or Redis (${REDIS_URL}) does not answer: ${r.stdout.trim() || r.stderr.trim()}`;
}

export function describeWithHub(name: string, body: () => void): void {
  const why = missing();
  if (why) {
    // Straight to stderr: jest drops the console output of a file whose tests were all skipped
    // when it runs several files, and this message is the point.
    process.stderr.write(`${'!'.repeat(100)}\n!! SKIPPED: city hub browser tests "${name}": ${why}\n!! Start PostgreSQL and Redis (bash .ci/run does).\n${'!'.repeat(100)}\n`);
    describe.skip(name, body);
  } else describe(name, body);
}

export interface HubPair {
  urls: [string, string];
  stop: () => Promise<void>;
}

export async function startHubPair(): Promise<HubPair> {
  const db = `hub_e2e_${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${db}`);
  await admin.end();
  const u = new URL(ADMIN_URL);
  u.pathname = `/${db}`;
  const children: ChildProcess[] = [];
  const start = () =>
    new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [HUB_MAIN], {
        env: { ...process.env, DATABASE_URL: u.toString(), REDIS_URL, HUB_ADMIN_PASSWORD, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', REDIS_CHANNEL_PREFIX: db },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
      let out = '';
      child.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /HallQ city hub (http:\/\/\S+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
      child.once('exit', (code) => reject(new Error(`hub exited ${code}: ${out}`)));
    });
  // One after the other: the first applies the migrations (the second would wait on their lock anyway).
  const a = await start();
  const b = await start();
  return {
    urls: [a, b],
    stop: async () => {
      await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : (c.once('exit', r), c.kill('SIGTERM'))))));
      const c = new Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function hubApi<T = unknown>(url: string, method: string, p: string, body?: unknown, token?: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${url}/api/v1${p}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

/** A hall's day so far: `issued` tickets from 09:00 local (Asia/Shanghai) today, all but `waiting` served. */
export function hallDay(hallId: string, issued: number, waiting: number, firstSeq = 1): Array<Record<string, unknown>> {
  const shanghaiToday = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const base = Date.parse(`${shanghaiToday}T01:00:00Z`);
  const out: Array<Record<string, unknown>> = [];
  let seq = firstSeq;
  const push = (type: string, at: number, payload: object) => out.push({ ...payload, seq: seq++, type, at: new Date(at).toISOString(), hallId, actor: { kind: 'system', id: null } });
  for (let i = 0; i < issued; i++) {
    const id = `${hallId}-${firstSeq}-${i}`;
    const serviceId = i % 2 === 0 ? 'svc-biz' : 'svc-id';
    const at = base + i * 7 * 60_000;
    push('ticket.issued', at, { ticket: { id, number: `A${i}`, serviceId, status: 'waiting', issuedAt: new Date(at).toISOString() } });
    if (i >= issued - waiting) continue;
    const call = { ticketId: id, number: `A${i}`, serviceId, windowId: 'w1', windowNumber: 1, staffId: 's1', stage: 0 };
    push('ticket.called', at + (10 + (i % 5) * 12) * 60_000, { ...call, recall: false });
    push('ticket.started', at + (11 + (i % 5) * 12) * 60_000, call);
    push('ticket.completed', at + (20 + (i % 5) * 12) * 60_000, { ...call, firstTimeAccepted: true });
  }
  return out;
}

export const HALL_SERVICES = [
  { id: 'svc-biz', name: { zh: '企业开办', en: 'Business start-up' } },
  { id: 'svc-id', name: { zh: '户籍身份证', en: 'Residence and ID' } },
];
