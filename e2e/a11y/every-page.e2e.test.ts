// Every page of the product passes axe-core with no serious or critical violation, and has a main
// landmark and headings: console pages, kiosk screens (standard and large mode), hall display,
// window display, rating pad, the phone status page and the public hall page.
import type { Page } from 'playwright-core';
import { newPage, useHallAndBrowser } from '../support';
import { axeViolations, landmarks } from '../support/axe';

const world = useHallAndBrowser();

async function expectAccessible(page: Page, name: string): Promise<void> {
  const found = await axeViolations(page);
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

test('kiosk: start, module, service, check-in keypad, and the same in large mode', async () => {
  const page = await newPage(world.browser, `${world.server.url}/kiosk`, { viewport: { width: 1080, height: 1920 } });
  await page.waitForSelector('.kiosk[data-screen="modules"]');
  for (const large of [false, true]) {
    if (large) await page.getByTestId('large-mode').click();
    const tag = large ? ' (large)' : '';
    await expectAccessible(page, `kiosk start${tag}`);
    await page.locator('.module-tile').first().click();
    await page.waitForSelector('.kiosk[data-screen="services"]');
    await expectAccessible(page, `kiosk services${tag}`);
    await page.locator('.service-tile, [data-testid^="service-"]').first().click();
    await page.waitForSelector('.kiosk[data-screen="service"]');
    await expectAccessible(page, `kiosk service${tag}`);
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

test('phone: ticket status page and public hall page', async () => {
  const kiosk = await world.server.deviceToken('kiosk');
  const admin = await world.server.login('admin');
  const hall = await world.server.api<{ services: Array<{ id: string }> }>('GET', '/halls/demo', undefined, admin);
  const issued = await world.server.api<{ ticket: { publicId: string } }>('POST', '/halls/demo/tickets', { serviceId: hall.body.services[0]!.id }, kiosk);
  const phone = { viewport: { width: 390, height: 844 } };
  const status = await newPage(world.browser, `${world.server.url}/t/${issued.body.ticket.publicId}`, phone);
  await status.getByTestId('number').waitFor();
  await expectAccessible(status, 'phone status');
  await status.context().close();
  const hallPage = await newPage(world.browser, `${world.server.url}/h/demo`, phone);
  await hallPage.getByTestId('hall-page').waitFor();
  await expectAccessible(hallPage, 'public hall page');
  await hallPage.context().close();
});
