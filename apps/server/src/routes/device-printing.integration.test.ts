// Kiosk printers the way halls have them: cheap ones that never answer DLE EOT, paper running out,
// kiosks with no printer at all; and whether each device is there (presence).
import net from 'node:net';
import { io as connect, type Socket } from 'socket.io-client';
import { FakePrinter, decodeJob, renderTicket } from '@hallq/printing';
import { ticketSlip } from '@hallq/shared';
import { startTestServer, type TestServer } from '../test-support/test-server';
import { printQueue } from '../services/print-service';

/**
 * A network printer that takes one connection at a time and reports itself ready `reportMs` after
 * each status query (before a job and after it); `jobs` gets the byte count of each job it
 * received, `closed()` counts the connections it has seen closed.
 */
async function onePrinterConnection(reportMs: number): Promise<{ server: net.Server; jobs: number[]; closed: () => number }> {
  const jobs: number[] = [];
  let closed = 0;
  const server = net.createServer((socket) => {
    let bytes = 0;
    socket.on('error', () => undefined);
    socket.on('close', () => closed++);
    socket.on('data', (chunk: Buffer) => {
      // A status query (DLE EOT n) comes alone, or right behind the job's last bytes.
      const asked = chunk.length >= 3 && chunk[chunk.length - 3] === 0x10 && chunk[chunk.length - 2] === 0x04;
      if (asked) setTimeout(() => socket.writable && socket.write(Buffer.from([0x12])), reportMs);
      bytes += chunk.length - (asked ? 3 : 0);
    });
    socket.on('end', () => {
      if (bytes > 0) jobs.push(bytes);
      socket.end();
    });
  });
  server.maxConnections = 1;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, jobs, closed: () => closed };
}

describe('device printers and presence', () => {
  let s: TestServer;
  let admin: string;
  let printer: FakePrinter;
  beforeEach(async () => {
    s = await startTestServer();
    admin = await s.login('admin');
    printer = await FakePrinter.start();
  });
  afterEach(async () => {
    await printer.close();
    await s.close();
  });

  const kioskWith = async (body: Record<string, unknown>): Promise<{ token: string; id: string }> => {
    const r = await s.api('POST', '/halls/demo/devices', { token: admin, body: { kind: 'kiosk', name: 'K', ...body } });
    expect(r.status).toBe(201);
    return { token: r.body.token, id: r.body.device.id };
  };
  const issue = async (token: string) => (await s.api('POST', '/halls/demo/tickets', { token, body: { serviceId: 'svc-food' } })).body.ticket;
  const deviceOf = async (id: string) =>
    (await s.api('GET', '/halls/demo/devices', { token: admin })).body.devices.find((d: { id: string }) => d.id === id);

  test('kiosks sharing a printer that takes one connection at a time each get their ticket printed, once', async () => {
    const { server: single, jobs } = await onePrinterConnection(20);
    try {
      const url = `tcp://127.0.0.1:${(single.address() as net.AddressInfo).port}`;
      const kiosks = [await kioskWith({ printer: url }), await kioskWith({ printer: url }), await kioskWith({ printer: url })];
      const tickets = await Promise.all(kiosks.map((k) => issue(k.token)));
      const answers = await Promise.all(kiosks.map((k, i) => s.api('POST', `/tickets/${tickets[i].id}/print`, { token: k.token })));
      expect(answers.map((r) => [r.status, r.body])).toEqual(kiosks.map(() => [200, { printed: true }]));
      for (let i = 0; i < 200 && jobs.length < 3; i++) await new Promise((r) => setTimeout(r, 10));
      expect(jobs).toHaveLength(3);
    } finally {
      await new Promise((resolve) => single.close(resolve));
    }
  });

  test('a job that cannot start on its busy printer in time is refused, not printed after the kiosk gave up', async () => {
    // Slow to report its status: each job holds the printer for 6 x 400 ms.
    const { server: slow, jobs } = await onePrinterConnection(400);
    const before = printQueue.maxWaitMs;
    printQueue.maxWaitMs = 100;
    try {
      const url = `tcp://127.0.0.1:${(slow.address() as net.AddressInfo).port}`;
      const kiosks = [await kioskWith({ printer: url }), await kioskWith({ printer: url })];
      const tickets = await Promise.all(kiosks.map((k) => issue(k.token)));
      const answers = await Promise.all(kiosks.map((k, i) => s.api('POST', `/tickets/${tickets[i].id}/print`, { token: k.token })));
      // Whichever came second waited for the first's job.
      const refused = answers.findIndex((r) => r.status === 503);
      expect(answers.map((r) => r.status).sort()).toEqual([200, 503]);
      expect(answers[1 - refused]!.body).toEqual({ printed: true });
      expect(answers[refused]!.body.error).toMatchObject({ code: 'printer_unavailable', details: { state: 'error' } });
      // Busy is no fault of the printer: the kiosk is not marked as having one.
      expect((await deviceOf(kiosks[refused]!.id)).printerState).not.toBe('error');
      for (let i = 0; i < 400 && jobs.length < 1; i++) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, 600));
      expect(jobs).toHaveLength(1);
      // Once the printer is free, the refused ticket prints.
      printQueue.maxWaitMs = before;
      expect((await s.api('POST', `/tickets/${tickets[refused].id}/print`, { token: kiosks[refused]!.token })).status).toBe(200);
    } finally {
      printQueue.maxWaitMs = before;
      await new Promise((resolve) => slow.close(resolve));
    }
  });

  test('a printer that holds a job past its deadline: 503 offline in time, nothing printed, the ticket unchanged, and the printer free for the next job', async () => {
    // Takes 3 x 400 ms over its status read; the job may take 300 ms in all.
    const { server: slow, jobs, closed } = await onePrinterConnection(400);
    const before = printQueue.answerWithinMs;
    printQueue.answerWithinMs = 300;
    try {
      const url = `tcp://127.0.0.1:${(slow.address() as net.AddressInfo).port}`;
      const k = await kioskWith({ printer: url });
      const t = await issue(k.token);
      const shown = async () => (await s.api('GET', `/public/tickets/${t.publicId}`)).body;
      const issued = await shown();
      const r = await s.api('POST', `/tickets/${t.id}/print`, { token: k.token });
      expect(r.status).toBe(503);
      expect(r.body.error).toMatchObject({
        code: 'printer_unavailable',
        details: { state: 'offline', reason: expect.stringMatching(/^the printer did not answer its status request within \d+ ms; nothing was printed$/) },
      });
      expect(await deviceOf(k.id)).toMatchObject({ printerState: 'offline' });
      // The visitor keeps the ticket: same number, still waiting.
      expect(await shown()).toEqual(issued);
      expect(jobs).toEqual([]);
      // The cut connection frees the printer (it takes one connection at a time): the retry prints.
      for (let i = 0; i < 200 && closed() < 1; i++) await new Promise((r) => setTimeout(r, 10));
      printQueue.answerWithinMs = before;
      expect((await s.api('POST', `/tickets/${t.id}/print`, { token: k.token })).body).toEqual({ printed: true });
      for (let i = 0; i < 200 && jobs.length < 1; i++) await new Promise((r) => setTimeout(r, 10));
      expect(jobs).toHaveLength(1);
    } finally {
      printQueue.answerWithinMs = before;
      await new Promise((resolve) => slow.close(resolve));
    }
  });

  test('printerStatusCheck "none": a printer that never answers DLE EOT prints, once, without a status read', async () => {
    printer.setState('silent');
    const k = await kioskWith({ printer: printer.url, printerStatusCheck: 'none' });
    expect((await deviceOf(k.id)).printerStatusCheck).toBe('none');
    const t = await issue(k.token);
    const r = await s.api('POST', `/tickets/${t.id}/print`, { token: k.token });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ printed: true });
    await printer.waitForJob();
    expect(printer.jobs).toHaveLength(1);
    expect(printer.statusRequests).toEqual([]);
  });

  test('the default check still reads the status: the same silent printer is offline and gets nothing', async () => {
    printer.setState('silent');
    const k = await kioskWith({ printer: printer.url });
    expect((await deviceOf(k.id)).printerStatusCheck).toBe('dle-eot');
    const t = await issue(k.token);
    const r = await s.api('POST', `/tickets/${t.id}/print`, { token: k.token });
    expect(r.status).toBe(503);
    expect(r.body.error.details.state).toBe('offline');
    expect(printer.jobs).toHaveLength(0);
  });

  test('a PATCH switches the status check; a bad value is refused', async () => {
    const k = await kioskWith({ printer: printer.url });
    const p = await s.api('PATCH', `/halls/demo/devices/${k.id}`, { token: admin, body: { printerStatusCheck: 'none' } });
    expect(p.body.device.printerStatusCheck).toBe('none');
    const bad = await s.api('PATCH', `/halls/demo/devices/${k.id}`, { token: admin, body: { printerStatusCheck: 'sometimes' } });
    expect(bad.status).toBe(400);
  });

  test('a printer URL the server could never open is refused with 400 on `printer` and changes nothing; the documented forms are taken', async () => {
    const before = (await s.api('GET', '/halls/demo/devices', { token: admin })).body.devices.length;
    const events = (): number => (s.server.db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
    const eventsBefore = events();
    for (const printer of ['usb://04b8', 'usb://4b8:202', 'file://dev/usb/lp0', 'serial:///dev/ttyS0?baud=fast', 'serial:///', 'tcp://host:99999', 'tcp://10.0.0.5:9100/path']) {
      const r = await s.api('POST', '/halls/demo/devices', { token: admin, body: { kind: 'kiosk', name: 'K', printer } });
      expect([printer, r.status, r.body.error.code, r.body.error.details[0].path]).toEqual([printer, 400, 'validation_failed', ['printer']]);
    }
    expect((await s.api('GET', '/halls/demo/devices', { token: admin })).body.devices).toHaveLength(before);
    const k = await kioskWith({ printer: 'tcp://10.0.0.5:9100' });
    const bad = await s.api('PATCH', `/halls/demo/devices/${k.id}`, { token: admin, body: { printer: 'usb://04b8' } });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'validation_failed']);
    expect((await deviceOf(k.id)).printer).toBe('tcp://10.0.0.5:9100');
    expect(events()).toBe(eventsBefore + 1); // only the one device created
    // The forms the contract names are all taken.
    for (const printer of ['usb://04b8:0202', 'serial:///dev/ttyS0?baud=19200', 'file:///dev/usb/lp0', 'serial://COM3']) {
      const p = await s.api('PATCH', `/halls/demo/devices/${k.id}`, { token: admin, body: { printer } });
      expect([printer, p.status, p.body.device?.printer]).toEqual([printer, 200, printer]);
    }
  });

  test('paper near end prints, answers the warning, and the device carries it for the board until it clears', async () => {
    printer.setState('paper_near_end');
    const k = await kioskWith({ printer: printer.url });
    const t = await issue(k.token);
    const r = await s.api('POST', `/tickets/${t.id}/print`, { token: k.token });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ printed: true, warning: 'paper_near_end' });
    await printer.waitForJob();
    expect(printer.jobs).toHaveLength(1);
    expect(await deviceOf(k.id)).toMatchObject({ printerState: 'ready', printerWarning: 'paper_near_end' });
    const ev = s.server.db.prepare("SELECT payload FROM events WHERE type = 'device.changed'").all() as Array<{ payload: string }>;
    expect(JSON.parse(ev.at(-1)!.payload)).toMatchObject({ deviceId: k.id, printerState: 'ready', printerWarning: 'paper_near_end' });
    printer.setState('ready');
    expect((await s.api('POST', `/tickets/${t.id}/print`, { token: k.token })).body).toEqual({ printed: true });
    expect(await deviceOf(k.id)).toMatchObject({ printerState: 'ready', printerWarning: null });
  });

  test('paper out while the ticket prints: 503 paper_out saying it may be missing, the device faulty, the retry prints once paper is back', async () => {
    printer.setStateAfterJob('paper_out');
    const k = await kioskWith({ printer: printer.url });
    const t = await issue(k.token);
    const r = await s.api('POST', `/tickets/${t.id}/print`, { token: k.token });
    expect(r.status).toBe(503);
    expect(r.body.error).toMatchObject({
      code: 'printer_unavailable',
      details: { state: 'paper_out', reason: 'the ticket was sent, then the printer reported: paper roll end detected; the ticket may be missing or partly printed' },
    });
    expect(await deviceOf(k.id)).toMatchObject({ printerState: 'paper_out' });
    expect((await s.api('POST', `/tickets/${t.id}/print`, { token: k.token })).status).toBe(503);
    printer.setState('ready');
    expect((await s.api('POST', `/tickets/${t.id}/print`, { token: k.token })).body).toEqual({ printed: true });
    expect(await deviceOf(k.id)).toMatchObject({ printerState: 'ready', printerWarning: null });
    await printer.close();
    expect(printer.jobs).toHaveLength(2);
  });

  test('a printer that takes the job and then does not answer: printed, print_unconfirmed on the device until a ticket is confirmed', async () => {
    printer.setStateAfterJob('silent');
    const k = await kioskWith({ printer: printer.url });
    const t = await issue(k.token);
    const r = await s.api('POST', `/tickets/${t.id}/print`, { token: k.token });
    expect([r.status, r.body]).toEqual([200, { printed: true, warning: 'print_unconfirmed' }]);
    expect(await deviceOf(k.id)).toMatchObject({ printerState: 'ready', printerWarning: 'print_unconfirmed' });
    printer.setState('ready');
    expect((await s.api('POST', `/tickets/${t.id}/print`, { token: k.token })).body).toEqual({ printed: true });
    expect(await deviceOf(k.id)).toMatchObject({ printerState: 'ready', printerWarning: null });
  });

  test('no printer configured is its own warning, not "printer offline"', async () => {
    const k = await kioskWith({});
    const t = await issue(k.token);
    const r = await s.api('POST', `/tickets/${t.id}/print`, { token: k.token });
    expect(r.status).toBe(503);
    expect(r.body.error.details).toMatchObject({ state: 'offline', cause: 'no_printer_configured' });
    expect(await deviceOf(k.id)).toMatchObject({ printerState: null, printerWarning: 'no_printer_configured' });
  });

  test('the hall default printer honours HALL_PRINTER_STATUS_CHECK=none', async () => {
    printer.setState('silent');
    const hall = await startTestServer({ env: { HALL_PRINTER: printer.url, HALL_PRINTER_STATUS_CHECK: 'none' } });
    try {
      const kiosk = hall.deviceToken('kiosk');
      const t = (await hall.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-food' } })).body.ticket;
      const r = await hall.api('POST', `/tickets/${t.id}/print`, { token: kiosk });
      expect(r.body).toEqual({ printed: true });
      await printer.waitForJob();
      expect(printer.statusRequests).toEqual([]);
    } finally {
      await hall.close();
    }
  });

  test('presence: online while a socket is connected, lastSeenAt kept after it leaves', async () => {
    const k = await kioskWith({});
    const before = await deviceOf(k.id);
    expect(before).toMatchObject({ online: false, lastSeenAt: null });
    const socket: Socket = connect(s.base, { auth: { token: k.token }, transports: ['websocket'], reconnection: false });
    await new Promise((resolve) => socket.once('hello', resolve));
    const on = await deviceOf(k.id);
    expect(on.online).toBe(true);
    expect(Date.parse(on.lastSeenAt)).toBe(s.clock.read());
    s.clock.advance(5 * 60);
    socket.close();
    let off = await deviceOf(k.id);
    for (let i = 0; i < 100 && (off.online || Date.parse(off.lastSeenAt) !== s.clock.read()); i++) {
      await new Promise((r) => setTimeout(r, 20));
      off = await deviceOf(k.id);
    }
    expect(off.online).toBe(false);
    expect(Date.parse(off.lastSeenAt)).toBe(s.clock.read());
  });
});

describe('one slip for the server printer, the preview and the kiosk', () => {
  test('the server prints byte for byte the shared slip, and the preview shows its lines, with the hall template', async () => {
    const s = await startTestServer();
    const printer = await FakePrinter.start();
    try {
      const admin = await s.login('admin');
      const template = { header: { zh: '欢迎光临', en: 'Welcome' }, showEnglish: false, showEstimate: false };
      expect((await s.api('PATCH', '/halls/demo', { token: admin, body: { ticketTemplate: template } })).status).toBe(200);
      const created = await s.api('POST', '/halls/demo/devices', { token: admin, body: { kind: 'kiosk', name: 'K', printer: printer.url, paperWidthMm: 58 } });
      const kiosk = created.body.token;
      const t = (await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-food' } })).body.ticket;
      expect((await s.api('POST', `/tickets/${t.id}/print`, { token: kiosk })).body).toEqual({ printed: true });
      const job = await printer.waitForJob();
      const hall = (await s.api('GET', '/halls/demo', { token: kiosk })).body;
      expect(hall.ticketTemplate).toEqual(template);
      const service = hall.services.find((x: { id: string }) => x.id === 'svc-food');
      const slip = ticketSlip({ hall, service, ticket: t, lang: 'zh' });
      const expected = renderTicket(slip.data, { paperWidthMm: 58, template: slip.template });
      expect(Buffer.compare(job, expected)).toBe(0);
      const preview = await s.api('POST', '/halls/demo/ticket-preview', { token: admin, body: { serviceId: 'svc-food', paperWidthMm: 58 } });
      const shown = [...String(preview.body).matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!.replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c))));
      const printed = decodeJob(job).text.split('\n').map((l) => l.trim()).filter(Boolean);
      expect(shown[0]).toBe('欢迎光临');
      expect(printed.join('\n')).toContain(`${s.config.publicUrl}/h/demo`);
      // Same lines, except the preview's own sample values (number, time, people ahead) and rules.
      const sameShape = (lines: string[]) =>
        lines
          .filter((l) => !/^-+$/.test(l) && !l.startsWith('前面'))
          .map((l) => l.replace(/[A-Z]\d{3}/, '#').replace(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/, 'T'));
      expect(sameShape(shown.map((l) => l.trim()).filter(Boolean))).toEqual(sameShape(printed));
    } finally {
      await printer.close();
      await s.close();
    }
  });
});
