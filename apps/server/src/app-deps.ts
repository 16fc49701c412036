// The dependencies every router receives. Routers are functions `(deps: AppDeps) => Router`,
// mounted under /api/v1 by app.ts; tests may add their own with `createApp({ extraRouters })`.
//
// AppDeps:
//   db           the better-sqlite3 handle (read freely; write only through `run`)
//   repos        repositories over it (tickets, events via repos.log, services, windows, staff, ...)
//   clock        injected clock, ms since epoch; use it instead of Date.now()
//   config       parsed configuration (config.ts)
//   logger       pino logger
//   core         what use cases need (repos, mirror, clock, publicUrl)
//   services     { auth, mirror }: token resolution and the in-memory hall mirror
//   authenticate middleware: 401 unless a valid staff or device token; sets res.locals.identity
//   allow(...roles) middleware: 403 unless the identity has one of the roles (after authenticate)
//   identity(res) the identity set by authenticate
//   limits       the rate limiters (http/limits.ts), keyed on what is abused, never the address alone
//   run(fn)      runs a write command in the batched transaction; resolves after the commit
import type { RequestHandler, Response, Router } from 'express';
import type { Logger } from 'pino';
import type { Role } from '@hallq/shared';
import type { Config } from './config';
import type { Limits } from './http/limits';
import type { AuthService } from './services/auth-service';
import type { Clock } from './services/clock';
import type { Core, Identity } from './services/core';
import type { HallsMirror } from './services/hall-mirror';
import type { Tx } from './storage/command-queue';
import type { Db } from './storage/db';
import type { Repos } from './storage/repos';

export interface AppDeps {
  db: Db;
  repos: Repos;
  clock: Clock;
  config: Config;
  logger: Logger;
  core: Core;
  services: { auth: AuthService; mirror: HallsMirror };
  authenticate: RequestHandler;
  allow: (...roles: Role[]) => RequestHandler;
  identity: (res: Response) => Identity;
  limits: Limits;
  run: <T>(command: (tx: Tx) => T) => Promise<T>;
}

export type RouterFactory = (deps: AppDeps) => Router;
