// The city dashboard (/city) and the citizens' page (/now) in Chromium, on two hub processes:
// halls by district against their target, alerts for a hall offline and one over target, today's
// trend, and a batch ingested by the other process shown live. Screenshots for people to look at.
import { statSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { launchBrowser, screenshot } from '../support';
import { describeWithHub, hallDay, HALL_SERVICES, HUB_ADMIN_PASSWORD, hubApi, startHubPair, type HubPair } from './hub-support';

jest.setTimeout(120_000);

const DISTRICTS = ['东城区', '西城区', '南湖区'];

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
      const live = { services: HALL_SERVICES.map((s) => ({ serviceId: s.id, estimatedWaitSeconds: wait })) };
      const hall = { timezone: 'Asia/Shanghai', waitTargetSeconds: 2400, publicUrl: `http://hall-${i + 1}.example:3000`, services: HALL_SERVICES };
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
    const file = await screenshot(page, 'hub-which-hall-now');
    expect(statSync(file).size).toBeGreaterThan(20_000);
    await page.click('text=English');
    await page.waitForSelector('text=Which hall now');
    await context.close();
  });
});
