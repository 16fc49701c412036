/* eslint-disable @typescript-eslint/no-explicit-any -- test helper: responses are checked by the tests */
// Starts a real hall server on port 0 with a fresh data dir, for integration tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { createApp, type CreateAppOptions, type HallServer } from '../app';
import { loadConfig, type Config } from '../config';
import type { DemoHall } from '../demo/demo-hall-types';
import { FakeClock } from './fake-clock';
import { fixtureHall } from './fixture-hall';

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface TestServer {
  base: string;
  server: HallServer;
  clock: FakeClock;
  dataDir: string;
  config: Config;
  api<T = any>(method: string, path: string, opts?: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> }): Promise<ApiResponse<T>>;
  login(username: string, password?: string): Promise<string>;
  deviceToken(kind: 'kiosk' | 'display' | 'rating-pad'): string;
  close(): Promise<void>;
}

export async function startTestServer(
  opts: { seed?: DemoHall | null; env?: Record<string, string>; clock?: FakeClock; dataDir?: string } & Partial<
    Pick<CreateAppOptions, 'publicRateLimit' | 'limits' | 'homeLimits' | 'remoteSweepMs' | 'push' | 'demoHistory' | 'sms' | 'onSql' | 'onFatal'>
  > = {},
): Promise<TestServer> {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'hallq-test-'));
  const clock = opts.clock ?? new FakeClock();
  // Password hashing at a lower cost than production's 2^17, only to keep the suite fast;
  // security-accounts.integration.test.ts checks the production cost and the upgrade path.
  const config = loadConfig({ QUEUE_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', PASSWORD_SCRYPT_LOG2N: '14', KIOSK_ISSUE_BURST: '1000000', ...opts.env }, ['node', 'main']);
  const server = createApp({
    config,
    clock: clock.read,
    logger: pino({ level: 'silent' }),
    seed: opts.seed === null ? undefined : (opts.seed ?? fixtureHall()),
    publicRateLimit: opts.publicRateLimit,
    onSql: opts.onSql,
    onFatal: opts.onFatal,
    limits: opts.limits,
    demoHistory: opts.demoHistory,
    homeLimits: opts.homeLimits,
    remoteSweepMs: opts.remoteSweepMs,
    push: opts.push,
    sms: opts.sms,
  });
  const address = await server.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${address.port}`;
  const devices = new Map(server.deps.repos.devices.demoTokens().map((d) => [d.kind, d.token]));

  const api: TestServer['api'] = async (method, p, o = {}) => {
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    let body: string | undefined;
    if (o.raw !== undefined) body = o.raw;
    else if (o.body !== undefined) {
      body = JSON.stringify(o.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(`${base}${p.startsWith('/api') || p.startsWith('/health') ? p : `/api/v1${p}`}`, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text.length > 0 ? JSON.parse(text) : null;
    } catch {
      // plain text answer
    }
    return { status: res.status, body: parsed as any, headers: res.headers };
  };

  return {
    base,
    server,
    clock,
    dataDir,
    config,
    api,
    async login(username, password = 'demo') {
      const r = await api('POST', '/auth/login', { body: { username, password } });
      if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body.token as string;
    },
    deviceToken(kind) {
      const t = devices.get(kind);
      if (!t) throw new Error(`no ${kind} device`);
      return t;
    },
    async close() {
      await server.close();
    },
  };
}

/**
 * A test server whose estimate refreshes the test drives itself (the broadcaster's refresh timers
 * are stopped: a background refresh would move the figures; what a refresh publishes goes out as
 * always), with staff signed in at windows.
 */
export async function startDrivenServer(signIns: ReadonlyArray<readonly [username: string, windowId: string]> = [['w01', 'win-1']]): Promise<TestServer> {
  const s = await startTestServer();
  s.server.broadcaster.stopRefreshes();
  for (const [username, windowId] of signIns) {
    const token = await s.login(username);
    const r = await s.api('POST', `/windows/${windowId}/sign-in`, { token, body: {} });
    if (r.status !== 200) throw new Error(`sign-in ${username} at ${windowId}: ${r.status} ${JSON.stringify(r.body)}`);
  }
  return s;
}
