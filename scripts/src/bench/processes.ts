// Starts the servers under test as child processes, so the load generator and the server never
// share an event loop, and reads their memory from /proc.
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../../..');

export interface Child {
  url: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
  rssBytes(): number;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitHealthy(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`process exited (${child.exitCode}):\n${log()}`);
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`not healthy in time:\n${log()}`);
}

export async function startChild(script: string, args: string[] = [], env: Record<string, string> = {}, nodeFlags: string[] = []): Promise<Child> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  const child = spawn(process.execPath, [...nodeFlags, script, ...args], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // HALLQ_BENCH_SERVER_LOG=<file>: everything the servers under test print is also kept there
  // (e.g. with NODE_OPTIONS=--trace-gc, each collection with its pause).
  const keep = process.env.HALLQ_BENCH_SERVER_LOG;
  const onOutput = (d: Buffer): void => {
    log = (log + d.toString()).slice(-20_000);
    if (keep) appendFileSync(keep, d);
  };
  child.stdout?.on('data', onOutput);
  child.stderr?.on('data', onOutput);
  await waitHealthy(url, child, () => log);
  return {
    url,
    port,
    process: child,
    rssBytes: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      return kb * 1024;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

/**
 * The real hall server in demo mode on a fresh database, without the generated history. One kiosk
 * token stands in for a whole hall's kiosks, so the per-kiosk issue limit is raised out of the way.
 * With HALLQ_BENCH_CPU_PROF=<dir>, it runs under `node --cpu-prof` and leaves its CPU profile in
 * that folder when it stops (read it with `node scripts/dist/bench/profile-summary.js <file>`).
 * HALLQ_BENCH_NODE_FLAGS and HALLQ_BENCH_SERVER_LOG: see above.
 */
export function startHallServer(env: Record<string, string> = {}): Promise<Child> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hallq-bench-'));
  const profileDir = process.env.HALLQ_BENCH_CPU_PROF;
  const flags = profileDir ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(profileDir)] : [];
  // HALLQ_BENCH_NODE_FLAGS: more flags for the hall server's node (e.g. `--trace-gc`, which
  // NODE_OPTIONS does not take), space-separated.
  flags.push(...(process.env.HALLQ_BENCH_NODE_FLAGS ?? '').split(/\s+/).filter(Boolean));
  const env0 = { QUEUE_DATA_DIR: dataDir, QUEUE_DEMO_HISTORY: '0', KIOSK_ISSUE_BURST: '10000000' };
  return startChild(path.join(REPO_ROOT, 'apps/server/dist/main.js'), ['--demo'], { ...env0, ...env }, flags);
}

export function startBaseline(name: 'express-ceiling' | 'http-ceiling' | 'socketio-broadcast'): Promise<Child> {
  return startChild(path.join(__dirname, 'baselines', `${name}.js`));
}
