// The visitor-facing pages audited at every size the product is seen at (1080x1920 kiosk and
// portrait wall, 1920x1080 wall, 390x844 and 360x640 phones), in Chinese and in English, in their
// states: an empty hall, a service with a long Chinese name, dialogs and error messages shown.
// axe-core's violations of any impact count, no button's one-word label breaks over lines, and on
// a phone every control is at least 44 px each way.
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, startServer, type TestServer } from '../support';
import { audit, brokenWords, smallTargets, LANDSCAPE, PHONE, PORTRAIT, SMALL_PHONE, type Size } from './audit';

jest.setTimeout(300_000);

const LONG_ZH = '建设工程规划许可证核发及建筑工程施工许可证联合办理（含人防与消防设计审查）';
const LONG_EN = 'Construction planning permit and building construction permit, joint handling (with civil air defence and fire design review)';

let server: TestServer;
let browser: Browser;
let admin: string;
let kiosk: string;
let staff: string;
let window1: string;
let longService: { id: string; moduleId: string };
let problems: string[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  admin = await server.login('admin');
  kiosk = await server.deviceToken('kiosk');
  staff = await server.login('w01');
  const hall = await server.api<{ modules: Array<{ id: string }>; windows: Array<{ id: string; number: number; skills: Array<{ serviceId: string; tier: number }> }> }>('GET', '/halls/demo', undefined, admin);
  const created = await server.api<{ service: { id: string; moduleId: string } }>(
    'POST',
    '/halls/demo/services',
    { code: 'LONG1', prefix: 'Z', name: { zh: LONG_ZH, en: LONG_EN }, moduleId: hall.body.modules[0]!.id, documents: [{ zh: '建设工程规划许可证申请表（加盖建设单位公章）', en: 'Planning permit application form (stamped)' }] },
    admin,
  );
  expect(created.status).toBe(201);
  longService = created.body.service;
  const w1 = hall.body.windows.find((w) => w.number === 1)!;
  window1 = w1.id;
  expect((await server.api('PATCH', `/halls/demo/windows/${w1.id}`, { skills: [{ serviceId: longService.id, tier: 1 }, ...w1.skills] }, admin)).status).toBe(200);
  expect((await server.api('POST', `/windows/${window1}/sign-in`, {}, staff)).status).toBe(200);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});
beforeEach(() => {
  problems = [];
});
// Each test lists every finding of its pages at once, so one run shows them all.
afterEach(() => {
  expect(problems).toEqual([]);
});

async function open(path: string, size: Size = PORTRAIT): Promise<Page> {
  return newPage(browser, `${server.url}${path}`, { viewport: { width: size.width, height: size.height } });
}
/** Each page at the sizes of the screens it is shown on. */
const KIOSK = [PORTRAIT];
const WALL = [LANDSCAPE, PORTRAIT];
const PHONES = [PHONE, SMALL_PHONE];
const check = async (page: Page, name: string, sizes: Size[]): Promise<void> => {
  for (const size of sizes) {
    problems.push(...(await audit(page, name, [size], { every: true })));
    problems.push(...(await brokenWords(page)).map((b) => `${name} @${size.name}: ${b}`));
    // On a phone every control is a finger's size (44 px) to tap.
    if (PHONES.includes(size)) problems.push(...(await smallTargets(page)).map((b) => `${name} @${size.name}: ${b}`));
  }
};
/** A lobby page connected, with its first state drawn. */
async function lobbyReady(page: Page): Promise<void> {
  await page.waitForSelector('.hall-screen[data-status="online"] .hall-main, .window-screen, [data-testid="rating-pad"]');
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('[data-testid="offline-banner"]'));
}
const en = (path: string, lang: string): string => (lang === 'en' ? `${path}${path.includes('?') ? '&' : '?'}lang=en` : path);

describe.each(['zh', 'en'])('in %s', (lang) => {
  test('lobby with an empty hall: wall display, window display, rating pad', async () => {
    // Chinese runs first, before any ticket exists: the empty hall is audited there.
    if (lang !== 'zh') return;
    for (const path of ['/display', '/display/window/1', '/rating/1']) {
      const page = await open(en(path, lang));
      await lobbyReady(page);
      await check(page, `${lang} ${path} (empty hall)`, WALL);
      await page.context().close();
    }
  });

  test('kiosk: start, the long service in its module, its checklist, the ticket, check-in with a wrong code, large mode', async () => {
    const page = await open(en('/kiosk', lang));
    await page.waitForSelector('.kiosk[data-screen="modules"]');
    await check(page, `${lang} kiosk start`, KIOSK);
    await page.getByTestId(`module-${longService.moduleId}`).click();
    await page.getByTestId(`service-${longService.id}`).waitFor();
    await check(page, `${lang} kiosk services (long name)`, KIOSK);
    await page.getByTestId(`service-${longService.id}`).click();
    await page.getByTestId('checklist').waitFor();
    await check(page, `${lang} kiosk checklist (long name)`, KIOSK);
    await page.getByTestId('take-ticket').click();
    await page.getByTestId('ticket-screen').waitFor();
    await check(page, `${lang} kiosk ticket (long name)`, KIOSK);
    await page.getByTestId('done').click();
    await page.getByTestId('checkin').click();
    for (const d of '999999') await page.getByTestId(`key-${d}`).click();
    await page.getByTestId('checkin-submit').click();
    await page.getByTestId('notice-appointment_invalid').waitFor();
    await check(page, `${lang} kiosk check-in refused`, KIOSK);
    await page.getByTestId('notice-ok').click();
    await page.getByTestId('home').click();
    await page.getByTestId('large-mode').click();
    await page.getByTestId(`module-${longService.moduleId}`).click();
    await page.getByTestId(`service-${longService.id}`).waitFor();
    await check(page, `${lang} kiosk large mode services (long name)`, KIOSK);
    await page.context().close();
  });

  test('lobby with calls: wall display, window display, and the rating pad asking for a reason', async () => {
    const issued = await server.api<{ ticket: { id: string } }>('POST', '/halls/demo/tickets', { serviceId: longService.id }, kiosk);
    expect(issued.status).toBe(201);
    const pad = await open(en('/rating/1', lang));
    await pad.waitForSelector('[data-testid="rating-pad"][data-phase="idle"]');
    await pad.waitForFunction(() => !document.querySelector('[data-testid="offline-banner"]'));
    expect((await server.api('POST', `/windows/${window1}/call`, { ticketId: issued.body.ticket.id, reason: 'a11y' }, staff)).status).toBe(200);
    for (const path of ['/display', '/display/window/1']) {
      const page = await open(en(path, lang));
      await lobbyReady(page);
      await check(page, `${lang} ${path} (a call)`, WALL);
      await page.context().close();
    }
    expect((await server.api('POST', `/tickets/${issued.body.ticket.id}/start`, {}, staff)).status).toBe(200);
    expect((await server.api('POST', `/tickets/${issued.body.ticket.id}/complete`, {}, staff)).status).toBe(200);
    await pad.waitForSelector('[data-testid="rating-pad"][data-phase="rate"]');
    await check(pad, `${lang} rating pad (rate)`, WALL);
    await pad.click('.rp-level[data-level="4"]');
    await pad.waitForSelector('[data-testid="rating-pad"][data-phase="reason"]');
    await pad.click('[data-testid="rating-submit"]');
    await pad.waitForSelector('.rp-need');
    await check(pad, `${lang} rating pad (reason required)`, WALL);
    await pad.context().close();
  });

  test('phone: waiting, cancel confirmation, called, rating with its reason required, unknown ticket; the public hall page', async () => {
    const issued = await server.api<{ ticket: { id: string; publicId: string } }>('POST', '/halls/demo/tickets', { serviceId: longService.id }, kiosk);
    const page = await open(en(`/t/${issued.body.ticket.publicId}`, lang), PHONE);
    await page.waitForSelector('[data-testid="live"].phone-live-on');
    await check(page, `${lang} phone waiting (long name)`, PHONES);
    await page.getByTestId('cancel').click();
    await page.getByTestId('cancel-confirm').waitFor();
    await check(page, `${lang} phone cancel confirmation`, PHONES);
    expect((await server.api('POST', `/windows/${window1}/call`, { ticketId: issued.body.ticket.id, reason: 'a11y' }, staff)).status).toBe(200);
    await page.getByTestId('called').waitFor();
    await check(page, `${lang} phone called`, PHONES);
    expect((await server.api('POST', `/tickets/${issued.body.ticket.id}/start`, {}, staff)).status).toBe(200);
    expect((await server.api('POST', `/tickets/${issued.body.ticket.id}/complete`, {}, staff)).status).toBe(200);
    await page.getByTestId('rating-form').waitFor();
    await page.getByTestId('rating-5').click();
    await check(page, `${lang} phone rating (reason required)`, PHONES);
    await page.goto(en(`${server.url}/t/AAAAAAAAAAAAAAAAAAAAAA`, lang));
    await page.getByTestId('not-found').waitFor();
    await check(page, `${lang} phone unknown ticket`, PHONES);
    await page.goto(en(`${server.url}/h/demo`, lang));
    await page.getByTestId(`hall-service-${longService.id}`).waitFor();
    await check(page, `${lang} public hall page (long name)`, PHONES);
    await page.locator('[data-testid^="book-"]').first().click();
    await page.getByTestId('slot-picker').waitFor();
    await check(page, `${lang} public hall page booking`, PHONES);
    await page.context().close();
  });
});
