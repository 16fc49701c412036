// What every router receives.
import type { Logger } from 'pino';
import type { Pool } from 'pg';
import type { HubConfig } from './config';
import type { CityAuth } from './services/city-auth';
import type { LoginThrottle } from './services/login-throttle';
import type { HallNow } from './services/hall-views';

export interface HubDeps {
  pool: Pool;
  config: HubConfig;
  logger: Logger;
  auth: CityAuth;
  loginThrottle: LoginThrottle;
  now: () => number;
  /** Tells every hub process's city sockets that a hall changed (through Redis). */
  publishHall: (hall: HallNow) => void;
  /** True while PostgreSQL and Redis both answer. */
  ready: () => Promise<boolean>;
}
