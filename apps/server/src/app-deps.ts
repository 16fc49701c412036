// The dependencies every router receives. Routers are functions `(deps: AppDeps) => Router`,
// mounted under /api/v1 by app.ts; tests may add their own with `createApp({ extraRouters })`.
// There is one way to each thing: the data through `repos` (writes only inside `run`), the live
// halls through `mirror`, time through `clock`. AppDeps is a `Core`, so a route hands `deps`
// straight to a use case.
//
// AppDeps:
//   repos        repositories (tickets, events via repos.log, services, windows, staff, follow-ups, history, ...)
//   mirror       the in-memory state of each hall, updated after every commit
//   clock        injected clock, ms since epoch; use it instead of Date.now()
//   publicUrl, presence   what use cases need besides (see services/core.ts)
//   config       parsed configuration (config.ts)
//   logger       pino logger
//   auth         token resolution, sessions and revocation
//   authenticate middleware: 401 unless a valid staff or device token; sets res.locals.identity
//   allow(...roles) middleware: 403 unless the identity has one of the roles (after authenticate)
//   identity(res) the identity set by authenticate
//   limits       the rate limiters (http/limits.ts), keyed on what is abused, never the address alone
//   run(fn, o)   runs a write command in the batched transaction; resolves after the commit
//                (o.savepoint false: the command writes nothing itself, see RunOptions)
import type { RequestHandler, Response, Router } from 'express';
import type { Logger } from 'pino';
import type { Role } from '@hallq/shared';
import type { Config } from './config';
import type { Limits } from './http/limits';
import type { AuthService } from './services/auth-service';
import type { Core, Identity } from './services/core';
import type { RunOptions } from './storage/command-queue';
import type { Tx } from './storage/tx';

export interface AppDeps extends Core {
  config: Config;
  logger: Logger;
  auth: AuthService;
  authenticate: RequestHandler;
  allow: (...roles: Role[]) => RequestHandler;
  identity: (res: Response) => Identity;
  limits: Limits;
  run: <T>(command: (tx: Tx) => T, options?: RunOptions) => Promise<T>;
}

export type RouterFactory = (deps: AppDeps) => Router;
