// The admin sets how the displays speak: a template with words the recorded voice cannot say is
// refused with those words named; the repeat count and catch-up lag are saved; a display device
// is given a zone and a list of windows to announce.
import { useHallAndBrowser } from '../support';

const world = useHallAndBrowser();

test('hall settings: an unspeakable template is refused naming the words; repeat and lag are saved', async () => {
  const page = await world.signIn('admin', { path: '/console/admin/hall' });
  await page.fill('input[name=hall-template]', '请{number}号顾客到{window}号窗口');
  await page.click('form.card button[type=submit]');
  await page.locator('.error-box').filter({ hasText: '顾客' }).waitFor();
  await page.fill('input[name=hall-template]', '请{number}号到{window}号窗口');
  await page.selectOption('select[name=hall-repeat]', '3');
  await page.fill('input[name=hall-lag]', '20');
  await page.click('form.card button[type=submit]');
  await page.locator('.success').waitFor();
  const hall = await world.server.api<{ announcementTemplate: string; announcementRepeat: number; announcementMaxLagSeconds: number }>('GET', '/halls/demo', undefined, await world.server.login('admin'));
  expect(hall.body).toMatchObject({ announcementTemplate: '请{number}号到{window}号窗口', announcementRepeat: 3, announcementMaxLagSeconds: 20 });
  await page.context().close();
});

test('devices: a hall display is given a zone and windows to announce', async () => {
  const admin = await world.server.login('admin');
  const page = await world.signIn('admin', { path: '/console/admin/devices' });
  const devices = await world.server.api<{ devices: Array<{ id: string; name: string; kind: string; windowNumber: number | null }> }>('GET', '/halls/demo/devices', undefined, admin);
  const display = devices.body.devices.find((d) => d.kind === 'display' && d.windowNumber === null)!;
  const form = page.getByTestId(`announce-${display.name}`);
  const zone = await form.locator('select[name=announce-zone] option').nth(1).getAttribute('value');
  await form.locator('select[name=announce-zone]').selectOption(zone!);
  await form.locator('input[name=announce-windows]').fill('x');
  expect(await form.locator('button[type=submit]').isDisabled()).toBe(true);
  await form.locator('input[name=announce-windows]').fill('9-10, 12');
  await form.locator('button[type=submit]').click();
  await page.waitForFunction(
    async ({ id, token }) => {
      const r = await fetch('/api/v1/halls/demo/devices', { headers: { authorization: `Bearer ${token}` } });
      const d = ((await r.json()) as { devices: Array<{ id: string; announceWindows: number[] | null }> }).devices.find((x) => x.id === id);
      return JSON.stringify(d?.announceWindows) === '[9,10,12]';
    },
    { id: display.id, token: admin },
  );
  const after = await world.server.api<{ devices: Array<{ id: string; announceZone: string | null }> }>('GET', '/halls/demo/devices', undefined, admin);
  expect(after.body.devices.find((d) => d.id === display.id)?.announceZone).toBe(zone);
  await page.context().close();
});
