// The visitor's phone page /t/:publicId at 390x844: live number and people ahead, the call
// ("请到 N 号窗口") with vibration, cancel, and the 好差评 rating after service.
import type { Page } from 'playwright-core';
import type { Ticket } from '@hallq/shared';
import { shoot, useKioskWorld } from './kiosk-helpers';

type IssuedTicket = Ticket & { publicId: string; statusUrl: string };

let kioskToken: string;
let staff: string;
let windowId: string;

const world = useKioskWorld();

beforeAll(async () => {
  kioskToken = await world.server.deviceToken('kiosk');
  staff = await world.server.login('w01');
  const win = world.hall.windows.find((w) => w.number === 1)!;
  windowId = win.id;
  const signIn = await world.server.api('POST', `/windows/${windowId}/sign-in`, {}, staff);
  expect(signIn.status).toBe(200);
});

async function issue(): Promise<IssuedTicket> {
  const serviceId = world.hall.windows.find((w) => w.id === windowId)!.skills[0]!.serviceId;
  const res = await world.server.api<{ ticket: IssuedTicket }>('POST', '/halls/demo/tickets', { serviceId }, kioskToken);
  expect(res.status).toBe(201);
  return res.body.ticket;
}

async function phone(url: string): Promise<Page> {
  const context = await world.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US', isMobile: true, hasTouch: true });
  await context.addInitScript(() => {
    const w = window as unknown as { vibrations: unknown[] };
    w.vibrations = [];
    Object.defineProperty(navigator, 'vibrate', { value: (p: unknown) => (w.vibrations.push(p), true) });
  });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

test('shows the number and people ahead, then "请到 1 号窗口" with vibration when called; rating needs a reason when bad', async () => {
  const ahead = await issue(); // someone is already waiting
  const ticket = await issue();
  const page = await phone(ticket.statusUrl);
  try {
    await page.getByTestId('number').waitFor();
    await expect(page.getByTestId('number').textContent()).resolves.toBe(ticket.number);
    await page.getByText('前面还有 1 人').waitFor(); // Chinese although the phone is set to English
    await shoot(page, 'phone-status-waiting-zh-390x844');

    const call = await world.server.api('POST', `/windows/${windowId}/call`, { ticketId: ticket.id, reason: 'e2e' }, staff);
    expect(call.status).toBe(200);
    await page.getByTestId('called').waitFor({ timeout: 15_000 });
    await expect(page.getByTestId('called').textContent()).resolves.toBe('请到 1 号窗口');
    await page.waitForFunction(() => (window as unknown as { vibrations: unknown[] }).vibrations.length > 0);
    await shoot(page, 'phone-status-called-zh-390x844');
    await page.getByTestId('switch-lang').click();
    await expect(page.getByTestId('called').textContent()).resolves.toBe('Please go to window 1');
    await page.getByTestId('switch-lang').click();

    expect((await world.server.api('POST', `/tickets/${ticket.id}/start`, {}, staff)).status).toBe(200);
    expect((await world.server.api('POST', `/tickets/${ticket.id}/complete`, { firstTimeAccepted: true }, staff)).status).toBe(200);
    await page.getByTestId('rating-form').waitFor({ timeout: 15_000 });
    await page.getByTestId('rating-5').click();
    await expect(page.getByTestId('rating-submit').isDisabled()).resolves.toBe(true);
    await page.getByTestId('rating-reason').fill('等候时间太长');
    await expect(page.getByTestId('rating-submit').isEnabled()).resolves.toBe(true);
    await shoot(page, 'phone-rating-zh-390x844');
    await page.getByTestId('rating-submit').click();
    await page.getByTestId('rated').waitFor();
    await expect(page.getByTestId('rated').textContent()).resolves.toContain('非常不满意');
    const status = await world.server.api<{ rating: number; canRate: boolean }>('GET', `/public/tickets/${ticket.publicId}`);
    expect(status.body).toMatchObject({ rating: 5, canRate: false });
    await expect(page.getByTestId('rating-form').count()).resolves.toBe(0);
  } finally {
    await page.context().close();
    await world.server.api('POST', `/tickets/${ahead.id}/cancel`, {}, staff);
  }
});

test('a good rating needs no reason', async () => {
  const ticket = await issue();
  const page = await phone(`${ticket.statusUrl}?lang=en`);
  try {
    await page.getByText('My number').waitFor();
    expect((await world.server.api('POST', `/windows/${windowId}/call`, { ticketId: ticket.id, reason: 'e2e' }, staff)).status).toBe(200);
    expect((await world.server.api('POST', `/tickets/${ticket.id}/start`, {}, staff)).status).toBe(200);
    expect((await world.server.api('POST', `/tickets/${ticket.id}/complete`, {}, staff)).status).toBe(200);
    await page.getByTestId('rating-form').waitFor({ timeout: 15_000 });
    await page.getByTestId('rating-1').click();
    await expect(page.getByTestId('rating-reason').count()).resolves.toBe(0);
    await page.getByTestId('rating-submit').click();
    await page.getByTestId('rated').waitFor();
    await expect(page.getByTestId('rated').textContent()).resolves.toContain('Very satisfied');
  } finally {
    await page.context().close();
  }
});

test('the visitor can cancel a waiting ticket from the phone', async () => {
  const ticket = await issue();
  const page = await phone(ticket.statusUrl);
  try {
    await page.getByTestId('cancel').click();
    await page.getByTestId('cancel-confirm').click();
    await page.getByText('已取消', { exact: true }).waitFor();
    const status = await world.server.api<{ status: string }>('GET', `/public/tickets/${ticket.publicId}`);
    expect(status.body.status).toBe('cancelled');
    await expect(page.getByTestId('cancel').count()).resolves.toBe(0);
  } finally {
    await page.context().close();
  }
});

test('an unknown ticket number says so plainly', async () => {
  const page = await phone(`${world.server.url}/t/AAAAAAAAAAAAAAAAAAAAAA`);
  try {
    await page.getByTestId('not-found').waitFor();
    await expect(page.getByTestId('not-found').textContent()).resolves.toBe('找不到这个号码，请核对二维码');
  } finally {
    await page.context().close();
  }
});
