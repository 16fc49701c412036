import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestServer } from '../test-support/test-server';

describe('pages', () => {
  test('built apps are served; a missing build answers 503 naming the app; / redirects to /console', async () => {
    const webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'hallq-web-'));
    fs.mkdirSync(path.join(webRoot, 'console', 'dist', 'assets'), { recursive: true });
    fs.writeFileSync(path.join(webRoot, 'console', 'dist', 'index.html'), '<html>console</html>');
    fs.writeFileSync(path.join(webRoot, 'console', 'dist', 'assets', 'app.js'), 'console.log(1)');
    const s = await startTestServer({ env: { WEB_ROOT: webRoot } });
    try {
      const get = (p: string) => fetch(`${s.base}${p}`, { redirect: 'manual' });
      const home = await get('/');
      expect(home.status).toBe(302);
      expect(home.headers.get('location')).toBe('/console');
      expect(await (await get('/console')).text()).toContain('console');
      expect(await (await get('/console/admin/services')).text()).toContain('console');
      expect((await get('/console/assets/app.js')).status).toBe(200);
      const kiosk = await get('/kiosk');
      expect(kiosk.status).toBe(503);
      expect(await kiosk.text()).toMatch(/kiosk app is not built/);
      expect((await get('/display/window/3')).status).toBe(503);
      expect((await get('/health')).status).toBe(200);
    } finally {
      await s.close();
    }
  });
});
