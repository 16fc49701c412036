// Screenshots of the wall screen at 16:9 and 9:16 with Chinese text, for people to look at.
import { statSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, screenshot, startServer, type TestServer } from '../support';
import { callNext, issueTicket, signInWindows, waitOnline } from './hall-helpers';

jest.setTimeout(120_000);

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const admin = await server.login('admin');
  await server.api('POST', '/halls/demo/notices', { text: { zh: '请携带本人身份证原件办理业务。', en: 'Please bring your original ID card.' }, active: true }, admin);
  const kiosk = await server.deviceToken('kiosk');
  const ws = await signInWindows(server, [1, 2, 3, 5]);
  const [paused] = await signInWindows(server, [4]);
  for (const w of ws) {
    await issueTicket(server, kiosk, w.serviceId);
    await issueTicket(server, kiosk, w.serviceId);
    await issueTicket(server, kiosk, w.serviceId);
  }
  for (const w of ws) await callNext(server, w);
  expect((await server.api('POST', `/windows/${paused!.windowId}/pause`, {}, paused!.token)).status).toBe(200);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

test.each([
  ['landscape', 1920, 1080],
  ['portrait', 1080, 1920],
])('wall screen %s %ix%i renders the calls, windows, queues and notices in Chinese', async (name, width, height) => {
  const page = await newPage(browser, `${server.url}/display`, { viewport: { width, height } });
  await waitOnline(page);
  await page.waitForSelector('[data-testid="latest-call"]');
  const text = (await page.textContent('body')) ?? '';
  for (const zh of ['暂停服务', '正在叫号', '最近叫号', '窗口状态', '排队情况', '号窗口', '请携带本人身份证原件办理业务']) expect(text).toContain(zh);
  // The latest call fits on screen.
  const box = await page.locator('[data-testid="latest-number"]').boundingBox();
  expect(box && box.y + box.height <= height && box.x + box.width <= width).toBe(true);
  const file = await screenshot(page, `display-hall-${name}`);
  expect(statSync(file).size).toBeGreaterThan(30_000);
  await page.close();
});
