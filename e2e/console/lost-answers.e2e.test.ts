// A console page whose read of the hall's config is lost on the way (a dropped request, the
// server restarting) asks again until answered: it never stays on "loading", nor on an old config.
import { useHallAndBrowser } from '../support';
import { waitText } from './console-helpers';

const world = useHallAndBrowser();

test('the counter loads although its first read of the hall is not answered', async () => {
  const page = await world.signIn('w01');
  let refused = 0;
  await page.route(/\/api\/v1\/halls\/demo$/, async (route) => {
    if (route.request().method() === 'GET' && refused++ === 0) return route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":{"code":"unavailable","message":"lost on the way"}}' });
    return route.continue();
  });
  await page.goto(`${world.server.url}/console/counter`);
  await page.getByTestId('sign-in-1').waitFor();
  expect(refused).toBeGreaterThanOrEqual(2);
  await page.context().close();
});

test('a config change whose read is lost once still reaches the counter', async () => {
  const page = await world.signIn('w01', { path: '/console/counter' });
  await page.getByTestId('sign-in-1').click();
  await waitText(page, 'window-title', '1');
  let refused = 0;
  await page.route(/\/api\/v1\/halls\/demo$/, async (route) => {
    if (route.request().method() === 'GET' && refused++ === 0) return route.abort('connectionreset');
    return route.continue();
  });
  // A visitor waits for window 1's own service; the admin renames that service meanwhile.
  const admin = await world.server.login('admin');
  const hall = await world.server.api<{ windows: Array<{ number: number; skills: Array<{ serviceId: string; tier: number }> }> }>('GET', '/halls/demo', undefined, admin);
  const serviceId = [...hall.body.windows.find((w) => w.number === 1)!.skills].sort((a, b) => a.tier - b.tier)[0]!.serviceId;
  const ticket = await world.server.api<{ ticket: { number: string } }>('POST', '/halls/demo/tickets', { serviceId }, await world.server.deviceToken('kiosk'));
  expect(ticket.status).toBe(201);
  await page.getByTestId(`waiting-${ticket.body.ticket.number}`).waitFor();
  const name = { zh: '改名后的测试事项', en: 'Renamed service' };
  expect((await world.server.api('PATCH', `/halls/demo/services/${serviceId}`, { name }, admin)).status).toBe(200);
  await page.getByTestId(`waiting-${ticket.body.ticket.number}`).filter({ hasText: name.zh }).waitFor({ timeout: 15_000 });
  expect(refused).toBeGreaterThanOrEqual(2);
  await page.context().close();
});
