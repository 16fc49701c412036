// The visitor's phone page when its live socket is down but the server still answers (a guest
// Wi-Fi that drops WebSockets): it says so, looks at the ticket every 15 s of its own clock
// meanwhile (reconnection attempts do not postpone that look), shows a call it learnt by looking,
// and goes back to live (no more looking) once the socket returns. The page's clock is Playwright's,
// moved by hand, so the test waits for no real 15 s and asserts no wall-clock timing.
import type { Page } from 'playwright-core';
import type { Ticket } from '@hallq/shared';
import { startSocketGate } from '../support/socket-gate';
import { shoot, useKioskWorld } from './kiosk-helpers';

type IssuedTicket = Ticket & { publicId: string; statusUrl: string };

let kioskToken: string;
let staff: string;
let windowId: string;

const world = useKioskWorld();

beforeAll(async () => {
  kioskToken = await world.server.deviceToken('kiosk');
  staff = await world.server.login('w01');
  windowId = world.hall.windows.find((w) => w.number === 1)!.id;
  expect((await world.server.api('POST', `/windows/${windowId}/sign-in`, {}, staff)).status).toBe(200);
});

async function phone(url: string): Promise<Page> {
  const context = await world.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.clock.install();
  await page.goto(url);
  return page;
}

/** Moves the page's clock `seconds` forward one second at a time, letting the network answer in between. */
async function pageSecondsPass(page: Page, seconds: number): Promise<void> {
  for (let i = 0; i < seconds; i++) {
    await page.clock.fastForward(1000);
    await page.waitForTimeout(30);
  }
}

test('socket down: says so and looks every 15 s, sees the call; socket back: live again and looks no more', async () => {
  const serviceId = world.hall.windows.find((w) => w.id === windowId)!.skills[0]!.serviceId;
  const issued = await world.server.api<{ ticket: IssuedTicket }>('POST', '/halls/demo/tickets', { serviceId }, kioskToken);
  expect(issued.status).toBe(201);
  const ticket = issued.body.ticket;
  const gate = await startSocketGate(world.server.url);
  const lookPath = `/api/v1/public/tickets/${ticket.publicId}`;
  const looks = (): number => gate.requests.filter((p) => p === lookPath).length;
  const page = await phone(`${gate.url}/t/${ticket.publicId}`);
  try {
    await page.waitForSelector('[data-testid="live"].phone-live-on');
    await expect(page.getByTestId('live').textContent()).resolves.toBe('实时更新中');
    // Live: no looking at all, well past one polling period.
    const looksWhileLive = looks();
    await pageSecondsPass(page, 20);
    expect(looks()).toBe(looksWhileLive);

    // The socket drops and every reconnection is refused; HTTP still works.
    gate.down();
    await page.waitForSelector('[data-testid="live"]:not(.phone-live-on)');
    await expect(page.getByTestId('live').textContent()).resolves.toBe('连接中断，正在重连；期间每 15 秒刷新一次');
    await shoot(page, 'phone-socket-down-zh-390x844');

    // Called meanwhile: nothing pushed; the page learns it by looking, within 15 s of its clock
    // plus a little, however often the socket tried to come back in between.
    expect((await world.server.api('POST', `/windows/${windowId}/call`, { ticketId: ticket.id, reason: 'e2e' }, staff)).status).toBe(200);
    const looksBefore = looks();
    await pageSecondsPass(page, 5);
    await expect(page.getByTestId('called').count()).resolves.toBe(0);
    await pageSecondsPass(page, 12);
    await page.getByTestId('called').waitFor({ timeout: 10_000 });
    await expect(page.getByTestId('called').textContent()).resolves.toBe('请到 1 号窗口');
    expect(looks()).toBeGreaterThan(looksBefore);
    // The page kept trying to get its socket back meanwhile.
    expect(gate.refused()).toBeGreaterThan(1);
    await expect(page.getByTestId('live').getAttribute('class')).resolves.not.toContain('phone-live-on');
    await shoot(page, 'phone-called-by-polling-zh-390x844');

    // The socket is allowed back: the page reconnects by itself (its backoff is at most 30 s) and is live.
    gate.up();
    for (let i = 0; i < 40 && (await page.locator('[data-testid="live"].phone-live-on').count()) === 0; i++) await pageSecondsPass(page, 1);
    await page.waitForSelector('[data-testid="live"].phone-live-on', { timeout: 10_000 });
    const looksLiveAgain = looks();
    // Served and completed: the rating form arrives over the socket, not by looking.
    expect((await world.server.api('POST', `/tickets/${ticket.id}/start`, {}, staff)).status).toBe(200);
    expect((await world.server.api('POST', `/tickets/${ticket.id}/complete`, {}, staff)).status).toBe(200);
    await page.getByTestId('rating-form').waitFor({ timeout: 15_000 });
    await pageSecondsPass(page, 20);
    expect(looks()).toBe(looksLiveAgain);
  } finally {
    await page.context().close();
    await gate.close();
  }
});
