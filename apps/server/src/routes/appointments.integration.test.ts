import { startTestServer, type TestServer } from '../test-support/test-server';

// Appointments are booked ahead and checked in once at the kiosk; the ticket then counts as an
// appointment for routing (R3: due appointments before walk-ins of the same tier).
describe('appointments', () => {
  let s: TestServer;
  let sup: string;
  let kiosk: string;
  beforeEach(async () => {
    s = await startTestServer(); // fake clock: 2026-01-05 in Asia/Shanghai
    sup = await s.login('super');
    kiosk = s.deviceToken('kiosk');
  });
  afterEach(() => s.close());

  const book = (body: object) => s.api('POST', '/halls/demo/appointments', { token: sup, body });
  const issue = (body: object) => s.api('POST', '/halls/demo/tickets', { token: kiosk, body });

  test('a booked code is looked up, checked in once, and its ticket is called before earlier walk-ins', async () => {
    const now = s.clock.read();
    const walkIn = await issue({ serviceId: 'svc-reg' });
    s.clock.advance(60);
    const booked = await book({ serviceId: 'svc-reg', at: new Date(now + 5 * 60_000).toISOString() });
    expect(booked.status).toBe(201);
    const code = booked.body.appointment.code as string;
    expect(code).toMatch(/^\d{6}$/);

    const lookup = await s.api('GET', `/halls/demo/appointments/${code}`, { token: kiosk });
    expect(lookup.body.appointment).toMatchObject({ serviceId: 'svc-reg', status: 'booked' });

    const checkedIn = await issue({ serviceId: 'svc-reg', appointmentCode: code });
    expect(checkedIn.status).toBe(201);
    expect(checkedIn.body.ticket.appointmentAt).toBe(booked.body.appointment.at);
    const again = await issue({ serviceId: 'svc-reg', appointmentCode: code });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('appointment_used');

    const staff = await s.login('w01');
    await s.api('POST', '/windows/win-1/sign-in', { token: staff, body: {} });
    const call = await s.api('POST', '/windows/win-1/call-next', { token: staff, body: {} });
    expect(call.body.ticket.id).toBe(checkedIn.body.ticket.id);
    expect(call.body.ticket.id).not.toBe(walkIn.body.ticket.id);
  });

  test('unknown codes, other days and other services are refused and issue nothing', async () => {
    const tomorrow = await book({ serviceId: 'svc-reg', at: new Date(s.clock.read() + 36 * 3600_000).toISOString(), code: '1234' });
    expect(tomorrow.status).toBe(201);
    const today = await book({ serviceId: 'svc-reg', at: new Date(s.clock.read() + 3600_000).toISOString(), code: '5678' });
    expect((await book({ serviceId: 'svc-reg', at: new Date(s.clock.read() + 2 * 3600_000).toISOString(), code: '5678' })).status).toBe(409);
    const cases: Array<[object, string]> = [
      [{ serviceId: 'svc-reg', appointmentCode: '0000' }, 'appointment_not_found'],
      [{ serviceId: 'svc-reg', appointmentCode: '1234' }, 'appointment_not_today'],
      [{ serviceId: 'svc-food', appointmentCode: '5678' }, 'appointment_other_service'],
    ];
    for (const [body, code] of cases) {
      const r = await issue(body);
      expect([r.status, r.body.error.code]).toEqual([code === 'appointment_not_found' ? 404 : 409, code]);
    }
    expect(today.body.appointment.status).toBe('booked');
    const queue = await s.api('GET', '/halls/demo/queue', { token: kiosk });
    expect(queue.body.waiting).toHaveLength(0);
    expect((await s.api('GET', '/halls/demo/appointments', { token: sup })).body.appointments.map((a: { code: string }) => a.code)).toEqual(['5678']);
  });

  test('only staff may book; bad bodies are refused', async () => {
    expect((await s.api('POST', '/halls/demo/appointments', { token: kiosk, body: { serviceId: 'svc-reg', at: new Date(s.clock.read() + 3600_000).toISOString() } })).status).toBe(403);
    expect((await book({ serviceId: 'svc-reg', at: 'tomorrow' })).status).toBe(400);
    expect((await book({ serviceId: 'nope', at: new Date(s.clock.read() + 3600_000).toISOString() })).status).toBe(404);
  });
});

describe('appointment times that cannot be', () => {
  test('a time in the past, more than a year ahead, or in year 79 is refused with 400 and books nothing', async () => {
    const s = await startTestServer();
    try {
      const admin = await s.login('admin');
      for (const at of ['2026-01-05T01:59:00Z', '2027-03-01T02:00:00Z', '0079-04-15T02:00:00Z', '2026-02-30T02:00:00Z']) {
        const r = await s.api('POST', '/halls/demo/appointments', { token: admin, body: { serviceId: 'svc-food', at } });
        expect([at, r.status, r.body.error?.code]).toEqual([at, 400, 'validation_failed']);
      }
      const ok = await s.api('POST', '/halls/demo/appointments', { token: admin, body: { serviceId: 'svc-food', at: '2026-01-06T02:00:00Z' } });
      expect(ok.status).toBe(201);
      expect(ok.body.appointment.serviceDate).toBe('2026-01-06');
      expect((await s.api('GET', '/halls/demo/appointments?date=2026-01-06', { token: admin })).body.appointments).toHaveLength(1);
    } finally {
      await s.close();
    }
  });
});
