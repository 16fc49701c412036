// Backups and restore: an online backup taken during load is a consistent database holding every
// ticket acknowledged before it began, the server starts on it after a restore and numbering
// continues; `npm run backup` does the same against a running server; a database from a newer
// server version, or a bad configuration, is refused at start with a clear message.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import pino from 'pino';
import { BackupScheduler, DATABASE_FILE, backupDatabase, listBackups, pruneBackups } from '../backup/backup';
import { loadConfig } from '../config';
import { startTestServer, type TestServer } from '../test-support/test-server';
import { buildIfStale, serverRoot, startBuilt, startRefused } from './support/built-server';

const run = promisify(execFile);
const tmp = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `hallq-${name}-`));

/** Restores a backup the documented way: the file becomes the data dir's database, no WAL beside it. */
function restore(backupFile: string, dataDir: string): void {
  fs.mkdirSync(dataDir, { recursive: true });
  for (const f of fs.readdirSync(dataDir)) if (f.startsWith(DATABASE_FILE)) fs.rmSync(path.join(dataDir, f));
  fs.copyFileSync(backupFile, path.join(dataDir, DATABASE_FILE));
}

function consistent(file: string): { tickets: Set<string>; seq: number } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const ev = db.prepare('SELECT MIN(seq) AS lo, MAX(seq) AS hi, COUNT(*) AS n FROM events').get() as { lo: number; hi: number; n: number };
    expect(ev.lo).toBe(1);
    expect(ev.hi).toBe(ev.n);
    const ids = (db.prepare('SELECT id FROM tickets').all() as Array<{ id: string }>).map((r) => r.id);
    const issued = (db.prepare("SELECT COUNT(*) AS n FROM events WHERE type = 'ticket.issued'").get() as { n: number }).n;
    expect(issued).toBe(ids.length);
    return { tickets: new Set(ids), seq: ev.hi };
  } finally {
    db.close();
  }
}

describe('online backup during load, and restore', () => {
  let s: TestServer;
  afterEach(() => s?.close());

  test('a backup taken while kiosks issue holds every ticket acknowledged before it; the server starts on the restore and numbering continues', async () => {
    s = await startTestServer({ limits: { kioskIssueBurst: 1_000_000 } }); // kiosks issue far faster than real ones
    const kiosk = s.deviceToken('kiosk');
    const acked: Array<{ id: string; number: string }> = [];
    let stop = false;
    const load = Array.from({ length: 6 }, async () => {
      while (!stop) {
        const r = await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-food' } });
        expect(r.status).toBe(201);
        acked.push({ id: r.body.ticket.id, number: r.body.ticket.number });
      }
    });
    while (acked.length < 150) await new Promise((r) => setTimeout(r, 5));
    const before = acked.map((t) => t.id);
    const dir = tmp('backups');
    const file = await backupDatabase(s.server.db, dir);
    const during = acked.length;
    while (acked.length < during + 50) await new Promise((r) => setTimeout(r, 5));
    stop = true;
    await Promise.all(load);

    const copy = consistent(file);
    for (const id of before) expect(copy.tickets.has(id)).toBe(true);
    expect(copy.tickets.size).toBeLessThan(acked.length); // a snapshot, not the live file
    await s.close();

    const restored = tmp('restored');
    restore(file, restored);
    s = await startTestServer({ dataDir: restored, seed: null, limits: { kioskIssueBurst: 1_000_000 } });
    const max = Math.max(...acked.filter((t) => copy.tickets.has(t.id)).map((t) => Number(t.number.slice(1))));
    const next = await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-food' } });
    expect(next.status).toBe(201);
    expect(Number(next.body.ticket.number.slice(1))).toBe(max + 1);
    expect((await s.api('GET', '/halls/demo/queue', { token: kiosk })).body.seq).toBe(copy.seq + 1);
  }, 60_000);

  test('the scheduler backs up on demand and keeps only the newest N', async () => {
    s = await startTestServer();
    await s.api('POST', '/halls/demo/tickets', { token: s.deviceToken('kiosk'), body: { serviceId: 'svc-food' } });
    const dir = tmp('sched');
    const scheduler = new BackupScheduler(s.server.db, { intervalMinutes: 60, dir, keep: 3 }, pino({ level: 'silent' }));
    scheduler.start();
    const files: string[] = [];
    for (let i = 0; i < 5; i++) files.push((await scheduler.runOnce())!);
    await scheduler.stop();
    expect(new Set(files).size).toBe(5);
    expect(listBackups(dir)).toEqual(files.slice(2));
    expect(pruneBackups(dir, 1)).toEqual(files.slice(2, 4));
    consistent(listBackups(dir)[0]!);
  });

  test('backup settings come from the environment, with safe defaults', () => {
    const c = loadConfig({ QUEUE_DATA_DIR: '/srv/hallq' }, ['node', 'main']);
    expect(c.backup).toEqual({ intervalMinutes: 60, dir: path.resolve('/srv/hallq/backups'), keep: 48 });
    expect(loadConfig({ BACKUP_INTERVAL_MINUTES: '0', BACKUP_DIR: '/b', BACKUP_KEEP: '7' }, ['node', 'main']).backup).toEqual({
      intervalMinutes: 0,
      dir: path.resolve('/b'),
      keep: 7,
    });
    expect(() => loadConfig({ BACKUP_INTERVAL_MINUTES: 'hourly' }, ['node', 'main'])).toThrow(/BACKUP_INTERVAL_MINUTES/);
    expect(() => loadConfig({ BACKUP_KEEP: '0' }, ['node', 'main'])).toThrow(/BACKUP_KEEP/);
  });
});

describe('the built server: npm run backup, restore, and refusing to start', () => {
  beforeAll(() => buildIfStale(), 240_000);

  test('npm run backup copies the live database while the server works; the server starts on the restored copy', async () => {
    const dataDir = tmp('live');
    const server = await startBuilt({ dataDir });
    const restoredDir = tmp('live-restored');
    try {
      const api = `${server.base}/api/v1`;
      const kiosk = ((await (await fetch(`${api}/pair/demo?kind=kiosk`)).json()) as { token: string }).token;
      const hall = (await (await fetch(`${api}/halls/demo`, { headers: { authorization: `Bearer ${kiosk}` } })).json()) as { services: Array<{ id: string; active: boolean }> };
      const serviceId = hall.services.find((x) => x.active)!.id;
      const acked: string[] = [];
      let stop = false;
      const load = Array.from({ length: 4 }, async () => {
        while (!stop) {
          const r = await fetch(`${api}/halls/demo/tickets`, {
            method: 'POST',
            headers: { authorization: `Bearer ${kiosk}`, 'content-type': 'application/json' },
            body: JSON.stringify({ serviceId }),
          });
          expect(r.status).toBe(201);
          acked.push(((await r.json()) as { ticket: { id: string } }).ticket.id);
        }
      });
      while (acked.length < 40) await new Promise((r) => setTimeout(r, 5));
      const before = [...acked];
      const out = tmp('cli-out');
      const { stdout } = await run('npm', ['run', '-s', 'backup', '--', '--out', out], {
        cwd: serverRoot,
        env: { ...process.env, QUEUE_DATA_DIR: dataDir },
      });
      stop = true;
      await Promise.all(load);
      const file = stdout.trim();
      expect(path.dirname(file)).toBe(out);
      expect(path.basename(file)).toMatch(/^hallq-\d{8}T\d{9}Z\.sqlite$/);
      const copy = consistent(file);
      for (const id of before) expect(copy.tickets.has(id)).toBe(true);

      expect(await server.stop()).toBe(0);
      restore(file, restoredDir);
      const again = await startBuilt({ dataDir: restoredDir });
      try {
        const q = await fetch(`${again.base}/api/v1/halls/demo/queue`, { headers: { authorization: `Bearer ${kiosk}` } });
        expect(q.status).toBe(200);
        expect(((await q.json()) as { seq: number }).seq).toBe(copy.seq);
      } finally {
        await again.kill();
      }
    } finally {
      await server.kill();
    }
  }, 120_000);

  test('npm run backup without a database fails with a clear message', async () => {
    const empty = tmp('empty');
    await expect(run('node', [path.join(serverRoot, 'dist', 'backup-cli.js')], { env: { ...process.env, QUEUE_DATA_DIR: empty } })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/backup failed: no database at .*hallq\.sqlite/),
    });
  });

  test('the server refuses to start on a database from a newer version, and leaves it untouched', async () => {
    const dataDir = tmp('newer');
    const first = await startBuilt({ dataDir });
    await first.stop();
    const db = new Database(path.join(dataDir, DATABASE_FILE));
    db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, '099-future', 0)").run();
    db.close();
    const bytes = fs.readFileSync(path.join(dataDir, DATABASE_FILE));
    const failed = await startRefused({ dataDir });
    expect(failed.exitCode).toBe(1);
    expect(failed.output).toMatch(/schema version 99, newer than this server knows \(\d+\)/);
    expect(fs.readFileSync(path.join(dataDir, DATABASE_FILE)).equals(bytes)).toBe(true);
  }, 60_000);

  test.each([
    [{ PORT: 'eighty' }, /invalid configuration:\s+PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ PUBLIC_URL: 'not a url' }, /PUBLIC_URL/],
    [{ ADMIN_PASSWORD: 'short' }, /ADMIN_PASSWORD needs at least 8 characters/],
  ])('a bad environment %j stops the start with a clear message', async (env, message) => {
    const failed = await startRefused({ dataDir: tmp('badenv'), env: env as Record<string, string> });
    expect(failed.exitCode).toBe(1);
    expect(failed.output).toMatch(message);
  }, 30_000);

  test('outside demo mode an empty database without ADMIN_PASSWORD is refused', async () => {
    const failed = await startRefused({ dataDir: tmp('noadmin'), args: [] });
    expect(failed.exitCode).toBe(1);
    expect(failed.output).toMatch(/the database is empty: set ADMIN_PASSWORD/);
  }, 30_000);
});
