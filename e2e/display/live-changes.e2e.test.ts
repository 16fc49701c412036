// Live changes reach every screen without a reload: a window's new skills (the window screen's
// services and the counter's queue), a service closed for the day (marked on the window screen)
// and a new notice (the wall screen's ticker).
import { newPage, useHallAndBrowser } from '../support';
import { hallConfig, issueTicket, signInWindows } from './hall-helpers';

jest.setTimeout(180_000);

const world = useHallAndBrowser();

test('new skills, a service closed today and a notice show on the screens at once', async () => {
  const admin = await world.server.login('admin');
  const hall = await hallConfig(world.server, admin);
  const win1 = hall.windows.find((w) => w.number === 1)!;
  const other = hall.services.find((s) => s.active && !win1.skills.some((k) => k.serviceId === s.id))!;
  const [w] = await signInWindows(world.server, [1]);
  const ticket = await issueTicket(world.server, await world.server.deviceToken('kiosk'), other.id);

  const screen = await newPage(world.browser, `${world.server.url}/display/window/1`, { viewport: { width: 1280, height: 720 } });
  await screen.waitForSelector('[data-testid="window-screen"][data-state="open"]');
  expect(await screen.textContent('[data-testid="ws-services"]')).not.toContain(other.name.zh);
  const wall = await newPage(world.browser, `${world.server.url}/display`, { viewport: { width: 1920, height: 1080 } });
  await wall.waitForSelector('.hall-screen[data-status="online"] .hall-main');
  const counter = await world.signIn('w01', { path: '/console/counter', viewport: { width: 1366, height: 768 } });
  await counter.getByTestId('waiting-list').waitFor();
  await counter.getByTestId('window-title').waitFor();
  // Not a service of window 1: not in its queue.
  expect(await counter.getByTestId(`waiting-${ticket.number}`).count()).toBe(0);

  // The admin gives window 1 that service: the window screen and the counter follow.
  const skills = [...win1.skills, { serviceId: other.id, tier: 1 }];
  expect((await world.server.api('PATCH', `/halls/demo/windows/${win1.id}`, { skills }, admin)).status).toBe(200);
  await screen.waitForSelector(`[data-testid="ws-services"] [data-service="${other.id}"]`);
  // ...and the counter's queue now has the ticket, servable, without a reload.
  await counter.waitForFunction((n) => document.querySelector(`[data-testid="waiting-${n}"]`)?.getAttribute('class') === '', ticket.number);

  // Closed for the day: marked on the window screen.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: hall.timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  expect((await world.server.api('PATCH', `/halls/demo/services/${other.id}`, { closedOn: today }, admin)).status).toBe(200);
  await screen.waitForSelector(`[data-testid="ws-services"] [data-service="${other.id}"].closed >> text=今日暂停`);

  // A notice: on the wall at once.
  await world.server.api('POST', '/halls/demo/notices', { text: { zh: '十二点至一点午间休息', en: 'Lunch break 12:00-13:00' }, active: true }, admin);
  await wall.waitForSelector('.ticker >> text=十二点至一点午间休息');
  expect(w).toBeDefined();
  for (const p of [screen, wall, counter]) await p.context().close();
});
