// The hub's pages audited at the sizes they are seen at: the city dashboard on a phone (a manager
// away from the desk), on a desk and on a control room's wall screen; the citizens' page on a
// phone and on a wall. axe-core (no serious or critical violation), a main landmark and a heading,
// nothing wider than the screen, no Chinese squeezed into a narrow column; in Chinese and English,
// with a hall offline, one over its target and long Chinese names.
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support';
import { audit, LANDSCAPE, PHONE, PORTRAIT, type Size } from '../a11y/audit';
import { describeWithHub, hallDay, HUB_ADMIN_PASSWORD, hubApi, startHubPair, type HubPair } from './hub-support';

jest.setTimeout(180_000);

const DESK: Size = { name: '1440x900', width: 1440, height: 900 };
const SERVICES = [
  { id: 'svc-biz', name: { zh: '企业开办', en: 'Business start-up' } },
  { id: 'svc-id', name: { zh: '建设工程规划许可证核发及建筑工程施工许可证联合办理（含人防与消防设计审查）', en: 'Construction planning permit and building construction permit, joint handling (with civil air defence and fire design review)' } },
];
const HALLS = [
  { id: 'east-1', name: '东城区政务服务中心', district: '东城区', wait: 600 },
  { id: 'east-2', name: '东城区经济技术开发区政务服务中心（企业服务分中心）', district: '东城区', wait: 3300 },
  { id: 'west-1', name: '西城区政务服务中心', district: '西城区', wait: 2000 },
  { id: 'south-1', name: '南湖区便民服务中心', district: '南湖区经济技术开发区', wait: 900 },
  { id: 'south-2', name: '南湖区第二便民服务中心', district: '南湖区经济技术开发区', wait: null },
];

describeWithHub('city hub pages: accessibility at phone, desk and wall sizes', () => {
  let hubs: HubPair;
  let browser: Browser;
  let problems: string[] = [];

  beforeAll(async () => {
    hubs = await startHubPair();
    browser = await launchBrowser();
    const [a] = hubs.urls;
    const admin = (await hubApi<{ token: string }>(a, 'POST', '/hub/auth/login', { username: 'admin', password: HUB_ADMIN_PASSWORD })).body.token;
    for (const [i, h] of HALLS.entries()) {
      const r = await hubApi<{ token: string }>(a, 'POST', '/hub/halls', { id: h.id, name: h.name, district: h.district, location: { lat: 31.1 + i * 0.03, lng: 121.3 + i * 0.04 } }, admin);
      expect(r.status).toBe(201);
      if (h.wait === null) continue; // never heard from: offline
      const live = { services: SERVICES.map((s) => ({ serviceId: s.id, estimatedWaitSeconds: h.wait })) };
      const hall = { timezone: 'Asia/Shanghai', waitTargetSeconds: 2400, publicUrl: `http://${h.id}.example:3000`, services: SERVICES };
      expect((await hubApi(a, 'POST', `/hub/halls/${h.id}/events`, { events: hallDay(h.id, 12 + i * 5, 3 + i), hall, live }, r.body.token)).status).toBe(200);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await hubs?.stop();
  });

  beforeEach(() => {
    problems = [];
  });
  // Each test lists every finding of its pages at once, so one run shows them all.
  afterEach(() => {
    expect(problems).toEqual([]);
  });

  async function open(path: string, size: Size): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: size.width, height: size.height }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    await page.goto(`${hubs.urls[1]}${path}`);
    return page;
  }

  test.each(['zh', 'en'])('the city dashboard in %s: sign-in, then the dashboard', async (lang) => {
    const page = await open(lang === 'en' ? '/city?lang=en' : '/city', PHONE);
    await page.waitForSelector('[data-testid="username"]');
    problems.push(...(await audit(page, `${lang} /city sign-in`, [PHONE, LANDSCAPE])));
    await page.fill('[data-testid="username"]', 'admin');
    await page.fill('[data-testid="password"]', 'not the password');
    await page.click('button[type="submit"]');
    await page.waitForSelector('[role="alert"], .error');
    problems.push(...(await audit(page, `${lang} /city sign-in refused`, [PHONE])));
    await page.fill('[data-testid="password"]', HUB_ADMIN_PASSWORD);
    await page.click('button[type="submit"]');
    await page.waitForSelector('[data-testid="hall-row"]');
    await page.waitForSelector('[data-testid="live"].on');
    expect(await page.locator('[data-testid="hall-row"]').count()).toBe(HALLS.length);
    problems.push(...(await audit(page, `${lang} /city dashboard`, [PHONE, DESK, LANDSCAPE, PORTRAIT])));
    await page.context().close();
  });

  test.each(['zh', 'en'])('the citizens\' page in %s', async (lang) => {
    const page = await open(lang === 'en' ? '/now?lang=en' : '/now', PHONE);
    await page.waitForSelector('[data-testid="hall-card"]');
    expect(await page.locator('[data-testid="hall-card"]').count()).toBe(HALLS.length);
    problems.push(...(await audit(page, `${lang} /now`, [PHONE, LANDSCAPE, PORTRAIT])));
    await page.context().close();
  });
});
