// The Chromium the browser tests launch: its own --disable-features (the last one on the command
// line, the one Chromium reads) keeps every feature playwright-core turns off, and no browser
// context gets a renderer for the address bar's popups (a process a headless test never shows).
import { readFileSync } from 'node:fs';
import { chromium, type Browser, type BrowserServer } from 'playwright-core';
import { launchOptions, UNUSED_HEADLESS_FEATURES } from './browser';

// Launched as support/global-setup.ts launches the Chromium every test file shares.
let server: BrowserServer;
let browser: Browser;
beforeAll(async () => {
  server = await chromium.launchServer(launchOptions());
  browser = await chromium.connect(server.wsEndpoint());
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('the last --disable-features holds every feature turned off before it, and the unused headless ones', () => {
  const pid = server.process().pid;
  expect(pid).toBeDefined();
  const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  const lists = args.filter((a) => a.startsWith('--disable-features=')).map((a) => a.slice('--disable-features='.length).split(','));
  expect(lists.length).toBeGreaterThan(0);
  const last = new Set(lists.at(-1));
  expect(lists.flat().filter((f) => !last.has(f))).toEqual([]);
  expect(UNUSED_HEADLESS_FEATURES.filter((f) => !last.has(f))).toEqual([]);
});

test('a browser context opens no address-bar popup of its own', async () => {
  const contexts = await Promise.all([browser.newContext(), browser.newContext()]);
  for (const c of contexts) await (await c.newPage()).goto('about:blank');
  const session = await browser.newBrowserCDPSession();
  const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: Array<{ type: string; url: string }> };
  // The two pages are there; nothing from the browser's own address bar is.
  expect(targetInfos.filter((t) => t.type === 'page')).toHaveLength(2);
  expect(targetInfos.filter((t) => t.url.startsWith('chrome://omnibox-popup'))).toEqual([]);
  await Promise.all(contexts.map((c) => c.close()));
});
