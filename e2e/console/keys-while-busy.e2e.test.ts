// Counter keys pressed while the previous action is still on its way. The server's event shows
// the change on screen before the action's own answer comes back; a key pressed in that moment is
// kept and carried out once the answer is in, never dropped. Here every answer is held back a
// little, as on a busy hall server, so the keys always come in that moment.
import type { Page } from 'playwright-core';
import { useHallAndBrowser } from '../support';
import { waitText } from './console-helpers';

let page: Page;
let kiosk: string;
let serviceId: string;

const world = useHallAndBrowser();
const HOLD_MS = 800;

beforeAll(async () => {
  kiosk = await world.server.deviceToken('kiosk');
  const staff = await world.server.login('w01');
  const hall = await world.server.api<{ windows: Array<{ number: number; skills: Array<{ serviceId: string; tier: number }> }> }>('GET', '/halls/demo', undefined, staff);
  serviceId = [...hall.body.windows.find((w) => w.number === 1)!.skills].sort((a, b) => a.tier - b.tier)[0]!.serviceId;
  page = await world.signIn('w01');
  await page.getByTestId('sign-in-1').click();
  await waitText(page, 'window-title', '1');
  await page.route(/\/api\/v1\/(windows|tickets)\/[^/]+\/[a-z-]+$/, async (route) => {
    const answer = await route.fetch();
    await new Promise((done) => setTimeout(done, HOLD_MS));
    await route.fulfill({ response: answer });
  });
});

async function issue(): Promise<{ id: string; number: string }> {
  const res = await world.server.api<{ ticket: { id: string; number: string } }>('POST', '/halls/demo/tickets', { serviceId }, kiosk);
  expect(res.status).toBe(201);
  return res.body.ticket;
}

test('F3 pressed as soon as the call shows starts the service once the call is answered', async () => {
  const t = await issue();
  await page.getByTestId(`waiting-${t.number}`).waitFor();
  await page.keyboard.press('F1');
  await waitText(page, 'current-number', t.number);
  await page.keyboard.press('F3');
  await waitText(page, 'current-status', '办理中');
});

test('F8 pressed as soon as the completion shows opens the pause dialog once it is answered', async () => {
  await page.keyboard.press('F4');
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await page.keyboard.press('y');
  await dialog.waitFor({ state: 'detached' });
  await waitText(page, 'current-panel', '当前没有群众');
  await page.keyboard.press('F8');
  await dialog.waitFor();
  expect(await dialog.textContent()).toMatch(/暂停/);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  expect(await page.locator('.banner.warn').count()).toBe(0);
});
