// The console end to end: an admin sets up a service, windows with skills, staff and a kiosk;
// a helper pre-reviews a kiosk ticket and transfers it to the officers-only stage (which the
// server refuses the helper); the officer completes it with the keyboard; the supervisor's board
// shows it live and raises the wait-target alerts on Chromium's controllable clock.
import { statSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { screenshot, useHallAndBrowser } from '../support';
import { can } from '@hallq/console/roles';
import type { Capability } from '@hallq/console/roles';
import { waitText } from './console-helpers';

const pages: Page[] = [];
const PASSWORD = 'e2e-pass-123';

const world = useHallAndBrowser();

async function open(username: string, password = PASSWORD, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await world.signIn(username, { password, viewport });
  pages.push(page);
  return page;
}

const ids = { serviceId: '', kioskToken: '', window50: '', window51: '' };

describe('console', () => {
  it('an admin creates a service, windows with skills, staff accounts and a kiosk device', async () => {
    const admin = await open('admin', 'demo');
    await admin.getByRole('link', { name: '服务事项' }).click();
    await admin.getByRole('button', { name: '新增事项' }).click();
    const form = admin.getByTestId('service-form');
    // Client-side validation first: an empty form is refused before anything is sent.
    await form.getByRole('button', { name: '保存' }).click();
    await form.locator('[role=alert]').filter({ hasText: '输入有误' }).waitFor();
    await form.locator('input[name=code]').fill('E2E1');
    await form.locator('input[name=prefix]').fill('Y');
    await form.locator('input[name=nameZh]').fill('端到端测试事项');
    await form.locator('input[name=nameEn]').fill('End-to-end service');
    await form.locator('input[name=targetMinutes]').fill('1');
    await form.locator('textarea[name=documents]').fill('申请书 | Application form\n身份证件 | ID document');
    await form.locator('input[name=stage-0-zh]').fill('预审');
    await form.locator('input[name=stage-0-en]').fill('Pre-review');
    await form.getByRole('button', { name: '增加环节' }).click();
    await form.locator('input[name=stage-1-zh]').fill('受理');
    await form.locator('input[name=stage-1-en]').fill('Acceptance');
    expect(await form.locator('input[name=stage-1-officers]').isChecked()).toBe(true);
    await form.getByRole('button', { name: '保存' }).click();
    await admin.getByTestId('service-E2E1').waitFor();

    const adminToken = await world.server.login('admin');
    const services = await world.server.api<{ services: Array<{ id: string; code: string; stages: Array<{ officersOnly: boolean }>; waitTargetSeconds: number }> }>('GET', '/halls/demo/services', undefined, adminToken);
    const svc = services.body.services.find((s) => s.code === 'E2E1')!;
    expect(svc.stages.map((s) => s.officersOnly)).toEqual([false, true]);
    expect(svc.waitTargetSeconds).toBe(60);
    ids.serviceId = svc.id;

    await admin.getByRole('link', { name: '窗口与技能' }).click();
    for (const n of ['50', '51']) {
      await admin.fill('input[name=window-number]', n);
      await admin.fill('input[name=window-zone]', 'E2E');
      await admin.getByTestId('window-form').getByRole('button').click();
      await admin.getByTestId(`matrix-window-${n}`).waitFor();
      await admin.getByTestId(`matrix-window-${n}`).locator('select[data-service=E2E1]').selectOption('1');
    }
    await admin.waitForFunction(() =>
      ['50', '51'].every((n) => (document.querySelector(`[data-testid=matrix-window-${n}] select[data-service=E2E1]`) as HTMLSelectElement | null)?.value === '1'),
    );
    const windows = await world.server.api<{ windows: Array<{ id: string; number: number; skills: Array<{ serviceId: string; tier: number }> }> }>('GET', '/halls/demo/windows', undefined, adminToken);
    for (const n of [50, 51]) expect(windows.body.windows.find((w) => w.number === n)?.skills).toEqual([{ serviceId: svc.id, tier: 1 }]);
    ids.window50 = windows.body.windows.find((w) => w.number === 50)!.id;
    ids.window51 = windows.body.windows.find((w) => w.number === 51)!.id;

    await admin.getByRole('link', { name: '工作人员' }).click();
    for (const [username, role, win] of [['e2eofficer', 'officer', '50'], ['e2ehelper', 'helper', '51']] as const) {
      await admin.fill('input[name=staff-username]', username);
      await admin.fill('input[name=staff-name]', role === 'officer' ? '测试干部' : '测试帮办');
      await admin.selectOption('select[name=staff-role]', role);
      await admin.fill('input[name=staff-windows]', win);
      await admin.fill('input[name=staff-password]', role === 'officer' ? 'short' : PASSWORD);
      await admin.getByTestId('staff-form').getByRole('button', { name: '新增工作人员' }).click();
      if (role === 'officer') {
        // A too-short password is caught before sending, with the field named.
        await admin.locator('[role=alert]').filter({ hasText: 'password' }).waitFor();
        await admin.fill('input[name=staff-password]', PASSWORD);
        await admin.getByTestId('staff-form').getByRole('button', { name: '新增工作人员' }).click();
      }
      await admin.getByTestId(`staff-${username}`).waitFor();
    }

    await admin.getByRole('link', { name: '设备' }).click();
    await admin.selectOption('select[name=device-kind]', 'kiosk');
    await admin.fill('input[name=device-name]', 'E2E 取号机');
    await admin.getByTestId('device-form').getByRole('button', { name: '新增设备' }).click();
    await admin.getByTestId('device-token').waitFor();
    ids.kioskToken = (await admin.getByTestId('device-token-value').textContent())!.trim();
    expect(ids.kioskToken.length).toBeGreaterThan(10);
    expect(await admin.getByTestId('device-pair-url').textContent()).toContain(`/kiosk?pair=`);
    await admin.getByTestId('pair-qr').waitFor();
    await admin.getByTestId('device-E2E 取号机').waitFor();

    await admin.getByRole('link', { name: '审计日志' }).click();
    // The table is drawn before its rows arrive: wait for the fourth row, not the table.
    await admin.getByTestId('audit-log').locator('tbody tr').nth(3).waitFor();
  });

  /** Pairs a fresh kiosk page with the device token and takes a ticket as a visitor would. */
  async function takeOnKiosk(token: string, serviceId: string): Promise<{ id: string; number: string }> {
    const context = await world.browser.newContext({ viewport: { width: 1080, height: 1920 }, locale: 'zh-CN' });
    const kiosk = await context.newPage();
    await kiosk.goto(`${world.server.url}/kiosk?pair=${token}`);
    const config = await world.server.api<{ services: Array<{ id: string; moduleId: string }> }>('GET', '/halls/demo', undefined, token);
    const service = config.body.services.find((x) => x.id === serviceId)!;
    await kiosk.getByTestId(`module-${service.moduleId}`).click();
    await kiosk.getByTestId(`service-${service.id}`).click();
    await kiosk.getByTestId('take-ticket').click();
    await kiosk.getByTestId('ticket-screen').waitFor();
    const number = (await kiosk.getByTestId('ticket-number').textContent())!.trim();
    await context.close();
    const queue = await world.server.api<{ waiting: Array<{ id: string; number: string }> }>('GET', '/halls/demo/queue', undefined, token);
    const ticket = queue.body.waiting.find((t) => t.number === number);
    expect(ticket).toBeDefined();
    return ticket!;
  }

  it('serves a kiosk ticket: helper pre-review, transfer to the officers-only stage, officer completes by keyboard; the board follows live and alerts', async () => {
    // The visitor takes the first ticket on the /kiosk page, paired with the kiosk device the
    // admin just created; later tickets are issued with the same device token.
    const issue = async () => {
      const res = await world.server.api<{ ticket: { id: string; number: string } }>('POST', '/halls/demo/tickets', { serviceId: ids.serviceId }, ids.kioskToken);
      expect(res.status).toBe(201);
      return res.body.ticket;
    };
    const first = await takeOnKiosk(ids.kioskToken, ids.serviceId);

    // The supervisor's board runs on Chromium's clock, so the wait alerts can be reached at once.
    const board = await world.signIn('super', { clock: true });
    pages.push(board);
    await board.getByTestId('board-queues').waitFor();
    await board.waitForFunction(() => document.querySelector('[data-testid=queue-E2E1] td.num')?.textContent === '1');

    const helper = await open('e2ehelper');
    await helper.getByTestId('sign-in-51').click();
    await waitText(helper, 'window-title', '51');
    await helper.getByTestId(`waiting-${first.number}`).waitFor();
    await helper.keyboard.press('F1');
    await waitText(helper, 'current-number', first.number);
    await waitText(helper, 'current-status', '已叫号');
    await helper.keyboard.press('NumpadEnter');
    await waitText(helper, 'current-status', '办理中');
    await helper.getByTestId('current-panel').getByRole('checkbox').first().check();
    await waitText(helper, 'current-panel', '已核对 1/2 项');
    await helper.keyboard.press('F7');
    const dialog = helper.getByRole('dialog');
    expect(await dialog.locator('select[name=stage]').inputValue()).toBe('1');
    await dialog.getByTestId('transfer-submit').click();
    await waitText(helper, 'current-panel', '当前没有群众');
    // Back in the queue at the officers-only stage: shown, but not for a helper.
    const row = helper.getByTestId(`waiting-${first.number}`);
    await row.filter({ hasText: '仅限审批干部' }).waitFor();
    expect(await row.getAttribute('class')).toContain('unavailable');
    expect(await row.getByRole('button').count()).toBe(0);
    await helper.keyboard.press('F1');
    await waitText(helper, 'counter-info', '没有本窗口可办的等候群众');
    // The server refuses the helper too: the UI's choice matches the negative list.
    const helperToken = await world.server.login('e2ehelper', PASSWORD);
    const refused = await world.server.api<{ error: { code: string } }>('POST', `/windows/${ids.window51}/call`, { ticketId: first.id, reason: 'e2e' }, helperToken);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('stage_not_allowed');

    const officer = await open('e2eofficer');
    await officer.getByTestId('sign-in-50').click();
    await waitText(officer, 'window-title', '50');
    await officer.getByTestId(`waiting-${first.number}`).filter({ hasText: '受理' }).waitFor();
    await officer.keyboard.press('NumpadAdd');
    await waitText(officer, 'current-number', first.number);
    await waitText(board, `board-current-50`, first.number);
    await officer.keyboard.press('F3');
    await waitText(officer, 'current-status', '办理中');
    await waitText(board, `board-current-50`, '办理中');
    await screenshot(officer, 'console-counter-1366x768');
    await officer.keyboard.press('F4');
    await officer.getByRole('dialog').waitFor();
    await officer.keyboard.press('y');
    await waitText(officer, 'current-panel', '当前没有群众');
    await waitText(officer, 'count-done', '1');
    await board.waitForFunction((w) => document.querySelector(`[data-testid=board-current-${w}]`)?.textContent === '—', '50');

    // A second visitor waits while the board's clock runs ahead: 80% of the 60 s target, then past it.
    const second = await issue();
    await board.getByTestId(`board-queues`).locator('[data-testid=queue-E2E1] td.num').filter({ hasText: '1' }).waitFor();
    const alerts = board.getByTestId('board-alerts');
    expect(await alerts.locator('li', { hasText: second.number }).count()).toBe(0);
    await board.clock.fastForward(50_000);
    await alerts.locator('li[data-kind=wait-warn]', { hasText: second.number }).waitFor();
    await board.clock.fastForward(15_000);
    await alerts.locator('li[data-kind=wait-over]', { hasText: second.number }).waitFor();
    expect(await board.getByTestId('queue-E2E1').getAttribute('data-level')).toBe('over');
    await screenshot(board, 'console-board-1366x768');
  });

  it("matches the server's role checks in the UI", async () => {
    const checks: Array<{ capability: Capability; method: string; path: string; body?: unknown }> = [
      { capability: 'read-config', method: 'GET', path: '/halls/demo/staff' },
      { capability: 'board-actions', method: 'POST', path: '/halls/demo/notices', body: { text: { zh: '通知', en: 'Notice' }, active: false } },
      { capability: 'admin', method: 'PATCH', path: '/halls/demo', body: {} },
      { capability: 'admin', method: 'GET', path: '/halls/demo/audit' },
      { capability: 'issue-ticket', method: 'POST', path: '/halls/demo/tickets', body: { serviceId: ids.serviceId } },
    ];
    for (const [username, password, role] of [['e2ehelper', PASSWORD, 'helper'], ['e2eofficer', PASSWORD, 'officer'], ['super', 'demo', 'supervisor'], ['admin', 'demo', 'admin']] as const) {
      const token = await world.server.login(username, password);
      for (const c of checks) {
        const res = await world.server.api(c.method, c.path, c.body, token);
        expect({ role, check: `${c.method} ${c.path}`, allowed: res.status !== 403 }).toEqual({ role, check: `${c.method} ${c.path}`, allowed: can(role, c.capability) });
      }
    }
    // In the UI: a helper has no board or admin link and is told so on those pages.
    const helperPage = await open('e2ehelper');
    expect(await helperPage.getByRole('navigation', { name: 'main' }).getByRole('link').allTextContents()).toEqual(['窗口叫号']);
    await helperPage.goto(`${world.server.url}/console/board`);
    await helperPage.getByTestId('not-allowed').waitFor();
    const superPage = await open('super', 'demo');
    // Reports and the staffing planner are the supervisor's too (the board capability).
    expect(await superPage.getByRole('navigation', { name: 'main' }).getByRole('link').allTextContents()).toEqual(['窗口叫号', '现场监控', '统计报表', '人员排班']);
    await superPage.goto(`${world.server.url}/console/admin/services`);
    await superPage.getByTestId('not-allowed').waitFor();
  });

  it('speaks English on request and fits a tablet', async () => {
    const tablet = await open('super', 'demo', { width: 1024, height: 768 });
    await tablet.goto(`${world.server.url}/console/board?lang=en`);
    await tablet.getByRole('heading', { name: 'Live board' }).waitFor();
    await tablet.getByTestId('board-windows').getByText('Window', { exact: true }).waitFor();
    // Nothing spills past the tablet's width.
    expect(await tablet.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
    const file = await screenshot(tablet, 'console-board-tablet-1024x768-en');
    expect(statSync(file).size).toBeGreaterThan(10_000);
    const zh = await open('e2eofficer', PASSWORD, { width: 1024, height: 768 });
    await zh.getByTestId('window-title').filter({ hasText: '50 号窗口' }).waitFor();
    expect(await zh.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
    const counterFile = await screenshot(zh, 'console-counter-tablet-1024x768');
    expect(statSync(counterFile).size).toBeGreaterThan(10_000);
  });
});
