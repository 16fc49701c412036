// The counter's no-show, transfer and pause dialogs on a phone (390x844) and on a desk's wide
// screen (1920x1080), in Chinese and English, with a service of a very long Chinese name called:
// each dialog opened from its action button by the keyboard passes the audit (axe, no Chinese
// squeezed two characters a line, nothing wider than the screen), is laid out whole (nothing cut
// off, nothing on top of something else), keeps Tab and Shift+Tab inside, and on Escape gives
// focus back to the button that opened it.
import type { Page } from 'playwright-core';
import { dialogLayoutProblems, focusEscapesDialog, LANDSCAPE, PHONE } from './audit';
import { langQuery, useConsoleAudit } from './console-sizes';

jest.setTimeout(300_000);

const hall = useConsoleAudit({ windows: [1, 2] });

const DIALOGS = [
  { action: 'no-show', what: 'no-show' },
  { action: 'transfer', what: 'transfer' },
  { action: 'pause-resume', what: 'pause' },
] as const;

/** The test id, data-action or text of what has focus. */
const focused = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return el?.dataset.testid ?? el?.dataset.action ?? el?.textContent?.trim() ?? '';
  });

describe.each([
  { lang: 'zh', user: 'w01', windowNumber: 1 },
  { lang: 'en', user: 'w02', windowNumber: 2 },
])('in $lang', ({ lang, user, windowNumber }) => {
  test('no-show, transfer and pause dialogs with the long service called, on a phone and on a wide screen', async () => {
    const page = await hall.signIn(user, { viewport: PHONE, path: `/console/counter${langQuery(lang)}` });
    await page.getByTestId(`sign-in-${windowNumber}`).click();
    await page.getByTestId('window-title').filter({ hasText: String(windowNumber) }).waitFor();
    // The call's answer comes well after its event, as on a busy server: the ticket is on screen
    // while the action buttons still wait for the answer, so each is used only once it is enabled.
    await page.route('**/call-next', async (route) => {
      const answer = await route.fetch();
      await new Promise((done) => setTimeout(done, 1_000));
      await route.fulfill({ response: answer });
    });
    const ticket = await hall.issue();
    await page.getByTestId(`waiting-${ticket.number}`).waitFor();
    await page.keyboard.press('F1');
    await page.getByTestId('current-number').filter({ hasText: ticket.number }).waitFor();

    for (const size of [PHONE, LANDSCAPE]) {
      await page.setViewportSize({ width: size.width, height: size.height });
      for (const { action, what } of DIALOGS) {
        const name = `${lang} ${what} dialog @${size.name}`;
        const button = page.locator(`.action-bar [data-action="${action}"]:enabled`);
        await button.waitFor();
        await button.focus();
        await page.keyboard.press('Enter');
        const dialog = page.getByRole('dialog');
        await dialog.waitFor();
        await hall.check(page, name, [size]);
        hall.report(...(await dialogLayoutProblems(page, name)));
        const escaped = await focusEscapesDialog(page);
        if (escaped) hall.report(`${name}: ${escaped}`);
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached' });
        const back = await focused(page);
        if (back !== action) hall.report(`${name}: focus goes back to "${back}", not to the ${action} button`);
      }
    }
    // Nothing was changed by opening and cancelling: the ticket is still called here.
    await page.getByTestId('current-number').filter({ hasText: ticket.number }).waitFor();
    await page.context().close();
  });
});
