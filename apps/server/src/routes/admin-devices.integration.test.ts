import { FakePrinter } from '@hallq/printing';
import { startTestServer, type TestServer } from '../test-support/test-server';

describe('configuration and devices', () => {
  let s: TestServer;
  let admin: string;
  beforeEach(async () => {
    s = await startTestServer();
    admin = await s.login('admin');
  });
  afterEach(() => s.close());

  test('every config change writes a config.changed event and an audit row admins can read', async () => {
    const created = await s.api('POST', '/halls/demo/services', {
      token: admin,
      body: { code: 'NEW-1', prefix: 'N', name: { zh: '新事项', en: 'New item' }, moduleId: 'mod-single' },
    });
    expect(created.status).toBe(201);
    const id = created.body.service.id;
    expect((await s.api('PATCH', `/halls/demo/services/${id}`, { token: admin, body: { dailyQuota: 10 } })).body.service.dailyQuota).toBe(10);
    expect((await s.api('DELETE', `/halls/demo/services/${id}`, { token: admin })).status).toBe(204);
    expect((await s.api('PATCH', `/halls/demo/services/${id}`, { token: admin, body: { dailyQuota: 1 } })).status).toBe(404);
    const types = (s.server.db.prepare('SELECT type FROM events ORDER BY seq').all() as Array<{ type: string }>).map((r) => r.type);
    expect(types).toEqual(['config.changed', 'config.changed', 'config.changed']);
    const audit = await s.api('GET', '/halls/demo/audit', { token: admin });
    expect(audit.body.entries.map((e: { action: string }) => e.action)).toEqual(['service.delete', 'service.update', 'service.create', 'auth.sign_in']);
    const supervisor = await s.login('super');
    expect((await s.api('GET', '/halls/demo/services', { token: supervisor })).body.services).toHaveLength(4);
  });

  test('a service with tickets still waiting, called or served is not deleted (409, nothing changes): its tickets would never be called', async () => {
    const kiosk = s.deviceToken('kiosk');
    const w = await s.login('w01');
    await s.api('POST', '/windows/win-1/sign-in', { token: w });
    const waiting = (await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-food' } })).body.ticket;
    const refused = await s.api('DELETE', '/halls/demo/services/svc-food', { token: admin });
    expect([refused.status, refused.body.error.code, refused.body.error.details]).toEqual([409, 'conflict', { open: 1 }]);
    expect((await s.api('GET', '/halls/demo/services', { token: admin })).body.services.map((x: { id: string }) => x.id)).toContain('svc-food');
    // Called, then served: still at a window, still refused.
    await s.api('PATCH', '/halls/demo/windows/win-1', { token: admin, body: { skills: [{ serviceId: 'svc-food', tier: 1 }] } });
    expect((await s.api('POST', '/windows/win-1/call-next', { token: w })).body.ticket.id).toBe(waiting.id);
    expect((await s.api('DELETE', '/halls/demo/services/svc-food', { token: admin })).status).toBe(409);
    await s.api('POST', `/tickets/${waiting.id}/start`, { token: w });
    expect((await s.api('DELETE', '/halls/demo/services/svc-food', { token: admin })).status).toBe(409);
    await s.api('POST', `/tickets/${waiting.id}/complete`, { token: w });
    // Done: nothing of it is left in the queue, so it goes.
    expect((await s.api('DELETE', '/halls/demo/services/svc-food', { token: admin })).status).toBe(204);
    expect((await s.api('DELETE', '/halls/demo/services/svc-food', { token: admin })).status).toBe(404);
  });

  test('a stage with tickets still at it is not taken away from its service (409, nothing changes)', async () => {
    const w = await s.login('w01');
    await s.api('POST', '/windows/win-1/sign-in', { token: w });
    const stages = (await s.api('GET', '/halls/demo/services', { token: admin })).body.services.find((x: { id: string }) => x.id === 'svc-reg').stages;
    expect(stages.length).toBeGreaterThan(1);
    const t = (await s.api('POST', '/halls/demo/tickets', { token: s.deviceToken('kiosk'), body: { serviceId: 'svc-reg' } })).body.ticket;
    // Its first stage is kept: the change is allowed while the ticket waits there.
    const more = [...stages, { name: { zh: '发证', en: 'Issue' }, officersOnly: false }];
    expect((await s.api('PATCH', '/halls/demo/services/svc-reg', { token: admin, body: { stages: more } })).status).toBe(200);
    expect((await s.api('PATCH', '/halls/demo/services/svc-reg', { token: admin, body: { stages } })).status).toBe(200);
    expect((await s.api('POST', '/windows/win-1/call-next', { token: w })).body.ticket.id).toBe(t.id);
    await s.api('POST', `/tickets/${t.id}/start`, { token: w });
    expect((await s.api('POST', `/tickets/${t.id}/transfer`, { token: w, body: { serviceId: 'svc-reg', stage: 1 } })).status).toBe(200);
    const refused = await s.api('PATCH', '/halls/demo/services/svc-reg', { token: admin, body: { stages: [stages[0]] } });
    expect([refused.status, refused.body.error.code, refused.body.error.details]).toEqual([409, 'conflict', { open: 1 }]);
    expect((await s.api('GET', '/halls/demo/services', { token: admin })).body.services.find((x: { id: string }) => x.id === 'svc-reg').stages).toEqual(stages);
  });

  test('window skills changed by an admin take effect at the next call', async () => {
    const w = await s.login('w01');
    await s.api('POST', '/windows/win-1/sign-in', { token: w });
    await s.api('POST', '/halls/demo/tickets', { token: s.deviceToken('kiosk'), body: { serviceId: 'svc-consult' } });
    await s.api('PATCH', '/halls/demo/windows/win-1', { token: admin, body: { skills: [{ serviceId: 'svc-food', tier: 1 }] } });
    expect((await s.api('POST', '/windows/win-1/call-next', { token: w })).status).toBe(204);
  });

  test('a new device token is shown once and identifies the device; status changes raise device.changed', async () => {
    const r = await s.api('POST', '/halls/demo/devices', { token: admin, body: { kind: 'kiosk', name: 'Kiosk 2', printer: 'tcp://127.0.0.1:9' } });
    expect(r.status).toBe(201);
    const { device, token } = r.body;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify((await s.api('GET', '/halls/demo/devices', { token: admin })).body)).not.toContain(token);
    expect((await s.api('GET', '/me', { token })).body).toMatchObject({ kind: 'device', role: 'kiosk', hallId: 'demo' });
    const st = await s.api('POST', '/devices/me/status', { token, body: { printerState: 'paper_out', message: 'no paper' } });
    expect(st.body).toEqual({ printerState: 'paper_out', changed: true });
    expect((await s.api('POST', '/devices/me/status', { token, body: { printerState: 'paper_out' } })).body.changed).toBe(false);
    const ev = s.server.db.prepare("SELECT payload FROM events WHERE type = 'device.changed'").all() as Array<{ payload: string }>;
    expect(ev).toHaveLength(1);
    expect(JSON.parse(ev[0]!.payload)).toMatchObject({ deviceId: device.id, printerState: 'paper_out' });
    await s.api('PATCH', `/halls/demo/devices/${device.id}`, { token: admin, body: { revoked: true } });
    expect((await s.api('GET', '/me', { token })).status).toBe(401);
  });

  test('printing: a ready printer gets the job; a printer out of paper gets nothing and the kiosk answers 503', async () => {
    const printer = await FakePrinter.start();
    try {
      const created = await s.api('POST', '/halls/demo/devices', {
        token: admin,
        body: { kind: 'kiosk', name: 'Kiosk P', printer: `tcp://127.0.0.1:${printer.port}`, paperWidthMm: 58 },
      });
      const kiosk = created.body.token;
      const t = (await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-food' } })).body.ticket;
      const ok = await s.api('POST', `/tickets/${t.id}/print`, { token: kiosk });
      expect(ok.status).toBe(200);
      expect(ok.body).toEqual({ printed: true });
      await printer.waitForJob();
      expect(printer.jobs.length).toBe(1);
      printer.setState('paper_out');
      const fail = await s.api('POST', `/tickets/${t.id}/print`, { token: kiosk });
      expect(fail.status).toBe(503);
      expect(fail.body.error).toMatchObject({ code: 'printer_unavailable', details: { state: 'paper_out' } });
      expect(printer.jobs.length).toBe(1);
      const dev = (await s.api('GET', '/halls/demo/devices', { token: admin })).body.devices.find((d: { id: string }) => d.id === created.body.device.id);
      expect(dev.printerState).toBe('paper_out');
      expect((await s.api('GET', `/public/tickets/${t.publicId}`)).body.status).toBe('waiting');
    } finally {
      await printer.close();
    }
  });

  test('demo pairing exists only in demo mode', async () => {
    expect((await s.api('GET', '/pair/demo?kind=kiosk')).status).toBe(404);
    const demo = await startTestServer({ env: { QUEUE_DEMO: '1' } });
    try {
      const r = await demo.api('GET', '/pair/demo?kind=display');
      expect(r.status).toBe(200);
      expect(r.body.token).toBe(demo.deviceToken('display'));
      expect((await demo.api('GET', '/pair/demo?kind=printer')).status).toBe(400);
    } finally {
      await demo.close();
    }
  });
});
