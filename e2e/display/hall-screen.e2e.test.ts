// The hall wall screen shows and announces every call exactly once, in seq order: a burst made
// through the API, a recall, a server restart and an offline spell.
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, startServer, type TestServer } from '../support';
import { announcementText, briefTextZh, CLIP_CATALOGUE, DEFAULT_TEMPLATE_ZH, planClipsZh } from '@hallq/display/announcer';
import { announcerHook, CallObserver, callNext, hallConfig, issueTicket, signInWindows, waitForAnnouncements, waitForSpoken, waitOnline, type StaffWindow } from './hall-helpers';

jest.setTimeout(240_000);

let server: TestServer;
let browser: Browser;
let page: Page;
let observer: CallObserver;
let windows: StaffWindow[];
let kiosk: string;
let template: string;

beforeAll(async () => {
  server = await startServer();
  const admin = await server.login('admin');
  // One repeat keeps the test short; repeat counts are covered by the unit tests.
  expect((await server.api('PATCH', '/halls/demo', { announcementRepeat: 1 }, admin)).status).toBe(200);
  template = (await hallConfig(server, admin)).announcementTemplate || DEFAULT_TEMPLATE_ZH;
  // Tickets are taken at the supervisor's desk: a kiosk device is limited to a visitor's pace.
  kiosk = await server.login('super');
  browser = await launchBrowser();
  page = await newPage(browser, `${server.url}/display?speed=3`, { viewport: { width: 1920, height: 1080 } });
  await waitOnline(page);
  observer = new CallObserver(server.url, await server.deviceToken('display'));
  await observer.ready();
  const hall = await hallConfig(server, admin);
  const numbers = hall.windows.map((w) => w.number).sort((a, b) => a - b).slice(0, 10);
  windows = await signInWindows(server, numbers);
});

afterAll(async () => {
  observer?.close();
  await browser?.close();
  await server?.stop();
});

/** What each call should sound like, in the form the announcer chose for it (full or, catching up, short). */
const expected = (calls: ReturnType<CallObserver['inOrder']>, modes: string[]) =>
  calls.map((c, i) => {
    const text = modes[i] === 'brief' || modes[i] === 'rush' ? briefTextZh(c.number, c.windowNumber) : announcementText(template, c.number, c.windowNumber);
    return { seq: c.seq, number: c.number, windowNumber: c.windowNumber, recall: c.type === 'ticket.recalled' || c.recall, text, clips: planClipsZh(text).clips };
  });

async function finishCurrent(w: StaffWindow, ticketId: string): Promise<void> {
  expect((await server.api('POST', `/tickets/${ticketId}/start`, {}, w.token)).status).toBe(200);
  expect((await server.api('POST', `/tickets/${ticketId}/complete`, {}, w.token)).status).toBe(200);
}

test('a burst of calls on many windows is shown and announced exactly once each, in seq order; a recall is announced again', async () => {
  for (const w of windows) {
    await issueTicket(server, kiosk, w.serviceId);
    await issueTicket(server, kiosk, w.serviceId);
  }
  // All windows call at once.
  const called = (await Promise.all(windows.map((w) => callNext(server, w)))).map((t, i) => ({ t, w: windows[i]! }));
  const made = called.filter((c) => c.t !== null);
  expect(made.length).toBeGreaterThanOrEqual(8);
  await observer.waitFor(made.length);
  const calls = observer.inOrder();
  expect(calls).toHaveLength(made.length);

  // Shown: every window cell carries its called number, the latest is the highest seq.
  for (const c of calls) {
    await page.waitForSelector(`.window-cell[data-window="${c.windowNumber}"] >> text=${c.number}`, { timeout: 10_000 });
  }
  await page.waitForSelector(`[data-testid="latest-call"][data-seq="${calls[calls.length - 1]!.seq}"]`);

  // Heard: the announcer started exactly these announcements, in this order; a burst this size is
  // caught up (first call in full, the ones queued behind it in the short form).
  await waitForAnnouncements(page, calls.length);
  let hook = await announcerHook(page);
  expect(hook.voice).toBe('clips');
  const modes = hook.log.map((l) => l.mode);
  expect(hook.log.map(({ seq, number, windowNumber, recall, text, clips }) => ({ seq, number, windowNumber, recall, text, clips }))).toEqual(expected(calls, modes));
  expect(hook.log[0]!.text).toMatch(/^请[A-Z][零一二三四五六七八九]+号到[一二三四五六七八九十]+号窗口办理$/);
  expect(modes.slice(-3).every((m) => m === 'brief' || m === 'rush')).toBe(true);
  expect(new Set(hook.log.map((l) => l.seq)).size).toBe(hook.log.length);
  expect(hook.log.every((l) => l.lagMs < 60_000)).toBe(true);
  // The clip player played the words of each call, in order (a run of short ones shares one chime).
  const words = (played: string[][]) => played.filter((p) => !(p.length === 1 && p[0] === CLIP_CATALOGUE.chime.file));
  await page.waitForFunction((n) => (window.__hallqAnnouncer?.played.filter((p) => !(p.length === 1 && p[0] === 'chime.wav')).length ?? 0) >= n, calls.length, { timeout: 90_000 });
  hook = await announcerHook(page);
  expect(hook.played[0]).toEqual([CLIP_CATALOGUE.chime.file]);
  expect(words(hook.played).slice(0, calls.length)).toEqual(expected(calls, modes).map((e) => e.clips));

  // Recall the first call: a new event, announced again.
  const first = made.find((m) => m.t!.number === calls[0]!.number)!;
  expect((await server.api('POST', `/tickets/${first.t!.id}/recall`, {}, first.w.token)).status).toBe(200);
  await observer.waitFor(calls.length + 1);
  await waitForAnnouncements(page, calls.length + 1);
  hook = await announcerHook(page);
  expect(hook.log).toHaveLength(calls.length + 1);
  expect(hook.log[calls.length]).toMatchObject({ number: calls[0]!.number, recall: true, seq: observer.inOrder()[calls.length]!.seq });

  // Clear the windows for the next test.
  for (const m of made) await finishCurrent(m.w, m.t!.id);
});

test('after a server restart, calls made right after are shown and announced once; nothing earlier is repeated', async () => {
  const before = (await announcerHook(page)).log.length;
  observer.close();
  await server.restart();
  await page.waitForSelector('.hall-screen[data-status="online"]', { timeout: 30_000 });
  observer = new CallObserver(server.url, await server.deviceToken('display'));
  await observer.ready();
  const ws = windows.slice(0, 3);
  for (const w of ws) await issueTicket(server, kiosk, w.serviceId);
  const made = (await Promise.all(ws.map((w) => callNext(server, w)))).map((t, i) => ({ t, w: ws[i]! })).filter((m) => m.t);
  expect(made.length).toBeGreaterThan(0);
  await observer.waitFor(made.length);
  const calls = observer.inOrder();
  await waitForAnnouncements(page, before + calls.length);
  // Give a duplicate (if any) the time to show up before checking there is none.
  await page.waitForTimeout(3000);
  const hook = await announcerHook(page);
  expect(hook.log.slice(before).map((l) => l.seq)).toEqual(calls.map((c) => c.seq));
  expect(hook.log).toHaveLength(before + calls.length);
  for (const c of calls) await page.waitForSelector(`.window-cell[data-window="${c.windowNumber}"] >> text=${c.number}`);
  for (const m of made) await finishCurrent(m.w, m.t!.id);
});

test('offline: the screen says so and keeps its state; calls missed meanwhile are shown and, being recent, announced once', async () => {
  const before = (await announcerHook(page)).log.length;
  const latestBefore = await page.textContent('[data-testid="recent-calls"]');
  await page.context().setOffline(true);
  await page.waitForSelector('[data-testid="offline-banner"]', { timeout: 60_000 });
  expect(await page.textContent('[data-testid="offline-banner"]')).toContain('连接中断');
  expect(await page.textContent('[data-testid="recent-calls"]')).toBe(latestBefore);

  const ws = windows.slice(3, 6);
  const seen = observer.calls.size;
  for (const w of ws) await issueTicket(server, kiosk, w.serviceId);
  const made = (await Promise.all(ws.map((w) => callNext(server, w)))).filter((t) => t);
  await observer.waitFor(seen + made.length);
  const calls = observer.inOrder().slice(-made.length);

  await page.context().setOffline(false);
  await page.waitForSelector('[data-testid="offline-banner"]', { state: 'detached', timeout: 60_000 });
  for (const c of calls) await page.waitForSelector(`.window-cell[data-window="${c.windowNumber}"] >> text=${c.number}`);
  await waitForAnnouncements(page, before + calls.length);
  await page.waitForTimeout(3000);
  const hook = await announcerHook(page);
  expect(hook.log.slice(before).map((l) => l.seq)).toEqual(calls.map((c) => c.seq));
});

test('a reload in the middle of a backlog resumes from the last call spoken: nothing lost, nothing said again', async () => {
  const before = (await announcerHook(page)).log.length;
  // Windows the earlier tests left free.
  const ws = windows.slice(6, 10);
  for (const w of ws) await issueTicket(server, kiosk, w.serviceId);
  const seen = observer.calls.size;
  const made = (await Promise.all(ws.map((w) => callNext(server, w)))).map((t, i) => ({ t, w: ws[i]! })).filter((m) => m.t);
  await observer.waitFor(seen + made.length);
  const calls = observer.inOrder().slice(-made.length);
  await waitForAnnouncements(page, before + 1);
  const pre = await announcerHook(page);
  await page.reload();
  await waitOnline(page);
  // The new page resumes from the mark the old one stored last: the snapshot's, or a later one if
  // the old page finished another call between the snapshot and the reload.
  await page.waitForFunction(() => window.__hallqAnnouncer?.resumedFrom != null, undefined, { timeout: 20_000 });
  const resumedFrom = (await announcerHook(page)).resumedFrom!;
  expect(resumedFrom).toBeGreaterThanOrEqual(pre.handledThrough);
  expect(resumedFrom).toBeLessThanOrEqual(calls.at(-1)!.seq);
  const spokenBefore = new Set(pre.log.slice(before).flatMap((l) => [l.seq, ...l.mergedSeqs]).filter((s) => s <= pre.handledThrough));
  const left = calls.filter((c) => c.seq > resumedFrom);
  await waitForSpoken(page, left.map((c) => c.seq));
  await page.waitForTimeout(3000);
  const post = await announcerHook(page);
  const spokenAfter = post.log.flatMap((l) => [l.seq, ...l.mergedSeqs]);
  // Nothing the display had finished saying is said again, and every other call is said once.
  expect(spokenAfter.filter((s) => s <= resumedFrom)).toEqual([]);
  expect(spokenAfter).toEqual(left.map((c) => c.seq));
  // What the old page had handled by the snapshot, it had said.
  for (const c of calls.filter((c) => c.seq <= pre.handledThrough)) expect(spokenBefore.has(c.seq)).toBe(true);
  for (const m of made) await finishCurrent(m.w, m.t!.id);
});
