// Security promises about what leaves the server (SECURITY.md): public rate limits under
// scripted abuse, no personal data on public screens, public endpoints and printed tickets, the
// audit log, and no secret in the logs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { FakePrinter, decodeJob } from '@hallq/printing';
import { createApp } from '../app';
import { loadConfig } from '../config';
import { FakeClock } from '../test-support/fake-clock';
import { fixtureHall } from '../test-support/fixture-hall';
import { startTestServer } from '../test-support/test-server';
import { until, live, connectError } from './support/security';

jest.setTimeout(60_000); // hundreds of real requests on a shared machine

describe('public endpoints under scripted abuse', () => {
  test('a script guessing publicIds on status, cancel and rating is cut off per address at the limit; its 429s change nothing; real tickets still answer', async () => {
    const s = await startTestServer({ publicRateLimit: 30 });
    try {
      const t = (await s.api('POST', '/halls/demo/tickets', { token: s.deviceToken('kiosk'), body: { serviceId: 'svc-food' } })).body.ticket;
      const events = () => (s.server.db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
      const before = events();
      const statuses: number[] = [];
      // A bounded scripted run: 200 requests over the three public routes, guessing publicIds.
      for (let i = 0; i < 200; i++) {
        const guess = Buffer.from(`guess-${i}-0123456789`).toString('base64url').slice(0, 22);
        const kind = i % 3;
        const r =
          kind === 0
            ? await s.api('GET', `/public/tickets/${guess}`)
            : kind === 1
              ? await s.api('POST', `/public/tickets/${guess}/cancel`)
              : await s.api('POST', `/public/tickets/${guess}/rating`, { body: { level: 1 } });
        statuses.push(r.status);
      }
      expect(statuses.slice(0, 30).every((c) => c === 404)).toBe(true);
      expect(statuses.slice(30).every((c) => c === 429)).toBe(true);
      expect(events()).toBe(before);
      // The real publicId is still served from that address: the guest Wi-Fi's other phones are
      // not punished for one guesser (a ticket is limited per publicId instead).
      const real = await s.api('GET', `/public/tickets/${t.publicId}`);
      expect(real.status).toBe(200);
      // The kiosk and staff (authenticated, often behind one address) are not limited.
      for (let i = 0; i < 40; i++) expect((await s.api('GET', '/halls/demo/queue', { token: s.deviceToken('display') })).status).toBe(200);
      s.clock.advance(61);
      expect((await s.api('GET', `/public/tickets/${t.publicId}`)).status).toBe(200);
    } finally {
      await s.close();
    }
  });
});

describe('no personal data on public screens, public endpoints and printed tickets', () => {
  test('staff names and publicIds never reach displays, kiosks or the visitor status page; printed tickets carry no staff name', async () => {
    const printer = await FakePrinter.start();
    const s = await startTestServer();
    try {
      const admin = await s.login('admin');
      const staffName = '王小明13812345678';
      await s.api('PATCH', '/halls/demo/staff/staff-w01', { token: admin, body: { name: staffName } });
      const kioskDev = await s.api('POST', '/halls/demo/devices', {
        token: admin,
        body: { kind: 'kiosk', name: 'Kiosk P', printer: `tcp://127.0.0.1:${printer.port}`, paperWidthMm: 80 },
      });
      const kiosk = kioskDev.body.token as string;
      const display = await live(s.base, s.deviceToken('display'));
      const kioskFeed = await live(s.base, kiosk);
      display.socket.emit('resume', { hallId: 'demo', afterSeq: 0 });
      kioskFeed.socket.emit('resume', { hallId: 'demo', afterSeq: 0 });
      await until(() => display.received.length > 0 && kioskFeed.received.length > 0, 'snapshots');

      const w1 = await s.login('w01');
      await s.api('POST', '/windows/win-1/sign-in', { token: w1 });
      const t = (await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-food' } })).body.ticket;
      await s.api('POST', '/windows/win-1/call-next', { token: w1 });
      expect((await s.api('POST', `/tickets/${t.id}/print`, { token: kiosk })).status).toBe(200);
      await printer.waitForJob();
      await s.api('POST', `/tickets/${t.id}/start`, { token: w1 });
      await until(() => display.received.length >= 5, 'live events');

      const publicStatus = await s.api('GET', `/public/tickets/${t.publicId}`);
      const seen = {
        displayFeed: JSON.stringify(display.received),
        kioskFeed: JSON.stringify(kioskFeed.received),
        displayQueue: JSON.stringify((await s.api('GET', '/halls/demo/queue', { token: s.deviceToken('display') })).body),
        kioskHall: JSON.stringify((await s.api('GET', '/halls/demo', { token: kiosk })).body),
        publicStatus: JSON.stringify(publicStatus.body),
      };
      for (const [where, text] of Object.entries(seen)) {
        expect([where, text.includes(staffName), text.includes('王小明'), text.includes('13812345678')]).toEqual([where, false, false, false]);
        if (where !== 'publicStatus') expect([where, text.includes(t.publicId), text.includes('publicId')]).toEqual([where, false, false]);
      }
      expect(Object.keys(publicStatus.body)).not.toEqual(expect.arrayContaining(['staffId']));
      expect(JSON.stringify(publicStatus.body)).not.toContain('staff');

      const job = decodeJob(printer.jobs[0]!);
      expect(job.text).toContain(t.number);
      expect(job.text).not.toContain('王小明');
      expect(job.text).not.toContain('13812345678');
      display.socket.close();
      kioskFeed.socket.close();
    } finally {
      await s.close();
      await printer.close();
    }
  });
});

describe('audit log and logs', () => {
  test('admin and supervisor changes are in the audit log with their actor; counter actions are events with their actor', async () => {
    const s = await startTestServer();
    try {
      const admin = await s.login('admin');
      const sup = await s.login('super');
      await s.api('POST', '/halls/demo/devices', { token: admin, body: { kind: 'display', name: 'D2' } });
      await s.api('PATCH', '/halls/demo/staff/staff-w02', { token: admin, body: { password: 'another-secret-1' } });
      await s.api('PATCH', '/halls/demo/windows/win-2', { token: sup, body: { skills: [{ serviceId: 'svc-food', tier: 1 }] } });
      const entries = (await s.api('GET', '/halls/demo/audit', { token: admin })).body.entries as Array<{ action: string; actor: { kind: string; id: string } }>;
      expect(entries.map((e) => [e.action, e.actor.id])).toEqual([
        ['window.update', 'staff-super'],
        ['staff.update', 'staff-admin'],
        ['device.create', 'staff-admin'],
        ['auth.sign_in', 'staff-super'],
        ['auth.sign_in', 'staff-admin'],
      ]);
      expect(JSON.stringify(entries)).not.toContain('another-secret-1');
      const w1 = await s.login('w01');
      await s.api('POST', '/windows/win-1/sign-in', { token: w1 });
      await s.api('POST', '/halls/demo/tickets', { token: s.deviceToken('kiosk'), body: { serviceId: 'svc-food' } });
      await s.api('POST', '/windows/win-1/call-next', { token: w1 });
      const called = s.server.db.prepare("SELECT actor FROM events WHERE type = 'ticket.called'").get() as { actor: string };
      expect(JSON.parse(called.actor)).toEqual({ kind: 'staff', id: 'staff-w01' });
    } finally {
      await s.close();
    }
  });

  test('no password or token ever reaches the logs, even at trace level and on errors', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _enc, cb) {
        lines.push(chunk.toString());
        cb();
      },
    });
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hallq-logs-'));
    const config = loadConfig({ QUEUE_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'trace', PASSWORD_SCRYPT_LOG2N: '14' }, ['node', 'main']);
    const server = createApp({ config, clock: new FakeClock().read, logger: pino({ level: 'trace' }, stream), seed: fixtureHall() });
    const address = await server.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${address.port}`;
    const secrets: string[] = ['demo-wrong-password-1', 'the-new-password-42'];
    try {
      const post = async (p: string, body: unknown, token?: string) => {
        const r = await fetch(`${base}/api/v1${p}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify(body),
        });
        return { status: r.status, body: (await r.json().catch(() => null)) as Record<string, unknown> | null };
      };
      await post('/auth/login', { username: 'admin', password: 'demo-wrong-password-1' });
      const admin = (await post('/auth/login', { username: 'admin', password: 'demo' })).body!.token as string;
      secrets.push(admin);
      const device = (await post('/halls/demo/devices', { kind: 'kiosk', name: 'K' }, admin)).body!.token as string;
      secrets.push(device);
      await fetch(`${base}/api/v1/halls/demo/staff/staff-w01`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
        body: JSON.stringify({ password: 'the-new-password-42' }),
      });
      await post('/halls/demo/tickets', { serviceId: 'svc-food' }, device);
      await post('/halls/demo/tickets', '{"broken', device);
      await fetch(`${base}/api/v1/me`, { headers: { authorization: `Bearer ${device}x` } });
      const sock = await live(base, device);
      sock.socket.emit('resume', { hallId: 'demo', afterSeq: 0, token: device });
      await new Promise((r) => setTimeout(r, 50));
      sock.socket.close();
      await connectError(base, `${admin}-bad`);
    } finally {
      await server.close();
    }
    const log = lines.join('');
    for (const secret of secrets) expect([secret.slice(0, 6), log.includes(secret)]).toEqual([secret.slice(0, 6), false]);
    expect(log).not.toMatch(/"password"/i);
    expect(log).not.toMatch(/authorization/i);
  });
});
