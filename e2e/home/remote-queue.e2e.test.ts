// The remote queue in the browser: a place taken on the public hall page, the arrival code read
// off the hall display and typed on the phone, then the call; a kiosk scan as the other way in;
// and expiry when the holder is not there when the turn comes.
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage } from '../support';
import { fakeCameraArgs, qrVideo } from '../support/fake-camera';
import { startHomeWorld, type HomeWorld } from './home-helpers';

let world: HomeWorld;
let browser: Browser;
let staff: string;

beforeAll(async () => {
  world = await startHomeWorld();
  browser = await launchBrowser();
  staff = await world.server.login('w01');
});
afterAll(async () => {
  await browser?.close();
  await world?.server.stop();
});

const phoneView = { viewport: { width: 390, height: 844 } };

/** w01 works at window 1 of the demo hall, whose skills include the first service. */
async function signedInWindow(): Promise<string> {
  await world.server.api('POST', '/windows/win-1/sign-in', {}, staff);
  return 'win-1';
}

async function callNext(windowId: string): Promise<{ status: number; number?: string }> {
  const r = await world.server.api<{ ticket: { id: string; number: string } }>('POST', `/windows/${windowId}/call-next`, {}, staff);
  if (r.status === 200) {
    await world.server.api('POST', `/tickets/${r.body.ticket.id}/start`, {}, staff);
    await world.server.api('POST', `/tickets/${r.body.ticket.id}/complete`, {}, staff);
  }
  return { status: r.status, number: r.status === 200 ? r.body.ticket.number : undefined };
}

async function takeRemote(): Promise<Page> {
  const phone = await newPage(browser, `${world.server.url}/h/demo`, phoneView);
  await phone.getByTestId(`remote-${world.serviceId}`).click();
  await phone.waitForURL(/\/t\//);
  await phone.getByTestId('remote-arrival').waitFor();
  return phone;
}

test('queue from home, read the arrival code off the hall display, confirm on the phone, get called', async () => {
  const windowId = await signedInWindow();
  const phone = await takeRemote();
  const number = (await phone.getByTestId('number').textContent())?.trim();

  const display = await newPage(browser, `${world.server.url}/display`);
  const code = (await display.locator('.arrival-code-value').textContent())?.trim() ?? '';
  expect(code).toMatch(/^\d{4}$/);

  await phone.getByTestId('arrival-code').fill(code);
  await phone.getByTestId('arrive').click();
  await phone.getByTestId('arrived').waitFor();
  const r = await world.server.api<{ ticket: { number: string } }>('POST', `/windows/${windowId}/call-next`, {}, staff);
  expect(r.body.ticket.number).toBe(number);
  await phone.getByTestId('called').waitFor({ timeout: 15_000 });
  const calledId = (r.body.ticket as unknown as { id: string }).id;
  expect((await world.server.api('POST', `/tickets/${calledId}/start`, {}, staff)).status).toBe(200);
  expect((await world.server.api('POST', `/tickets/${calledId}/complete`, {}, staff)).status).toBe(200);
  await display.context().close();
  await phone.context().close();
});

test('a remote ticket not there when its turn comes is passed over, then expired; the phone says so', async () => {
  const windowId = await signedInWindow();
  const grace = await world.server.api('PATCH', '/halls/demo', { remoteGraceMinutes: 0 }, world.admin);
  expect(grace.status).toBe(200);
  const phone = await takeRemote();
  expect((await callNext(windowId)).status).toBe(204);
  await phone.getByTestId('expired').waitFor({ timeout: 15_000 });
  await expect(phone.locator('[data-status]').first().getAttribute('data-status')).resolves.toBe('expired');
  await world.server.api('PATCH', '/halls/demo', { remoteGraceMinutes: 10 }, world.admin);
  await phone.context().close();
});

test('the kiosk camera reads the remote ticket\'s QR and marks its holder as arrived', async () => {
  const r = await world.server.api<{ ticket: { statusUrl: string; number: string } }>('POST', '/public/halls/demo/remote-tickets', { serviceId: world.serviceId });
  expect(r.status).toBe(201);
  const camera = await launchBrowser(fakeCameraArgs(qrVideo(r.body.ticket.statusUrl, 'remote')));
  try {
    const context = await camera.newContext({ viewport: { width: 1080, height: 1920 }, locale: 'zh-CN' });
    await context.grantPermissions(['camera'], { origin: world.server.url });
    const kiosk = await context.newPage();
    await kiosk.goto(`${world.server.url}/kiosk`);
    await kiosk.getByTestId('checkin').click();
    await kiosk.getByTestId('checkin-scan').click();
    await kiosk.getByTestId('arrived-screen').waitFor({ timeout: 30_000 });
    await expect(kiosk.getByTestId('arrived-number').textContent()).resolves.toBe(r.body.ticket.number);
    const status = await world.server.api<{ arrived: boolean }>('GET', `/public/tickets/${new URL(r.body.ticket.statusUrl).pathname.split('/').pop()}`);
    expect(status.body.arrived).toBe(true);
  } finally {
    await camera.close();
  }
});

test('large mode is one tap away on every kiosk screen: bigger, higher contrast, and each step spoken', async () => {
  const kiosk = await newPage(browser, `${world.server.url}/kiosk`, { viewport: { width: 1080, height: 1920 } });
  await kiosk.waitForSelector('.kiosk[data-screen="modules"]');
  const titleSize = async () => kiosk.locator('.screen-title').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  const standard = await titleSize();
  await kiosk.getByTestId('large-mode').click();
  await kiosk.waitForSelector('.kiosk[data-large="on"]');
  expect(await titleSize()).toBeGreaterThan(standard);
  await expect(kiosk.locator('.kiosk').getAttribute('data-guidance')).resolves.toContain('请选择要办理的业务');
  const columns = await kiosk.locator('.tile-grid').evaluate((e) => getComputedStyle(e).gridTemplateColumns.split(' ').length);
  expect(columns).toBe(2);
  // Each screen has the switch, and large mode stays on as the visitor goes on.
  await kiosk.locator('.module-tile').first().click();
  await kiosk.waitForSelector('.kiosk[data-screen="services"][data-large="on"]');
  await expect(kiosk.getByTestId('large-mode')).toBeDefined();
  await expect(kiosk.locator('.kiosk').getAttribute('data-guidance')).resolves.toContain('请选择办理事项');
  await kiosk.getByTestId('home').click();
  await kiosk.getByTestId('checkin').click();
  await kiosk.waitForSelector('.kiosk[data-screen="checkin"][data-large="on"]');
  await expect(kiosk.locator('.kiosk').getAttribute('data-guidance')).resolves.toContain('请输入预约码');
  await kiosk.getByTestId('large-mode').click();
  await kiosk.waitForSelector('.kiosk[data-screen="checkin"][data-large="off"]');
  await kiosk.context().close();
});
