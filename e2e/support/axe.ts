// axe-core injected into a page through playwright-core: the accessibility rules every page must
// pass (no serious or critical violation), plus the landmarks and headings the product asks for.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Serious and critical violations of WCAG 2.1 A/AA and best practices on the page as it is now. */
export async function axeViolations(page: Page): Promise<AxeFinding[]> {
  // Evaluated through the DevTools protocol, so the page's Content-Security-Policy does not block it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  // Only the violations come back, already cut down to what is reported: axe-core's full result
  // (every passing node with its HTML) is megabytes on a big page and slow to carry out of it.
  return page.evaluate(async () => {
    type Result = { violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }> };
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<Result> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
}

/** A main landmark and at least one heading: a screen reader user can find the page's content. */
export async function landmarks(page: Page): Promise<{ main: number; headings: number }> {
  return page.evaluate(() => ({
    main: document.querySelectorAll('main, [role="main"]').length,
    headings: document.querySelectorAll('h1, h2, h3, [role="heading"]').length,
  }));
}
