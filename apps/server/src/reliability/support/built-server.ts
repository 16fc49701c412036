// Runs the BUILT server (dist/main.js) as a child process, for tests that kill it for real.
// The build is redone when a source is newer than its output, under a lock so that test files
// running in parallel never start a server while another one is rewriting dist/.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const serverRoot = path.join(__dirname, '..', '..', '..');
export const mainJs = path.join(serverRoot, 'dist', 'main.js');
const repoRoot = path.join(serverRoot, '..', '..');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function withBuildLock(fn: () => void): void {
  const lock = path.join(os.tmpdir(), `hallq-build-${Buffer.from(repoRoot).toString('base64url').slice(-40)}.lock`);
  for (let i = 0; ; i++) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // A lock older than 3 minutes was left by a killed run.
      try {
        if (Date.now() - fs.statSync(lock).mtimeMs > 180_000) fs.rmSync(lock, { recursive: true, force: true });
      } catch {
        // gone already
      }
      if (i > 3600) throw new Error(`build lock ${lock} is held`);
      sleepSync(100);
    }
  }
  try {
    fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** Builds @hallq/shared, @hallq/printing and the server when their sources are newer than dist. */
export function buildIfStale(): void {
  withBuildLock(() => {
    for (const pkg of ['shared', 'printing']) {
      const dir = path.join(repoRoot, 'packages', pkg);
      const dist = path.join(dir, 'dist', 'index.js');
      if (!fs.existsSync(dist) || fs.statSync(dist).mtimeMs < newestMtime(path.join(dir, 'src'))) {
        execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: dir, stdio: 'inherit' });
      }
    }
    if (!fs.existsSync(mainJs) || fs.statSync(mainJs).mtimeMs < newestMtime(path.join(serverRoot, 'src'))) {
      execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: serverRoot, stdio: 'inherit' });
      // tsc leaves unchanged outputs alone: mark the build as fresh so the next check passes.
      const now = new Date();
      fs.utimesSync(mainJs, now, now);
    }
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  child: ChildProcess;
  port: number;
  base: string;
  output(): string;
  /** SIGKILL: no shutdown code runs, like a power cut for the process. */
  kill(): Promise<void>;
  /** SIGTERM: the graceful shutdown; resolves with the exit code. */
  stop(): Promise<number | null>;
}

const exited = (child: ChildProcess): Promise<number | null> =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve(child.exitCode) : new Promise((r) => child.once('exit', (code) => r(code)));

type StartOptions = { dataDir: string; port?: number; env?: Record<string, string>; args?: string[] };

function spawnBuilt(opts: StartOptions, port: number): ChildProcess {
  return spawn(process.execPath, [mainJs, ...(opts.args ?? ['--demo'])], {
    env: { ...process.env, QUEUE_DATA_DIR: opts.dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', KIOSK_ISSUE_BURST: '1000000', QUEUE_DEMO_HISTORY: '0', ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function collectOutput(child: ChildProcess): () => string {
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  return () => output;
}

/**
 * Starts dist/main.js where it must refuse to start, and waits for it to exit (within
 * `timeoutMs`, else it is killed and its exit code is null). It never asks a port whether a server
 * is up: a port it was given but never took may meanwhile serve another test's server.
 */
export async function startRefused(opts: StartOptions, timeoutMs = 25_000): Promise<{ exitCode: number | null; output: string }> {
  const child = spawnBuilt(opts, opts.port ?? (await freePort()));
  const output = collectOutput(child);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const exitCode = await exited(child);
  clearTimeout(timer);
  return { exitCode, output: output() };
}

/** Starts dist/main.js and waits for /api/v1/health; rejects with its output if it exits first. */
export async function startBuilt(opts: StartOptions): Promise<RunningServer> {
  const port = opts.port ?? (await freePort());
  const child = spawnBuilt(opts, port);
  const output = collectOutput(child);
  const base = `http://127.0.0.1:${port}`;
  const running: RunningServer = {
    child,
    port,
    base,
    output,
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async stop() {
      child.kill('SIGTERM');
      return exited(child);
    },
  };
  for (let i = 0; i < 400; i++) {
    if (child.exitCode !== null) break;
    try {
      const r = await fetch(`${base}/api/v1/health`);
      if (r.ok) return running;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  child.kill('SIGKILL');
  await exited(child);
  throw new StartFailed(output(), child.exitCode);
}

export class StartFailed extends Error {
  constructor(
    readonly output: string,
    readonly exitCode: number | null,
  ) {
    super(`server did not start (exit ${exitCode}):\n${output}`);
  }
}
