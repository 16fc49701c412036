// The admin sets a service's booking slots and remote share in the console; the public hall
// page's slots and the remote queue follow.
import type { Browser } from 'playwright-core';
import { launchBrowser, signInToConsole } from '../support';
import { startHomeWorld, type HomeWorld } from './home-helpers';

let world: HomeWorld;
let browser: Browser;

beforeAll(async () => {
  world = await startHomeWorld();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await world?.server.stop();
});

test('booking days, hours, slot length, capacity, days ahead and the remote share are set per service', async () => {
  const service = world.hall.services[0]!;
  const page = await signInToConsole(browser, world.server.url, 'admin', { path: '/console/admin/services', viewport: { width: 1366, height: 900 } });
  await page.getByTestId(`service-${service.code}`).getByRole('button').first().click();
  const form = page.getByTestId('service-form');
  await form.locator('input[name=booking-enabled]').check();
  await form.locator('input[name=booking-days]').fill('1-7');
  await form.locator('input[name=booking-from]').fill('08:00');
  await form.locator('input[name=booking-to]').fill('12:00');
  await form.locator('input[name=booking-slotMinutes]').fill('60');
  await form.locator('input[name=booking-capacity]').fill('5');
  await form.locator('input[name=booking-daysAhead]').fill('3');
  await form.locator('input[name=booking-remoteShare]').fill('1');
  await form.locator('button[type=submit]').click();
  await form.waitFor({ state: 'detached' });

  const saved = await world.server.api<{ services: Array<{ id: string; booking: unknown; remoteDailyShare: number | null }> }>('GET', '/halls/demo/services', undefined, world.admin);
  const svc = saved.body.services.find((s) => s.id === service.id)!;
  expect(svc.booking).toEqual({ days: [1, 2, 3, 4, 5, 6, 7], from: '08:00', to: '12:00', slotMinutes: 60, capacity: 5, daysAhead: 3 });
  expect(svc.remoteDailyShare).toBe(1);
  const tomorrow = new Date(Date.now() + 8 * 3600_000 + 86400_000).toISOString().slice(0, 10);
  const slots = await world.server.api<{ slots: Array<{ capacity: number }> }>('GET', `/public/halls/demo/slots?serviceId=${service.id}&date=${tomorrow}`);
  expect(slots.body.slots.map((s) => s.capacity)).toEqual([5, 5, 5, 5]);
  expect((await world.server.api('POST', '/public/halls/demo/remote-tickets', { serviceId: service.id })).status).toBe(201);
  const second = await world.server.api<{ error: { code: string } }>('POST', '/public/halls/demo/remote-tickets', { serviceId: service.id });
  expect(second.body.error.code).toBe('remote_share_reached');
  await page.context().close();
});
