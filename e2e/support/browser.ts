// Debian's Chromium driven by playwright-core (no browser download), headless, with the flags
// this sandbox needs. Each jest worker shares one Chromium, started once for the run by
// support/global-setup.ts: a test file connects to its worker's browser and closing it closes
// only the contexts that file opened. A file that needs other flags (a fake camera) launches its
// own Chromium with a fresh profile.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type LaunchOptions, type Page } from 'playwright-core';
import { REPO_ROOT } from './server';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts');

/** The environment variable holding the shared Chromium's address for jest worker `id`. */
export const sharedBrowserVariable = (id: string | number): string => `HALLQ_E2E_CHROMIUM_WS_${id}`;

/**
 * The features playwright-core (1.65) turns off with its own --disable-features. Chromium reads
 * only the last --disable-features on its command line, so the one below repeats them;
 * support/browser-features.e2e.test.ts checks that it still covers every one playwright-core passes.
 */
export const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];

/**
 * Chromium preloads its address bar's popups (chrome://omnibox-popup.top-chrome) for every window,
 * in a renderer process of their own: one more process for each browser context a test opens,
 * for a popup a headless browser never shows. Turned off, a test file costs the machine about a
 * quarter less CPU.
 */
export const UNUSED_HEADLESS_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

export function launchOptions(extraArgs: string[] = []): LaunchOptions {
  return {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--autoplay-policy=no-user-gesture-required',
      `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, ...UNUSED_HEADLESS_FEATURES].join(',')}`,
      ...extraArgs,
    ],
  };
}

export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  const shared = extraArgs.length === 0 ? process.env[sharedBrowserVariable(process.env.JEST_WORKER_ID ?? '1')] : undefined;
  if (shared) return chromium.connect(shared, { timeout: 30_000 });
  return chromium.launch(launchOptions(extraArgs));
}

export async function newPage(
  browser: Browser,
  url: string,
  options: { viewport?: { width: number; height: number }; context?: BrowserContext } = {},
): Promise<Page> {
  const context = options.context ?? (await browser.newContext({ viewport: options.viewport ?? { width: 1366, height: 768 }, locale: 'zh-CN' }));
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/**
 * Saves a screenshot under test-artifacts/. Written to a temporary file first and renamed, so a
 * reader never sees a half-written picture.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  const partial = `${file}.${process.pid}.part`;
  writeFileSync(partial, await page.screenshot({ fullPage: false }));
  renameSync(partial, file);
  return file;
}
