// Helpers for the kiosk end-to-end tests: a hall server whose default printer is a FakePrinter
// on loopback, and small steps a visitor takes on the /kiosk page.
import { statSync } from 'node:fs';
import jsQR from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import { FakePrinter } from '@hallq/printing';
import type { HallConfig, Service } from '@hallq/shared';
import { launchBrowser, screenshot, startServer } from '../support';
import type { TestServer } from '../support';

export interface KioskWorld {
  server: TestServer;
  printer: FakePrinter;
  hall: HallConfig;
  admin: string;
  close(): Promise<void>;
}

export async function startKioskWorld(): Promise<KioskWorld> {
  const printer = await FakePrinter.start();
  const server = await startServer({ env: { HALL_PRINTER: printer.url } });
  const admin = await server.login('admin');
  const res = await server.api<HallConfig>('GET', '/halls/demo', undefined, admin);
  if (res.status !== 200) throw new Error(`hall config: ${res.status}`);
  return {
    server,
    printer,
    hall: res.body,
    admin,
    async close() {
      await server.stop().catch(() => undefined);
      await printer.close();
    },
  };
}

/** A kiosk world and a browser for the whole test file: started before its tests (a file's own
 * `beforeAll` registered after this call runs once both are up) and stopped after them. */
export function useKioskWorld(): Omit<KioskWorld, 'close'> & { readonly browser: Browser } {
  let world: KioskWorld | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    world = await startKioskWorld();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });
  const started = <T>(thing: T | undefined): T => {
    if (thing === undefined) throw new Error('the kiosk world is started in beforeAll: use it inside a hook or a test');
    return thing;
  };
  return {
    get server() {
      return started(world).server;
    },
    get printer() {
      return started(world).printer;
    },
    get hall() {
      return started(world).hall;
    },
    get admin() {
      return started(world).admin;
    },
    get browser() {
      return started(browser);
    },
  };
}

export function serviceNamed(hall: HallConfig, zh: string): Service {
  const service = hall.services.find((s) => s.name.zh === zh);
  if (!service) throw new Error(`demo hall has no service ${zh}`);
  return service;
}

/** Start screen -> module -> service page with the document checklist. */
export async function openService(page: Page, service: Service): Promise<void> {
  await page.getByTestId(`module-${service.moduleId}`).click();
  await page.getByTestId(`service-${service.id}`).click();
  await page.getByTestId('checklist').waitFor();
}

export async function takeTicket(page: Page, service: Service): Promise<string> {
  await openService(page, service);
  await page.getByTestId('take-ticket').click();
  await page.getByTestId('ticket-screen').waitFor();
  return (await page.getByTestId('ticket-number').textContent())?.trim() ?? '';
}

/** Reads the QR code drawn on the page's canvas, the way a phone camera would. */
export async function readScreenQr(page: Page): Promise<string | null> {
  const pixels = await page.evaluate(async () => {
    // The canvas is drawn asynchronously after the ticket screen appears: wait for dark pixels.
    for (;;) {
      const c = document.querySelector<HTMLCanvasElement>('canvas.qr-code');
      const d = c?.getContext('2d')?.getImageData(0, 0, c.width, c.height);
      if (d && d.data.some((v, i) => i % 4 === 0 && v < 128)) {
        let binary = '';
        for (let i = 0; i < d.data.length; i += 4) binary += String.fromCharCode(d.data[i]!);
        return { width: d.width, height: d.height, gray: btoa(binary) };
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  });
  const gray = Buffer.from(pixels.gray, 'base64');
  const rgba = new Uint8ClampedArray(gray.length * 4);
  for (let i = 0; i < gray.length; i++) {
    rgba[i * 4] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = gray[i]!;
    rgba[i * 4 + 3] = 255;
  }
  const r = jsQR(rgba, pixels.width, pixels.height)?.data ?? null;
  return r;
}

/** Saves a screenshot under test-artifacts/ and checks it is a real picture, not a blank file. */
export async function shoot(page: Page, name: string): Promise<string> {
  const file = await screenshot(page, name);
  expect(statSync(file).size).toBeGreaterThan(20_000);
  return file;
}

export function publicIdOf(statusUrl: string): string {
  return new URL(statusUrl).pathname.split('/').pop() ?? '';
}
