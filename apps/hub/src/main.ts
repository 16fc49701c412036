// Starts one hub process. The database may be briefly away at start (a city restarting
// everything at once): the hub retries until PostgreSQL and Redis answer.
import pino from 'pino';
import { createHub, type Hub } from './app';
import { loadHubConfig } from './config';

async function startWithRetry(): Promise<Hub> {
  const config = loadHubConfig();
  const logger = pino({ level: config.logLevel });
  for (let attempt = 1; ; attempt++) {
    try {
      return await createHub(config, logger);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (/HUB_ADMIN_PASSWORD|invalid configuration/.test(message)) throw err;
      const delay = Math.min(10_000, 250 * 2 ** Math.min(attempt, 6));
      logger.warn({ err: message, attempt, retryInMs: delay }, 'PostgreSQL or Redis not reachable yet');
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

async function main(): Promise<void> {
  const hub = await startWithRetry();
  const address = await hub.listen();
  const base = `http://${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}`;
  hub.deps.logger.info({ url: base, pid: process.pid }, 'hub listening');
  console.log(`HallQ city hub ${base}\n  city dashboard  ${base}/city\n  which hall now  ${base}/now`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), 10_000).unref();
    hub.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
