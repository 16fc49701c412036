import pino from 'pino';
import { LogSmsSender } from '../services/home/sms';
import { startTestServer, type TestServer } from '../test-support/test-server';

// Bookings from home: slots set per service, booked up to capacity (also under concurrency),
// looked up and cancelled by code, checked in once at the kiosk within the slot's window.
jest.setTimeout(30_000);

describe('public hall page and bookings', () => {
  let s: TestServer;
  let kiosk: string;
  let sms: LogSmsSender;
  beforeEach(async () => {
    sms = new LogSmsSender(pino({ level: 'silent' }));
    // Fake clock: Monday 2026-01-05 10:00 in Asia/Shanghai; demo defaults: slots 09:00-17:00, 30 min, 2 each, 7 days.
    s = await startTestServer({ homeLimits: { createsPer10Min: 1000, missesPerMinute: 5, wrongArrivalCodes: 5 }, sms });
    kiosk = s.deviceToken('kiosk');
  });
  afterEach(() => s.close());

  const at = (local: string): string => new Date(`${local}+08:00`).toISOString();
  const bookSlot = (start: string, serviceId = 'svc-reg') => s.api('POST', '/public/halls/demo/bookings', { body: { serviceId, start } });

  test('the public hall page shows services, documents, live waits and no staff or device data', async () => {
    await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-reg' } });
    const r = await s.api('GET', '/public/halls/demo');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: 'demo', timezone: 'Asia/Shanghai', arrivalCodeRequired: true, openNow: true });
    const reg = r.body.services.find((x: { id: string }) => x.id === 'svc-reg');
    expect(reg).toMatchObject({ code: 'BIZ-01', acceptingTickets: true, waiting: 1, bookable: true, remote: true });
    expect(reg.documents).toEqual([{ zh: '公司章程', en: 'Articles of association' }]);
    const text = JSON.stringify(r.body);
    for (const secret of ['windows', 'staff', 'devices', 'publicId', 'token']) expect(text).not.toContain(`"${secret}"`);
    expect((await s.api('GET', '/public/halls/nope')).status).toBe(404);
  });

  test('slots of a date: whole slots between the hours, capacity each, started ones not available', async () => {
    const r = await s.api('GET', '/public/halls/demo/slots?serviceId=svc-reg&date=2026-01-05');
    expect(r.status).toBe(200);
    expect(r.body.slots).toHaveLength(16);
    expect(r.body.slots[0]).toEqual({ start: at('2026-01-05T09:00:00'), end: at('2026-01-05T09:30:00'), capacity: 2, available: 0 });
    expect(r.body.slots[2]).toMatchObject({ start: at('2026-01-05T10:00:00'), available: 0 });
    expect(r.body.slots[3]).toMatchObject({ start: at('2026-01-05T10:30:00'), available: 2 });
    // Past the booking range, or before today: no slots.
    expect((await s.api('GET', '/public/halls/demo/slots?serviceId=svc-reg&date=2026-01-13')).body.slots).toEqual([]);
    expect((await s.api('GET', '/public/halls/demo/slots?serviceId=svc-reg&date=2026-01-04')).body.slots).toEqual([]);
    expect((await s.api('GET', '/public/halls/demo/slots?serviceId=svc-reg&date=2026-01-12')).body.slots).toHaveLength(16);
    expect((await s.api('GET', '/public/halls/demo/slots?serviceId=svc-reg&date=tomorrow')).status).toBe(400);
    expect((await s.api('GET', '/public/halls/demo/slots?serviceId=nope&date=2026-01-05')).status).toBe(404);
  });

  test('a slot takes its capacity and no more; cancelling frees the place; bad slots are refused', async () => {
    const start = at('2026-01-05T10:30:00');
    const first = await bookSlot(start);
    expect(first.status).toBe(201);
    expect(first.body.booking).toMatchObject({ serviceId: 'svc-reg', start, end: at('2026-01-05T11:00:00'), status: 'booked' });
    expect(first.body.booking.code).toMatch(/^\d{8}$/);
    expect(first.body.booking.statusUrl).toBe(`${s.config.publicUrl}/h/demo?booking=${first.body.booking.code}`);
    expect((await bookSlot(start)).status).toBe(201);
    const full = await bookSlot(start);
    expect([full.status, full.body.error.code]).toEqual([409, 'slot_full']);
    const slots = await s.api('GET', '/public/halls/demo/slots?serviceId=svc-reg&date=2026-01-05');
    expect(slots.body.slots[3].available).toBe(0);

    const code = first.body.booking.code as string;
    expect((await s.api('GET', `/public/bookings/${code}`)).body.booking).toMatchObject({ status: 'booked', canCancel: true });
    const cancelled = await s.api('POST', `/public/bookings/${code}/cancel`, { body: {} });
    expect(cancelled.body.booking).toMatchObject({ status: 'cancelled', canCancel: false });
    expect((await s.api('POST', `/public/bookings/${code}/cancel`, { body: {} })).body.error.code).toBe('booking_not_cancellable');
    expect((await bookSlot(start)).status).toBe(201);

    for (const bad of [at('2026-01-05T09:30:00'), at('2026-01-05T10:45:00'), at('2026-01-05T17:00:00'), at('2026-01-20T10:00:00')]) {
      const r = await bookSlot(bad);
      expect([r.status, r.body.error.code]).toEqual([400, 'slot_not_offered']);
    }
    expect((await s.api('POST', '/public/halls/demo/bookings', { body: { serviceId: 'svc-reg', start: 'soon' } })).status).toBe(400);
    expect((await s.api('POST', '/public/halls/demo/bookings', { body: { serviceId: 'svc-reg', start, extra: 1 } })).status).toBe(400);
  });

  test('parallel bookings of one slot never take more than its capacity', async () => {
    const start = at('2026-01-06T09:00:00');
    const answers = await Promise.all(Array.from({ length: 12 }, () => bookSlot(start)));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((x) => x === 201)).toHaveLength(2);
    expect(statuses.filter((x) => x === 409)).toHaveLength(10);
    const codes = new Set(answers.filter((a) => a.status === 201).map((a) => a.body.booking.code));
    expect(codes.size).toBe(2);
    const slots = await s.api('GET', '/public/halls/demo/slots?serviceId=svc-reg&date=2026-01-06');
    expect(slots.body.slots[0].available).toBe(0);
  });

  test('the kiosk checks a booking in once, from 30 minutes before its slot until it ends', async () => {
    const soon = (await bookSlot(at('2026-01-05T10:30:00'))).body.booking.code as string;
    const later = (await bookSlot(at('2026-01-05T14:00:00'))).body.booking.code as string;
    const issue = (code: string) => s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-reg', appointmentCode: code } });
    const early = await issue(later);
    expect([early.status, early.body.error.code]).toEqual([409, 'appointment_outside_window']);
    const ok = await issue(soon);
    expect(ok.status).toBe(201);
    expect(ok.body.ticket.appointmentAt).toBe(at('2026-01-05T10:30:00'));
    expect((await issue(soon)).body.error.code).toBe('appointment_used');
    expect((await s.api('GET', `/public/bookings/${soon}`)).body.booking.status).toBe('checked_in');
    s.clock.set(at('2026-01-05T14:30:00'));
    expect((await issue(later)).body.error.code).toBe('appointment_outside_window');
    expect((await s.api('GET', `/public/bookings/${later}`)).body.booking).toMatchObject({ status: 'booked', canCancel: false });
  });

  test('a phone number left with a booking gets the code by SMS (log-only provider: masked, nothing sent)', async () => {
    const r = await s.api('POST', '/public/halls/demo/bookings', { body: { serviceId: 'svc-reg', start: at('2026-01-05T15:00:00'), contact: '13812341234' } });
    expect(r.status).toBe(201);
    for (let i = 0; i < 50 && sms.sent.length === 0; i++) await new Promise((ok) => setTimeout(ok, 10));
    expect(sms.sent).toEqual([{ kind: 'booking_confirmed', to: '138****1234', text: expect.stringContaining(r.body.booking.code) }]);
    expect(sms.sent[0]!.text).toContain('2026-01-05 15:00');
    await bookSlot(at('2026-01-05T15:00:00'));
    expect(sms.sent).toHaveLength(1); // no contact, no message
  });

  test('unknown booking codes are limited per address; a malformed code is 400', async () => {
    expect((await s.api('GET', '/public/bookings/abc')).status).toBe(400);
    for (let i = 0; i < 5; i++) expect((await s.api('GET', `/public/bookings/1000000${i}`)).status).toBe(404);
    const limited = await s.api('GET', '/public/bookings/10000009');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).not.toBeNull();
  });
});
