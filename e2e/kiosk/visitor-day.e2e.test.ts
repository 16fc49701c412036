// A visitor's day across every page, in Chinese, each at its own screen: the kiosk (1080x1920)
// gives a ticket whose QR opens the phone page (390x844); the officer calls it from the counter
// console with F1; the hall wall (1920x1080) shows and the phone says which window; served and
// completed by keyboard; the phone asks for the rating and records it.
import type { Browser, Page } from 'playwright-core';
import type { Service } from '@hallq/shared';
import { launchBrowser, newPage, signInToConsole } from '../support';
import { waitText } from '../console/console-helpers';
import { waitOnline } from '../display/hall-helpers';
import { readScreenQr, shoot, startKioskWorld, takeTicket } from './kiosk-helpers';
import type { KioskWorld } from './kiosk-helpers';

let world: KioskWorld;
let browser: Browser;
const pages: Page[] = [];

beforeAll(async () => {
  world = await startKioskWorld();
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const p of pages) await p.context().close();
  await browser?.close();
  await world?.close();
});

const text = async (page: Page, testId: string): Promise<string> => ((await page.getByTestId(testId).first().textContent()) ?? '').trim();

test('kiosk ticket, phone follows, counter calls, wall shows, served, completed, rated: what each person sees', async () => {
  const window1 = world.hall.windows.find((w) => w.number === 1)!;
  const service: Service = world.hall.services.find((s) => s.id === [...window1.skills].sort((a, b) => a.tier - b.tier)[0]!.serviceId)!;

  // The wall and the counter are on before the visitor arrives.
  const wall = await newPage(browser, `${world.server.url}/display`, { viewport: { width: 1920, height: 1080 } });
  pages.push(wall);
  await waitOnline(wall);
  const counter = await signInToConsole(browser, world.server.url, 'w01', { viewport: { width: 1366, height: 768 } });
  pages.push(counter);
  await counter.getByTestId('sign-in-1').click();
  await waitText(counter, 'window-title', '1');

  // Kiosk: the service, its checklist, the ticket with its number, place and wait.
  const kiosk = await newPage(browser, `${world.server.url}/kiosk`, { viewport: { width: 1080, height: 1920 } });
  pages.push(kiosk);
  await kiosk.getByText('请选择要办理的业务').first().waitFor();
  const number = await takeTicket(kiosk, service);
  expect(number).toMatch(/^[A-Z]\d{3}$/);
  expect(await text(kiosk, 'ticket-service')).toContain(service.name.zh);
  expect(await text(kiosk, 'people-ahead')).toBe('前面没有人了，请留意叫号');
  // The range when the forecasts give one; nobody ahead reads "under a minute" or "within N min".
  expect(await text(kiosk, 'estimated-wait')).toMatch(/^预计等候(约 \d+ 分钟| \d+–\d+ 分钟| \d+ 分钟内|不到 1 分钟)$/);
  await kiosk.getByTestId('print-status').filter({ hasText: '请取走号票，留意叫号' }).waitFor();
  const statusUrl = await readScreenQr(kiosk);
  expect(statusUrl).toMatch(new RegExp(`^${world.server.url}/t/[A-Za-z0-9_-]{22,}$`));
  await shoot(kiosk, 'day-1-kiosk-ticket-zh-1080x1920');

  // Phone: the QR opens the ticket, live.
  const phone = await newPage(browser, statusUrl!, { viewport: { width: 390, height: 844 } });
  pages.push(phone);
  await phone.waitForSelector('[data-testid="live"].phone-live-on');
  expect(await text(phone, 'number')).toBe(number);
  expect(await text(phone, 'live')).toBe('实时更新中');
  expect(await text(phone, 'people-ahead')).toMatch(/^前面没有人了/);
  await shoot(phone, 'day-2-phone-waiting-zh-390x844');

  // Counter: the visitor is in the window's queue; F1 calls them.
  await counter.getByTestId(`waiting-${number}`).waitFor();
  await counter.keyboard.press('F1');
  await waitText(counter, 'current-number', number);
  await waitText(counter, 'current-status', '已叫号');

  // Wall: the call, in Chinese first; phone: which window.
  await wall.getByTestId('latest-number').filter({ hasText: number }).waitFor({ timeout: 15_000 });
  expect(await text(wall, 'latest-call')).toContain('请到 1 号窗口');
  await shoot(wall, 'day-3-wall-call-zh-1920x1080');
  await phone.getByTestId('called').waitFor({ timeout: 15_000 });
  expect(await text(phone, 'called')).toBe('请到 1 号窗口');
  await shoot(phone, 'day-4-phone-called-zh-390x844');

  // Served and completed at the counter, by keyboard.
  await counter.keyboard.press('F3');
  await waitText(counter, 'current-status', '办理中');
  await counter.keyboard.press('F4');
  await counter.getByRole('dialog').waitFor();
  await counter.keyboard.press('y');
  await waitText(counter, 'current-panel', '当前没有群众');
  await waitText(counter, 'count-done', '1');

  // Phone: asked to rate; a good rating needs no reason; thanked with the level.
  await phone.getByTestId('rating-form').waitFor({ timeout: 15_000 });
  expect(await text(phone, 'rating-form')).toMatch(/非常满意.*满意.*基本满意.*不满意.*非常不满意/);
  await phone.getByTestId('rating-1').click();
  await phone.getByTestId('rating-submit').click();
  await phone.getByTestId('rated').waitFor();
  expect(await text(phone, 'rated')).toContain('非常满意');
  await shoot(phone, 'day-5-phone-rated-zh-390x844');

  // The record: one ticket, done, rated 1, from the kiosk.
  const publicId = new URL(statusUrl!).pathname.split('/').pop()!;
  const status = await world.server.api<{ number: string; status: string; rating: number }>('GET', `/public/tickets/${publicId}`);
  expect(status.body).toMatchObject({ number, status: 'done', rating: 1 });
});
