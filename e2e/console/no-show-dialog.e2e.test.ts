// The counter's no-show confirmation, by keyboard only: F6 (or the action button) opens it with
// focus on 取消 (the safe choice: the visitor may be on the way); Tab and Shift+Tab stay inside;
// Escape cancels and changes nothing; focus goes back where it was; confirming marks the no-show.
import type { Page } from 'playwright-core';
import { useHallAndBrowser } from '../support';
import { waitText } from './console-helpers';

let page: Page;
let kiosk: string;
let staff: string;
let serviceId: string;
/** The ticket the first test leaves called at window 1. */
let called: { id: string; number: string };

const world = useHallAndBrowser();

beforeAll(async () => {
  kiosk = await world.server.deviceToken('kiosk');
  staff = await world.server.login('w01');
  const hall = await world.server.api<{ windows: Array<{ number: number; skills: Array<{ serviceId: string; tier: number }> }> }>('GET', '/halls/demo', undefined, staff);
  serviceId = [...hall.body.windows.find((w) => w.number === 1)!.skills].sort((a, b) => a.tier - b.tier)[0]!.serviceId;
  page = await world.signIn('w01');
  await page.getByTestId('sign-in-1').click();
  await waitText(page, 'window-title', '1');
});

async function issue(): Promise<{ id: string; number: string }> {
  const res = await world.server.api<{ ticket: { id: string; number: string } }>('POST', '/halls/demo/tickets', { serviceId }, kiosk);
  expect(res.status).toBe(201);
  return res.body.ticket;
}
const statusOf = async (id: string): Promise<string> => {
  const res = await world.server.api<{ tickets?: unknown; waiting: Array<{ id: string; status: string }>; windows: Array<{ current: { ticketId: string; status: string } | null }> }>('GET', '/halls/demo/queue', undefined, staff);
  const current = res.body.windows.map((w) => w.current).find((c) => c?.ticketId === id);
  return current?.status ?? res.body.waiting.find((t) => t.id === id)?.status ?? 'gone';
};
/** What has focus: its test id, or its text, and whether it is inside the open dialog. */
const focused = (): Promise<{ inDialog: boolean; label: string }> =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { inDialog: !!el?.closest('[role=dialog]'), label: el?.dataset.testid ?? el?.dataset.action ?? el?.textContent?.trim() ?? '' };
  });

test('F6 opens it on 取消; Tab and Shift+Tab stay inside; Escape cancels, changes nothing and gives focus back', async () => {
  const t = await issue();
  called = t;
  await page.keyboard.press('F1');
  await waitText(page, 'current-number', t.number);

  // Opened from the action button with the keyboard: focus comes back to that button. The ticket
  // can be on screen before the call's answer, while the buttons are still disabled.
  const button = page.locator('.action-bar [data-action="no-show"]:enabled');
  await button.waitFor();
  await button.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await expect(dialog.getAttribute('aria-modal')).resolves.toBe('true');
  await expect(dialog.getAttribute('aria-label')).resolves.toContain(t.number);
  await expect(focused()).resolves.toEqual({ inDialog: true, label: '取消' });
  const stops = await dialog.locator('button, [href], input, select, textarea').count();
  for (let i = 0; i < stops * 2 + 1; i++) {
    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ inDialog: true });
  }
  for (let i = 0; i < stops * 2 + 1; i++) {
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toMatchObject({ inDialog: true });
  }
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  await expect(focused()).resolves.toEqual({ inDialog: false, label: 'no-show' });
  expect(await statusOf(t.id)).toBe('called');

  // Opened by F6 from anywhere: Escape again changes nothing, and the page keeps working.
  await page.keyboard.press('F6');
  await dialog.waitFor();
  await expect(focused()).resolves.toEqual({ inDialog: true, label: '取消' });
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  expect(await statusOf(t.id)).toBe('called');
  await waitText(page, 'current-number', t.number);
});

test('confirming by keyboard marks the no-show; too early, it says to recall first and the ticket stays called', async () => {
  const t = await issue();
  await page.keyboard.press('F6');
  const dialog = page.getByRole('dialog');
  // The previous test's ticket is still called at this window: mark it, too early first.
  await dialog.waitFor();
  await dialog.getByTestId('no-show-confirm').focus();
  await page.keyboard.press('Enter');
  await page.locator('[role=alert]').filter({ hasText: '请先重呼一次' }).waitFor();
  expect(await statusOf(called.id)).toBe('called');
  await page.keyboard.press('F2'); // recall
  await waitText(page, 'current-status', '已叫号');
  await page.waitForFunction(() => !document.querySelector('[role=dialog]'));
  await page.keyboard.press('F6');
  await dialog.waitFor();
  await page.keyboard.press('Shift+Tab'); // from 取消 back to the confirm button
  await expect(focused()).resolves.toEqual({ inDialog: true, label: 'no-show-confirm' });
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'detached' });
  await waitText(page, 'current-panel', '当前没有群众');
  expect(await statusOf(called.id)).toBe('gone');
  // The next visitor is called as usual.
  await page.keyboard.press('F1');
  await waitText(page, 'current-number', t.number);
});
