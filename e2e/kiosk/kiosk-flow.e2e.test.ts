// The whole visitor flow in both languages, in portrait (1080x1920) and landscape (1920x1080),
// with screenshots under test-artifacts/; and the friendly "closed / quota" answers.
import type { Page } from 'playwright-core';
import { newPage } from '../support';
import { openService, serviceNamed, shoot, useKioskWorld } from './kiosk-helpers';

const world = useKioskWorld();

const VIEWPORTS = [
  { name: '1080x1920', width: 1080, height: 1920 },
  { name: '1920x1080', width: 1920, height: 1080 },
];

const TEXT = {
  zh: { start: '请选择要办理的业务', checklist: '请确认已带齐以下材料', take: '材料已带齐，取号', ticket: '您的号码', printed: '请取走号票，留意叫号', done: '完成' },
  en: {
    start: 'What do you need to do?',
    checklist: 'Please make sure you have brought these documents',
    take: 'I have them — take a ticket',
    ticket: 'Your number',
    printed: 'Please take your ticket and watch for your number',
    done: 'Done',
  },
};

async function expectOnPage(page: Page, text: string): Promise<void> {
  await page.getByText(text, { exact: false }).first().waitFor();
}

for (const viewport of VIEWPORTS) {
  for (const lang of ['zh', 'en'] as const) {
    test(`full flow in ${lang} at ${viewport.name}: module -> service -> checklist -> ticket, screenshots checked`, async () => {
      const service = serviceNamed(world.hall, '企业设立登记');
      const module = world.hall.modules.find((m) => m.id === service.moduleId)!;
      const page = await newPage(world.browser, `${world.server.url}/kiosk`, { viewport: { width: viewport.width, height: viewport.height } });
      try {
        const t = TEXT[lang];
        await expectOnPage(page, TEXT.zh.start); // opens in Chinese whatever the browser says
        if (lang === 'en') await page.getByTestId('switch-lang').click();
        await expectOnPage(page, t.start);
        await expectOnPage(page, module.name[lang]);
        await shoot(page, `kiosk-${lang}-${viewport.name}-1-modules`);

        await page.getByTestId(`module-${module.id}`).click();
        await expectOnPage(page, service.name[lang]);
        await shoot(page, `kiosk-${lang}-${viewport.name}-2-services`);

        await page.getByTestId(`service-${service.id}`).click();
        await expectOnPage(page, t.checklist);
        for (const doc of service.documents) await expectOnPage(page, doc[lang]);
        await expect(page.getByTestId('take-ticket').textContent()).resolves.toBe(t.take);
        await shoot(page, `kiosk-${lang}-${viewport.name}-3-checklist`);

        await page.getByTestId('take-ticket').click();
        await page.getByTestId('ticket-screen').waitFor();
        await expectOnPage(page, t.ticket);
        await expect(page.getByTestId('ticket-service').textContent()).resolves.toBe(service.name[lang]);
        await expect(page.getByTestId('ticket-number').textContent()).resolves.toMatch(new RegExp(`^${service.prefix}\\d{3,}$`));
        await expectOnPage(page, t.printed);
        await world.printer.waitForJob();
        // The whole ticket (number, QR, done button) fits on the screen without scrolling.
        const done = await page.getByTestId('done').boundingBox();
        expect(done && done.y + done.height).toBeLessThanOrEqual(viewport.height);
        await shoot(page, `kiosk-${lang}-${viewport.name}-4-ticket`);

        await page.getByTestId('done').click();
        await expectOnPage(page, TEXT.zh.start);
      } finally {
        await page.context().close();
      }
    });
  }
}

test('quota reached and service closed: the service is greyed with why (and the hours) before its checklist, and gives no ticket', async () => {
  const food = serviceNamed(world.hall, '食品经营许可');
  const consult = serviceNamed(world.hall, '政策咨询');
  const patch = async (id: string, body: unknown) => {
    const res = await world.server.api('PATCH', `/halls/demo/services/${id}`, body, world.admin);
    expect(res.status).toBe(200);
  };
  await patch(food.id, { dailyQuota: 1 });
  await patch(consult.id, { openingHours: [{ days: [1, 2, 3, 4, 5], open: '00:00', close: '00:01' }] });
  const page = await newPage(world.browser, `${world.server.url}/kiosk`, { viewport: { width: 1080, height: 1920 } });
  try {
    await page.locator('.tile').first().waitFor();
    await openService(page, food);
    await page.getByTestId('take-ticket').click();
    await page.getByTestId('ticket-screen').waitFor();
    await world.printer.waitForJob();
    await page.getByTestId('done').click();

    // The last ticket of the day is taken: the service turns grey with the reason, never offered.
    await page.getByTestId(`module-${food.moduleId}`).click();
    const foodTile = page.getByTestId(`service-${food.id}`);
    await page.waitForSelector(`[data-testid="service-${food.id}"][data-closed="quota_reached"]`, { timeout: 15_000 });
    await expect(foodTile.textContent()).resolves.toContain('该事项今日号源已取完');
    await expect(foodTile.isDisabled()).resolves.toBe(true);

    await page.getByTestId('home').click();
    await page.getByTestId(`module-${consult.moduleId}`).click();
    const consultTile = page.getByTestId(`service-${consult.id}`);
    await page.waitForSelector(`[data-testid="service-${consult.id}"][data-closed="service_closed"]`);
    await expect(consultTile.textContent()).resolves.toContain('该事项今日已停止取号');
    await expect(consultTile.textContent()).resolves.toContain('办理时间：周一至周五 00:00–00:01');
    await shoot(page, 'kiosk-closed-zh-1080x1920');
    await consultTile.click({ force: true });
    await expect(page.getByTestId('checklist').count()).resolves.toBe(0);
    await expect(page.getByTestId('ticket-screen').count()).resolves.toBe(0);
  } finally {
    await page.context().close();
  }
});
