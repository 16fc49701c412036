// A browser that blocks autoplay (headless Chromium never does, so the page's AudioContext is
// given that policy: it stays suspended until resumed during a user gesture): the wall screen asks for one click (with a drawn loudspeaker,
// not an emoji), remembers it, and after a reload takes any key or touch on the screen as the
// gesture, not only the button.
import { useHallAndBrowser } from '../support';
import { waitOnline } from './hall-helpers';

jest.setTimeout(120_000);

const world = useHallAndBrowser();

test('one click enables sound; after a reload any key on the screen enables it again', async () => {
  const context = await world.browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'zh-CN' });
  await context.addInitScript(() => {
    const Real = window.AudioContext;
    window.AudioContext = class extends Real {
      private unlocked = false;
      override get state(): AudioContextState {
        return this.unlocked ? super.state : 'suspended';
      }
      override resume(): Promise<void> {
        if (!navigator.userActivation.isActive) return Promise.resolve();
        this.unlocked = true;
        return super.resume().then(() => void this.dispatchEvent(new Event('statechange')));
      }
    };
  });
  const page = await context.newPage();
  await page.goto(`${world.server.url}/display`);
  await waitOnline(page);
  const gate = page.getByTestId('enable-sound');
  await gate.waitFor();
  expect(await gate.locator('svg[data-icon="sound"]').count()).toBe(1);
  expect(await gate.textContent()).not.toMatch(/\p{Extended_Pictographic}/u);
  await gate.click();
  await gate.waitFor({ state: 'detached' });
  expect(await page.evaluate(() => localStorage.getItem('hallq:sound-enabled'))).toBe('1');

  await page.reload();
  await waitOnline(page);
  // This browser still wants a gesture after the reload: the button shows again, but a key
  // pressed anywhere (not on the button) enables the sound.
  await page.getByTestId('enable-sound').waitFor();
  await page.locator('.hall-header').focus().catch(() => undefined);
  await page.keyboard.press('Shift');
  await page.getByTestId('enable-sound').waitFor({ state: 'detached', timeout: 5000 });
  expect(await page.evaluate(() => window.__hallqAnnouncer?.voice)).not.toBeNull();
  await context.close();
});
