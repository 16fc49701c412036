// The kiosk on a landscape touch screen, a low one (1366x768) and a full HD one (1920x1080), in
// Chinese in standard mode and English in large mode: the ticket with the printer offline (its tallest
// state: the number, the printer's message, the big QR and Done) and the check-in keypad filled to
// its longest code. Each is on the screen whole at once: nothing under the top bar, below the
// screen's edge or needing a scroll a visitor would not think of; and passes the audit with axe-core's
// violations of any impact.
import type { Page } from 'playwright-core';
import { newPage, useHallAndBrowser } from '../support';
import { audit, layoutProblems, type Size } from './audit';

jest.setTimeout(300_000);

const SIZES: Size[] = [
  { name: '1366x768', width: 1366, height: 768 },
  { name: '1920x1080', width: 1920, height: 1080 },
];
const LONGEST = '123456789012';

// The demo hall has no ticket printer here: every ticket shows the printer-offline message.
const hall = useHallAndBrowser();
let problems: string[] = [];
beforeEach(() => {
  problems = [];
});
afterEach(() => {
  expect(problems).toEqual([]);
});

/** The audit at this size, the kiosk laid out whole, and `testId` not hidden under the top bar. */
async function check(page: Page, name: string, size: Size, testId: string): Promise<void> {
  problems.push(...(await audit(page, name, [size], { every: true })));
  problems.push(...(await layoutProblems(page, '.kiosk', name, { fitsScreen: true })));
  const [bar, shown] = await Promise.all([page.locator('.top-bar').boundingBox(), page.getByTestId(testId).boundingBox()]);
  if (!bar || !shown || shown.y < bar.y + bar.height - 1 || shown.y + shown.height > size.height + 1) {
    problems.push(`${name}: ${testId} at ${shown ? `${Math.round(shown.y)}..${Math.round(shown.y + shown.height)}` : 'nowhere'}, not between the top bar (${bar ? Math.round(bar.y + bar.height) : '?'}) and the screen's bottom (${size.height})`);
  }
}

describe.each(SIZES)('at $name', (size) => {
  // Chinese in standard mode (what most visitors see) and English in large mode (the longest
  // words at the largest size): each language and each mode at each size.
  test.each([
    ['zh', false],
    ['en', true],
  ])('in %s, large mode %p: the ticket with the printer offline, then the check-in keypad', async (lang, large) => {
    const at = `${lang}${large ? ' large' : ''} kiosk @${size.name}`;
    const page = await newPage(hall.browser, `${hall.server.url}/kiosk${lang === 'en' ? '?lang=en' : ''}`, { viewport: { width: size.width, height: size.height } });
    await page.waitForSelector('.kiosk[data-screen="modules"]');
    if (large) await page.getByTestId('large-mode').click();
    await page.locator('.module-tile').first().click();
    await page.locator('[data-testid^="service-"]').first().click();
    await page.getByTestId('take-ticket').click();
    await page.getByTestId('printer-fault').waitFor();
    await check(page, `${at} ticket, printer offline`, size, 'ticket-number');
    const done = await page.getByTestId('done').boundingBox();
    if (!done || done.y + done.height > size.height + 1) problems.push(`${at} ticket: Done below the screen's edge`);

    // The check-in keypad (Done went back to the start, in Chinese and standard mode).
    await page.getByTestId('done').click();
    if (lang === 'en') await page.getByTestId('switch-lang').click();
    if (large) await page.getByTestId('large-mode').click();
    await page.getByTestId('checkin').click();
    await page.waitForSelector('.kiosk[data-screen="checkin"]');
    for (const d of LONGEST) await page.getByTestId(`key-${d}`).click();
    await page.getByTestId('code-display').filter({ hasText: LONGEST }).waitFor();
    await check(page, `${at} check-in keypad, ${LONGEST.length} digits`, size, 'checkin-submit');
    await page.context().close();
  });
});
