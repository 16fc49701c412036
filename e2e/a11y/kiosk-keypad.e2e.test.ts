// The kiosk's keypad at its own size (1080x1920 portrait), in Chinese and English, standard and
// large mode: check-in by appointment code with the ID card reader (no card read, then a card's
// masked name greeting), the keypad filled to its longest code, a wrong code refused, and the
// keypad of a service with a very long Chinese name. Each state passes the audit (axe, no Chinese
// squeezed two characters a line, nothing wider than the screen) and is laid out whole at once
// (nothing cut off, overlapping, or below the fold; the hall's name in the top bar not stacked a
// word a line); the refusal keeps Tab inside it and Enter on its button goes back to the keypad.
import type { Page } from 'playwright-core';
import { newPage, useHallAndBrowser } from '../support';
import { audit, dialogLayoutProblems, focusEscapesDialog, layoutProblems, PORTRAIT } from './audit';

jest.setTimeout(300_000);

const LONG_ZH = '建设工程规划许可证核发及建筑工程施工许可证联合办理（含人防与消防设计审查）';
const LONG_EN = 'Construction planning permit and building construction permit, joint handling (with civil air defence and fire design review)';
/** The keypad takes codes of up to 12 digits. */
const LONGEST = '123456789012';

const hall = useHallAndBrowser();
let longService: { id: string; moduleId: string };
let problems: string[] = [];

beforeAll(async () => {
  const admin = await hall.server.login('admin');
  const config = await hall.server.api<{ modules: Array<{ id: string }> }>('GET', '/halls/demo', undefined, admin);
  const created = await hall.server.api<{ service: { id: string; moduleId: string } }>('POST', '/halls/demo/services', { code: 'LONG1', prefix: 'Z', name: { zh: LONG_ZH, en: LONG_EN }, moduleId: config.body.modules[0]!.id }, admin);
  expect(created.status).toBe(201);
  longService = created.body.service;
});
beforeEach(() => {
  problems = [];
});
// Each test lists every finding of its screens at once.
afterEach(() => {
  expect(problems).toEqual([]);
});

/** The kiosk page as it runs in the kiosk app with an ID card reader: the card on the reader is `window.__idCard`. */
async function kioskWithReader(lang: string): Promise<Page> {
  const context = await hall.browser.newContext({ viewport: { width: PORTRAIT.width, height: PORTRAIT.height }, locale: 'zh-CN' });
  await context.addInitScript((serverUrl) => {
    const w = window as unknown as { hallqKiosk?: unknown; __idCard?: { name: string } | null };
    w.hallqKiosk = {
      getConfig: async () => ({ serverUrl, language: 'zh', idleSeconds: 600, hasPrinter: false, paperWidthMm: 80, hasIdCardReader: true }),
      print: async () => ({ ok: false, fault: 'offline' }),
      printerStatus: async () => ({ state: 'offline', reason: 'none' }),
      readIdCard: async () => w.__idCard ?? null,
    };
  }, hall.server.url);
  const page = await newPage(hall.browser, `${hall.server.url}/kiosk${lang === 'en' ? '?lang=en' : ''}`, { context });
  await page.waitForSelector('.kiosk[data-screen="modules"]');
  return page;
}

/** The audit, and the screen laid out whole; with a notice over it, the notice laid out whole. */
async function check(page: Page, name: string, over: 'screen' | 'notice' = 'screen'): Promise<void> {
  problems.push(...(await audit(page, name, [PORTRAIT])));
  problems.push(...(over === 'screen' ? await layoutProblems(page, '.kiosk', name, { fitsScreen: true }) : await dialogLayoutProblems(page, name)));
  // The hall's name in the top bar reads as a name, not a column of single words.
  const nameLines = await page.locator('.hall-name').evaluate((el) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)));
  if (nameLines > 2) problems.push(`${name}: the hall's name takes ${nameLines} lines in the top bar`);
}

async function type(page: Page, digits: string): Promise<void> {
  for (const d of digits) await page.getByTestId(`key-${d}`).click();
  await page.getByTestId('code-display').filter({ hasText: digits }).waitFor();
}

describe.each(['zh', 'en'])('in %s', (lang) => {
  test.each([false, true])('large mode %p: check-in with the ID card reader, the longest code, a wrong code, a long-named service', async (large) => {
    const page = await kioskWithReader(lang);
    const at = `${lang}${large ? ' large' : ''} kiosk`;
    if (large) {
      await page.getByTestId('large-mode').click();
      await page.waitForSelector('.kiosk[data-large="on"]');
    }
    await page.getByTestId('checkin').click();
    await page.waitForSelector('.kiosk[data-screen="checkin"]');
    await check(page, `${at} check-in keypad`);

    // No card on the reader: told so, the keypad still there.
    await page.getByTestId('id-card-read').click();
    await page.locator('.id-card-greeting [role=status]').waitFor();
    await check(page, `${at} check-in, no ID card read`);
    // A card: greeted by the masked name, then the longest code typed.
    await page.evaluate(() => ((window as unknown as { __idCard: { name: string } }).__idCard = { name: '欧阳建国' }));
    await page.getByTestId('id-card-read').click();
    await page.getByTestId('id-card-name').waitFor();
    await type(page, LONGEST);
    await page.getByTestId('key-9').click(); // one more digit than a code has: ignored
    await page.getByTestId('code-display').filter({ hasText: new RegExp(`^${LONGEST}$`) }).waitFor();
    await check(page, `${at} check-in, ID card greeting, ${LONGEST.length} digits`);
    await page.getByTestId('key-delete').click();
    await page.getByTestId('code-display').filter({ hasText: new RegExp(`^${LONGEST.slice(0, -1)}$`) }).waitFor();
    await page.getByTestId('key-clear').click();
    await expect(page.getByTestId('checkin-submit').isDisabled()).resolves.toBe(true);

    // A wrong code: the refusal covers the screen, its one button has focus and keeps it.
    await type(page, '999999');
    await page.getByTestId('checkin-submit').click();
    const notice = page.getByTestId('notice-appointment_invalid');
    await notice.waitFor();
    await check(page, `${at} wrong code refused`, 'notice');
    const escaped = await focusEscapesDialog(page);
    if (escaped) problems.push(`${at} wrong code refused: ${escaped}`);
    await page.keyboard.press('Enter');
    await notice.waitFor({ state: 'detached' });
    // Back on the keypad, the code kept to correct it.
    await page.getByTestId('code-display').filter({ hasText: '999999' }).waitFor();

    // The keypad of a service with a very long name, filled.
    await page.getByTestId('home').click();
    await page.getByTestId(`module-${longService.moduleId}`).click();
    await page.getByTestId(`service-${longService.id}`).click();
    await page.getByTestId('have-appointment').click();
    await page.waitForSelector('.kiosk[data-screen="keypad"]');
    await type(page, LONGEST);
    await check(page, `${at} service keypad (long name), ${LONGEST.length} digits`);
    await page.context().close();
  });
});
