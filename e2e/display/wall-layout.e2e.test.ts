// The wall screen read from ten metres, at 1920x1080 and 1080x1920, with every service waiting:
// nothing cut off (long lists page by themselves and every service comes up), state text of at
// least 28 px, AA contrast on every text (axe-core), no glyph from an emoji font, and the "now
// calling" highlight following the windows (a visitor who came, a pause, a fresh load).
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { screenshot, useHallAndBrowser } from '../support';
import { callNext, hallConfig, issueTicket, signInWindows, type StaffWindow } from './hall-helpers';

jest.setTimeout(240_000);

const AXE = createRequire(__filename).resolve('axe-core/axe.min.js');
const PAGE_SECONDS = 2;

let activeServices: string[];
let windows: StaffWindow[];
let called: Array<{ w: StaffWindow; t: { id: string; number: string } }>;

const world = useHallAndBrowser();

beforeAll(async () => {
  const admin = await world.server.login('admin');
  await world.server.api('POST', '/halls/demo/notices', { text: { zh: '请携带本人身份证原件办理业务。', en: 'Please bring your original ID card.' }, active: true }, admin);
  const hall = await hallConfig(world.server, admin);
  activeServices = hall.services.filter((s) => s.active).map((s) => s.id);
  // Tickets are taken at the supervisor's desk: a kiosk device is limited to a visitor's pace.
  const kiosk = await world.server.login('super');
  // Every service has a queue: three tickets each.
  for (const id of activeServices) for (let i = 0; i < 3; i++) await issueTicket(world.server, kiosk, id);
  windows = await signInWindows(world.server, [1, 2, 3, 5, 6, 7, 9]);
  called = [];
  for (const w of windows) {
    const t = await callNext(world.server, w);
    if (t) called.push({ w, t });
  }
  const [paused] = windows.slice(-1);
  expect((await world.server.api('POST', `/windows/${paused!.windowId}/pause`, {}, paused!.token)).status).toBe(200);
});

async function openWall(width: number, height: number, lang: 'zh' | 'en' = 'zh'): Promise<Page> {
  // bypassCSP: only so the test can add axe-core to the page.
  const context = await world.browser.newContext({ viewport: { width, height }, locale: 'zh-CN', reducedMotion: 'reduce', bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${world.server.url}/display?pageSeconds=${PAGE_SECONDS}${lang === 'en' ? '&lang=en' : ''}`);
  await page.waitForSelector('.hall-screen[data-status="online"] .hall-main', { timeout: 20_000 });
  await page.waitForSelector('.service-row');
  return page;
}

/** Visible text that sticks out of the box that clips it, or out of the screen. */
function cutOff(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('.hall-screen *'))) {
      const own = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
      if (!own || getComputedStyle(el).visibility === 'hidden' || el.closest('.ticker')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      let clip: HTMLElement | null = el.parentElement;
      while (clip && getComputedStyle(clip).overflow === 'visible') clip = clip.parentElement;
      const c = clip ? clip.getBoundingClientRect() : { top: 0, left: 0, bottom: vh, right: vw };
      const inside = (a: { top: number; left: number; bottom: number; right: number }) => r.top >= a.top - 1 && r.left >= a.left - 1 && r.bottom <= a.bottom + 1 && r.right <= a.right + 1;
      if (!inside(c) || !inside({ top: 0, left: 0, bottom: vh, right: vw })) out.push(`${el.className || el.tagName}: "${el.textContent!.trim().slice(0, 30)}"`);
    }
    return out;
  });
}

/**
 * The waits of the rows shown, read at a moment when one of them is a range (the lists page by
 * themselves: the rows shown must be read together with the check, not after it).
 */
async function waitsWithRange(page: Page, range: RegExp): Promise<string[]> {
  const found = await page.waitForFunction(
    (source) => {
      const shown = Array.from(document.querySelectorAll('.service-row'))
        .filter((r) => getComputedStyle(r).visibility !== 'hidden')
        .map((r) => (r.querySelector('.service-wait')?.textContent ?? '').replace(/\u00a0/g, ' ').trim());
      return shown.some((w) => new RegExp(source).test(w)) ? shown : null;
    },
    range.source,
    { timeout: 60_000, polling: 200 },
  );
  return (await found.jsonValue()) as string[];
}

/** A wait text on the screen, on one line: [text, lines]. */
function waitLines(page: Page): Promise<Array<[string, number]>> {
  return page.$$eval('.service-wait, .module-wait', (els) =>
    els
      .filter((e) => getComputedStyle(e).visibility !== 'hidden' && e.textContent!.trim() !== '')
      .map((e) => [e.textContent!.trim(), Math.round(e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight || '0') || 1)] as [string, number]),
  );
}

/** Service names as laid out: [name, characters on the shortest full line]. */
function nameLines(page: Page): Promise<Array<[string, number]>> {
  return page.$$eval('.service-row .service-name', (els) =>
    els.map((e) => {
      const text = e.textContent!.trim();
      const range = document.createRange();
      range.selectNodeContents(e);
      const lines = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size || 1;
      return [text, lines > 1 ? Math.floor([...text].length / lines) : [...text].length] as [string, number];
    }),
  );
}

const ZH_WAIT = /^预计等候 (\d+–\d+ 分钟|\d+ 分钟内|约 \d+ 分钟|不到 1 分钟|暂无)$/;
const ZH_RANGE = /^预计等候 \d+–\d+ 分钟$/;
const EN_WAIT = /^Est\. wait (\d+–\d+ min|within \d+ min|about \d+ min|under a minute|—)$/;
const EN_RANGE = /^Est\. wait \d+–\d+ min$/;

/** Services whose row is fully shown now. */
function servicesShown(page: Page): Promise<string[]> {
  return page.$$eval('.service-row', (rows) => rows.filter((r) => getComputedStyle(r).visibility !== 'hidden').map((r) => r.getAttribute('data-service') ?? ''));
}

describe.each([
  ['landscape', 1920, 1080],
  ['portrait', 1080, 1920],
])('wall screen %s %ix%i with every service waiting', (name, width, height) => {
  let page: Page;
  beforeAll(async () => {
    page = await openWall(width, height);
  });
  afterAll(async () => {
    await page?.context().close();
  });

  test('nothing is cut off, and every service comes up as the lists page by themselves', async () => {
    // Every service still waiting (the calls above may have emptied a queue or two).
    const queue = await world.server.api<{ waiting: Array<{ serviceId: string }> }>('GET', '/halls/demo/queue', undefined, await world.server.deviceToken('display'));
    const waiting = [...new Set(queue.body.waiting.map((t) => t.serviceId))].sort();
    expect(waiting.length).toBeGreaterThan(activeServices.length - 3);
    const seen = new Set<string>();
    const pages = Number(await page.getAttribute('[data-testid="queues"]', 'data-pages'));
    expect(pages).toBeGreaterThanOrEqual(1);
    // Looked at twice a page, over at least one full turn of every page and at most two: the
    // second turn only while some waiting service has not come up yet.
    for (let i = 0; i < pages * 4 + 1; i++) {
      expect(await cutOff(page)).toEqual([]);
      for (const s of await servicesShown(page)) seen.add(s);
      if (i >= pages * 2 && waiting.every((s) => seen.has(s))) break;
      await page.waitForTimeout((PAGE_SECONDS * 1000) / 2);
    }
    expect([...seen].sort()).toEqual(waiting);
    // Every window is on screen (the window grid pages too when a hall has more than fit).
    const cells = await page.$$eval('.window-cell', (els) => els.filter((e) => getComputedStyle(e).visibility !== 'hidden').length);
    const windowPages = Number(await page.getAttribute('[data-testid="window-grid"]', 'data-pages'));
    if (windowPages === 1) expect(cells).toBe(12);
    await screenshot(page, `display-wall-${name}-busy`);
  });

  test('each service shows its wait as the phone does, the range where one is known, on one line', async () => {
    const waits = await waitsWithRange(page, ZH_RANGE);
    for (const w of waits) expect(w).toMatch(ZH_WAIT);
    for (const [text, lines] of await waitLines(page)) expect([text, lines]).toEqual([text, 1]);
    // A long service name never wraps two characters a line beside a range.
    for (const [name, perLine] of await nameLines(page)) expect([name, perLine >= Math.min(4, [...name].length)]).toEqual([name, true]);
  });

  test('recent calls and window states are readable from ten metres (at least 28 px)', async () => {
    const sizes = await page.evaluate(() => {
      const px = (sel: string) => Array.from(document.querySelectorAll(sel)).map((e) => parseFloat(getComputedStyle(e).fontSize));
      return {
        state: px('.window-cell-state'),
        windowNumber: px('.window-cell-number'),
        recent: px('.recent li'),
        service: px('.service-row'),
        latest: px('[data-testid="latest-number"]'),
      };
    });
    expect(sizes.state.length).toBe(12);
    for (const list of [sizes.state, sizes.windowNumber, sizes.recent, sizes.service]) expect(Math.min(...list)).toBeGreaterThanOrEqual(28);
    expect(Math.min(...sizes.latest)).toBeGreaterThanOrEqual(150);
  });

  test('every text meets WCAG AA contrast (axe-core), closed and paused windows included', async () => {
    expect(await page.$$eval('.window-cell[data-state="stateClosed"]', (e) => e.length)).toBeGreaterThan(0);
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[]; failureSummary?: string }> }> }> } }).axe;
      const res = await axe.run(document, { runOnly: { type: 'rule', values: ['color-contrast'] } });
      return res.violations.flatMap((v) => v.nodes.map((n) => `${v.id} ${n.target.join(' ')}: ${n.failureSummary ?? ''}`));
    });
    expect(violations).toEqual([]);
  });

  test('asked for less motion, the notices stand still and are shown in full, once', async () => {
    const ticker = await page.$eval('[data-testid="notices"]', (aside) => {
      const track = aside.querySelector<HTMLElement>('.ticker-track')!;
      const box = aside.getBoundingClientRect();
      const shown = Array.from(track.children).filter((c) => getComputedStyle(c).display !== 'none');
      const r = shown[0]!.getBoundingClientRect();
      return {
        animation: getComputedStyle(track).animationName,
        copies: shown.length,
        inside: r.left >= box.left - 1 && r.right <= box.right + 1 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1 && box.bottom <= window.innerHeight + 1,
      };
    });
    expect(ticker).toEqual({ animation: 'none', copies: 1, inside: true });
  });

  test('no text on the screen needs an emoji font', async () => {
    const text = (await page.textContent('body')) ?? '';
    expect(text).not.toMatch(/\p{Extended_Pictographic}/u);
  });
});

test.each([
  [1920, 1080],
  [1080, 1920],
])('in English (%ix%i) the waits read "Est. wait 15–25 min", nothing cut off, AA contrast', async (width, height) => {
  const page = await openWall(width, height, 'en');
  const waits = await waitsWithRange(page, EN_RANGE);
  for (const w of waits) expect(w).toMatch(EN_WAIT);
  for (const [text, lines] of await waitLines(page)) expect([text, lines]).toEqual([text, 1]);
  expect(await cutOff(page)).toEqual([]);
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const res = await axe.run(document, { runOnly: { type: 'rule', values: ['color-contrast'] } });
    return res.violations.flatMap((v) => v.nodes.map((n) => `${v.id} ${n.target.join(' ')}`));
  });
  expect(violations).toEqual([]);
  await screenshot(page, `display-wall-en-${width}x${height}`);
  await page.context().close();
});

test('the "now calling" highlight follows the windows, and a fresh load shows no call already answered', async () => {
  const page = await openWall(1920, 1080);
  const open = called.filter((c) => c.w !== windows[windows.length - 1]);
  const newest = open[open.length - 1]!;
  await page.waitForSelector(`[data-testid="latest-number"]:text-is("${newest.t.number}")`);
  // The visitor came to the newest calling window: the highlight goes to the call before it.
  expect((await world.server.api('POST', `/tickets/${newest.t.id}/start`, {}, newest.w.token)).status).toBe(200);
  const previous = open[open.length - 2]!;
  await page.waitForSelector(`[data-testid="latest-number"]:text-is("${previous.t.number}")`);
  // That window pauses: its call is no longer highlighted either.
  expect((await world.server.api('POST', `/windows/${previous.w.windowId}/pause`, {}, previous.w.token)).status).toBe(200);
  await page.waitForFunction((n) => document.querySelector('[data-testid="latest-number"]')?.textContent !== n, previous.t.number);
  // A display loaded now never shows the answered call as current.
  const fresh = await openWall(1080, 1920);
  await fresh.waitForSelector('[data-testid="latest-call"], [data-testid="latest-empty"]');
  const shown = (await (await fresh.$('[data-testid="latest-number"]'))?.textContent()) ?? null;
  expect([newest.t.number, previous.t.number]).not.toContain(shown);
  await page.context().close();
  await fresh.context().close();
});
