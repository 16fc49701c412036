// Starts the real hall server (built dist) on a free port with a fresh data directory, as a
// child process, so tests can also kill it hard and restart it on the same data.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../..');
const SERVER_MAIN = path.join(REPO_ROOT, 'apps/server/dist/main.js');

export interface ApiResult<T = unknown> {
  status: number;
  body: T;
}

export interface TestServer {
  url: string;
  port: number;
  dataDir: string;
  /** Graceful stop (SIGTERM). */
  stop(): Promise<void>;
  /** Hard kill (SIGKILL): like a power cut. */
  kill(): Promise<void>;
  /** Starts again on the same port and data. */
  restart(): Promise<void>;
  login(username: string, password?: string): Promise<string>;
  api<T = unknown>(method: string, apiPath: string, body?: unknown, token?: string, headers?: Record<string, string>): Promise<ApiResult<T>>;
  /** Demo device token of a kind, as a page from loopback would get it. */
  deviceToken(kind: 'kiosk' | 'display' | 'rating-pad'): Promise<string>;
  output(): string;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${log()}`);
    try {
      const res = await fetch(`${url}/api/v1/health`);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not become healthy:\n${log()}`);
}

export interface StartOptions {
  env?: Record<string, string>;
  demo?: boolean;
  /** Load the demo mode's 60 generated days (off by default: tests drive their own days). */
  history?: boolean;
}

export async function startServer(options: StartOptions = {}): Promise<TestServer> {
  let port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'hallq-e2e-'));
  let url = `http://127.0.0.1:${port}`;
  let child: ChildProcess;
  let log = '';

  const launch = async (): Promise<void> => {
    const args = [SERVER_MAIN];
    if (options.demo !== false) args.push('--demo');
    child = spawn(process.execPath, args, {
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', QUEUE_DATA_DIR: dataDir, PUBLIC_URL: url, LOG_LEVEL: 'warn', PASSWORD_SCRYPT_LOG2N: '14', QUEUE_DEMO_HISTORY: options.history ? '1' : '0', KIOSK_ISSUE_BURST: '1000000', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
    await waitForHealth(url, child, () => log);
  };

  const exited = (): Promise<void> =>
    child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', () => r()));

  // Another test file running at the same time may take the free port first: then another one.
  for (let attempt = 1; ; attempt++) {
    try {
      await launch();
      break;
    } catch (e) {
      if (attempt >= 5 || !/EADDRINUSE/.test(log)) throw e;
      log = '';
      port = await freePort();
      url = `http://127.0.0.1:${port}`;
    }
  }

  const api = async <T>(method: string, apiPath: string, body?: unknown, token?: string, headers: Record<string, string> = {}): Promise<ApiResult<T>> => {
    const h: Record<string, string> = { ...headers };
    if (token) h.authorization = `Bearer ${token}`;
    if (body !== undefined) h['content-type'] = 'application/json';
    const res = await fetch(`${url}/api/v1${apiPath}`, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON
    }
    return { status: res.status, body: parsed as T };
  };

  return {
    url,
    port,
    dataDir,
    async stop() {
      child.kill('SIGTERM');
      await exited();
    },
    async kill() {
      child.kill('SIGKILL');
      await exited();
    },
    async restart() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited();
      }
      await launch();
    },
    async login(username, password = 'demo') {
      const res = await api<{ token: string }>('POST', '/auth/login', { username, password });
      if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.token;
    },
    api,
    async deviceToken(kind) {
      const res = await api<{ token: string }>('GET', `/pair/demo?kind=${kind}`);
      if (res.status !== 200) throw new Error(`demo pairing ${kind} failed: ${res.status}`);
      return res.body.token;
    },
    output: () => log,
  };
}
