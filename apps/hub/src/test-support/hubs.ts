// Hub processes for tests: in this process (createHub) or as real child processes (for kill -9).
import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { createHub, type Hub } from '../app';
import type { HubConfig } from '../config';
import { TEST_REDIS_URL } from './databases';

export const TEST_ADMIN_PASSWORD = 'city-admin-secret';

export function testConfig(databaseUrl: string, channelPrefix: string, extra: Partial<HubConfig> = {}): HubConfig {
  return {
    port: 0,
    host: '127.0.0.1',
    databaseUrl,
    redisUrl: TEST_REDIS_URL,
    adminPassword: TEST_ADMIN_PASSWORD,
    allowedOrigins: [],
    logLevel: 'silent',
    offlineAfterMs: 60_000,
    poolSize: 5,
    webRoot: `${__dirname}/../..`,
    redisChannelPrefix: channelPrefix,
    ...extra,
  };
}

export const uniquePrefix = (): string => `hub-test-${randomBytes(4).toString('hex')}`;

export interface RunningHub {
  hub: Hub;
  url: string;
}

export async function startHub(config: HubConfig): Promise<RunningHub> {
  const hub = await createHub(config, pino({ level: 'silent' }));
  const a = await hub.listen();
  return { hub, url: `http://127.0.0.1:${a.port}` };
}

export async function api<T = unknown>(url: string, method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${url}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

export async function adminToken(url: string): Promise<string> {
  const r = await api<{ token: string }>(url, 'POST', '/hub/auth/login', { username: 'admin', password: TEST_ADMIN_PASSWORD });
  if (r.status !== 200) throw new Error(`login failed: ${r.status}`);
  return r.body.token;
}

export async function registerHall(url: string, token: string, id: string, extra: object = {}): Promise<string> {
  const r = await api<{ token: string }>(url, 'POST', '/hub/halls', { id, name: `Hall ${id}`, ...extra }, token);
  if (r.status !== 201) throw new Error(`register failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.token;
}
