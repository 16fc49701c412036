// The hall's announcement settings and each display's announced windows, as admins set them.
import { startTestServer, type TestServer } from '../test-support/test-server';

describe('announcement settings', () => {
  let s: TestServer;
  let admin: string;
  beforeEach(async () => {
    s = await startTestServer();
    admin = await s.login('admin');
  });
  afterEach(() => s.close());

  test('a template with words the recorded voice cannot say is refused with those words named, and changes nothing', async () => {
    const before = (await s.api('GET', '/halls/demo', { token: admin })).body.announcementTemplate;
    const r = await s.api('PATCH', '/halls/demo', { token: admin, body: { announcementTemplate: '请{number}号顾客到{window}号窗口办理业务' } });
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain('顾客');
    expect(r.body.error.details[0]).toMatchObject({ path: ['announcementTemplate'], missingWords: ['顾客', '业务'] });
    const en = await s.api('PATCH', '/halls/demo', { token: admin, body: { announcementTemplateEn: 'Ticket {number}, please go to window {window}' } });
    expect(en.status).toBe(400);
    expect(en.body.error.details[0].missingWords).toEqual(['ticket']);
    expect((await s.api('GET', '/halls/demo', { token: admin })).body.announcementTemplate).toBe(before);
  });

  test('a speakable template, the repeat count (1-3) and the catch-up lag are saved and sent to displays', async () => {
    const ok = await s.api('PATCH', '/halls/demo', {
      token: admin,
      body: { announcementTemplate: '请{number}号前往{window}号柜台', announcementRepeat: 3, announcementMaxLagSeconds: 20 },
    });
    expect(ok.status).toBe(200);
    expect((await s.api('PATCH', '/halls/demo', { token: admin, body: { announcementRepeat: 4 } })).status).toBe(400);
    expect((await s.api('PATCH', '/halls/demo', { token: admin, body: { announcementMaxLagSeconds: 2 } })).status).toBe(400);
    const hall = (await s.api('GET', '/halls/demo', { token: s.deviceToken('display') })).body;
    expect(hall).toMatchObject({ announcementTemplate: '请{number}号前往{window}号柜台', announcementRepeat: 3, announcementMaxLagSeconds: 20 });
  });

  test('the hall lag defaults to 15 s', async () => {
    expect((await s.api('GET', '/halls/demo', { token: admin })).body.announcementMaxLagSeconds).toBe(15);
  });

  test('a display announces a zone or a list of windows; null clears it; the display reads it from /me', async () => {
    const r = await s.api('POST', '/halls/demo/devices', { token: admin, body: { kind: 'display', name: 'Zone A screen', announceZone: 'A' } });
    expect(r.status).toBe(201);
    const { device, token } = r.body;
    expect(device).toMatchObject({ announceZone: 'A', announceWindows: null });
    expect((await s.api('GET', '/me', { token })).body.device).toMatchObject({ announceZone: 'A', announceWindows: null });
    const p = await s.api('PATCH', `/halls/demo/devices/${device.id}`, { token: admin, body: { announceWindows: [1, 2, 3] } });
    expect(p.body.device).toMatchObject({ announceZone: 'A', announceWindows: [1, 2, 3] });
    const cleared = await s.api('PATCH', `/halls/demo/devices/${device.id}`, { token: admin, body: { announceZone: null } });
    expect(cleared.body.device).toMatchObject({ announceZone: null, announceWindows: [1, 2, 3] });
    expect((await s.api('PATCH', `/halls/demo/devices/${device.id}`, { token: admin, body: { announceWindows: [0] } })).status).toBe(400);
    expect((await s.api('GET', '/me', { token })).body.device.announceWindows).toEqual([1, 2, 3]);
  });
});
