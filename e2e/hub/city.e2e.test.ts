// The city dashboard (/city) and the citizens' page (/now) in Chromium, on two hub processes:
// halls by district against their target, alerts for a hall offline and one over target, today's
// trend, and a batch ingested by the other process shown live. Screenshots for people to look at.
import { statSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import type { Page } from 'playwright-core';
import { launchBrowser, screenshot } from '../support';
import { axeViolations } from '../support/axe';
import { describeWithHub, hallDay, HALL_SERVICES, HUB_ADMIN_PASSWORD, hubApi, startHubPair, type HubPair } from './hub-support';

jest.setTimeout(120_000);

const DISTRICTS = ['东城区', '西城区', '南湖区'];
const LONG_NAME = { zh: '户籍身份证及居住证明与出入境证件联合办理', en: 'Residence registration, ID cards and exit-entry permits together' };

/** Texts of the elements matched, no-break spaces read as spaces. */
const texts = (page: Page, selector: string): Promise<string[]> => page.$$eval(selector, (els) => els.map((e) => (e.textContent ?? '').replace(/\u00a0/g, ' ').trim()));

/** Whether the page scrolls sideways, and each element's text split over more lines than `max`. */
function layout(page: Page, selector: string): Promise<{ sideways: boolean; wrapped: string[]; cramped: string[] }> {
  return page.evaluate((sel) => {
    const lines = (e: Element): number => {
      const r = document.createRange();
      r.selectNodeContents(e);
      return new Set(Array.from(r.getClientRects()).map((x) => Math.round(x.top))).size;
    };
    const waits = Array.from(document.querySelectorAll(sel));
    const names = Array.from(document.querySelectorAll('.hall li .name'));
    return {
      sideways: document.documentElement.scrollWidth > window.innerWidth,
      wrapped: waits.filter((e) => lines(e) > 1).map((e) => e.textContent ?? ''),
      // A name on several lines has at least four characters a line.
      cramped: names.filter((e) => lines(e) > 1 && [...(e.textContent ?? '')].length / lines(e) < 4).map((e) => e.textContent ?? ''),
    };
  }, selector);
}

describeWithHub('city hub pages', () => {
  let hubs: HubPair;
  let browser: Browser;
  const tokens = new Map<string, string>();
  const seqs = new Map<string, number>();

  beforeAll(async () => {
    hubs = await startHubPair();
    browser = await launchBrowser();
    const [a, b] = hubs.urls;
    const admin = (await hubApi<{ token: string }>(a, 'POST', '/hub/auth/login', { username: 'admin', password: HUB_ADMIN_PASSWORD })).body.token;
    for (let i = 0; i < 12; i++) {
      const id = `hall-${String(i + 1).padStart(2, '0')}`;
      const district = DISTRICTS[i % 3]!;
      const r = await hubApi<{ token: string }>(a, 'POST', '/hub/halls', { id, name: `${district}第${i + 1}政务服务中心`, district, location: { lat: 31.1 + (i % 4) * 0.05, lng: 121.3 + Math.floor(i / 4) * 0.07 } }, admin);
      tokens.set(id, r.body.token);
      if (i === 11) continue; // registered, never heard from: offline
      const events = hallDay(id, 20 + i * 3, 2 + (i % 5));
      const wait = i === 4 ? 3300 : i === 9 ? 2000 : 300 + i * 120; // hall-05 over its 40-minute target, hall-10 near it
      // Every other hall sends the range of its estimates; the others, as older halls do, none.
      const range = i % 2 === 0 ? { estimatedWaitRange: { lowSeconds: Math.round(wait * 0.75), highSeconds: Math.round(wait * 1.25) } } : {};
      const live = { services: HALL_SERVICES.map((s) => ({ serviceId: s.id, estimatedWaitSeconds: wait, ...range })) };
      // One hall names a service at length: it must not wrap a couple of characters a line beside its wait.
      const services = i === 0 ? HALL_SERVICES.map((s) => (s.id === 'svc-id' ? { ...s, name: LONG_NAME } : s)) : HALL_SERVICES;
      const hall = { timezone: 'Asia/Shanghai', waitTargetSeconds: 2400, publicUrl: `http://hall-${i + 1}.example:3000`, services };
      const res = await hubApi(i % 2 === 0 ? a : b, 'POST', `/hub/halls/${id}/events`, { events, hall, live }, r.body.token);
      expect(res.status).toBe(200);
      seqs.set(id, events.length);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await hubs?.stop();
  });

  test('the city dashboard: sign in, halls by district, alerts, trends, and live updates from the other hub process', async () => {
    const [a, b] = hubs.urls;
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    await page.goto(`${a}/city`);
    await page.fill('[data-testid="username"]', 'admin');
    await page.fill('[data-testid="password"]', 'wrong-password');
    await page.click('button[type="submit"]');
    await page.waitForSelector('text=用户名或密码错误');
    await page.fill('[data-testid="password"]', HUB_ADMIN_PASSWORD);
    await page.click('button[type="submit"]');
    await page.waitForSelector('[data-testid="hall-row"]');
    await page.waitForSelector('[data-testid="live"].on');
    expect(await page.locator('[data-testid="hall-row"]').count()).toBe(12);
    expect(await page.locator('[data-testid="district"]').count()).toBe(3);
    const alerts = (await page.textContent('[data-testid="alerts"]')) ?? '';
    expect(alerts).toContain('大厅离线: 南湖区第12政务服务中心');
    expect(alerts).toContain('等候超出目标: 西城区第5政务服务中心 55 分钟 > 40 分钟');
    // Each hall's wait as the phone shows it: the range where the hall sent one, else the single figure.
    const rowWait = async (name: string): Promise<string> => (await texts(page, `[data-testid="hall-row"]:has-text("${name}") [data-testid="hall-wait"]`))[0] ?? '';
    expect(await rowWait('东城区第1政务服务中心')).toBe('3–7 分钟');
    expect(await rowWait('西城区第2政务服务中心')).toBe('约 7 分钟');
    expect(await rowWait('西城区第5政务服务中心')).toBe('41–69 分钟');
    expect(await rowWait('南湖区第12政务服务中心')).toBe('—');
    expect((await layout(page, '[data-testid="hall-wait"]')).wrapped).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    const body = (await page.textContent('body')) ?? '';
    for (const zh of ['城市政务大厅总览', '分区分布', '今日趋势（按小时）', '今日取号', '今日达标率', '超出目标', '接近目标']) expect(body).toContain(zh);
    expect(await page.locator('[data-testid="trend"] rect.bar').count()).toBe(24);

    // A batch ingested by the OTHER process reaches this page through Redis.
    const id = 'hall-01';
    const more = hallDay(id, 7, 7, seqs.get(id)! + 1);
    expect((await hubApi(b, 'POST', `/hub/halls/${id}/events`, { events: more }, tokens.get(id))).status).toBe(200);
    const row = page.locator('[data-testid="hall-row"]', { hasText: '东城区第1政务服务中心' });
    await row.locator('td:nth-child(4)', { hasText: '9' }).waitFor();
    const file = await screenshot(page, 'hub-city-dashboard');
    expect(statSync(file).size).toBeGreaterThan(30_000);

    // In English, the same figures.
    await page.goto(`${a}/city?lang=en`);
    if (await page.locator('[data-testid="username"]').isVisible().catch(() => false)) {
      await page.fill('[data-testid="username"]', 'admin');
      await page.fill('[data-testid="password"]', HUB_ADMIN_PASSWORD);
      await page.click('button[type="submit"]');
    }
    await page.waitForSelector('[data-testid="hall-row"]');
    expect(await rowWait('东城区第1政务服务中心')).toBe('3–7 min');
    expect(await rowWait('西城区第2政务服务中心')).toBe('about 7 min');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  test('the citizens\' page: Chinese first, shortest wait first, a link to each hall\'s own page', async () => {
    const [, b] = hubs.urls;
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US', isMobile: true });
    const page = await context.newPage();
    await page.goto(`${b}/now`);
    await page.waitForSelector('[data-testid="hall-card"]');
    expect(await page.textContent('h1')).toBe('现在去哪个大厅');
    const cards = page.locator('[data-testid="hall-card"]');
    expect(await cards.count()).toBe(12);
    expect(await cards.first().locator('a.go').getAttribute('href')).toMatch(/^http:\/\/hall-\d+\.example:3000\/h\/hall-\d+$/);
    expect(await cards.last().textContent()).toContain('离线');
    // The shortest wait first: hall-01, its range as the phone shows it, per service too.
    expect((await texts(page, '[data-testid="hall-wait"]'))[0]).toBe('3–7 分钟');
    const zhWaits = await texts(page, '[data-testid="service-wait"]');
    for (const w of zhWaits) expect(w).toMatch(/^\d+ 人等候 · (\d+–\d+ 分钟|\d+ 分钟内|约 \d+ 分钟|不到 1 分钟)$/);
    expect(zhWaits.some((w) => /^\d+ 人等候 · 3–7 分钟$/.test(w))).toBe(true);
    expect(zhWaits.some((w) => /约 \d+ 分钟$/.test(w))).toBe(true);
    expect(await layout(page, '[data-testid="service-wait"], [data-testid="hall-wait"]')).toEqual({ sideways: false, wrapped: [], cramped: [] });
    expect(await axeViolations(page)).toEqual([]);
    const file = await screenshot(page, 'hub-which-hall-now');
    expect(statSync(file).size).toBeGreaterThan(20_000);
    await page.click('text=English');
    await page.waitForSelector('text=Which hall now');
    await page.waitForSelector('[data-testid="service-wait"]');
    const enWaits = await texts(page, '[data-testid="service-wait"]');
    for (const w of enWaits) expect(w).toMatch(/^\d+ waiting · (\d+–\d+ min|within \d+ min|about \d+ min|under a minute)$/);
    expect(enWaits.some((w) => /^\d+ waiting · 3–7 min$/.test(w))).toBe(true);
    expect(await layout(page, '[data-testid="service-wait"], [data-testid="hall-wait"]')).toEqual({ sideways: false, wrapped: [], cramped: [] });
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'hub-which-hall-now-en');
    await context.close();
  });
});
