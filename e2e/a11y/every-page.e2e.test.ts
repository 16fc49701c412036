// Every page of the product passes axe-core with no violation of any impact (minor ones too: an
// empty table header, text outside every landmark, a kiosk page that forbids zooming), and has a
// main landmark and headings: console pages at a desk's 1366x768, kiosk screens (standard and large
// mode), hall display, window display and rating pad at 1366x768. The kiosk's standard-mode start,
// services and service screens, the phone status page and the public hall page are audited in
// Chinese at the same sizes (1080x1920, 390x844) by sizes-lobby-kiosk-phone, so not again here.
// The console opened in English tells a screen reader so (the page's language) from the start.
import type { Page } from 'playwright-core';
import { newPage, useHallAndBrowser } from '../support';
import { axeViolations, landmarks } from '../support/axe';

const world = useHallAndBrowser();

async function expectAccessible(page: Page, name: string): Promise<void> {
  const found = await axeViolations(page, { every: true });
  expect([name, found]).toEqual([name, []]);
  const marks = await landmarks(page);
  expect([name, marks.main > 0, marks.headings > 0]).toEqual([name, true, true]);
}

test('console: login, counter, board, every admin section, reports and planner', async () => {
  const login = await newPage(world.browser, `${world.server.url}/console/`);
  await login.locator('input[name=username]').waitFor();
  await expectAccessible(login, 'console login');
  await login.context().close();

  const page = await world.signIn('admin');
  for (const path of ['/console/counter', '/console/board', '/console/reports', '/console/planner',
    ...['services', 'windows', 'staff', 'devices', 'notices', 'hall', 'audit'].map((s) => `/console/admin/${s}`)]) {
    await page.goto(`${world.server.url}${path}`);
    await page.getByTestId('who').waitFor();
    await page.waitForLoadState('networkidle');
    await expectAccessible(page, path);
  }
  await page.context().close();
});

test('console opened in English: the page says it is in English, and Chinese again once switched back', async () => {
  const page = await world.signIn('super', { path: '/console/board?lang=en' });
  await page.getByRole('button', { name: '中文' }).waitFor();
  await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
  await page.getByRole('button', { name: '中文' }).click();
  await page.getByRole('button', { name: 'English' }).waitFor();
  await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('zh-CN');
  await page.context().close();
});

test('kiosk: check-in keypad; start, module, service and check-in keypad in large mode', async () => {
  const page = await newPage(world.browser, `${world.server.url}/kiosk`, { viewport: { width: 1080, height: 1920 } });
  await page.waitForSelector('.kiosk[data-screen="modules"]');
  for (const large of [false, true]) {
    if (large) await page.getByTestId('large-mode').click();
    const tag = large ? ' (large)' : '';
    // Standard mode: start, services and service are audited by sizes-lobby-kiosk-phone.
    if (large) await expectAccessible(page, `kiosk start${tag}`);
    await page.locator('.module-tile').first().click();
    await page.waitForSelector('.kiosk[data-screen="services"]');
    if (large) await expectAccessible(page, `kiosk services${tag}`);
    await page.locator('.service-tile, [data-testid^="service-"]').first().click();
    await page.waitForSelector('.kiosk[data-screen="service"]');
    if (large) await expectAccessible(page, `kiosk service${tag}`);
    await page.getByTestId('home').click();
    await page.getByTestId('checkin').click();
    await page.waitForSelector('.kiosk[data-screen="checkin"]');
    await expectAccessible(page, `kiosk check-in${tag}`);
    await page.getByTestId('home').click();
    await page.waitForSelector('.kiosk[data-screen="modules"]');
  }
  await page.context().close();
});

test('lobby: hall display, window display and rating pad', async () => {
  for (const path of ['/display', '/display/window/1', '/rating/1']) {
    const page = await newPage(world.browser, `${world.server.url}${path}`);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    await expectAccessible(page, path);
    await page.context().close();
  }
});
