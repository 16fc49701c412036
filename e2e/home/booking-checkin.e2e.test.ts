// Booking from home -> kiosk check-in: by the code typed on the keypad, and by the booking's QR
// shown to the kiosk's camera (a fake camera stream playing a video of the QR).
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage } from '../support';
import { fakeCameraArgs, qrVideo } from '../support/fake-camera';
import { book, startHomeWorld, type HomeWorld } from './home-helpers';

let world: HomeWorld;
let browser: Browser | null = null;

beforeAll(async () => {
  world = await startHomeWorld();
});
afterAll(async () => {
  await browser?.close();
  await world?.server.stop();
});

const waiting = async (code: string) =>
  (await world.server.api<{ waiting: Array<{ appointmentCode: string | null }> }>('GET', '/halls/demo/queue', undefined, world.admin)).body.waiting.filter(
    (t) => t.appointmentCode === code,
  );

test('book a slot on the public hall page, then check in at the kiosk by typing the code, once', async () => {
  browser = await launchBrowser();
  const phone = await newPage(browser, `${world.server.url}/h/demo`, { viewport: { width: 390, height: 844 } });
  await phone.getByTestId(`book-${world.serviceId}`).click();
  await phone.getByTestId('slot-picker').waitFor();
  if (await phone.getByTestId('no-slots').isVisible().catch(() => false)) await phone.locator('.slot-date').nth(1).click();
  await phone.getByTestId('slot').first().click();
  const code = (await phone.getByTestId('booking-code').textContent())?.trim() ?? '';
  expect(code).toMatch(/^\d{8}$/);
  await expect(phone.getByTestId('booking-status').textContent()).resolves.toBe('已预约');
  expect(new URL(phone.url()).searchParams.get('booking')).toBe(code);

  const kiosk = await newPage(browser, `${world.server.url}/kiosk`, { viewport: { width: 1080, height: 1920 } });
  await kiosk.getByTestId('checkin').click();
  for (const d of code) await kiosk.getByTestId(`key-${d}`).click();
  await kiosk.getByTestId('checkin-submit').click();
  await kiosk.getByTestId('ticket-screen').waitFor();
  expect(await waiting(code)).toHaveLength(1);

  // The phone now says checked in, and the same code again gets no second ticket.
  await phone.reload();
  await expect(phone.getByTestId('booking-status').textContent()).resolves.toBe('已签到');
  await kiosk.getByTestId('done').click();
  await kiosk.getByTestId('checkin').click();
  for (const d of code) await kiosk.getByTestId(`key-${d}`).click();
  await kiosk.getByTestId('checkin-submit').click();
  await kiosk.getByTestId('notice-appointment_invalid').getByText('此预约已签到').waitFor();
  expect(await waiting(code)).toHaveLength(1);
  await browser.close();
  browser = null;
});

test('check in by showing the booking QR to the kiosk camera', async () => {
  const booking = await book(world);
  browser = await launchBrowser(fakeCameraArgs(qrVideo(booking.statusUrl, 'booking')));
  const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, locale: 'zh-CN' });
  await context.grantPermissions(['camera'], { origin: world.server.url });
  const kiosk = await context.newPage();
  await kiosk.goto(`${world.server.url}/kiosk`);
  await kiosk.getByTestId('checkin').click();
  await kiosk.getByTestId('checkin-scan').click();
  await kiosk.getByTestId('qr-scanner').waitFor();
  await kiosk.getByTestId('ticket-screen').waitFor({ timeout: 30_000 });
  expect(await waiting(booking.code)).toHaveLength(1);
  const status = await world.server.api<{ booking: { status: string } }>('GET', `/public/bookings/${booking.code}`);
  expect(status.body.booking.status).toBe('checked_in');
});
