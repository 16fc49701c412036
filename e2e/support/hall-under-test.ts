// What most browser tests set up: one hall server and one Chromium for the whole test file,
// started before its tests and stopped after them, and console pages signed in as a member of
// staff and opened where the test begins.
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { startServer, type StartOptions, type TestServer } from './server';

export interface SignInOptions {
  /** The demo hall's accounts share one password. */
  password?: string;
  /** Where the page goes once signed in (e.g. `/console/admin/hall`); default the role's start page. */
  path?: string;
  viewport?: { width: number; height: number };
  /** The page runs on Chromium's controllable clock (`page.clock`), installed before the console loads. */
  clock?: boolean;
}

/** A new browser context on the console, signed in as `username`, then opened at `options.path`. */
export async function signInToConsole(browser: Browser, baseUrl: string, username: string, options: SignInOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1366, height: 768 }, locale: 'zh-CN' });
  const page = await context.newPage();
  if (options.clock) await page.clock.install();
  await page.goto(`${baseUrl}/console/`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', options.password ?? 'demo');
  await page.click('button[type=submit]');
  await page.getByTestId('who').waitFor();
  // After signing in the console shows the role's own start page: go where the test begins.
  if (options.path) {
    await page.goto(`${baseUrl}${options.path}`);
    await page.getByTestId('who').waitFor();
  }
  return page;
}

export interface HallUnderTest {
  readonly server: TestServer;
  readonly browser: Browser;
  signIn(username: string, options?: SignInOptions): Promise<Page>;
}

/**
 * Registers the file's `beforeAll`/`afterAll` for a hall server (`options` as for `startServer`)
 * and a browser; a test file's own `beforeAll` registered after this call runs once both are up.
 */
export function useHallAndBrowser(options: StartOptions & { startTimeoutMs?: number } = {}): HallUnderTest {
  const { startTimeoutMs, ...serverOptions } = options;
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer(serverOptions);
    browser = await launchBrowser();
  }, startTimeoutMs);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const started = <T>(thing: T | undefined, what: string): T => {
    if (thing === undefined) throw new Error(`${what} is started in beforeAll: use it inside a hook or a test`);
    return thing;
  };
  const hall: HallUnderTest = {
    get server() {
      return started(server, 'the hall server');
    },
    get browser() {
      return started(browser, 'the browser');
    },
    signIn: (username, signInOptions) => signInToConsole(hall.browser, hall.server.url, username, signInOptions),
  };
  return hall;
}
