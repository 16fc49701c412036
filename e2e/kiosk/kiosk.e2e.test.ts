// The kiosk in a real browser against a real hall server: take a ticket, print it on a TCP
// printer, survive printer faults and server outages, reset when left alone.
import type { Page } from 'playwright-core';
import { decodeJob, decodeQr } from '@hallq/printing';
import type { Ticket } from '@hallq/shared';
import { newPage } from '../support';
import { openService, publicIdOf, readScreenQr, serviceNamed, shoot, takeTicket, useKioskWorld } from './kiosk-helpers';

type IssuedTicket = Ticket & { publicId: string; statusUrl: string };

const pages: Page[] = [];

const world = useKioskWorld();

afterEach(async () => {
  for (const p of pages.splice(0)) await p.context().close();
});

async function kiosk(query = '', viewport = { width: 1080, height: 1920 }): Promise<Page> {
  const page = await newPage(world.browser, `${world.server.url}/kiosk${query}`, { viewport });
  pages.push(page);
  await page.locator('.tile').first().waitFor();
  return page;
}

function ticketResponse(page: Page): Promise<IssuedTicket> {
  return page
    .waitForResponse((r) => r.request().method() === 'POST' && /\/api\/v1\/halls\/[^/]+\/tickets$/.test(r.url()) && r.status() === 201)
    .then(async (r) => ((await r.json()) as { ticket: IssuedTicket }).ticket);
}

async function waitingCount(): Promise<number> {
  const res = await world.server.api<{ waiting: unknown[] }>('GET', '/halls/demo/queue', undefined, world.admin);
  return res.body.waiting.length;
}

test('a ticket taken on /kiosk prints on the TCP printer: GB18030 text has number and service, QR is the status URL', async () => {
  const service = serviceNamed(world.hall, '企业设立登记');
  const page = await kiosk();
  const issued = ticketResponse(page);
  const number = await takeTicket(page, service);
  const ticket = await issued;
  expect(number).toBe(ticket.number);
  await expect(page.getByTestId('ticket-service').textContent()).resolves.toBe('企业设立登记');
  await page.getByText('请取走号票，留意叫号').waitFor();

  const job = decodeJob(await world.printer.waitForJob());
  expect(job.text).toContain(ticket.number);
  expect(job.text).toContain('企业设立登记');
  expect(job.cut).toBe(true);
  const qr = job.rasterImages.map(decodeQr).find((s) => s !== null);
  expect(ticket.statusUrl).toBe(`${world.server.url}/t/${publicIdOf(ticket.statusUrl)}`);
  expect(qr).toBe(ticket.statusUrl);
  // The code on the screen leads to the same page.
  await expect(readScreenQr(page)).resolves.toBe(ticket.statusUrl);
});

test('printer out of paper: the ticket is still issued and shown with its QR, nothing printed, supervisor alerted', async () => {
  const service = serviceNamed(world.hall, '企业变更登记');
  world.printer.setState('paper_out');
  const jobsBefore = world.printer.jobs.length;
  try {
    const page = await kiosk();
    const issued = ticketResponse(page);
    await takeTicket(page, service);
    const ticket = await issued;
    await page.getByTestId('printer-fault').waitFor();
    await expect(page.getByTestId('printer-fault').textContent()).resolves.toContain('打印机缺纸，请用手机扫码保存号码');
    await expect(readScreenQr(page)).resolves.toBe(ticket.statusUrl);
    expect(world.printer.jobs.length).toBe(jobsBefore);
    const devices = await world.server.api<{ devices: Array<{ kind: string; printerState: string | null }> }>('GET', '/halls/demo/devices', undefined, world.admin);
    expect(devices.body.devices.find((d) => d.kind === 'kiosk')?.printerState).toBe('paper_out');
    await shoot(page, 'kiosk-printer-fault-zh-1080x1920');
  } finally {
    world.printer.setState('ready');
  }
});

test('a network blip during "take ticket" is retried with the same Idempotency-Key and makes one ticket', async () => {
  const service = serviceNamed(world.hall, '企业设立登记');
  const page = await kiosk();
  const keys: string[] = [];
  let dropped = 0;
  await page.route('**/api/v1/halls/*/tickets', async (route) => {
    keys.push(route.request().headers()['idempotency-key'] ?? '');
    if (dropped < 2) {
      dropped++;
      await route.fetch(); // the server issues the ticket ...
      await route.abort('connectionreset'); // ... but the answer is lost on the way
      return;
    }
    await route.continue();
  });
  const before = await waitingCount();
  const issued = ticketResponse(page);
  await takeTicket(page, service);
  const ticket = await issued;
  expect(keys.length).toBe(3);
  expect(new Set(keys).size).toBe(1);
  expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
  expect(await waitingCount()).toBe(before + 1);
  await expect(page.getByTestId('ticket-number').textContent()).resolves.toBe(ticket.number);
});

test('server unreachable: "暂停取号，请咨询工作人员", tiles disabled, no ticket; back to normal when it returns', async () => {
  const service = serviceNamed(world.hall, '企业设立登记');
  const page = await kiosk();
  await openService(page, service);
  const before = await waitingCount();
  await world.server.stop();
  try {
    await page.getByTestId('offline-banner').waitFor();
    await expect(page.getByTestId('offline-banner').textContent()).resolves.toContain('暂停取号，请咨询工作人员');
    await expect(page.getByTestId('take-ticket').isDisabled()).resolves.toBe(true);
    await page.getByTestId('back').click();
    await expect(page.getByTestId(`service-${service.id}`).isDisabled()).resolves.toBe(true);
    await shoot(page, 'kiosk-offline-zh-1080x1920');
  } finally {
    await world.server.restart();
  }
  await page.getByTestId('offline-banner').waitFor({ state: 'detached', timeout: 30_000 });
  await expect(page.getByTestId(`service-${service.id}`).isEnabled()).resolves.toBe(true);
  expect(await waitingCount()).toBe(before);
});

test('left alone, the kiosk returns to the start screen in Chinese (?idle=2)', async () => {
  const service = serviceNamed(world.hall, '企业设立登记');
  const page = await kiosk('?idle=2');
  await page.getByTestId('switch-lang').click();
  await openService(page, service);
  await expect(page.locator('.kiosk').getAttribute('data-lang')).resolves.toBe('en');
  await page.waitForSelector('.kiosk[data-screen="modules"][data-lang="zh"]', { timeout: 15_000 });
  await page.getByText('请选择要办理的业务').waitFor();
});

/**
 * Ten minutes from now, but never past the hall's local midnight: an appointment is checked in on
 * its own day only, so one booked across midnight would be refused (rightly) at the kiosk.
 */
function laterToday(timeZone: string, now = Date.now()): string {
  const day = (ms: number): string => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
  let at = now + 10 * 60_000;
  if (day(at) !== day(now)) {
    // The last second of the hall's day: between now and ten minutes on.
    let lo = now;
    while (at - lo > 1000) {
      const mid = Math.floor((lo + at) / 2);
      if (day(mid) === day(now)) lo = mid;
      else at = mid;
    }
    at = lo;
  }
  return new Date(at).toISOString();
}

test('appointment check-in: type the booked code on the keypad (the code says the service), get a ticket once', async () => {
  const service = serviceNamed(world.hall, '企业设立登记');
  const at = laterToday(world.hall.timezone);
  const booked = await world.server.api<{ appointment: { code: string; at: string } }>('POST', '/halls/demo/appointments', { serviceId: service.id, at }, world.admin);
  expect(booked.status).toBe(201);
  const code = booked.body.appointment.code;

  const checkIn = async (digits: string) => {
    const page = await kiosk();
    await page.getByTestId('checkin').click();
    await page.getByText('请输入预约码，或扫描预约二维码').waitFor();
    for (const d of digits) await page.getByTestId(`key-${d}`).click();
    await expect(page.getByTestId('code-display').textContent()).resolves.toBe(digits);
    await page.getByTestId('checkin-submit').click();
    return page;
  };

  const page = await checkIn(code);
  await page.getByTestId('ticket-screen').waitFor();
  const queue = await world.server.api<{ waiting: Array<{ appointmentCode: string | null; appointmentAt: string | null }> }>('GET', '/halls/demo/queue', undefined, world.admin);
  expect(queue.body.waiting.filter((t) => t.appointmentCode === code).map((t) => t.appointmentAt)).toEqual([booked.body.appointment.at]);

  // The same code again, and a code nobody booked: a clear message and no ticket.
  const again = await checkIn(code);
  await again.getByTestId('notice-appointment_invalid').getByText('此预约已签到').waitFor();
  const unknown = await checkIn('999999');
  await unknown.getByTestId('notice-appointment_invalid').getByText('预约码无效').waitFor();
  const after = await world.server.api<{ waiting: Array<{ appointmentCode: string | null }> }>('GET', '/halls/demo/queue', undefined, world.admin);
  expect(after.body.waiting.filter((t) => t.appointmentCode !== null)).toHaveLength(1);
});
