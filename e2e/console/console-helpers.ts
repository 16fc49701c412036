// Small helpers for the console browser tests.
import type { Browser, Page } from 'playwright-core';
import { newPage } from '../support';

export async function loginPage(browser: Browser, baseUrl: string, username: string, password: string, viewport = { width: 1366, height: 768 }, path = '/console/'): Promise<Page> {
  const page = await newPage(browser, `${baseUrl}${path}`, { viewport });
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
  await page.getByTestId('who').waitFor();
  return page;
}

/** Waits until the element's text contains `text`. */
export async function waitText(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).filter({ hasText: text }).first().waitFor({ timeout: 15_000 });
}
