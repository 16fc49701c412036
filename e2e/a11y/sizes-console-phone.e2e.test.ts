// The console audited on a phone (390x844) in Chinese, one pass through its pages (in English the
// board and the hall settings, whose words are the longest): a supervisor
// checks the board from a phone, so every page must read without scrolling sideways. The login,
// the counter with a long Chinese service name called, the board, reports, planner and every
// admin section (the hall settings also after the window is widened from narrow), and the kiosk
// page opened on a phone (its 1080x1920 look is audited with the other visitor pages).
import type { Page } from 'playwright-core';
import { newPage } from '../support';
import { audit, LANDSCAPE, PHONE } from './audit';
import { useConsoleAudit } from './console-sizes';

jest.setTimeout(300_000);

const SIZES = [PHONE];
const hall = useConsoleAudit({ windows: [1] });
const check = (page: Page, name: string): Promise<void> => hall.check(page, name, SIZES);

test('login on a phone', async () => {
  const page = await newPage(hall.browser, `${hall.server.url}/console/`, { viewport: PHONE });
  await page.locator('input[name=username]').waitFor();
  await check(page, 'login');
  await page.context().close();
});

test('counter on a phone: windows to choose, then the long service called, the complete dialog', async () => {
  const page = await hall.signIn('w01', { viewport: PHONE, path: '/console/counter' });
  await page.getByTestId('sign-in-1').waitFor();
  await check(page, 'counter (choose a window)');
  await page.getByTestId('sign-in-1').click();
  await page.getByTestId('window-title').filter({ hasText: '1' }).waitFor();
  const issued = await hall.issue();
  await page.getByTestId(`waiting-${issued.number}`).waitFor();
  await page.keyboard.press('F1');
  await page.getByTestId('current-number').filter({ hasText: issued.number }).waitFor();
  await check(page, 'counter (called, long name)');
  await page.keyboard.press('F3');
  await page.keyboard.press('F4');
  await page.getByRole('dialog').waitFor();
  await check(page, 'counter complete dialog');
  await page.keyboard.press('Escape');
  await page.context().close();
});

test('board, reports, planner and every admin section on a phone', async () => {
  const page = await hall.signIn('admin', { viewport: PHONE, path: '/console/board' });
  const sections = ['/console/board', '/console/reports', '/console/planner', ...['services', 'windows', 'staff', 'devices', 'notices', 'hall', 'audit'].map((s) => `/console/admin/${s}`)];
  for (const path of sections) {
    await page.goto(`${hall.server.url}${path}`);
    await page.getByTestId('who').waitFor();
    await page.waitForLoadState('networkidle');
    await check(page, path);
  }
  // The hall settings opened narrow, then the window widened: the layout reflows to the new width.
  await page.goto(`${hall.server.url}/console/admin/hall`);
  await page.getByTestId('who').waitFor();
  await page.waitForLoadState('networkidle');
  hall.report(...(await audit(page, '/console/admin/hall widened from narrow', [{ name: '1024x768', width: 1024, height: 768 }, { name: '1180x820', width: 1180, height: 820 }, LANDSCAPE])));
  await page.context().close();
});

test('in English on a phone: the board and the hall settings (the longest words)', async () => {
  const page = await hall.signIn('admin', { viewport: PHONE, path: '/console/board?lang=en' });
  for (const path of ['/console/board', '/console/admin/hall']) {
    await page.goto(`${hall.server.url}${path}?lang=en`);
    await page.getByTestId('who').waitFor();
    await page.waitForLoadState('networkidle');
    await check(page, `en ${path}`);
  }
  await page.context().close();
});

test('kiosk opened on a phone: start, the long service in its module, its checklist, the ticket', async () => {
  const page = await newPage(hall.browser, `${hall.server.url}/kiosk`, { viewport: PHONE });
  await page.waitForSelector('.kiosk[data-screen="modules"]');
  await check(page, 'kiosk start');
  await page.getByTestId(`module-${hall.moduleId}`).click();
  await page.getByTestId(`service-${hall.serviceId}`).waitFor();
  await check(page, 'kiosk services (long name)');
  await page.getByTestId(`service-${hall.serviceId}`).click();
  await page.getByTestId('checklist').waitFor();
  await check(page, 'kiosk checklist (long name)');
  await page.getByTestId('take-ticket').click();
  await page.getByTestId('ticket-screen').waitFor();
  await check(page, 'kiosk ticket (long name)');
  await page.context().close();
});
