// The console audited on a desk's wide screen (1920x1080), in Chinese and English: the login and its refusal, the counter with a long Chinese service name
// and each of its dialogs open, a refusal shown, the board, reports, planner and every admin
// section with a form's errors.
import type { Page } from 'playwright-core';
import { newPage } from '../support';
import { LANDSCAPE } from './audit';
import { langQuery as query, useConsoleAudit } from './console-sizes';

jest.setTimeout(300_000);

const SIZES = [LANDSCAPE];
const hall = useConsoleAudit({ windows: [1, 2] });
const check = (page: Page, name: string): Promise<void> => hall.check(page, name, SIZES);

describe.each(['zh', 'en'])('in %s', (lang) => {
  test('login, and a wrong password refused', async () => {
    const page = await newPage(hall.browser, `${hall.server.url}/console/${query(lang)}`, { viewport: LANDSCAPE });
    await page.locator('input[name=username]').waitFor();
    await check(page, `${lang} login`);
    await page.fill('input[name=username]', 'admin');
    await page.fill('input[name=password]', 'wrong-password');
    await page.click('button[type=submit]');
    await page.locator('[role=alert]').first().waitFor();
    await check(page, `${lang} login refused`);
    await page.context().close();
  });

  test('counter: the long service called and served, each dialog open, a refusal shown', async () => {
    const user = lang === 'zh' ? 'w01' : 'w02';
    const windowNumber = lang === 'zh' ? 1 : 2;
    const page = await hall.signIn(user, { viewport: LANDSCAPE, path: `/console/counter${query(lang)}` });
    await page.getByTestId(`sign-in-${windowNumber}`).click();
    await page.getByTestId('window-title').filter({ hasText: String(windowNumber) }).waitFor();
    await check(page, `${lang} counter (nothing waiting)`);
    const issued = await hall.issue();
    await page.getByTestId(`waiting-${issued.number}`).waitFor();
    await page.keyboard.press('F1');
    await page.getByTestId('current-number').filter({ hasText: issued.number }).waitFor();
    await check(page, `${lang} counter (called, long name)`);
    // Marked a no-show too early: the refusal is shown.
    await page.keyboard.press('F6');
    await page.getByRole('dialog').waitFor();
    await check(page, `${lang} counter no-show dialog`);
    await page.getByTestId('no-show-confirm').click();
    await page.locator('[role=alert]').first().waitFor();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('[role=dialog]'));
    await check(page, `${lang} counter refusal shown`);
    await page.keyboard.press('F3');
    await page.keyboard.press('F4');
    await page.getByRole('dialog').waitFor();
    await check(page, `${lang} counter complete dialog`);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('[role=dialog]'));
    await page.keyboard.press('F7');
    await page.getByRole('dialog').waitFor();
    await check(page, `${lang} counter transfer dialog`);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('[role=dialog]'));
    await page.keyboard.press('F4');
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('y');
    await page.waitForFunction(() => !document.querySelector('[role=dialog]'));
    await page.getByTestId('current-panel').filter({ hasText: lang === 'zh' ? '当前没有群众' : /no visitor/i }).waitFor();
    await page.keyboard.press('F8');
    await page.getByRole('dialog').waitFor();
    await check(page, `${lang} counter pause dialog`);
    await page.keyboard.press('Escape');
    await page.context().close();
  });

  test('board, reports, planner and every admin section; a service form with its errors', async () => {
    const page = await hall.signIn('admin', { viewport: LANDSCAPE, path: `/console/board${query(lang)}` });
    // Every section in Chinese; in English the ones with the longest words.
    const sections = lang === 'zh' ? ['/console/board', '/console/reports', '/console/planner', ...['services', 'windows', 'staff', 'devices', 'notices', 'hall', 'audit'].map((s) => `/console/admin/${s}`)] : ['/console/board', '/console/admin/hall'];
    for (const path of sections) {
      await page.goto(`${hall.server.url}${path}${query(lang)}`);
      await page.getByTestId('who').waitFor();
      await page.waitForLoadState('networkidle');
      await check(page, `${lang} ${path}`);
    }
    await page.goto(`${hall.server.url}/console/admin/services${query(lang)}`);
    await page.getByTestId('who').waitFor();
    await page.getByRole('button', { name: lang === 'zh' ? '新增事项' : /new service/i }).click();
    const form = page.getByTestId('service-form');
    await form.getByRole('button', { name: lang === 'zh' ? '保存' : /save/i }).click();
    await form.locator('[role=alert]').first().waitFor();
    await check(page, `${lang} service form errors`);
    await page.context().close();
  });
});
