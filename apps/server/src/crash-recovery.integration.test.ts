// Spawns the built server (dist/main.js), issues tickets, kills it with SIGKILL and restarts it
// on the same data dir: the next number continues and nothing is reused.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
// Builds under a lock shared with the reliability tests, so parallel suites never run a half-written dist/.
import { buildIfStale } from './reliability/support/built-server';

const root = path.join(__dirname, '..');
const main = path.join(root, 'dist', 'main.js');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

async function start(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [main, '--demo'], {
    env: { ...process.env, QUEUE_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  for (let i = 0; i < 300; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
      if (r.ok) return child;
    } catch {
      // not up yet
    }
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start:\n${output}`);
}

describe('numbering survives a hard kill', () => {
  beforeAll(() => buildIfStale(), 180_000);

  test('after SIGKILL and restart the next number continues; no number is reused', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hallq-crash-'));
    const port = await freePort();
    const base = `http://127.0.0.1:${port}/api/v1`;
    let child = await start(dataDir, port);
    try {
      const pair = async () => ((await (await fetch(`${base}/pair/demo?kind=kiosk`)).json()) as { token: string }).token;
      const hall = async (token: string) => ((await (await fetch(`${base}/me`, { headers: { authorization: `Bearer ${token}` } })).json()) as { hallId: string }).hallId;
      let token = await pair();
      const hallId = await hall(token);
      const config = (await (await fetch(`${base}/halls/${hallId}`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
        services: Array<{ id: string; prefix: string }>;
      };
      const service = config.services[0]!;
      const issue = async () => {
        const r = await fetch(`${base}/halls/${hallId}/tickets`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ serviceId: service.id }),
        });
        expect(r.status).toBe(201);
        return ((await r.json()) as { ticket: { number: string } }).ticket.number;
      };
      const numbers: string[] = [];
      // Answers are sent only after the commit, so every number seen is on disk.
      const burst = await Promise.all(Array.from({ length: 20 }, () => issue()));
      numbers.push(...burst);
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));

      child = await start(dataDir, port);
      token = await pair(); // the demo device token survives the restart
      const next = await issue();
      numbers.push(next);
      const seqs = numbers.map((n) => Number(n.slice(service.prefix.length)));
      expect(new Set(numbers).size).toBe(numbers.length);
      expect(Math.max(...seqs.slice(0, 20))).toBe(20);
      expect(seqs[20]).toBe(21);
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);
});
