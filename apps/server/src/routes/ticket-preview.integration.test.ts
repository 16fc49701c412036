import { startTestServer, type TestServer } from '../test-support/test-server';

// The admin's preview is the printer's own layout (packages/printing), with unsaved values.
describe('ticket preview', () => {
  let s: TestServer;
  beforeEach(async () => {
    s = await startTestServer();
  });
  afterEach(() => s.close());

  test('draws the layout the printer gets, with the hall name and notice being edited', async () => {
    const admin = await s.login('admin');
    const r = await s.api('POST', '/halls/demo/ticket-preview', {
      token: admin,
      body: { hallName: { zh: '新名称大厅', en: 'New Hall' }, notice: { zh: '请保管好号票', en: 'Keep your ticket' }, serviceId: 'svc-food', paperWidthMm: 58 },
    });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    const svg = String(r.body);
    expect(svg).toContain('<svg');
    expect(svg).toContain('新名称大厅');
    expect(svg).toContain('请保管好号票');
    expect(svg).toContain('D001');
  });

  test('bad input is refused; counter staff and devices may not', async () => {
    const admin = await s.login('admin');
    expect((await s.api('POST', '/halls/demo/ticket-preview', { token: admin, body: { paperWidthMm: 70 } })).status).toBe(400);
    expect((await s.api('POST', '/halls/demo/ticket-preview', { token: admin, body: { serviceId: 'nope' } })).status).toBe(404);
    expect((await s.api('POST', '/halls/demo/ticket-preview', { token: await s.login('w01'), body: {} })).status).toBe(403);
    expect((await s.api('POST', '/halls/demo/ticket-preview', { token: s.deviceToken('kiosk'), body: {} })).status).toBe(403);
  });
});
