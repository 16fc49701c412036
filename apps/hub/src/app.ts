// Wires the hub: PostgreSQL (migrated at start), the first admin, Express routes, Socket.IO with
// the Redis adapter. Every hub process is the same; run as many as the city needs.
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Router } from 'express';
import helmet from 'helmet';
import pino, { type Logger } from 'pino';
import type { HubConfig } from './config';
import { errorHandler, notFoundHandler } from './http/errors';
import type { HubDeps } from './hub-deps';
import { startCitySockets, type CitySockets } from './realtime/city-socket';
import { authRouter } from './routes/auth';
import { hallsRouter } from './routes/halls';
import { pagesRouter } from './routes/pages';
import { statsRouter } from './routes/stats';
import { systemRouter } from './routes/system';
import { CityAuth } from './services/city-auth';
import { LoginThrottle } from './services/login-throttle';
import { liveRanges } from './services/live-ranges';
import { createPool, migrate } from './storage/db';

export const HUB_VERSION = '0.1.0';
const API_BASE = '/api/v1';

export interface MountedRoute {
  method: string;
  /** Express path, e.g. `/api/v1/hub/halls/:hallId/events` */
  path: string;
}

/** The routes of mounted routers, read from the routers themselves (what the OpenAPI test checks). */
function routesOf(prefix: string, routers: Router[]): MountedRoute[] {
  const out: MountedRoute[] = [];
  for (const router of routers) {
    for (const layer of router.stack) {
      const route = layer.route as { path: string; methods: Record<string, boolean> } | undefined;
      if (!route) continue;
      for (const method of Object.keys(route.methods)) out.push({ method: method.toUpperCase(), path: `${prefix}${route.path}` });
    }
  }
  return out;
}

export interface Hub {
  deps: HubDeps;
  sockets: CitySockets;
  http: HttpServer;
  /** Every route the hub mounts (API and pages). */
  routes: () => MountedRoute[];
  listen: () => Promise<AddressInfo>;
  close: () => Promise<void>;
}

export async function createHub(config: HubConfig, logger: Logger = pino({ level: config.logLevel })): Promise<Hub> {
  const pool = createPool(config.databaseUrl, config.poolSize);
  try {
    const applied = await migrate(pool);
    if (applied.length > 0) logger.info({ applied }, 'migrations applied');
    const auth = new CityAuth(pool);
    if (await auth.ensureFirstAdmin(config.adminPassword)) logger.info('first city admin "admin" created');
    const app = express();
    const http = createServer(app);
    const sockets = await startCitySockets(http, { redisUrl: config.redisUrl, channelPrefix: config.redisChannelPrefix, allowedOrigins: config.allowedOrigins }, auth, logger);
    const deps: HubDeps = {
      pool,
      config,
      logger,
      auth,
      loginThrottle: new LoginThrottle(sockets.throttleStore, config.redisChannelPrefix),
      now: () => Date.now(),
      liveRanges: liveRanges(sockets.rangeHashes, config.redisChannelPrefix),
      publishHall: sockets.publishHall,
      ready: async () => {
        const db = await pool.query('SELECT 1').then(() => true, () => false);
        return db && (await sockets.redisReady());
      },
    };
    app.disable('x-powered-by');
    // Halls and city offices often serve these pages over plain HTTP on their own network.
    app.use(helmet({ contentSecurityPolicy: { directives: { 'upgrade-insecure-requests': null } }, hsts: false }));
    app.use(express.json({ limit: '4mb' }));
    const api = [systemRouter(deps, HUB_VERSION), authRouter(deps), hallsRouter(deps), statsRouter(deps)];
    for (const router of api) app.use(API_BASE, router);
    const pages = pagesRouter(deps);
    app.use(pages);
    app.use(notFoundHandler);
    app.use(errorHandler(logger));

    return {
      deps,
      sockets,
      http,
      routes: () => [...routesOf(API_BASE, api), ...routesOf('', [pages])],
      listen: () =>
        new Promise((resolve, reject) => {
          http.once('error', reject);
          http.listen(config.port, config.host, () => resolve(http.address() as AddressInfo));
        }),
      close: async () => {
        await sockets.close();
        await new Promise<void>((resolve) => (http.listening ? http.close(() => resolve()) : resolve()));
        await pool.end();
      },
    };
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw err;
  }
}
