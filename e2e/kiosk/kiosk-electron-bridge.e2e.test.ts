// The same /kiosk page as it runs inside the Electron app: the preload's bridge is stood in for
// by the kiosk's real main-process printer service (config, @hallq/printing, status reports).
import type { Page } from 'playwright-core';
import { decodeJob, decodeQr } from '@hallq/printing';
import type { TicketPrintData } from '@hallq/printing';
import { parseConfig, publicConfig } from '@hallq/kiosk/config';
import { createPrinterService, defaultPrinterDeps } from '@hallq/kiosk/printer-service';
import { serviceNamed, takeTicket, useKioskWorld } from './kiosk-helpers';

const world = useKioskWorld();

async function electronLikeKiosk(): Promise<{ page: Page; serverPrints: string[] }> {
  const token = await world.server.deviceToken('kiosk');
  const parsed = parseConfig('kiosk.json', JSON.stringify({ serverUrl: world.server.url, deviceToken: token, printer: world.printer.url, paperWidthMm: 58 }));
  if (!parsed.ok) throw new Error(parsed.problem);
  const printer = createPrinterService(parsed.config, defaultPrinterDeps());
  const context = await world.browser.newContext({ viewport: { width: 1080, height: 1920 } });
  await context.exposeFunction('__kioskPrint', (data: TicketPrintData) => printer.print(data));
  await context.exposeFunction('__kioskConfig', () => publicConfig(parsed.config));
  await context.addInitScript(() => {
    const w = window as unknown as Record<string, (...a: unknown[]) => Promise<unknown>> & { hallqKiosk?: unknown };
    w.hallqKiosk = {
      print: (data: unknown) => w.__kioskPrint!(data),
      printerStatus: async () => ({ state: 'ready', reason: 'stand-in' }),
      getConfig: () => w.__kioskConfig!(),
    };
  });
  const page = await context.newPage();
  const serverPrints: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/print')) serverPrints.push(r.url());
  });
  await page.goto(`${world.server.url}/kiosk?pair=${token}`);
  await page.locator('.tile').first().waitFor();
  return { page, serverPrints };
}

test('inside Electron the ticket is printed by the main process on the kiosk printer, not by the server', async () => {
  const service = serviceNamed(world.hall, '企业设立登记');
  const { page, serverPrints } = await electronLikeKiosk();
  try {
    const number = await takeTicket(page, service);
    await page.getByText('请取走号票，留意叫号').waitFor();
    const job = decodeJob(await world.printer.waitForJob());
    expect(job.text).toContain(number);
    expect(job.text).toContain('企业设立登记');
    const qr = job.rasterImages.map(decodeQr).find((s) => s !== null);
    expect(qr).toMatch(new RegExp(`^${world.server.url}/t/[A-Za-z0-9_-]{22,}$`));
    expect(serverPrints).toEqual([]);
  } finally {
    await page.context().close();
  }
});

test('inside Electron a cover-open printer still gives the ticket on screen and the main process alerts the server', async () => {
  const service = serviceNamed(world.hall, '企业设立登记');
  world.printer.setState('cover_open');
  const { page } = await electronLikeKiosk();
  try {
    await takeTicket(page, service);
    await page.getByText('打印机盖未关好，请用手机扫码保存号码').waitFor();
    const devices = await world.server.api<{ devices: Array<{ kind: string; printerState: string | null }> }>('GET', '/halls/demo/devices', undefined, world.admin);
    expect(devices.body.devices.find((d) => d.kind === 'kiosk')?.printerState).toBe('cover_open');
  } finally {
    world.printer.setState('ready');
    await page.context().close();
  }
});
