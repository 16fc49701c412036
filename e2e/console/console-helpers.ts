// A small helper for the console browser tests.
import type { Page } from 'playwright-core';

/** Waits until the element's text contains `text`. */
export async function waitText(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).filter({ hasText: text }).first().waitFor({ timeout: 15_000 });
}
