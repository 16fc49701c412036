// A hub as a real child process (the built dist/main.js), so a test can kill -9 it.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { TEST_ADMIN_PASSWORD } from './hubs';
import { TEST_REDIS_URL } from './databases';

const MAIN = path.join(__dirname, '..', '..', 'dist', 'main.js');

export interface HubProcess {
  child: ChildProcess;
  /** Resolves with the base URL once the hub listens (it may first wait for the database). */
  ready: Promise<string>;
  exited: Promise<number | null>;
}

export function spawnHub(databaseUrl: string, channelPrefix: string, port = 0): HubProcess {
  if (!fs.existsSync(MAIN)) throw new Error(`${MAIN} is missing: build the hub first (npm run build -w @hallq/hub)`);
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      REDIS_URL: TEST_REDIS_URL,
      HUB_ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      REDIS_CHANNEL_PREFIX: channelPrefix,
      DB_POOL_SIZE: '4',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ready = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /HallQ city hub (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (code) => reject(new Error(`hub exited (${code}) before listening: ${out}`)));
  });
  ready.catch(() => undefined);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, ready, exited };
}
