// The display PC's config file, validated once at start-up. One PC may drive several screens
// (hall wall screen, window screens, rating pads), each on a chosen monitor.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { isServerAddressOnly, SERVER_ADDRESS_ONLY } from '@hallq/client';

// Window numbers are 1..9999, as the server takes them.
const PAGE = /^\/display$|^\/display\/window\/[1-9]\d{0,3}$|^\/rating\/[1-9]\d{0,3}$/;

export const ScreenSchema = z.strictObject({
  page: z.string().regex(PAGE, 'page must be /display, /display/window/<n> or /rating/<n> (n a window number, 1 to 9999)'),
  /** Index into the system's monitors (0 = primary order as reported by the OS). */
  monitor: z.number().int().min(0).default(0),
  /** Device token for this page; defaults to the file's deviceToken (a rating pad needs its own). */
  token: z.string().min(1).optional(),
});

export const DisplayConfigSchema = z.strictObject({
  // The pages are loaded from the server's root (a path would be dropped), so the address is the
  // server's alone: no path, query, fragment or password.
  serverUrl: z
    .url({ protocol: /^https?$/ })
    .refine(isServerAddressOnly, SERVER_ADDRESS_ONLY)
    .transform((u) => new URL(u).origin),
  deviceToken: z.string().min(1).optional(),
  screens: z.array(ScreenSchema).min(1),
  /** Kiosk mode (no way out with the keyboard); false = plain full screen, for set-up. */
  kiosk: z.boolean().default(true),
  lang: z.enum(['zh', 'en']).default('zh'),
  /** Also announce in English after Chinese. */
  announceEnglish: z.boolean().default(false),
});

export type DisplayConfig = z.infer<typeof DisplayConfigSchema>;
export type ScreenConfig = z.infer<typeof ScreenSchema>;

export type ConfigResult = { ok: true; config: DisplayConfig } | { ok: false; error: string };

export function parseConfig(text: string): ConfigResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `not valid JSON: ${(err as Error).message}` };
  }
  const r = DisplayConfigSchema.safeParse(json);
  if (!r.success) return { ok: false, error: r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('\n') };
  return { ok: true, config: r.data };
}

export function loadConfig(file: string): ConfigResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    return { ok: false, error: `cannot read ${file}: ${(err as Error).message}` };
  }
  const r = parseConfig(text);
  return r.ok ? r : { ok: false, error: `${file}\n${r.error}` };
}

/** The address a screen loads: the server's own page, paired with the device token. */
export function screenUrl(config: DisplayConfig, screen: ScreenConfig): string {
  const url = new URL(screen.page, config.serverUrl);
  const token = screen.token ?? config.deviceToken;
  if (token) url.searchParams.set('pair', token);
  if (config.lang === 'en') url.searchParams.set('lang', 'en');
  if (config.announceEnglish && screen.page === '/display') url.searchParams.set('english', '1');
  return url.toString();
}

/** The config file: `--config=<file>`, else $HALLQ_DISPLAY_CONFIG, else in the app's data folder. */
export function configPath(argv: string[], env: NodeJS.ProcessEnv, userData: string): string {
  const arg = argv.find((a) => a.startsWith('--config='));
  if (arg) return arg.slice('--config='.length);
  return env.HALLQ_DISPLAY_CONFIG ?? `${userData}/display-config.json`;
}
