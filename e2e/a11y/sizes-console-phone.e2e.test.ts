// The console audited on a phone (390x844) in Chinese, one pass through its pages (in English the
// board and the hall settings, whose words are the longest): a supervisor
// checks the board from a phone, so every page must read without scrolling sideways. The login,
// the counter with a long Chinese service name called, the board, reports, planner and every
// admin section (the hall settings also after the window is widened from narrow), and the kiosk
// page opened on a phone (its 1080x1920 look is audited with the other visitor pages).
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, signInToConsole, startServer, type TestServer } from '../support';
import { audit, LANDSCAPE, PHONE } from './audit';

jest.setTimeout(300_000);

const LONG_ZH = '建设工程规划许可证核发及建筑工程施工许可证联合办理（含人防与消防设计审查）';
const SIZES = [PHONE];

let server: TestServer;
let browser: Browser;
let admin: string;
let kiosk: string;
let serviceId: string;
let moduleId: string;
let problems: string[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  admin = await server.login('admin');
  kiosk = await server.deviceToken('kiosk');
  const hall = await server.api<{ modules: Array<{ id: string }>; windows: Array<{ id: string; number: number; skills: Array<{ serviceId: string; tier: number }> }> }>('GET', '/halls/demo', undefined, admin);
  const created = await server.api<{ service: { id: string } }>('POST', '/halls/demo/services', { code: 'LONG1', prefix: 'Z', name: { zh: LONG_ZH, en: 'Joint planning and construction permits' }, moduleId: hall.body.modules[0]!.id }, admin);
  expect(created.status).toBe(201);
  serviceId = created.body.service.id;
  moduleId = hall.body.modules[0]!.id;
  const w = hall.body.windows.find((x) => x.number === 1)!;
  expect((await server.api('PATCH', `/halls/demo/windows/${w.id}`, { skills: [{ serviceId, tier: 1 }, ...w.skills] }, admin)).status).toBe(200);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});
beforeEach(() => {
  problems = [];
});
// Each test lists every finding of its pages at once.
afterEach(() => {
  expect(problems).toEqual([]);
});

const check = async (page: Page, name: string): Promise<void> => {
  problems.push(...(await audit(page, name, SIZES)));
};

test('login on a phone', async () => {
  const page = await newPage(browser, `${server.url}/console/`, { viewport: PHONE });
  await page.locator('input[name=username]').waitFor();
  await check(page, 'login');
  await page.context().close();
});

test('counter on a phone: windows to choose, then the long service called, the complete dialog', async () => {
  const page = await signInToConsole(browser, server.url, 'w01', { viewport: PHONE, path: '/console/counter' });
  await page.getByTestId('sign-in-1').waitFor();
  await check(page, 'counter (choose a window)');
  await page.getByTestId('sign-in-1').click();
  await page.getByTestId('window-title').filter({ hasText: '1' }).waitFor();
  const issued = await server.api<{ ticket: { number: string } }>('POST', '/halls/demo/tickets', { serviceId }, kiosk);
  expect(issued.status).toBe(201);
  await page.getByTestId(`waiting-${issued.body.ticket.number}`).waitFor();
  await page.keyboard.press('F1');
  await page.getByTestId('current-number').filter({ hasText: issued.body.ticket.number }).waitFor();
  await check(page, 'counter (called, long name)');
  await page.keyboard.press('F3');
  await page.keyboard.press('F4');
  await page.getByRole('dialog').waitFor();
  await check(page, 'counter complete dialog');
  await page.keyboard.press('Escape');
  await page.context().close();
});

test('board, reports, planner and every admin section on a phone', async () => {
  const page = await signInToConsole(browser, server.url, 'admin', { viewport: PHONE, path: '/console/board' });
  const sections = ['/console/board', '/console/reports', '/console/planner', ...['services', 'windows', 'staff', 'devices', 'notices', 'hall', 'audit'].map((s) => `/console/admin/${s}`)];
  for (const path of sections) {
    await page.goto(`${server.url}${path}`);
    await page.getByTestId('who').waitFor();
    await page.waitForLoadState('networkidle');
    await check(page, path);
  }
  // The hall settings opened narrow, then the window widened: the layout reflows to the new width.
  await page.goto(`${server.url}/console/admin/hall`);
  await page.getByTestId('who').waitFor();
  await page.waitForLoadState('networkidle');
  problems.push(...(await audit(page, '/console/admin/hall widened from narrow', [{ name: '1024x768', width: 1024, height: 768 }, { name: '1180x820', width: 1180, height: 820 }, LANDSCAPE])));
  await page.context().close();
});

test('in English on a phone: the board and the hall settings (the longest words)', async () => {
  const page = await signInToConsole(browser, server.url, 'admin', { viewport: PHONE, path: '/console/board?lang=en' });
  for (const path of ['/console/board', '/console/admin/hall']) {
    await page.goto(`${server.url}${path}?lang=en`);
    await page.getByTestId('who').waitFor();
    await page.waitForLoadState('networkidle');
    await check(page, `en ${path}`);
  }
  await page.context().close();
});

test('kiosk opened on a phone: start, the long service in its module, its checklist, the ticket', async () => {
  const page = await newPage(browser, `${server.url}/kiosk`, { viewport: PHONE });
  await page.waitForSelector('.kiosk[data-screen="modules"]');
  await check(page, 'kiosk start');
  await page.getByTestId(`module-${moduleId}`).click();
  await page.getByTestId(`service-${serviceId}`).waitFor();
  await check(page, 'kiosk services (long name)');
  await page.getByTestId(`service-${serviceId}`).click();
  await page.getByTestId('checklist').waitFor();
  await check(page, 'kiosk checklist (long name)');
  await page.getByTestId('take-ticket').click();
  await page.getByTestId('ticket-screen').waitFor();
  await check(page, 'kiosk ticket (long name)');
  await page.context().close();
});
