// The screen above a window and the rating pad at a window, driven through the API.
import { newPage, useHallAndBrowser } from '../support';
import { callNext, issueTicket, signInWindows } from './hall-helpers';

jest.setTimeout(120_000);

let kiosk: string;

const world = useHallAndBrowser();

beforeAll(async () => {
  kiosk = await world.server.deviceToken('kiosk');
});

test('the window screen shows the number called at its window, then 暂停服务 when paused', async () => {
  const [w] = await signInWindows(world.server, [3]);
  const page = await newPage(world.browser, `${world.server.url}/display/window/3`, { viewport: { width: 1280, height: 720 } });
  await page.waitForSelector('[data-testid="window-screen"][data-state="open"]');
  expect(await page.textContent('[data-testid="ws-services"]')).toMatch(/[\u4e00-\u9fff]/);
  const t = await issueTicket(world.server, kiosk, w!.serviceId);
  const called = await callNext(world.server, w!);
  expect(called?.number).toBe(t.number);
  await page.waitForSelector(`[data-testid="ws-ticket"] >> text=${t.number}`);
  expect((await world.server.api('POST', `/tickets/${t.id}/start`, {}, w!.token)).status).toBe(200);
  expect((await world.server.api('POST', `/tickets/${t.id}/complete`, {}, w!.token)).status).toBe(200);
  expect((await world.server.api('POST', `/windows/${w!.windowId}/pause`, { reason: '午休' }, w!.token)).status).toBe(200);
  await page.waitForSelector('[data-testid="ws-paused"]');
  expect(await page.textContent('[data-testid="ws-paused"]')).toContain('暂停服务');
  expect((await world.server.api('POST', `/windows/${w!.windowId}/resume`, {}, w!.token)).status).toBe(200);
  await page.waitForSelector('[data-testid="window-screen"][data-state="open"]');
  await page.close();
});

test('rating pad: a completed ticket is rated 不满意 with a required reason, then thanks, then idle; a second rating is refused', async () => {
  const [w] = await signInWindows(world.server, [1]);
  const page = await newPage(world.browser, `${world.server.url}/rating/1?thanksTimeout=2`, { viewport: { width: 1280, height: 800 } });
  await page.waitForSelector('[data-testid="rating-pad"][data-phase="idle"]');
  // wait for the feed to be live before the ticket completes
  await page.waitForFunction(() => !document.querySelector('[data-testid="offline-banner"]'));
  await page.waitForTimeout(500);
  const t = await issueTicket(world.server, kiosk, w!.serviceId);
  expect((await callNext(world.server, w!))?.id).toBe(t.id);
  expect((await world.server.api('POST', `/tickets/${t.id}/start`, {}, w!.token)).status).toBe(200);
  expect((await world.server.api('POST', `/tickets/${t.id}/complete`, { firstTimeAccepted: true }, w!.token)).status).toBe(200);

  await page.waitForSelector('[data-testid="rating-pad"][data-phase="rate"]');
  const labels = await page.locator('.rp-level').allTextContents();
  expect(labels.join('|')).toMatch(/非常满意.*满意.*基本满意.*不满意.*非常不满意/);
  await page.click('.rp-level[data-level="4"]');
  await page.waitForSelector('[data-testid="rating-pad"][data-phase="reason"]');
  await page.click('[data-testid="rating-submit"]');
  await page.waitForSelector('.rp-need'); // a reason is required
  await page.click('.rp-reason-option >> text=等候时间太长');
  await page.fill('.rp-other', '叫号后窗口无人');
  await page.click('[data-testid="rating-submit"]');
  await page.waitForSelector('[data-testid="rating-thanks"]');
  await page.waitForSelector('[data-testid="rating-pad"][data-phase="idle"]', { timeout: 10_000 });

  // The server has the rating: a second one for the same ticket is a conflict.
  const again = await world.server.api('POST', `/tickets/${t.id}/rating`, { level: 1 }, w!.token);
  expect(again.status).toBe(409);
  await page.close();
});
