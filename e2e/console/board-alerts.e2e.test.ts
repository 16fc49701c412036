// The supervisor's board alerts on a real demo server: an officer serves a ticket and a visitor's
// bad rating (非常不满意) is recorded with the officer's token through the API; the board shows it
// live. A kiosk's printer running out of paper shows as a device fault. The follow-up the rating
// opened is not overdue yet (its deadline is 15 working days away), so no overdue alert; with the
// server's answer rewritten as if the deadline had passed, the next minute's poll lists it with
// its ticket number and deadline, and its link opens the reports page's follow-up panel.
import type { Page } from 'playwright-core';
import type { FollowUpList, HallConfig } from '@hallq/shared';
import { screenshot, useHallAndBrowser } from '../support';
import { axeViolations } from '../support/axe';
import { signInWindows } from '../display/hall-helpers';

let board: Page;

const world = useHallAndBrowser();

/** Window 1's officer calls, starts and completes a kiosk ticket; returns it. */
async function serveOne(): Promise<{ id: string; number: string; officer: string }> {
  const kiosk = await world.server.deviceToken('kiosk');
  const officer = await world.server.login('w01');
  const hall = (await world.server.api<HallConfig>('GET', '/halls/demo', undefined, officer)).body;
  const window1 = hall.windows.find((w) => w.number === 1)!;
  expect((await world.server.api('POST', `/windows/${window1.id}/sign-in`, {}, officer)).status).toBe(200);
  for (const s of [...window1.skills].sort((a, b) => a.tier - b.tier)) {
    const issued = await world.server.api<{ ticket: { id: string } }>('POST', '/halls/demo/tickets', { serviceId: s.serviceId }, kiosk);
    expect(issued.status).toBe(201);
    const called = await world.server.api<{ ticket: { id: string; number: string } }>('POST', `/windows/${window1.id}/call-next`, {}, officer);
    if (called.status !== 200) {
      await world.server.api('POST', `/tickets/${issued.body.ticket.id}/cancel`, {}, officer);
      continue;
    }
    const { id, number } = called.body.ticket;
    expect((await world.server.api('POST', `/tickets/${id}/start`, {}, officer)).status).toBe(200);
    expect((await world.server.api('POST', `/tickets/${id}/complete`, { firstTimeAccepted: true }, officer)).status).toBe(200);
    return { id, number, officer };
  }
  throw new Error('window 1 could call nothing');
}

describe('supervisor board alerts', () => {
  it('shows a bad rating made through the API, a device fault, and overdue follow-ups linking to the reports page', async () => {
    // The board runs on Chromium's controllable clock, so the minute's poll can be reached at once.
    board = await world.signIn('super', { clock: true });
    await board.getByTestId('board-queues').waitFor();
    const alerts = board.getByTestId('board-alerts');
    expect(await alerts.locator('li[data-kind=bad-rating]').count()).toBe(0);

    const served = await serveOne();
    const rated = await world.server.api<{ rating: { followUpId: string | null } }>('POST', `/tickets/${served.id}/rating`, { level: 5, reason: '窗口人员态度差' }, served.officer);
    expect(rated.status).toBe(201);
    expect(rated.body.rating.followUpId).toBeTruthy();

    const badLine = alerts.locator('li[data-kind=bad-rating]', { hasText: served.number });
    await badLine.waitFor({ timeout: 15_000 });
    expect(await badLine.textContent()).toContain('非常不满意');
    expect(await badLine.textContent()).toContain('1 号窗口');

    // A kiosk reports its printer out of paper: a device fault on the board (device.changed).
    const pairing = await world.server.api<{ token: string; device: { name: string } }>('GET', '/pair/demo?kind=kiosk');
    expect((await world.server.api('POST', '/devices/me/status', { printerState: 'paper_out' }, pairing.body.token)).status).toBe(200);
    await alerts.locator('li[data-kind=device-fault]', { hasText: pairing.body.device.name }).filter({ hasText: '缺纸' }).waitFor();

    // The new follow-up is not overdue on the server: no overdue alert.
    const supToken = await world.server.login('super');
    const real = await world.server.api<FollowUpList>('GET', '/halls/demo/follow-ups?status=overdue', undefined, supToken);
    expect(real.body.followUps).toEqual([]);
    expect(await alerts.locator('li[data-kind=follow-up-overdue]').count()).toBe(0);

    // The server's clock cannot be moved, so its answer is rewritten as if the deadline had
    // passed; the board picks it up on its next minute's poll.
    let overdueAsked = 0;
    await board.route('**/api/v1/halls/demo/follow-ups?status=overdue', async (route) => {
      overdueAsked++;
      const all = await route.fetch({ url: `${world.server.url}/api/v1/halls/demo/follow-ups?status=all` });
      const list = (await all.json()) as FollowUpList;
      const followUps = list.followUps.filter((f) => f.status !== 'closed').map((f) => ({ ...f, overdue: true }));
      await route.fulfill({ response: all, json: { followUps, summary: { ...list.summary, overdue: followUps.length } } });
    });
    await board.clock.fastForward(61_000);
    const overdueLine = alerts.locator('li[data-kind=follow-up-overdue]', { hasText: served.number });
    await overdueLine.waitFor({ timeout: 15_000 });
    expect(overdueAsked).toBeGreaterThan(0);
    const all = await world.server.api<FollowUpList>('GET', '/halls/demo/follow-ups?status=all', undefined, supToken);
    const deadline = all.body.followUps.find((f) => f.ticketNumber === served.number)!.deadline;
    expect(await overdueLine.textContent()).toContain(deadline);
    // The live bad rating is still on the board after the minute (it stays half an hour).
    expect(await badLine.count()).toBe(1);
    await screenshot(board, 'console-board-alerts-1366x768');

    await overdueLine.getByTestId('follow-up-link').click();
    await board.waitForURL(/\/console\/reports#follow-ups$/);
    await board.getByTestId('follow-ups').getByTestId('follow-up').filter({ hasText: served.number }).waitFor({ timeout: 20_000 });
  });
});

describe("the board's estimated waits", () => {
  /** The estimate cells of the services with a queue: [code, text] (no-break spaces as spaces). */
  async function estimates(page: Page): Promise<Array<[string, string]>> {
    return page.$$eval('[data-testid=board-queues] tr[data-testid^=queue-]', (rows) =>
      rows
        .filter((r) => r.querySelector('td.num')?.textContent !== '0')
        .map((r) => [r.getAttribute('data-testid')!.slice('queue-'.length), (r.querySelector('td.wait-shown')?.textContent ?? '').replace(/\u00a0/g, ' ')] as [string, string]),
    );
  }

  it('read as the phone shows them, the range where one is known, in Chinese and in English', async () => {
    // Open windows (a wait is only estimated where a window serves) and a queue at each.
    const kiosk = await world.server.deviceToken('kiosk');
    const open = await signInWindows(world.server, [2, 3, 5, 6]);
    for (const w of open) {
      for (let i = 0; i < 3; i++) expect((await world.server.api('POST', '/halls/demo/tickets', { serviceId: w.serviceId }, kiosk)).status).toBe(201);
    }
    const zh = await world.signIn('super', { path: '/console/board' });
    await zh.getByTestId('board-queues').waitFor();
    await zh.waitForFunction(() => Array.from(document.querySelectorAll('[data-testid=board-queues] td.wait-shown')).some((e) => /\d+–\d+/.test(e.textContent ?? '')), undefined, { timeout: 30_000 });
    const zhWaits = await estimates(zh);
    expect(zhWaits.length).toBeGreaterThanOrEqual(2);
    for (const [code, w] of zhWaits) expect([code, w]).toEqual([code, expect.stringMatching(/^(\d+–\d+ 分钟|\d+ 分钟内|约 \d+ 分钟|不到 1 分钟|—)$/)]);
    expect(zhWaits.some(([, w]) => /^\d+–\d+ 分钟$/.test(w))).toBe(true);
    // On one line in its cell.
    const wrapped = await zh.$$eval('td.wait-shown', (cells) =>
      cells.filter((c) => {
        const range = document.createRange();
        range.selectNodeContents(c);
        return new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size > 1;
      }).length,
    );
    expect(wrapped).toBe(0);
    expect(await axeViolations(zh)).toEqual([]);
    await screenshot(zh, 'console-board-waits-zh-1366x768');

    await zh.goto(`${world.server.url}/console/board?lang=en`);
    await zh.getByTestId('board-queues').waitFor();
    await zh.waitForFunction(() => Array.from(document.querySelectorAll('[data-testid=board-queues] td.wait-shown')).some((e) => /\d+–\d+\smin/.test(e.textContent ?? '')), undefined, { timeout: 30_000 });
    const enWaits = await estimates(zh);
    for (const [code, w] of enWaits) expect([code, w]).toEqual([code, expect.stringMatching(/^(\d+–\d+ min|within \d+ min|about \d+ min|under a minute|—)$/)]);
    expect(enWaits.some(([, w]) => /^\d+–\d+ min$/.test(w))).toBe(true);
    expect(await axeViolations(zh)).toEqual([]);
    await screenshot(zh, 'console-board-waits-en-1366x768');
    await zh.context().close();
  });
});
