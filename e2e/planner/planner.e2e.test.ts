// The staffing planner end to end: tickets taken at the kiosk (through the API) make the learned
// forecast; an administrator opens the planner, sees the forecast, the chart and the recommended
// windows, edits the forecast and gets a bigger plan; a supervisor may open it, an officer not.
import { screenshot, useHallAndBrowser } from '../support';

const services: Array<{ id: string; code: string }> = [];
let hour = -1;

const world = useHallAndBrowser();

beforeAll(async () => {
  const admin = await world.server.login('admin');
  const kiosk = await world.server.deviceToken('kiosk');
  const list = await world.server.api<{ services: Array<{ id: string; code: string; active: boolean }> }>('GET', '/halls/demo/services', undefined, admin);
  services.push(...list.body.services.filter((s) => s.active).slice(0, 2));
  expect(services).toHaveLength(2);
  for (const [s, n] of [
    [services[0]!, 5],
    [services[1]!, 2],
  ] as const) {
    for (let i = 0; i < n; i++) {
      const r = await world.server.api('POST', '/halls/demo/tickets', { serviceId: s.id }, kiosk);
      expect(r.status).toBe(201);
    }
  }
  const f = await world.server.api<{ activeDays: number; tickets: number; arrivals: Record<string, number[]> }>('GET', '/halls/demo/planning/forecast', undefined, admin);
  expect(f.status).toBe(200);
  expect(f.body).toMatchObject({ activeDays: 1, tickets: 7 });
  hour = f.body.arrivals[services[0]!.id]!.indexOf(5);
  // Issued within the same minute or so: an hour boundary may split them, then take the larger part.
  if (hour < 0) hour = f.body.arrivals[services[0]!.id]!.reduce((best, x, h, row) => (x > row[best]! ? h : best), 0);
});

describe('staffing planner page', () => {
  it('shows the learned forecast, the chart and the recommended windows; an edit gives a new plan', async () => {
    const page = await world.signIn('admin');
    await page.getByRole('link', { name: '人员排班' }).click();
    await page.getByTestId('planner-page').waitFor();
    await page.getByTestId('learned-summary').filter({ hasText: '7 张号' }).waitFor();

    const cell = page.getByTestId(`cell-${services[0]!.id}-${hour}`);
    expect(Number(await cell.inputValue())).toBeGreaterThan(0);

    // The plan: at least one window in the busy hour, the chart drawn with bars and three lines.
    const recommended = page.getByTestId(`recommended-${hour}`);
    await recommended.waitFor();
    const before = Number(await recommended.textContent());
    expect(before).toBeGreaterThanOrEqual(1);
    const chart = page.getByTestId('planner-chart');
    await chart.locator('svg.recharts-surface').first().waitFor();
    expect(await chart.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
    expect(await chart.locator('.recharts-line').count()).toBe(3);
    expect(await page.getByTestId('plan-method').getAttribute('data-method')).toBe('erlang-c');
    expect(await page.getByTestId('skill-plan').locator('tbody tr').count()).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'planner-learned');

    // 60 visitors an hour for this service need more windows.
    await cell.fill('60');
    await page.getByRole('button', { name: '计算方案' }).click();
    await page.waitForFunction(
      ([id, n]) => Number(document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '0') > n,
      [`recommended-${hour}`, before] as const,
    );
    const after = Number(await recommended.textContent());
    expect(after).toBeGreaterThan(before);
    expect(await page.getByTestId('skill-plan').locator('tbody tr').count()).toBeGreaterThanOrEqual(after);
    await screenshot(page, 'planner-edited');

    // The goal is checked by the browser (50..99 %) before anything is sent.
    expect(await page.locator('input[name=goalShare]').getAttribute('min')).toBe('50');
    await page.context().close();
  });

  it('supervisors may plan; officers get no planner', async () => {
    const sup = await world.signIn('super');
    await sup.getByRole('link', { name: '人员排班' }).click();
    await sup.getByTestId(`recommended-${hour}`).waitFor();
    await sup.context().close();

    const officerToken = await world.server.login('admin');
    const staff = await world.server.api<{ staff: Array<{ username: string; role: string }> }>('GET', '/halls/demo/staff', undefined, officerToken);
    const officer = staff.body.staff.find((s) => s.role === 'officer')!;
    const page = await world.signIn(officer.username, { path: '/console/planner' });
    await page.getByTestId('not-allowed').waitFor();
    expect(await page.getByRole('link', { name: '人员排班' }).count()).toBe(0);
    expect((await world.server.api('GET', '/halls/demo/planning/forecast', undefined, await world.server.login(officer.username))).status).toBe(403);
    await page.context().close();
  });
});
