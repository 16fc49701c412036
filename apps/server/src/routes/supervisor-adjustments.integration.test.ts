import { startTestServer, type TestServer } from '../test-support/test-server';

// A hall supervisor adjusts the day live (skills, closing a service, notices) but does not
// administer the hall (no new windows, services, staff or devices, no other fields).
describe('supervisor adjustments', () => {
  let s: TestServer;
  let sup: string;
  beforeEach(async () => {
    s = await startTestServer();
    sup = await s.login('super');
  });
  afterEach(() => s.close());

  test('a supervisor may change a window\'s skills and tiers, and nothing else about it', async () => {
    const skills = [{ serviceId: 'svc-food', tier: 1 }];
    expect((await s.api('PATCH', '/halls/demo/windows/win-1', { token: sup, body: { skills } })).status).toBe(200);
    expect((await s.api('GET', '/halls/demo', { token: sup })).body.windows.find((w: { id: string }) => w.id === 'win-1').skills).toEqual(skills);
    const refused = await s.api('PATCH', '/halls/demo/windows/win-1', { token: sup, body: { number: 99 } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    expect((await s.api('POST', '/halls/demo/windows', { token: sup, body: { number: 77 } })).status).toBe(403);
  });

  test('one service twice in a window\'s skills is refused, naming the entry, and changes nothing', async () => {
    const before = (await s.api('GET', '/halls/demo', { token: sup })).body.windows.find((w: { id: string }) => w.id === 'win-1').skills;
    const twice = [
      { serviceId: 'svc-food', tier: 1 },
      { serviceId: 'svc-food', tier: 3 },
    ];
    for (const [method, path, body] of [
      ['PATCH', '/halls/demo/windows/win-1', { skills: twice }],
      ['POST', '/halls/demo/windows/skills', { windows: { 'win-1': twice } }],
      ['POST', '/halls/demo/planning/tomorrow', { skills: { 'win-1': twice } }],
    ] as const) {
      const r = await s.api(method, path, { token: sup, body });
      expect(r.status).toBe(400);
      expect(JSON.stringify(r.body.error)).toContain('service svc-food listed twice');
    }
    const admin = await s.login('admin');
    const created = await s.api('POST', '/halls/demo/windows', { token: admin, body: { number: 77, skills: twice } });
    expect(created.status).toBe(400);
    const hall = (await s.api('GET', '/halls/demo', { token: sup })).body;
    expect(hall.windows.find((w: { id: string }) => w.id === 'win-1').skills).toEqual(before);
    expect(hall.windows.some((w: { number: number }) => w.number === 77)).toBe(false);
  });

  test('a supervisor may close a service for the day and reopen it', async () => {
    const closed = await s.api('PATCH', '/halls/demo/services/svc-food', { token: sup, body: { closedOn: '2026-01-05' } });
    expect(closed.status).toBe(200);
    const kiosk = s.deviceToken('kiosk');
    const r = await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-food' } });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('service_closed');
    expect((await s.api('PATCH', '/halls/demo/services/svc-food', { token: sup, body: { closedOn: null } })).status).toBe(200);
    expect((await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-food' } })).status).toBe(201);
    expect((await s.api('PATCH', '/halls/demo/services/svc-food', { token: sup, body: { prefix: 'Q' } })).status).toBe(403);
  });

  test('a supervisor may broadcast notices; officers may not; organisations are listed', async () => {
    const created = await s.api('POST', '/halls/demo/notices', { token: sup, body: { text: { zh: '系统维护', en: 'Maintenance' } } });
    expect(created.status).toBe(201);
    const officer = await s.login('w01');
    expect((await s.api('POST', '/halls/demo/notices', { token: officer, body: { text: { zh: '甲', en: 'A' } } })).status).toBe(403);
    const orgs = await s.api('GET', '/halls/demo/organisations', { token: sup });
    expect(orgs.status).toBe(200);
    expect(orgs.body.organisations.map((o: { kind: string }) => o.kind).sort()).toEqual(['contractor', 'government']);
  });
});
