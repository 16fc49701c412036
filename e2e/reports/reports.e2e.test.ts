// The reports page on real data: tickets are served and rated through the API of a real demo
// server, then the supervisor opens /console -> 统计报表 in Chromium and reads the figures in the
// tiles, the charts drawn, the before/after table, and takes a bad rating's follow-up two steps on.
import type { Page } from 'playwright-core';
import type { HallConfig } from '@hallq/shared';
import { screenshot, useHallAndBrowser } from '../support';

let page: Page;

const world = useHallAndBrowser();

/** Serves three tickets at window 1: accepted first time and rated 非常满意; not accepted and rated 不满意; a no-show. */
async function driveTickets(): Promise<void> {
  const kiosk = await world.server.deviceToken('kiosk');
  const pad = await world.server.deviceToken('rating-pad');
  const w01 = await world.server.login('w01');
  const hall = (await world.server.api<HallConfig>('GET', '/halls/demo', undefined, w01)).body;
  const window1 = hall.windows.find((w) => w.number === 1)!;
  expect((await world.server.api('POST', `/windows/${window1.id}/sign-in`, {}, w01)).status).toBe(200);
  // The first of window 1's skills that its officer may serve at stage 0.
  const skills = [...window1.skills].sort((a, b) => a.tier - b.tier);
  let serviceId = '';
  const next = async (): Promise<string> => {
    for (const s of serviceId ? [{ serviceId }] : skills) {
      const issued = await world.server.api<{ ticket: { id: string } }>('POST', '/halls/demo/tickets', { serviceId: s.serviceId }, kiosk);
      expect(issued.status).toBe(201);
      const called = await world.server.api<{ ticket: { id: string } }>('POST', `/windows/${window1.id}/call-next`, {}, w01);
      if (called.status === 200) {
        serviceId = s.serviceId;
        return called.body.ticket.id;
      }
      await world.server.api('POST', `/tickets/${issued.body.ticket.id}/cancel`, {}, w01);
    }
    throw new Error('window 1 could call nothing');
  };
  for (const [accepted, rating] of [[true, { level: 1 }], [false, { level: 4, reason: '材料被退回两次' }]] as const) {
    const id = await next();
    expect((await world.server.api('POST', `/tickets/${id}/start`, {}, w01)).status).toBe(200);
    expect((await world.server.api('POST', `/tickets/${id}/complete`, { firstTimeAccepted: accepted }, w01)).status).toBe(200);
    expect((await world.server.api('POST', `/tickets/${id}/rating`, rating, pad)).status).toBe(201);
  }
  const gone = await next();
  // No-show is allowed before the hall's grace time only once the visitor was recalled.
  expect((await world.server.api('POST', `/tickets/${gone}/recall`, {}, w01)).status).toBe(200);
  expect((await world.server.api('POST', `/tickets/${gone}/recall`, {}, w01)).status).toBe(200); // no-show safeguard: one recall first
  expect((await world.server.api('POST', `/tickets/${gone}/no-show`, {}, w01)).status).toBe(200);
}

const tileText = (testId: string) => page.getByTestId(testId).innerText();

describe('reports dashboard', () => {
  it('shows the period\'s KPIs, charts and the comparison from the hall\'s real events', async () => {
    await driveTickets();
    page = await world.signIn('super');
    await page.getByRole('link', { name: '统计报表' }).click();
    await page.getByTestId('kpi-volume').filter({ hasText: '2' }).waitFor({ timeout: 20_000 });

    expect(await tileText('kpi-volume')).toContain('取号 3 · 过号 1 · 取消 0');
    expect(await tileText('kpi-satisfied')).toContain('50%'); // 1 of 2 ratings is 1..3
    expect(await tileText('kpi-satisfied')).toContain('差评 1 条');
    expect(await tileText('kpi-first-time')).toContain('50%'); // accepted once of two flagged
    expect(await tileText('kpi-wait')).toMatch(/\d+(\.\d)? 分钟/);
    expect(await tileText('kpi-within')).toContain('100%'); // called at once: far within 40 minutes
    expect(await tileText('kpi-rectification')).toContain('0%');

    // Charts are drawn (SVG from recharts) with real marks, not the "no data" text.
    for (const chart of ['chart-wait-by-hour', 'chart-utilisation', 'chart-trends']) {
      await page.getByTestId(chart).locator('svg.recharts-surface').first().waitFor();
    }
    expect(await page.getByTestId('chart-wait-by-hour').locator('.recharts-reference-line').count()).toBe(1); // the target line
    expect(await page.getByTestId('chart-utilisation').locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
    const busiest = await page.getByTestId('chart-arrivals').locator('td').evaluateAll((cells) => cells.map((c) => Number(c.textContent) || 0));
    expect(Math.max(...busiest)).toBe(3); // three tickets in one hour of today, one such weekday in 7 days
    // Before/after: nothing before, three tickets now.
    const issuedRow = page.getByTestId('chart-compare').locator('tr[data-kpi=issued] td');
    expect(await issuedRow.allInnerTexts()).toEqual(['0', '3', '+3']);
    expect(await page.getByTestId('organisations').innerText()).toMatch(/区|政务|Gov|gov/);
    await screenshot(page, 'reports-dashboard');
  });

  it('takes the bad rating\'s follow-up through assign and call back, each step recorded', async () => {
    const row = page.getByTestId('follow-up');
    expect(await row.count()).toBe(1);
    expect(await row.getAttribute('data-status')).toBe('open');
    expect(await row.innerText()).toContain('材料被退回两次');
    await row.locator('button[data-action=assign]').click();
    await page.locator('[data-testid=follow-up][data-status=assigned]').waitFor();
    await page.getByTestId('follow-up').locator('input').fill('已电话回访，解释补正要求');
    await page.getByTestId('follow-up').locator('button[data-action=call_back]').click();
    await page.locator('[data-testid=follow-up][data-status=called_back]').waitFor();
    const steps = await page.getByTestId('follow-up').locator('.follow-up-steps li').allInnerTexts();
    expect(steps).toHaveLength(2);
    expect(steps[1]).toContain('已电话回访');
    await screenshot(page, 'reports-follow-up');
  });

  it('switches to English', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Reports' }).waitFor();
    expect(await tileText('kpi-first-time')).toContain('First-time acceptance');
  });
});
