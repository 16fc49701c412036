// The visitor's path in a browser: a service closed for the day is greyed on the kiosk before its
// checklist; the rating pad after a rating on the phone says so instead of thanking; the phone
// page says the next step in each state (waiting, called, no-show with the hall's rule, back in
// the queue, transferred, cancelled), live, with screenshots of each state at 390x844.
import type { Page } from 'playwright-core';
import type { Service, Ticket } from '@hallq/shared';
import { newPage } from '../support';
import { shoot, useKioskWorld } from './kiosk-helpers';

type IssuedTicket = Ticket & { publicId: string; statusUrl: string };

let kiosk: string;
let staff: string;
let windowId: string;
const pages: Page[] = [];

const world = useKioskWorld();

beforeAll(async () => {
  kiosk = await world.server.deviceToken('kiosk');
  staff = await world.server.login('w01');
  windowId = world.hall.windows.find((w) => w.number === 1)!.id;
  expect((await world.server.api('POST', `/windows/${windowId}/sign-in`, {}, staff)).status).toBe(200);
});
afterEach(async () => {
  for (const p of pages.splice(0)) await p.context().close();
});

const api = <T = unknown>(method: string, path: string, body?: unknown, token = staff) => world.server.api<T>(method, path, body, token);
const servedAtWindow1 = (): Service => world.hall.services.find((s) => s.id === world.hall.windows.find((w) => w.id === windowId)!.skills[0]!.serviceId)!;

async function issue(serviceId = servedAtWindow1().id): Promise<IssuedTicket> {
  const res = await api<{ ticket: IssuedTicket }>('POST', '/halls/demo/tickets', { serviceId }, kiosk);
  expect(res.status).toBe(201);
  return res.body.ticket;
}
async function callAtWindow1(t: IssuedTicket): Promise<void> {
  expect((await api('POST', `/windows/${windowId}/call`, { ticketId: t.id, reason: 'e2e' })).status).toBe(200);
}
/** A no-show before the grace time needs one recall (the safeguard); then it is accepted. */
async function noShow(t: IssuedTicket): Promise<void> {
  const early = await api<{ error: { code: string } }>('POST', `/tickets/${t.id}/no-show`, {});
  expect(early.body.error.code).toBe('no_show_too_early');
  expect((await api('POST', `/tickets/${t.id}/recall`, {})).status).toBe(200);
  expect((await api('POST', `/tickets/${t.id}/no-show`, {})).status).toBe(200);
}
async function phone(t: IssuedTicket, lang = ''): Promise<Page> {
  const page = await newPage(world.browser, `${t.statusUrl}${lang}`, { viewport: { width: 390, height: 844 } });
  pages.push(page);
  await page.getByTestId('number').waitFor();
  await page.waitForSelector('[data-testid="live"].phone-live-on');
  return page;
}
const text = async (page: Page, testId: string): Promise<string> => (await page.getByTestId(testId).textContent()) ?? '';

test('a service closed for the day is greyed on the kiosk with its reason, and its checklist is never offered', async () => {
  const service = servedAtWindow1();
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: world.hall.timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const sup = await world.server.login('super');
  const page = await newPage(world.browser, `${world.server.url}/kiosk`, { viewport: { width: 1080, height: 1920 } });
  pages.push(page);
  await page.getByTestId(`module-${service.moduleId}`).click();
  const tile = page.getByTestId(`service-${service.id}`);
  await tile.waitFor();
  await expect(tile.isEnabled()).resolves.toBe(true);
  expect((await api('PATCH', `/halls/demo/services/${service.id}`, { closedOn: today }, sup)).status).toBe(200);
  try {
    // Live: the tile turns grey with the reason, without a reload.
    await page.waitForSelector(`[data-testid="service-${service.id}"][data-closed="service_closed"]`, { timeout: 15_000 });
    await expect(tile.textContent()).resolves.toContain('该事项今日已停止取号');
    await expect(tile.isDisabled()).resolves.toBe(true);
    await tile.click({ force: true });
    await expect(page.getByTestId('checklist').count()).resolves.toBe(0);
    await shoot(page, 'kiosk-service-closed-1080x1920');
  } finally {
    expect((await api('PATCH', `/halls/demo/services/${service.id}`, { closedOn: null }, sup)).status).toBe(200);
  }
  await page.waitForSelector(`[data-testid="service-${service.id}"]:not([data-closed])`, { timeout: 15_000 });
});

test('the kiosk ticket screen goes back to the start after the hall\'s time, so the next visitor cannot scan the QR', async () => {
  expect((await api('PATCH', '/halls/demo', { kioskTicketScreenSeconds: 5 }, world.admin)).status).toBe(200);
  try {
    const service = servedAtWindow1();
    const page = await newPage(world.browser, `${world.server.url}/kiosk`, { viewport: { width: 1080, height: 1920 } });
    pages.push(page);
    await page.getByTestId(`module-${service.moduleId}`).click();
    await page.getByTestId(`service-${service.id}`).click();
    await page.getByTestId('take-ticket').click();
    await page.getByTestId('ticket-screen').waitFor();
    await page.getByTestId('print-status').waitFor();
    // Nobody touches the kiosk: the start screen is back within the hall's time (plus slack), not the idle minute.
    await page.waitForSelector('[data-screen="modules"]', { timeout: 15_000 });
    await expect(page.getByTestId('ticket-screen').count()).resolves.toBe(0);
  } finally {
    expect((await api('PATCH', '/halls/demo', { kioskTicketScreenSeconds: 20 }, world.admin)).status).toBe(200);
  }
});

test('the rating pad after a rating on the phone says it was already rated there, and thanks nobody', async () => {
  const pad = await newPage(world.browser, `${world.server.url}/rating/1`, { viewport: { width: 1280, height: 800 } });
  pages.push(pad);
  await pad.waitForSelector('[data-testid="rating-pad"][data-phase="idle"]');
  await pad.waitForFunction(() => !document.querySelector('[data-testid="offline-banner"]'));
  const t = await issue();
  await callAtWindow1(t);
  expect((await api('POST', `/tickets/${t.id}/start`, {})).status).toBe(200);
  expect((await api('POST', `/tickets/${t.id}/complete`, { firstTimeAccepted: true })).status).toBe(200);
  await pad.waitForSelector('[data-testid="rating-pad"][data-phase="rate"]');
  // The visitor rated on the phone first.
  expect((await world.server.api('POST', `/public/tickets/${t.publicId}/rating`, { level: 2 })).status).toBe(201);
  await pad.click('.rp-level[data-level="1"]');
  await pad.waitForSelector('[data-testid="rating-refused"][data-code="already_rated"]');
  await expect(pad.getByTestId('rating-refused').textContent()).resolves.toContain('此号已在手机上评价过');
  await expect(pad.getByTestId('rating-thanks').count()).resolves.toBe(0);
  await shoot(pad, 'rating-pad-already-rated-on-phone-1280x800');
  const status = await world.server.api<{ rating: number }>('GET', `/public/tickets/${t.publicId}`);
  expect(status.body.rating).toBe(2);
});

test('the phone says the next step in each state, live: waiting, called, no-show and the hall rule, back in the queue, transferred, cancelled', async () => {
  const ahead = await issue();
  const t = await issue();
  const page = await phone(t);
  // Waiting: who is counted ahead, in plain words.
  await page.getByTestId('people-ahead').waitFor();
  expect(await text(page, 'people-ahead')).toMatch(/前面还有 \d+ 人|前面没有人了/);
  expect(await text(page, 'people-ahead-meaning')).toContain('能办理您这项业务的窗口');
  await shoot(page, 'phone-waiting-zh-390x844');
  const en = await phone(t, '?lang=en');
  expect(await text(en, 'people-ahead')).toMatch(/^(No one ahead of you|1 person ahead of you|\d+ people ahead of you)/);
  await shoot(en, 'phone-waiting-en-390x844');

  // Called: which window, and until when it holds the number.
  await callAtWindow1(t);
  await page.getByTestId('called').waitFor({ timeout: 15_000 });
  expect(await text(page, 'called')).toBe('请到 1 号窗口');
  expect(await text(page, 'held-until')).toMatch(/窗口为您保留号码至 \d\d:\d\d（约 2 分钟）/);
  await shoot(page, 'phone-called-zh-390x844');
  await en.getByTestId('held-until').waitFor({ timeout: 15_000 });
  expect(await text(en, 'held-until')).toMatch(/The window holds your number until \d\d:\d\d \(about 2 min\)/);
  await shoot(en, 'phone-called-en-390x844');

  // No-show under the hall's default rule: rejoin once, at the end.
  await noShow(t);
  await page.getByTestId('requeue').waitFor({ timeout: 15_000 });
  expect(await text(page, 'no-show-next')).toContain('重新排队一次');
  await shoot(page, 'phone-no-show-requeue-zh-390x844');
  await page.getByTestId('requeue').click();
  await page.getByTestId('requeued').waitFor({ timeout: 15_000 });
  await expect(page.locator('[data-status]').getAttribute('data-status')).resolves.toBe('waiting');
  await shoot(page, 'phone-requeued-zh-390x844');
  // Missed again: the one chance is used.
  await callAtWindow1(t);
  await page.getByTestId('called').waitFor({ timeout: 15_000 });
  await noShow(t);
  await page.waitForSelector('[data-status="no_show"]', { timeout: 15_000 });
  expect(await text(page, 'no-show-next')).toContain('请到取号机重新取号');
  await expect(page.getByTestId('requeue').count()).resolves.toBe(0);
  await shoot(page, 'phone-no-show-again-zh-390x844');

  // The hall's other rule: take a new ticket.
  expect((await api('PATCH', '/halls/demo', { noShowRule: 'new_ticket' }, world.admin)).status).toBe(200);
  try {
    const u = await issue();
    const up = await phone(u, '?lang=en');
    await callAtWindow1(u);
    await up.getByTestId('called').waitFor({ timeout: 15_000 });
    await noShow(u);
    await up.waitForSelector('[data-status="no_show"]', { timeout: 15_000 });
    expect(await text(up, 'no-show-next')).toBe('You missed your call. This hall asks you to take a new ticket at the kiosk.');
    await shoot(up, 'phone-no-show-new-ticket-en-390x844');
    const refused = await world.server.api<{ error: { code: string } }>('POST', `/public/tickets/${u.publicId}/requeue`, {});
    expect(refused.body.error.code).toBe('requeue_not_allowed');
  } finally {
    expect((await api('PATCH', '/halls/demo', { noShowRule: 'requeue_once' }, world.admin)).status).toBe(200);
  }

  // Transferred to the next stage: why it waits again.
  const staged = world.hall.services.find((s) => s.stages.length > 1)!;
  const v = await issue(staged.id);
  const vp = await phone(v);
  await callAtWindow1(v);
  await vp.getByTestId('called').waitFor({ timeout: 15_000 });
  expect((await api('POST', `/tickets/${v.id}/start`, {})).status).toBe(200);
  expect((await api('POST', `/tickets/${v.id}/transfer`, { serviceId: staged.id, stage: 1 })).status).toBe(200);
  await vp.getByTestId('transferred').waitFor({ timeout: 15_000 });
  expect(await text(vp, 'transferred')).toContain('所以您要再次等候');
  expect(await text(vp, 'transferred')).toContain(`下一环节「${staged.stages[1]!.name.zh}」`);
  await shoot(vp, 'phone-transferred-zh-390x844');

  // Cancelled by the visitor: what now.
  await vp.getByTestId('cancel').click();
  await vp.getByTestId('cancel-confirm').click();
  await vp.getByTestId('cancelled-next').waitFor({ timeout: 15_000 });
  await shoot(vp, 'phone-cancelled-zh-390x844');

  await api('POST', `/tickets/${ahead.id}/cancel`, {});
});
