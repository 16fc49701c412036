// Builds the hall server from its dependencies: database, mirror, command queue, HTTP routes and
// Socket.IO on one http.Server. Tests start it on port 0 with a temp dir and a fake clock.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { Router } from 'express';
import helmet from 'helmet';
import pino, { type Logger } from 'pino';
import type { Server as IoServer } from 'socket.io';
import type { AppDeps } from './app-deps';
import type { Config } from './config';
import type { DemoHall } from './demo/demo-hall-types';
import { seedDemo, type SeededDevice } from './demo/seed-demo';
import { loadDemoHistory, type DemoHistoryData } from './demo/demo-history';
import { allow, authenticate, identityOf } from './http/auth';
import { jsonBody } from './http/body';
import { issueFastPath, type IssueFastPath } from './http/issue-fast-path';
import { serverTiming } from './http/server-timing';
import { contractGuard, refuseTrace } from './http/contract-guard';
import { errorHandler, notFoundHandler } from './http/errors';
import { buildOpenApiDocument } from './openapi';
import type { RouterFactory } from './app-deps';
import { Broadcaster } from './realtime/broadcaster';
import { attachRealtime } from './realtime/socket-server';
import { PhoneFeed } from './realtime/phone-feed';
import { answerClientErrorsInJson, requireHost, SERVER_OPTIONS } from './http/client-error';
import { clientAddress } from './http/client-address';
import { createLimits, type LimitOptions } from './http/limits';
import { authRouter } from './routes/auth';
import { devicesRouter } from './routes/devices';
import { hallConfigRouter } from './routes/hall-config';
import { appointmentsRouter } from './routes/appointments';
import { hallsRouter, ISSUE_PATH, issueTicketHandlers } from './routes/halls';
import { pagesRouter } from './routes/pages';
import { planningRouter } from './routes/planning';
import { demoHistoryRouter } from './routes/demo-history';
import { followUpsRouter } from './routes/follow-ups';
import { reportsRouter } from './routes/reports';
import { statsRouter } from './routes/stats';
import { ticketPreviewRouter } from './routes/ticket-preview';
import { publicRouter } from './routes/public';
import { DEFAULT_HOME_LIMITS, homeRouter, type HomeLimits } from './routes/home';
import { ArrivalCodes } from './services/home/arrival-code';
import { startRemoteSweep } from './services/home/remote-sweep';
import { LogSmsSender, type SmsSender } from './services/home/sms';
import { PushNotifier, vapidKeysInDataDir, type PushOptions } from './services/home/push-notifier';
import { pushRouter } from './routes/push';
import { ticketsRouter } from './routes/tickets';
import { windowsRouter } from './routes/windows';
import { AuthService, OWASP_SCRYPT, setPasswordCost } from './services/auth-service';
import { systemClock, type Clock } from './services/clock';
import type { Core } from './services/core';
import { DevicePresence } from './services/device-presence';
import { HallsMirror } from './services/hall-mirror';
import { startHubPusher } from './hub/start-pusher';
import type { HubPusher } from '@hallq/client';
import { bootstrapHall } from './services/hall-setup';
import { CommandQueue } from './storage/command-queue';
import { openDatabase, type Db } from './storage/db';
import { WalSyncThread } from './storage/wal-sync';
import { createRepos } from './storage/repos';

export const VERSION = '0.1.0';

export interface CreateAppOptions {
  config: Config;
  clock?: Clock;
  logger?: Logger;
  /** Written into an empty database (the demo hall in demo mode, a fixture in tests). */
  seed?: DemoHall;
  /** Generated history loaded with the seed (demo mode). */
  demoHistory?: DemoHistoryData;
  /** Routers mounted under /api/v1 after the core ones; they get the same deps. */
  extraRouters?: RouterFactory[];
  /** Requests about unknown publicIds (404s) per address per minute (default 60). */
  publicRateLimit?: number;
  /** Sees every SQL statement run (tests count what a request costs). */
  onSql?: (sql: string) => void;
  /** Other limits (tests use smaller ones to stay fast). */
  limits?: LimitOptions;
  /** Limits of the public booking and remote-queue endpoints (tests raise them). */
  homeLimits?: HomeLimits;
  /** How often passed-over remote tickets are checked for expiry (ms; default 15 s). */
  remoteSweepMs?: number;
  /** Text messages to visitors (default: the log-only provider). */
  sms?: SmsSender;
  /** Web Push: how often "N ahead" is checked, and a TLS agent for push services (tests). */
  push?: Pick<PushOptions, 'checkMs' | 'agent'>;
  /**
   * A commit could not be flushed to disk: the state in memory may no longer match the disk.
   * Default: exit (the service manager starts the server again, which reloads from the database).
   */
  onFatal?: (error: Error) => void;
}

export interface HallServer {
  app: express.Express;
  http: http.Server;
  io: IoServer;
  deps: AppDeps;
  /** The database handle, for backups and for tests that look at the rows. */
  db: Db;
  broadcaster: Broadcaster;
  /** Web Push to visitors' phones. */
  push: PushNotifier;
  /** Pushes the event log to the city hub; null without HUB_URL. */
  hubPusher: HubPusher | null;
  /** Tokens of devices seeded on this start (empty when the database already had data). */
  seededDevices: SeededDevice[];
  /** The lean path of a kiosk's ticket issue; null when ISSUE_FAST_PATH=0 or SERVER_TIMING=1. */
  issueFastPath: IssueFastPath | null;
  listen(port?: number, host?: string): Promise<AddressInfo>;
  close(): Promise<void>;
}

function initialise(db: Db, options: CreateAppOptions, repos: ReturnType<typeof createRepos>, now: number): SeededDevice[] {
  if (repos.staff.count() > 0) return [];
  if (options.seed) {
    const devices = seedDemo(db, repos, options.seed, now);
    if (options.demoHistory) loadDemoHistory(db, repos, options.seed, options.demoHistory, now);
    return devices;
  }
  if (!options.config.adminPassword) {
    throw new Error('the database is empty: set ADMIN_PASSWORD for the first admin (or start with --demo)');
  }
  db.transaction(() => bootstrapHall(repos, options.config.adminPassword!))();
  return [];
}

export function createApp(options: CreateAppOptions): HallServer {
  const { config } = options;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? pino({ level: config.logLevel });
  setPasswordCost({ ...OWASP_SCRYPT, log2N: config.passwordScryptLog2N });
  const db = openDatabase(config.dataDir, undefined, { onSql: options.onSql });
  const repos = createRepos(db);
  const seededDevices = initialise(db, options, repos, clock());

  const mirror = new HallsMirror(repos);
  mirror.loadAll();
  const broadcaster = new Broadcaster(mirror, clock, logger, undefined, repos.tickets.issuedCount.bind(repos.tickets));
  // A session's last use is written in the next write batch, never on its own (see AuthService).
  const auth = new AuthService(repos, clock, (write, done) => {
    queue
      .run(() => write())
      .catch((err: unknown) => logger.warn({ err }, 'a session touch could not be written'))
      .finally(done);
  });
  let push: PushNotifier | null = null;
  // The queue's commits are flushed to disk on a thread of their own (see storage/wal-sync.ts).
  const durability = !config.flushThread ? undefined : new WalSyncThread(db, (err) => logger.warn({ err }, 'the checkpoint thread failed; checkpoints run on the write path again'));
  // Started once the command queue exists: its first step reads the queue's published seq at once.
  let hubPusher: HubPusher | null = null;
  const onFatal =
    options.onFatal ??
    ((): void => {
      process.exit(1);
    });
  const queue: CommandQueue = new CommandQueue(db, {
    // The mirror takes each commit at once, before the next batch runs (so every command sees every
    // batch committed before it); nobody is told about it before it is durable (`publish`).
    apply: (committed) => {
      const touched = mirror.applyCommitted(committed);
      // A configuration change may have revoked a device or ended staff sessions: no later batch
      // takes their tokens, and their sockets are cut.
      if (committed.some((tx) => tx.effects.some((e) => e.kind === 'config'))) auth.revoked();
      return touched;
    },
    publish: (committed, touched: Set<string>) => {
      broadcaster.onCommit(committed, touched);
      push?.onCommit(committed);
      hubPusher?.nudge();
    },
  }, {
    durability,
    depth: config.pipelineDepth,
    onFatal: (error) => {
      logger.fatal({ err: error }, 'a commit could not be flushed to disk: stopping (the next start reloads from the database)');
      onFatal(error);
    },
  });
  hubPusher = startHubPusher(config, repos, mirror, clock, logger, (hallId) => queue.publishedSeq(hallId));
  const core: Core = { repos, mirror, clock, publicUrl: config.publicUrl, presence: new DevicePresence() };
  const deps: AppDeps = {
    ...core,
    config,
    logger,
    auth,
    authenticate: authenticate(auth),
    limits: createLimits(clock, { unknownIdsPerMinute: options.publicRateLimit, kioskIssueBurst: config.kioskIssueBurst, ...options.limits }),
    allow,
    identity: identityOf,
    run: (command, options) => queue.run(command, options),
  };

  const app = express();
  if (config.serverTiming) app.use(serverTiming);
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.set('etag', false);
  const security = helmet({ contentSecurityPolicy: { directives: { 'upgrade-insecure-requests': null } }, hsts: false });
  app.use(security);
  app.use(refuseTrace);

  const api = Router();
  const openApi = buildOpenApiDocument();
  // Ticket issue, the busiest write, is routed first: the same guard, body parser and checks as
  // under /api/v1, without walking the other routers' layers.
  app.post(`/api/v1${ISSUE_PATH}`, contractGuard(openApi, '/api/v1'), jsonBody, ...issueTicketHandlers(deps));
  api.use(contractGuard(openApi));
  api.use(jsonBody);
  api.get('/health', (_req, res) => {
    res.json({ ok: true, version: VERSION });
  });
  api.get('/openapi.json', (_req, res) => {
    res.json(openApi);
  });
  const routers: RouterFactory[] = [
    authRouter,
    hallsRouter,
    appointmentsRouter,
    windowsRouter,
    ticketsRouter,
    hallConfigRouter,
    devicesRouter,
    statsRouter,
    followUpsRouter,
    reportsRouter,
    planningRouter,
    demoHistoryRouter,
    ticketPreviewRouter,
    ...(options.extraRouters ?? []),
  ];
  for (const make of routers) api.use(make(deps));
  const arrivalCodes = ArrivalCodes.inDataDir(config.dataDir);
  push = new PushNotifier(core, logger, { keys: vapidKeysInDataDir(config.dataDir), subject: config.pushSubject, ...options.push });
  api.use(pushRouter(deps, push));
  api.use(homeRouter(deps, arrivalCodes, options.homeLimits ?? DEFAULT_HOME_LIMITS, options.sms ?? new LogSmsSender(logger)));
  api.use(publicRouter(deps));
  api.use(notFoundHandler);

  app.get('/health', (_req, res) => {
    res.json({ ok: true, version: VERSION });
  });
  app.use('/api/v1', api);
  app.use(pagesRouter(config.webRoot));
  app.use(notFoundHandler);
  const onError = errorHandler(logger);
  app.use(onError);

  // The plain kiosk issue skips Express (same checks, same answer; see http/issue-fast-path.ts).
  const fast = config.issueFastPath && !config.serverTiming ? issueFastPath(deps, app, security, onError) : null;
  const server = http.createServer(SERVER_OPTIONS, requireHost(fast ? (req, res) => void (fast(req, res) || app(req, res)) : app));
  answerClientErrorsInJson(server);
  const phones = new PhoneFeed(core, deps.limits, logger, (req) => clientAddress(app, req));
  phones.holdWhile((ticketId) => queue.unpublishedTicket(ticketId));
  const io = attachRealtime(server, deps, phones, broadcaster, (hallId) => queue.publishedSeq(hallId));
  broadcaster.attach(io as unknown as IoServer);
  // Estimate refresh slices give way to calls, issues and every other write waiting to run, and
  // never run between a batch's commit and its answers and broadcast (under a stream of writes, a
  // slice that has waited long enough asks the write path for a moment with none unpublished).
  broadcaster.yieldTo({ waiting: () => queue.waiting > 0, unflushed: () => queue.unflushed, whenPublished: (work) => queue.whenPublished(work) });
  // A refresh due during a burst of writes is put off (at most a couple of seconds) until it ends.
  broadcaster.deferWhile(() => queue.busy);
  phones.attach(io as unknown as IoServer);
  broadcaster.listen(phones);
  for (const id of mirror.ids()) broadcaster.refresh(id);
  const stopSweep = startRemoteSweep(deps, options.remoteSweepMs ?? 15_000);

  // PORT=0 without PUBLIC_URL: the default `http://<HOST>:<PORT>` takes the port the system chose
  // at listen, before any request, so status links, QR codes and booking links reach this server
  // (an address ending in :0 reaches nothing).
  const adoptListeningPort = (port: number): void => {
    const url = new URL(config.publicUrl);
    if (url.port !== '0') return;
    url.port = String(port);
    const publicUrl = url.toString().replace(/\/+$/, '');
    config.publicUrl = publicUrl;
    core.publicUrl = publicUrl;
    deps.publicUrl = publicUrl;
  };

  return {
    app,
    http: server,
    io: io as unknown as IoServer,
    deps,
    db,
    broadcaster,
    push,
    hubPusher,
    seededDevices,
    issueFastPath: fast,
    listen(port = config.port, host = config.host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address() as AddressInfo;
          adoptListeningPort(address.port);
          resolve(address);
        });
      });
    },
    async close() {
      stopSweep();
      push?.close();
      broadcaster.close();
      await hubPusher?.stop();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
      await queue.close();
      db.close();
    },
  };
}
