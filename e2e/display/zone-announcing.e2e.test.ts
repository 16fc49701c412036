// A hall display the admin gives a zone (devices: announceZone) announces only the calls of that
// zone's windows; the other calls are logged as not covered, never spoken. Moved to another zone
// while it runs, it follows at once, without a reload, even when its first question after the move is
// not answered.
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, startServer, type TestServer } from '../support';
import { startSocketGate } from '../support/socket-gate';
import { announcerHook, CallObserver, callNext, hallConfig, issueTicket, signInWindows, waitOnline, type StaffWindow } from './hall-helpers';

let server: TestServer;
let browser: Browser;
let page: Page;
let observer: CallObserver;
let admin: string;
let displayId: string;
/** Two staffed windows in each of two zones. */
let zones: Array<{ zone: string; windows: StaffWindow[] }>;

beforeAll(async () => {
  server = await startServer();
  admin = await server.login('admin');
  expect((await server.api('PATCH', '/halls/demo', { announcementRepeat: 1 }, admin)).status).toBe(200);
  const hall = await hallConfig(server, admin);
  const byZone = new Map<string, number[]>();
  for (const w of [...hall.windows].sort((a, b) => a.number - b.number)) byZone.set(w.zone, [...(byZone.get(w.zone) ?? []), w.number]);
  const chosen = [...byZone.entries()].filter(([, numbers]) => numbers.length >= 2).slice(0, 2);
  expect(chosen).toHaveLength(2);
  zones = [];
  for (const [zone, numbers] of chosen) zones.push({ zone, windows: await signInWindows(server, numbers.slice(0, 2)) });

  const devices = await server.api<{ devices: Array<{ id: string; kind: string; windowNumber: number | null }> }>('GET', '/halls/demo/devices', undefined, admin);
  displayId = devices.body.devices.find((d) => d.kind === 'display' && d.windowNumber === null)!.id;
  const patched = await server.api('PATCH', `/halls/demo/devices/${displayId}`, { announceZone: zones[0]!.zone, announceWindows: null }, admin);
  expect(patched.status).toBe(200);

  browser = await launchBrowser();
  page = await newPage(browser, `${server.url}/display?speed=3`, { viewport: { width: 1920, height: 1080 } });
  await waitOnline(page);
  observer = new CallObserver(server.url, await server.deviceToken('display'));
  await observer.ready();
});
afterAll(async () => {
  observer?.close();
  await browser?.close();
  await server?.stop();
});

/** Calls one new ticket at each window given (each window's own service), in that order. */
async function callAt(windows: StaffWindow[]): Promise<Array<{ number: string; windowNumber: number }>> {
  const calls: Array<{ number: string; windowNumber: number }> = [];
  for (const w of windows) {
    await issueTicket(server, admin, w.serviceId);
    const t = await callNext(server, w);
    expect(t).not.toBeNull();
    calls.push({ number: t!.number, windowNumber: w.number });
    // Free the window for the next round.
    expect((await server.api('POST', `/tickets/${t!.id}/start`, {}, w.token)).status).toBe(200);
    expect((await server.api('POST', `/tickets/${t!.id}/complete`, {}, w.token)).status).toBe(200);
  }
  return calls;
}

/** Waits until the display has dealt with every call up to the observer's last (spoken or skipped). */
async function settled(on: Page = page): Promise<void> {
  const last = observer.inOrder().at(-1)!.seq;
  await on.waitForFunction((seq) => (window.__hallqAnnouncer?.handledThrough ?? 0) >= seq, last, { timeout: 60_000, polling: 200 });
}

test('a display set to a zone announces only that zone\'s windows; moved to another zone, it follows live', async () => {
  const [mine, other] = zones as [(typeof zones)[0], (typeof zones)[0]];
  // Interleaved: other zone, this zone, other zone, this zone.
  const calls = await callAt([other.windows[0]!, mine.windows[0]!, other.windows[1]!, mine.windows[1]!]);
  await observer.waitFor(4);
  await settled();
  let hook = await announcerHook(page);
  const mineNumbers = new Set(mine.windows.map((w) => w.number));
  expect(hook.log.map((r) => [r.number, r.windowNumber])).toEqual(calls.filter((c) => mineNumbers.has(c.windowNumber)).map((c) => [c.number, c.windowNumber]));
  expect(hook.skipped.filter((s) => s.reason === 'not-covered').map((s) => s.number).sort()).toEqual(calls.filter((c) => !mineNumbers.has(c.windowNumber)).map((c) => c.number).sort());
  // Shown on the screen all the same: only the voice is per zone.
  for (const c of calls) await page.getByText(c.number, { exact: true }).first().waitFor();

  // The admin moves the display to the other zone while it runs.
  const spokenBefore = hook.log.length;
  // The display learns it from the config change: it asks the server who it is again.
  const askedAgain = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/me' && r.status() === 200);
  expect((await server.api('PATCH', `/halls/demo/devices/${displayId}`, { announceZone: other.zone }, admin)).status).toBe(200);
  await askedAgain;
  const next = await callAt([mine.windows[0]!, other.windows[0]!]);
  await observer.waitFor(6);
  await settled();
  hook = await announcerHook(page);
  expect(hook.log.slice(spokenBefore).map((r) => [r.number, r.windowNumber])).toEqual([[next[1]!.number, next[1]!.windowNumber]]);
  expect(hook.skipped.filter((s) => s.reason === 'not-covered').map((s) => s.number)).toContain(next[0]!.number);
});

test('a display whose first read of its new zone fails keeps trying, and follows once it has it', async () => {
  const [mine, other] = zones as [(typeof zones)[0], (typeof zones)[0]];
  // The display announces `other` now (the test before); it is moved back to `mine`, and the
  // server's first answer to its question "who am I" is lost on the way.
  let refused = 0;
  await page.route('**/api/v1/me', async (route) => {
    if (refused++ === 0) return route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":{"code":"unavailable","message":"lost on the way"}}' });
    return route.continue();
  });
  const spokenBefore = (await announcerHook(page)).log.length;
  const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/me' && r.status() === 200);
  expect((await server.api('PATCH', `/halls/demo/devices/${displayId}`, { announceZone: mine.zone }, admin)).status).toBe(200);
  await answered;
  expect(refused).toBe(2);
  const next = await callAt([other.windows[1]!, mine.windows[1]!]);
  await observer.waitFor(8);
  await settled();
  const hook = await announcerHook(page);
  expect(hook.log.slice(spokenBefore).map((r) => [r.number, r.windowNumber])).toEqual([[next[1]!.number, next[1]!.windowNumber]]);
  await page.unroute('**/api/v1/me');
});

test('a display whose zone changes while it starts, before its live feed is up, announces the new zone', async () => {
  const [mine, other] = zones as [(typeof zones)[0], (typeof zones)[0]];
  // The display announces `mine` now (the test before). A second screen of it starts behind a
  // gate that holds its realtime socket back: it reads who it is and the hall, not the feed.
  const gate = await startSocketGate(server.url);
  gate.down();
  const late = await newPage(browser, `${gate.url}/display?speed=3`, { viewport: { width: 1920, height: 1080 } });
  try {
    const asked = (): number => gate.requests.filter((p) => p === '/api/v1/me').length;
    for (let i = 0; i < 200 && (asked() === 0 || gate.refused() === 0); i++) await new Promise((r) => setTimeout(r, 100));
    expect(asked()).toBeGreaterThan(0);
    // The change comes now: its event goes to the sockets online, and this screen has none yet.
    expect((await server.api('PATCH', `/halls/demo/devices/${displayId}`, { announceZone: other.zone }, admin)).status).toBe(200);
    const askedBefore = asked();
    gate.up();
    await waitOnline(late);
    for (let i = 0; i < 200 && asked() === askedBefore; i++) await new Promise((r) => setTimeout(r, 100));
    expect(asked()).toBeGreaterThan(askedBefore);
    const spokenBefore = (await announcerHook(late)).log.length;
    const next = await callAt([mine.windows[0]!, other.windows[0]!]);
    await observer.waitFor(10);
    await settled(late);
    const hook = await announcerHook(late);
    expect(hook.log.slice(spokenBefore).map((r) => [r.number, r.windowNumber])).toEqual([[next[1]!.number, next[1]!.windowNumber]]);
  } finally {
    await late.context().close();
    await gate.close();
  }
});
