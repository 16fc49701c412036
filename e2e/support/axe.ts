// axe-core injected into a page through playwright-core: the accessibility rules every page must
// pass (no serious or critical violation; with `every`, none at all, minor and moderate included),
// plus the landmarks and headings the product asks for.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Serious and critical violations of WCAG 2.1 A/AA and best practices on the page as it is now;
 * with `{ every: true }`, violations of any impact under axe-core's default rules (what an auditor
 * running axe-core as it comes sees).
 */
export async function axeViolations(page: Page, options: { every?: boolean } = {}): Promise<AxeFinding[]> {
  // Evaluated through the DevTools protocol, so the page's Content-Security-Policy does not block it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  // Only the violations come back, already cut down to what is reported: axe-core's full result
  // (every passing node with its HTML) is megabytes on a big page and slow to carry out of it.
  return page.evaluate(async (every) => {
    type Result = { violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }> };
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<Result> } }).axe;
    // `every` runs axe-core's whole default rule set, as an auditor running it as it comes would.
    const rules = every ? {} : { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } };
    const result = await axe.run(document, { ...rules, resultTypes: ['violations'] });
    return result.violations
      .filter((v) => every || v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  }, options.every ?? false);
}

/** A main landmark and at least one heading: a screen reader user can find the page's content. */
export async function landmarks(page: Page): Promise<{ main: number; headings: number }> {
  return page.evaluate(() => ({
    main: document.querySelectorAll('main, [role="main"]').length,
    headings: document.querySelectorAll('h1, h2, h3, [role="heading"]').length,
  }));
}
