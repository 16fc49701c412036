// Demo mode with its generated history: the supervisor's reports open on the 60 simulated days'
// before/after comparison (dedicated windows, then pooled), said to be generated, not measured;
// the page full of real figures (the arrivals heat map shaded from light to dark) passes axe-core
// with no violation of any impact, its every shade's number readable (contrast).
import type { Page } from 'playwright-core';
import { screenshot, useHallAndBrowser } from '../support';
import { axeViolations } from '../support/axe';

let page: Page;

const world = useHallAndBrowser({ history: true, startTimeoutMs: 120_000 });

it('opens the reports on the generated before/after comparison, marked as generated', async () => {
  page = await world.signIn('super');
  await page.getByRole('link', { name: '统计报表' }).click();
  const note = page.getByTestId('demo-history-note');
  await note.waitFor({ timeout: 30_000 });
  expect(await note.innerText()).toContain('模拟器生成');
  await page.getByTestId('chart-compare').waitFor({ timeout: 150_000 });
  // The comparison comes first, above the period's tiles.
  const order = await page.evaluate(() => {
    const compare = document.querySelector('[data-testid=chart-compare]');
    const tiles = document.querySelector('[data-testid=kpi-volume]');
    return compare && tiles ? compare.compareDocumentPosition(tiles) & Node.DOCUMENT_POSITION_FOLLOWING : 0;
  });
  expect(order).toBeTruthy();
  const issued = await page.getByTestId('chart-compare').locator('tr[data-kpi=issued] td').allInnerTexts();
  expect(Number(issued[0])).toBeGreaterThan(1000);
  expect(Number(issued[1])).toBeGreaterThan(1000);
  await screenshot(page, 'reports-demo-history');
  await page.getByTestId('chart-arrivals').locator('td[style]').first().waitFor();
  expect(await axeViolations(page, { every: true })).toEqual([]);
}, 240_000);
