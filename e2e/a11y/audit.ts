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
 * The viewport is left at the last size.
 */
export async function audit(page: Page, name: string, sizes: Size[] = ALL_SIZES): Promise<string[]> {
  const problems: string[] = [];
  // The lobby's call flash is off for screens that ask for less motion: the check sees the steady
  // colours (a frame caught mid-flash would make contrast a matter of timing).
  await page.emulateMedia({ reducedMotion: 'reduce' });
  for (const size of sizes) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await settle(page);
    const at = `${name} @${size.name}`;
    for (const v of await axeViolations(page)) problems.push(`${at}: axe ${v.impact} ${v.id} (${v.help}) at ${v.targets.join(' | ')}`);
    const marks = await landmarks(page);
    if (marks.main === 0) problems.push(`${at}: no main landmark`);
    if (marks.headings === 0) problems.push(`${at}: no heading`);
    for (const s of await squeezedChinese(page)) problems.push(`${at}: Chinese squeezed "${s.text}" as ${JSON.stringify(s.lines.slice(0, 6))}`);
    const wider = await overflowsSideways(page);
    if (wider) problems.push(`${at}: ${wider}`);
  }
  return problems;
}
