// Hub configuration, parsed once from the environment with zod.
import path from 'node:path';
import { z } from 'zod';

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z.string().min(1, 'DATABASE_URL is required (postgres://user@host:5432/db)'),
  REDIS_URL: z.string().min(1, 'REDIS_URL is required (redis://host:6379)'),
  HUB_ADMIN_PASSWORD: z.string().min(8, 'HUB_ADMIN_PASSWORD needs at least 8 characters').optional(),
  ALLOWED_ORIGINS: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** A hall not heard from for this long is shown offline (its pusher sends a heartbeat every 15 s). */
  HALL_OFFLINE_SECONDS: z.coerce.number().int().min(5).max(86_400).default(60),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(16),
  WEB_ROOT: z.string().min(1).optional(),
  /** Prefix of the Redis channels, so several cities (or test runs) may share one Redis. */
  REDIS_CHANNEL_PREFIX: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/).default('hallq-hub'),
});

export interface HubConfig {
  port: number;
  host: string;
  databaseUrl: string;
  redisUrl: string;
  adminPassword: string | null;
  allowedOrigins: string[];
  logLevel: string;
  offlineAfterMs: number;
  poolSize: number;
  /** The hub's folder: pages in web/, their scripts built in dist/web/. */
  webRoot: string;
  redisChannelPrefix: string;
}

export function loadHubConfig(env: NodeJS.ProcessEnv = process.env): HubConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    adminPassword: e.HUB_ADMIN_PASSWORD ?? null,
    allowedOrigins: (e.ALLOWED_ORIGINS ?? '').split(',').map((s) => s.trim()).filter((s) => s.length > 0),
    logLevel: e.LOG_LEVEL,
    offlineAfterMs: e.HALL_OFFLINE_SECONDS * 1000,
    poolSize: e.DB_POOL_SIZE,
    webRoot: path.resolve(e.WEB_ROOT ?? path.join(__dirname, '..')),
    redisChannelPrefix: e.REDIS_CHANNEL_PREFIX,
  };
}
