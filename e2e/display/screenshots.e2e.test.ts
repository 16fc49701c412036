// Screenshots of the wall screen at 16:9 and 9:16 with Chinese text, for people to look at.
import { statSync } from 'node:fs';
import { newPage, screenshot, useHallAndBrowser } from '../support';
import { callNext, issueTicket, signInWindows, waitOnline } from './hall-helpers';

jest.setTimeout(120_000);

const world = useHallAndBrowser();

beforeAll(async () => {
  const admin = await world.server.login('admin');
  await world.server.api('POST', '/halls/demo/notices', { text: { zh: '请携带本人身份证原件办理业务。', en: 'Please bring your original ID card.' }, active: true }, admin);
  const kiosk = await world.server.deviceToken('kiosk');
  const ws = await signInWindows(world.server, [1, 2, 3, 5]);
  const [paused] = await signInWindows(world.server, [4]);
  for (const w of ws) {
    await issueTicket(world.server, kiosk, w.serviceId);
    await issueTicket(world.server, kiosk, w.serviceId);
    await issueTicket(world.server, kiosk, w.serviceId);
  }
  for (const w of ws) await callNext(world.server, w);
  expect((await world.server.api('POST', `/windows/${paused!.windowId}/pause`, {}, paused!.token)).status).toBe(200);
});

test.each([
  ['landscape', 1920, 1080],
  ['portrait', 1080, 1920],
])('wall screen %s %ix%i renders the calls, windows, queues and notices in Chinese', async (name, width, height) => {
  const page = await newPage(world.browser, `${world.server.url}/display`, { viewport: { width, height } });
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
