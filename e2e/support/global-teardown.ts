// Jest global teardown of the browser tests: closes the Chromiums support/global-setup.ts started.
import type { BrowserServer } from 'playwright-core';

export default async function teardown(): Promise<void> {
  const servers = ((globalThis as Record<symbol, unknown>)[Symbol.for('hallq.e2e.sharedChromium')] ?? []) as BrowserServer[];
  await Promise.all(servers.map((s) => s.close()));
}
