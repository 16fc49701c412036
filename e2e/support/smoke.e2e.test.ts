import { launchBrowser } from './browser';

// The browser used by every end-to-end test starts and renders Chinese text.
test('Debian Chromium starts headless and renders a page with CJK text', async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.setContent('<html><body><h1 id="t">请A001号到5号窗口办理</h1></body></html>');
    expect(await page.textContent('#t')).toBe('请A001号到5号窗口办理');
    const box = await page.locator('#t').boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(100);
  } finally {
    await browser.close();
  }
});
