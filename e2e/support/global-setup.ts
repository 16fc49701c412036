// Jest global setup of the browser tests: one headless Chromium per jest worker for the whole run,
// instead of one launched (with a fresh profile) for every test file. Each address goes to the
// workers in an environment variable; launchBrowser (support/browser.ts) connects to it.
import { chromium, type BrowserServer } from 'playwright-core';
import { launchOptions, sharedBrowserVariable } from './browser';

export const SHARED_CHROMIUM = Symbol.for('hallq.e2e.sharedChromium');

export default async function setup(globalConfig: { maxWorkers: number }): Promise<void> {
  const workers = Math.max(1, globalConfig.maxWorkers);
  const servers: BrowserServer[] = await Promise.all(Array.from({ length: workers }, () => chromium.launchServer(launchOptions())));
  servers.forEach((s, i) => (process.env[sharedBrowserVariable(i + 1)] = s.wsEndpoint()));
  (globalThis as Record<symbol, unknown>)[SHARED_CHROMIUM] = servers;
}
