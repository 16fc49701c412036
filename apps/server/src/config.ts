// Process configuration, parsed once from the environment (and argv for --demo) with zod.
import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { printerUrlProblem } from '@hallq/printing';

/**
 * A whole number written in decimal: an empty or blank value is a mistake, not 0 (PORT= would
 * listen on a random port; BACKUP_INTERVAL_MINUTES= would turn backups off).
 */
const whole = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, 'expected a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
/** The same with decimals allowed. */
const decimal = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+(\.\d+)?$/, 'expected a number')
    .transform(Number)
    .pipe(z.number().min(min).max(max));

/** An http(s) address with no query, fragment or user:password (a path is kept). */
const httpAddress = () =>
  z.url({ protocol: /^https?$/, error: 'expected an http:// or https:// address' }).refine((u) => {
    if (!URL.canParse(u)) return true;
    const url = new URL(u);
    return !url.username && !url.password && !/[?#]/.test(url.href);
  }, 'takes no ?query, #fragment or user:password@');

/** Express's `trust proxy` names, addresses and subnets (proxy-addr), as TRUST_PROXY may list them. */
function trustProxyProblem(raw: string): string | null {
  const v = raw.trim();
  if (v === '' || v === 'true' || v === 'false' || /^\d+$/.test(v)) return null;
  for (const entry of v.split(',').map((x) => x.trim())) {
    if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) continue;
    const [address = '', range, ...rest] = entry.split('/');
    const family = net.isIP(address);
    const rangeOk =
      range === undefined || (/^\d+$/.test(range) && Number(range) <= (family === 6 ? 128 : 32)) || (family === 4 && net.isIPv4(range));
    if (family === 0 || rest.length > 0 || !rangeOk) return `"${entry}" is not loopback, linklocal, uniquelocal, an address or a subnet`;
  }
  return null;
}

const EnvSchema = z.object({
  PORT: whole(0, 65535).default(3000),
  HOST: z.string().min(1).optional(),
  QUEUE_DATA_DIR: z.string().min(1).default('./data'),
  QUEUE_DEMO: z.enum(['0', '1', 'true', 'false']).optional(),
  /** Demo mode: load the generated 60 days of history (default) or not ('0'). */
  QUEUE_DEMO_HISTORY: z.enum(['0', '1', 'true', 'false']).optional(),
  ADMIN_PASSWORD: z.string().min(8, 'ADMIN_PASSWORD needs at least 8 characters').optional(),
  PUBLIC_URL: httpAddress().optional(),
  ALLOWED_ORIGINS: z
    .string()
    .refine(
      (v) =>
        v
          .split(',')
          .map((o) => o.trim())
          .filter((o) => o.length > 0)
          .every((o) => URL.canParse(o) && new URL(o).origin === o),
      'a comma-separated list of origins such as https://hall.example or http://10.0.0.2:3000',
    )
    .optional(),
  HALL_PRINTER: z
    .string()
    .min(1)
    .superRefine((url, ctx) => {
      const problem = printerUrlProblem(url);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
  PASSWORD_SCRYPT_LOG2N: whole(12, 20).default(17),
  HALL_PRINTER_STATUS_CHECK: z.enum(['dle-eot', 'none']).default('dle-eot'),
  WEB_ROOT: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BACKUP_INTERVAL_MINUTES: whole(0, 7 * 24 * 60).default(60),
  BACKUP_DIR: z.string().min(1).optional(),
  BACKUP_KEEP: whole(1, 10_000).default(48),
  SERVER_TIMING: z.enum(['0', '1']).optional(),
  WRITE_FLUSH_THREAD: z.enum(['0', '1']).optional(),
  WRITE_PIPELINE_DEPTH: whole(1, 64).default(1),
  ISSUE_FAST_PATH: z.enum(['0', '1']).optional(),
  TRUST_PROXY: z
    .string()
    .max(500)
    .superRefine((v, ctx) => {
      const problem = trustProxyProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
  KIOSK_ISSUE_BURST: whole(1, 10_000_000).default(30),
  PUSH_SUBJECT: z
    .string()
    .regex(/^(mailto:|https:\/\/)/, 'PUSH_SUBJECT is a mailto: or https:// contact for push services')
    .default('mailto:hallq@example.invalid'),
  /** Rehearsals only: the server's clock starts at this instant (ISO) and runs QUEUE_CLOCK_SPEED times faster. */
  QUEUE_CLOCK_START: z.iso.datetime({ offset: true }).optional(),
  QUEUE_CLOCK_SPEED: decimal(1, 1000).optional(),
  HUB_URL: httpAddress().optional(),
  HUB_TOKEN: z.string().min(16).optional(),
  HUB_HALL_ID: z.string().min(1).optional(),
});

/**
 * Express's `trust proxy` value: `true`/`false`, a hop count (`1`), or addresses and subnets
 * (`loopback`, `10.0.0.0/8, 127.0.0.1`). Unset or empty: trust no proxy (the socket's address).
 */
export function parseTrustProxy(raw: string | undefined): boolean | number | string {
  const v = (raw ?? '').trim();
  if (v === '' || v === 'false') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  return v;
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  demo: boolean;
  /** Rehearsals only: a clock starting at `startMs` running `speed` times faster; null = the wall clock. */
  clock: { startMs: number; speed: number } | null;
  /** Demo mode loads generated history into an empty database. */
  demoHistory: boolean;
  adminPassword: string | null;
  publicUrl: string;
  allowedOrigins: string[];
  hallPrinter: string | null;
  /** scrypt cost of new password hashes: N = 2^this (17 = OWASP's advice; tests lower it for speed). */
  passwordScryptLog2N: number;
  /** `none` for a default printer that never answers DLE EOT (as a device's `printerStatusCheck`). */
  hallPrinterStatusCheck: 'dle-eot' | 'none';
  /** Folder holding apps/<app>/dist; default: the repository's apps folder. */
  webRoot: string;
  logLevel: string;
  /** Online backups of the database: every `intervalMinutes` (0 = off) into `dir`, keeping the last `keep`. */
  backup: { intervalMinutes: number; dir: string; keep: number };
  /** SERVER_TIMING=1: every answer carries `Server-Timing: app;dur=<ms>` (benchmarks). */
  serverTiming: boolean;
  /**
   * WRITE_FLUSH_THREAD=0: each batch's COMMIT flushes the disk on the event loop (synchronous=FULL)
   * instead of on the flush thread; as durable, slower (for comparing the two).
   */
  flushThread: boolean;
  /**
   * WRITE_PIPELINE_DEPTH: how many committed write batches may wait for their disk flush at once
   * (default 1: the next batch waits for the one before to be published; 2 or more: a batch may run
   * while the one before is flushed).
   */
  pipelineDepth: number;
  /**
   * ISSUE_FAST_PATH=0: a kiosk's ticket issue walks Express like every other request instead of
   * the lean path of http/issue-fast-path.ts (same checks, same answer; for comparing the two).
   */
  issueFastPath: boolean;
  /** Express's `trust proxy` (TRUST_PROXY): which proxies may name the client's real address. */
  trustProxy: boolean | number | string;
  /** Tickets one kiosk device may issue at once before the per-device limit (KIOSK_ISSUE_BURST; load tests raise it). */
  kioskIssueBurst: number;
  /** VAPID contact given to push services with each Web Push notification. */
  pushSubject: string;
  /** The city hub this hall pushes its event log to; null: no hub (the hall stands alone). */
  hub?: { url: string; token: string; hallId: string | null; publicUrl?: string | null } | null;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  if ((e.HUB_URL === undefined) !== (e.HUB_TOKEN === undefined)) {
    throw new Error('invalid configuration:\n  HUB_URL and HUB_TOKEN go together (the token is the one the hub gave when the hall was registered)');
  }
  const demo = argv.includes('--demo') || e.QUEUE_DEMO === '1' || e.QUEUE_DEMO === 'true';
  const host = e.HOST ?? (demo ? '127.0.0.1' : '0.0.0.0');
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  if (!e.PUBLIC_URL && !URL.canParse(`http://${urlHost}:${e.PORT}`)) {
    throw new Error(`invalid configuration:\n  HOST: "${host}" is not a host name or address (or set PUBLIC_URL)`);
  }
  return {
    port: e.PORT,
    host,
    dataDir: path.resolve(e.QUEUE_DATA_DIR),
    demo,
    clock: e.QUEUE_CLOCK_START || e.QUEUE_CLOCK_SPEED ? { startMs: e.QUEUE_CLOCK_START ? Date.parse(e.QUEUE_CLOCK_START) : Date.now(), speed: e.QUEUE_CLOCK_SPEED ?? 1 } : null,
    demoHistory: demo && e.QUEUE_DEMO_HISTORY !== '0' && e.QUEUE_DEMO_HISTORY !== 'false',
    adminPassword: e.ADMIN_PASSWORD ?? null,
    publicUrl: (e.PUBLIC_URL ?? `http://${urlHost}:${e.PORT}`).replace(/\/+$/, ''),
    allowedOrigins: (e.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length > 0),
    hallPrinter: e.HALL_PRINTER ?? null,
    passwordScryptLog2N: e.PASSWORD_SCRYPT_LOG2N,
    hallPrinterStatusCheck: e.HALL_PRINTER_STATUS_CHECK,
    webRoot: path.resolve(e.WEB_ROOT ?? path.join(__dirname, '..', '..')),
    logLevel: e.LOG_LEVEL,
    backup: {
      intervalMinutes: e.BACKUP_INTERVAL_MINUTES,
      dir: path.resolve(e.BACKUP_DIR ?? path.join(e.QUEUE_DATA_DIR, 'backups')),
      keep: e.BACKUP_KEEP,
    },
    serverTiming: e.SERVER_TIMING === '1',
    flushThread: e.WRITE_FLUSH_THREAD !== '0',
    pipelineDepth: e.WRITE_PIPELINE_DEPTH,
    issueFastPath: e.ISSUE_FAST_PATH !== '0',
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    kioskIssueBurst: e.KIOSK_ISSUE_BURST,
    pushSubject: e.PUSH_SUBJECT,
    // The hub links citizens to the hall's page only at an address they can reach: PUBLIC_URL as
    // set, never the default http://HOST:PORT (often loopback or a LAN address).
    hub: e.HUB_URL && e.HUB_TOKEN
      ? { url: e.HUB_URL, token: e.HUB_TOKEN, hallId: e.HUB_HALL_ID ?? null, publicUrl: e.PUBLIC_URL ? e.PUBLIC_URL.replace(/\/+$/, '') : null }
      : null,
  };
}
