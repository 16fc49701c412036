// Starts the hall server: configuration, demo seed, listen, graceful shutdown.
import { createApp } from './app';
import { scaledClock } from './services/clock';
import { BackupScheduler } from './backup/backup';
import { loadConfig } from './config';
import type { DemoHall } from './demo/demo-hall-types';
import { demoHall } from './demo/demo-hall';
import { DEMO_HISTORY_FILE, readDemoHistory } from './demo/demo-history';

/** The demo hall is open around the clock with no quotas, so it can be tried at any hour. */
function openAllHours(demo: DemoHall): DemoHall {
  return {
    ...demo,
    hall: { ...demo.hall, openingHours: null, holidays: [] },
    services: demo.services.map((s) => ({ ...s, openingHours: null, dailyQuota: null })),
  };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const started = Date.now();
  const clock = config.clock ? scaledClock(config.clock.startMs, config.clock.speed) : undefined;
  const server = createApp({ config, clock, seed: config.demo ? openAllHours(demoHall) : undefined, demoHistory: config.demoHistory ? readDemoHistory(DEMO_HISTORY_FILE) : undefined });
  const readyMs = Date.now() - started;
  const address = await server.listen();
  const base = `http://${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}`;
  const log = server.deps.logger;
  log.info({ url: base, publicUrl: config.publicUrl, dataDir: config.dataDir }, 'hall server listening');
  const backups = new BackupScheduler(server.db, config.backup, log);
  backups.start();

  const lines = [`HallQ server ${base}`, `  console  ${base}/console`, `  kiosk    ${base}/kiosk`, `  display  ${base}/display`];
  if (config.demo) {
    const history = server.deps.repos.demoHistory.get('demo');
    lines.push(
      '',
      '  DEMO MODE: known passwords and printed device tokens. NOT FOR PRODUCTION.',
      `  ${history ? `GENERATED DEMO DATA: ${history.before.from}..${history.after.to} (${history.visitors} visitors) simulated, dedicated windows until ${history.before.to}, pooled from ${history.after.from}.` : 'no generated history (QUEUE_DEMO_HISTORY=0, or the database already had data)'}`,
      `  ready in ${readyMs} ms`,
      '  staff (password "demo"): ' + server.deps.repos.staff.listOfHall('demo').map((s) => `${s.username} (${s.role})`).join(', '),
    );
    for (const d of server.deps.repos.devices.demoTokens()) lines.push(`  device ${d.kind}: ${d.token}   ${config.publicUrl}/${d.kind === 'kiosk' ? 'kiosk' : d.kind === 'display' ? 'display' : 'rating/1'}?pair=${d.token}`);
  }
  console.log(lines.join('\n'));

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    backups
      .stop()
      .then(() => server.close())
      .then(
        () => process.exit(0),
        (err: unknown) => {
          log.error({ err }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
