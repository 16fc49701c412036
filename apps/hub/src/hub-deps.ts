// What every router receives.
import type { Logger } from 'pino';
import type { Pool } from 'pg';
import type { HubConfig } from './config';
import type { CityAuth } from './services/city-auth';
import type { LoginThrottle } from './services/login-throttle';
import type { HallNow } from './services/hall-views';
import type { LiveRanges } from './services/live-ranges';

export interface HubDeps {
  pool: Pool;
  config: HubConfig;
  logger: Logger;
  auth: CityAuth;
  loginThrottle: LoginThrottle;
  now: () => number;
  /** The wait range each hall last sent per service (Redis, shared by every hub process). */
  liveRanges: LiveRanges;
  /** Tells every hub process's city sockets that a hall changed (through Redis). */
  publishHall: (hall: HallNow) => void;
  /** True while PostgreSQL and Redis both answer. */
  ready: () => Promise<boolean>;
}
