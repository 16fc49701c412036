// The planner on the demo hall's generated history: the supervisor simulates tomorrow with an
// edited skills matrix beside today's, takes the planner's proposal, and applies it in one step;
// service names stay on one line.
import type { Page } from 'playwright-core';
import type { HallConfig } from '@hallq/shared';
import { screenshot, useHallAndBrowser } from '../support';

let page: Page;

const world = useHallAndBrowser({ history: true, startTimeoutMs: 120_000 });

it('simulates tomorrow with an edited matrix beside today\'s, takes the proposal and applies it', async () => {
  page = await world.signIn('super');
  await page.getByRole('link', { name: '人员排班' }).click();
  const panel = page.getByTestId('tomorrow-panel');
  await panel.waitFor({ timeout: 30_000 });
  // Window 1 stops taking its first service: the edited column differs from today's.
  const first = panel.locator('select[data-window="1"]').first();
  await first.waitFor();
  await first.selectOption('0');
  await page.getByTestId('simulate-tomorrow').click();
  const figures = page.getByTestId('tomorrow-figures');
  await figures.waitFor({ timeout: 90_000 });
  const within = await figures.locator('tr[data-figure=within] td').allInnerTexts();
  expect(within).toHaveLength(2);
  for (const v of within) expect(v).toMatch(/%$/);
  // Service names are on one line: a row header is no taller than one line of text.
  // (The text's own box is one line high: its height is under two font sizes.)
  const lines = await panel.locator('th.service-name').evaluateAll((cells) =>
    cells.map((c) => {
      const range = document.createRange();
      range.selectNodeContents(c);
      return range.getBoundingClientRect().height / parseFloat(getComputedStyle(c).fontSize);
    }),
  );
  expect(lines.length).toBeGreaterThan(5);
  expect(Math.max(...lines)).toBeLessThan(2);
  await figures.scrollIntoViewIfNeeded();
  await screenshot(page, 'planner-tomorrow');

  await page.getByTestId('planner-proposal').click();
  await page.getByTestId('suggestion-note').waitFor({ timeout: 120_000 });
  const apply = page.getByTestId('apply-skills');
  page.once('dialog', (d) => void d.accept());
  if (await apply.isEnabled()) {
    await apply.click();
    await page.getByTestId('skills-applied').waitFor({ timeout: 30_000 });
    const admin = await world.server.login('admin');
    const hall = (await world.server.api<HallConfig>('GET', '/halls/demo', undefined, admin)).body;
    expect(hall.windows.length).toBeGreaterThan(0);
  }
}, 300_000);
