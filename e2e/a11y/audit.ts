// One accessibility audit of a page as it is now, at each size the product is used at: axe-core
// (no serious or critical violation), a main landmark and a heading, nothing wider than the screen,
// and no Chinese text squeezed into a column of one or two characters a line.
import type { Page } from 'playwright-core';
import { axeViolations, landmarks } from '../support/axe';

export interface Size {
  name: string;
  width: number;
  height: number;
}

/** The kiosk (1080x1920 portrait touch) is also the portrait wall; the wall landscape; a phone. */
export const PORTRAIT: Size = { name: '1080x1920', width: 1080, height: 1920 };
export const LANDSCAPE: Size = { name: '1920x1080', width: 1920, height: 1080 };
export const PHONE: Size = { name: '390x844', width: 390, height: 844 };
/** A small phone: the narrowest screen the visitor's pages are laid out for. */
export const SMALL_PHONE: Size = { name: '360x640', width: 360, height: 640 };
export const ALL_SIZES: Size[] = [PORTRAIT, LANDSCAPE, PHONE];

export interface Squeezed {
  text: string;
  lines: string[];
}

/**
 * Elements whose own text holds six or more Chinese characters and that break it into lines of
 * two characters or fewer (the last line aside): a name in a column far too narrow for it.
 */
export async function squeezedChinese(page: Page): Promise<Squeezed[]> {
  return page.evaluate(() => {
    const out: Array<{ text: string; lines: string[] }> = [];
    const cjk = /[\u4e00-\u9fff]/g;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      if ((text.match(cjk) ?? []).length < 6) continue;
      const parent = node.parentElement;
      if (!parent || parent.closest('[aria-hidden="true"]')) continue;
      const style = getComputedStyle(parent);
      if (style.visibility === 'hidden' || style.display === 'none' || parent.getClientRects().length === 0) continue;
      // Vertical writing (a matrix's column heads) stacks characters on purpose.
      if (style.writingMode.startsWith('vertical')) continue;
      const range = document.createRange();
      const lines: Array<{ top: number; chars: string }> = [];
      for (let i = 0; i < text.length; i++) {
        if (/\s/.test(text[i]!)) continue;
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        if (!rect || rect.width === 0) continue;
        const line = lines.find((l) => Math.abs(l.top - rect.top) < rect.height / 2);
        if (line) line.chars += text[i];
        else lines.push({ top: rect.top, chars: text[i]! });
      }
      const full = lines.slice(0, -1);
      if (full.length > 0 && full.some((l) => [...l.chars].length <= 2)) out.push({ text: text.trim().slice(0, 40), lines: lines.map((l) => l.chars) });
    }
    return out;
  });
}

/**
 * Buttons and links whose label is one word (a Latin word, or up to four Chinese characters) yet
 * breaks over two or more lines: a control squeezed until 中文 reads 中 / 文.
 */
export async function brokenWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('button, a[href], [role=button]'))) {
      const text = (el.textContent ?? '').trim();
      if (!text || /\s/.test(text) || (/[\u4e00-\u9fff]/.test(text) && [...text].length > 4)) continue;
      if (el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      const range = document.createRange();
      range.selectNodeContents(el);
      const tops = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (tops.size > 1) out.push(`"${text}" broken over ${tops.size} lines`);
    }
    return out;
  });
}

/** Buttons, links and fields smaller than `min` px either way: too small to tap on a touch screen. */
export async function smallTargets(page: Page, min = 44): Promise<string[]> {
  return page.evaluate((min) => {
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('button, a[href], input:not([type=hidden]), select, textarea, [role=button]'))) {
      if (el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden' || el.closest('.visually-hidden')) continue;
      const r = el.getBoundingClientRect();
      if (r.width < min || r.height < min) out.push(`${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 24)}" ${Math.round(r.width)}x${Math.round(r.height)} px, under ${min}`);
    }
    return out;
  }, min);
}

/** Content wider than the viewport (a page the user would have to scroll sideways). */
async function overflowsSideways(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const wider = document.documentElement.scrollWidth - window.innerWidth;
    if (wider <= 1) return null;
    // The innermost element reaching furthest right is the one to fix.
    let worst: Element | null = null;
    let right = window.innerWidth;
    for (const el of Array.from(document.body.querySelectorAll('*'))) {
      const r = el.getBoundingClientRect().right;
      if (r >= right) [worst, right] = [el, r];
    }
    const name = worst ? `${worst.tagName.toLowerCase()}${worst.className && typeof worst.className === 'string' ? `.${worst.className.split(' ').join('.')}` : ''}` : '?';
    return `${wider}px wider than the screen (${name})`;
  });
}

/** Lets a resize settle: two animation frames. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
}

/**
 * Audits the page as it is at each size; returns problems as readable lines (empty: accessible).
 * With `every`, axe-core's violations of any impact count, minor ones too. The viewport is left at
 * the last size.
 */
export async function audit(page: Page, name: string, sizes: Size[] = ALL_SIZES, options: { every?: boolean } = {}): Promise<string[]> {
  const problems: string[] = [];
  // The lobby's call flash is off for screens that ask for less motion: the check sees the steady
  // colours (a frame caught mid-flash would make contrast a matter of timing).
  await page.emulateMedia({ reducedMotion: 'reduce' });
  for (const size of sizes) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await settle(page);
    const at = `${name} @${size.name}`;
    for (const v of await axeViolations(page, { every: options.every ?? false })) problems.push(`${at}: axe ${v.impact} ${v.id} (${v.help}) at ${v.targets.join(' | ')}`);
    const marks = await landmarks(page);
    if (marks.main === 0) problems.push(`${at}: no main landmark`);
    if (marks.headings === 0) problems.push(`${at}: no heading`);
    for (const s of await squeezedChinese(page)) problems.push(`${at}: Chinese squeezed "${s.text}" as ${JSON.stringify(s.lines.slice(0, 6))}`);
    const wider = await overflowsSideways(page);
    if (wider) problems.push(`${at}: ${wider}`);
  }
  return problems;
}

/**
 * The open modal dialog (`[role=dialog]` or `[role=alertdialog]`) laid out whole: see `layoutProblems`.
 */
export async function dialogLayoutProblems(page: Page, name: string): Promise<string[]> {
  return layoutProblems(page, '[role=dialog], [role=alertdialog]', name);
}

/**
 * The first element matching `selector` laid out whole: inside the screen, no sideways scrolling
 * in it, no element cutting its own content (a select too narrow for the option it shows, a
 * button, field or box whose text runs past its edge), and no two of its headings, paragraphs,
 * outputs or controls on top of each other. With `fitsScreen`, none of its scrolling boxes needs
 * scrolling either (a kiosk screen shows everything at once). Problems as readable lines.
 */
export async function layoutProblems(page: Page, selector: string, name: string, options: { fitsScreen?: boolean } = {}): Promise<string[]> {
  const found = await page.evaluate(({ selector, fitsScreen }) => {
    const out: string[] = [];
    const root = document.querySelector<HTMLElement>(selector);
    if (!root) return [`nothing matches ${selector}`];
    const box = root.getBoundingClientRect();
    const describe = (el: Element): string => {
      const id = (el as HTMLElement).dataset?.testid;
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 24);
      return `${el.tagName.toLowerCase()}${id ? `[${id}]` : ''}${text ? ` "${text}"` : ''}`;
    };
    if (box.left < -1 || box.top < -1 || box.right > window.innerWidth + 1 || box.bottom > window.innerHeight + 1) {
      out.push(`${selector} ${Math.round(box.width)}x${Math.round(box.height)} at ${Math.round(box.left)},${Math.round(box.top)} runs off the ${window.innerWidth}x${window.innerHeight} screen`);
    }
    if (root.scrollWidth > root.clientWidth + 1) out.push(`${selector} scrolls sideways (${root.scrollWidth - root.clientWidth}px)`);
    const visible = (el: Element): boolean => {
      const s = getComputedStyle(el);
      return s.display !== 'none' && s.visibility !== 'hidden' && el.getClientRects().length > 0 && !el.closest('.visually-hidden');
    };
    const canvas = document.createElement('canvas').getContext('2d')!;
    for (const el of Array.from(root.querySelectorAll<HTMLElement>('*'))) {
      if (!visible(el)) continue;
      const s = getComputedStyle(el);
      if (el instanceof HTMLSelectElement) {
        // A closed select shows its chosen option on one line, cut at its edge: measure the text.
        const text = el.selectedOptions[0]?.text ?? '';
        canvas.font = `${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
        const room = el.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight) - 20;
        if (canvas.measureText(text).width > room) out.push(`${describe(el)} cuts its option "${text.slice(0, 30)}"`);
        continue;
      }
      const r = el.getBoundingClientRect();
      if (r.right > box.right + 1 || r.left < box.left - 1) out.push(`${describe(el)} runs past the side of ${selector}`);
      // Content wider than its box: cut off at the edge, or spilling over what is beside it.
      if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1 && !/(auto|scroll)/.test(s.overflowX)) out.push(`${describe(el)} cuts its content (${el.scrollWidth} > ${el.clientWidth}px)`);
      if (fitsScreen && /(auto|scroll)/.test(s.overflowY) && el.scrollHeight > el.clientHeight + 1) out.push(`${describe(el)} must be scrolled to show all (${el.scrollHeight} > ${el.clientHeight}px)`);
    }
    // What is seen of an element: its box cut by every scrolling or clipping box it is in (a list
    // scrolled inside a dialog hides its far items, which then overlap nothing).
    const seen = (el: HTMLElement): { left: number; top: number; right: number; bottom: number } | null => {
      const r = el.getBoundingClientRect();
      let { left, top, right, bottom } = r;
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        const st = getComputedStyle(up);
        if (st.overflowX === 'visible' && st.overflowY === 'visible') continue;
        const c = up.getBoundingClientRect();
        [left, top, right, bottom] = [Math.max(left, c.left), Math.max(top, c.top), Math.min(right, c.right), Math.min(bottom, c.bottom)];
      }
      return right - left > 1 && bottom - top > 1 ? { left, top, right, bottom } : null;
    };
    const parts = Array.from(root.querySelectorAll<HTMLElement>('h1, h2, h3, p, output, button, select, input, textarea'))
      .filter(visible)
      .map((el) => ({ el, r: seen(el) }))
      .filter((p): p is { el: HTMLElement; r: NonNullable<ReturnType<typeof seen>> } => p.r !== null);
    for (let i = 0; i < parts.length; i++) {
      for (let j = i + 1; j < parts.length; j++) {
        const [a, b] = [parts[i]!, parts[j]!];
        if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
        const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        if (w > 1 && h > 1) out.push(`${describe(a.el)} overlaps ${describe(b.el)}`);
      }
    }
    return out;
  }, { selector, fitsScreen: options.fitsScreen ?? false });
  return found.map((f) => `${name}: ${f}`);
}

/**
 * Tab and Shift+Tab, each round the dialog's stops twice, never leave the open dialog; the
 * first place focus left it, if it did (null: focus stayed inside).
 */
export async function focusEscapesDialog(page: Page): Promise<string | null> {
  const where = (): Promise<{ inside: boolean; label: string }> =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return { inside: !!el?.closest('[role=dialog], [role=alertdialog]'), label: el ? `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 20)}"` : 'nothing' };
    });
  const start = await where();
  if (!start.inside) return `focus starts outside the dialog, on ${start.label}`;
  const stops = await page.locator('[role=dialog], [role=alertdialog]').first().locator('button, [href], input, select, textarea').count();
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let i = 0; i < stops * 2 + 1; i++) {
      await page.keyboard.press(key);
      const at = await where();
      if (!at.inside) return `${key} ×${i + 1} leaves the dialog for ${at.label}`;
    }
  }
  return null;
}
