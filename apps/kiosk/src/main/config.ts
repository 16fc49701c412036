// The kiosk's config file, validated once at start-up. A missing or wrong file is not a crash:
// the kiosk shows an error screen that names the problem and the file to fix.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { printerUrlProblem } from '@hallq/printing';
import { isServerAddressOnly, SERVER_ADDRESS_ONLY } from '@hallq/client';
import type { KioskPublicConfig } from '../shared/kiosk-bridge';

export const KioskConfigSchema = z.strictObject({
  /** The hall server, e.g. "http://10.0.0.2:3000"; the kiosk page is loaded from it. */
  serverUrl: z
    .string()
    .url()
    .refine((u) => /^https?:\/\//.test(u), 'must start with http:// or https://')
    // The kiosk page and the API are at the server's root: a path, query, fragment or password
    // in the address would send every request somewhere else.
    .refine(isServerAddressOnly, SERVER_ADDRESS_ONLY)
    .transform((u) => new URL(u).origin),
  /** The device token an administrator created for this kiosk (shown once in the console). */
  deviceToken: z.string().trim().min(8, 'looks too short to be a device token'),
  /** Printer URL: tcp://host:9100, file:///dev/usb/lp0, serial:///dev/ttyS0?baud=19200, usb://vid:pid. */
  printer: z
    .string()
    .trim()
    .min(1)
    .superRefine((url, ctx) => {
      const problem = printerUrlProblem(url);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
  paperWidthMm: z.union([z.literal(58), z.literal(80)], { error: 'must be 58 or 80 (paper width in mm)' }).default(80),
  /** `none` for a printer that never answers DLE EOT: jobs are sent without the status read. */
  printerStatusCheck: z.enum(['dle-eot', 'none'], { error: 'must be "dle-eot" or "none"' }).default('dle-eot'),
  language: z.enum(['zh', 'en'], { error: 'must be "zh" or "en"' }).default('zh'),
  idleSeconds: z.number().int().min(5).max(3600).default(60),
  /** Local ID card reader service (docs/id-card-reader.md), e.g. "http://127.0.0.1:19196"; absent: no reader. */
  idCardReader: z
    .string()
    .url()
    .refine((u) => /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/.test(u), 'the reader must answer on this machine (http://127.0.0.1:<port>)')
    .optional(),
  /** Index of the display to fill (0 = primary), for kiosks with a second screen. */
  display: z.number().int().min(0).default(0),
});

export type KioskConfig = z.infer<typeof KioskConfigSchema>;

export type ConfigResult = { ok: true; path: string; config: KioskConfig } | { ok: false; path: string; problem: string };

/** `HALLQ_KIOSK_CONFIG`, else `kiosk.json` in the app's user-data folder. */
export function configPath(env: Record<string, string | undefined>, userDataDir: string): string {
  return env.HALLQ_KIOSK_CONFIG?.trim() || path.join(userDataDir, 'kiosk.json');
}

export function parseConfig(file: string, text: string): ConfigResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, path: file, problem: `the file is not valid JSON (${err instanceof Error ? err.message : String(err)})` };
  }
  const parsed = KioskConfigSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const field = issue.path.join('.') || '(file)';
      return `${field}: ${issue.message}`;
    });
    return { ok: false, path: file, problem: problems.join('; ') };
  }
  return { ok: true, path: file, config: parsed.data };
}

export function loadConfig(file: string, read: (file: string) => string = (f) => readFileSync(f, 'utf8')): ConfigResult {
  let text: string;
  try {
    text = read(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const problem = code === 'ENOENT' ? 'the config file does not exist' : `the config file cannot be read (${code ?? String(err)})`;
    return { ok: false, path: file, problem };
  }
  return parseConfig(file, text);
}

/** What the page may know: never the device token. */
export function publicConfig(config: KioskConfig): KioskPublicConfig {
  return {
    serverUrl: config.serverUrl,
    language: config.language,
    idleSeconds: config.idleSeconds,
    hasPrinter: config.printer !== undefined,
    paperWidthMm: config.paperWidthMm,
    hasIdCardReader: config.idCardReader !== undefined,
  };
}

export const EXAMPLE_CONFIG = {
  serverUrl: 'http://192.168.1.10:3000',
  deviceToken: '<device token from the console: Admin → Devices>',
  printer: 'tcp://192.168.1.50:9100',
  paperWidthMm: 80,
  language: 'zh',
  idleSeconds: 60,
  display: 0,
};
