import { startTestServer, type TestServer } from '../test-support/test-server';
import { fixtureHall } from '../test-support/fixture-hall';

describe('issuing tickets', () => {
  let s: TestServer;
  let kiosk: string;
  beforeEach(async () => {
    s = await startTestServer();
    kiosk = s.deviceToken('kiosk');
  });
  afterEach(() => s.close());

  const issue = (serviceId: string, headers: Record<string, string> = {}) =>
    s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId }, headers });

  test('a ticket gets prefix + a 3-digit daily sequence, people ahead, estimate and a status URL', async () => {
    const r = await issue('svc-food');
    expect(r.status).toBe(201);
    const t = r.body.ticket;
    expect(t.number).toBe('D001');
    expect(t.status).toBe('waiting');
    expect(t.serviceDate).toBe('2026-01-05');
    expect(t.peopleAhead).toBeNull(); // no window open: nobody can serve it yet
    expect(t.publicId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(t.statusUrl).toBe(`${s.config.publicUrl}/t/${t.publicId}`);
    expect((await issue('svc-food')).body.ticket.number).toBe('D002');
  });

  test('PORT=0 without PUBLIC_URL: the status link carries the port the server listens on, and answers', async () => {
    // startTestServer listens on PORT=0 with no PUBLIC_URL.
    expect(s.config.publicUrl).toBe(s.base);
    const t = (await issue('svc-food')).body.ticket;
    expect(t.statusUrl).toBe(`${s.base}/t/${t.publicId}`);
    const page = await fetch(t.statusUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
  });

  test('services sharing a prefix share the sequence', async () => {
    expect((await issue('svc-reg')).body.ticket.number).toBe('A001');
    expect((await issue('svc-chg')).body.ticket.number).toBe('A002');
    expect((await issue('svc-reg')).body.ticket.number).toBe('A003');
  });

  test('numbers widen past 999 instead of wrapping', async () => {
    s.server.db.prepare("INSERT INTO ticket_counters VALUES ('demo', '2026-01-05', 'Z', 998)").run();
    expect((await issue('svc-consult')).body.ticket.number).toBe('Z999');
    expect((await issue('svc-consult')).body.ticket.number).toBe('Z1000');
    expect((await issue('svc-consult')).body.ticket.number).toBe('Z1001');
  });

  test('with an open window the estimate counts the people ahead', async () => {
    const w = await s.login('w09');
    await s.api('POST', '/windows/win-9/sign-in', { token: w });
    const first = (await issue('svc-food')).body.ticket;
    const second = (await issue('svc-food')).body.ticket;
    expect(first.peopleAhead).toBe(0);
    expect(first.estimatedWaitSeconds).toBe(0);
    expect(second.peopleAhead).toBe(1);
    expect(second.estimatedWaitSeconds).toBe(300);
  });

  test('the same Idempotency-Key returns the first ticket and creates nothing new', async () => {
    const a = await issue('svc-food', { 'Idempotency-Key': 'k-1' });
    const b = await issue('svc-food', { 'Idempotency-Key': 'k-1' });
    expect(b.status).toBe(201);
    expect(b.body).toEqual(a.body);
    const other = await issue('svc-food', { 'Idempotency-Key': 'k-2' });
    expect(other.body.ticket.number).toBe('D002');
    const q = await s.api('GET', '/halls/demo/queue', { token: kiosk });
    expect(q.body.waiting).toHaveLength(2);
  });

  test('an Idempotency-Key reused for a different body is a 409', async () => {
    await issue('svc-food', { 'Idempotency-Key': 'k-1' });
    const r = await issue('svc-reg', { 'Idempotency-Key': 'k-1' });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('idempotency_conflict');
  });

  test('a service at its daily quota answers 409 quota_reached and issues nothing', async () => {
    const admin = await s.login('admin');
    expect((await s.api('PATCH', '/halls/demo/services/svc-food', { token: admin, body: { dailyQuota: 2 } })).status).toBe(200);
    await issue('svc-food');
    await issue('svc-food');
    const r = await issue('svc-food');
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('quota_reached');
    expect(r.body.error.details.dailyQuota).toBe(2);
    // The next day the quota starts again, and so does the sequence.
    s.clock.advance(24 * 3600);
    expect((await issue('svc-food')).body.ticket.number).toBe('D001');
  });

  test('a service closed for the day or outside its hours answers 409 service_closed with the hours', async () => {
    const admin = await s.login('admin');
    await s.api('PATCH', '/halls/demo/services/svc-food', { token: admin, body: { closedOn: '2026-01-05' } });
    const closed = await issue('svc-food');
    expect(closed.status).toBe(409);
    expect(closed.body.error.code).toBe('service_closed');

    const hours = [{ days: [1, 2, 3, 4, 5], open: '08:30', close: '09:00' }];
    await s.api('PATCH', '/halls/demo/services/svc-reg', { token: admin, body: { openingHours: hours } });
    const r = await issue('svc-reg'); // 10:00 local on a Monday
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('service_closed');
    expect(r.body.error.details.openingHours).toEqual(hours);
  });

  test('outside the hall hours or on a holiday the hall answers 409 hall_closed', async () => {
    const admin = await s.login('admin');
    await s.api('PATCH', '/halls/demo', { token: admin, body: { holidays: ['2026-01-05'] } });
    const r = await issue('svc-food');
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('hall_closed');
    await s.api('PATCH', '/halls/demo', { token: admin, body: { holidays: [], openingHours: [{ days: [6, 7], open: '09:00', close: '12:00' }] } });
    expect((await issue('svc-food')).body.error.code).toBe('hall_closed');
  });

  test('numbering restarts at local midnight in the hall timezone (Asia/Shanghai = UTC+8)', async () => {
    s.clock.set('2026-01-01T15:59:59Z');
    const before = (await issue('svc-food')).body.ticket;
    expect(before.serviceDate).toBe('2026-01-01');
    expect(before.number).toBe('D001');
    expect((await issue('svc-food')).body.ticket.number).toBe('D002');
    s.clock.set('2026-01-01T16:00:00Z');
    const after = (await issue('svc-food')).body.ticket;
    expect(after.serviceDate).toBe('2026-01-02');
    expect(after.number).toBe('D001');
  });

  test('a kiosk of another hall cannot issue here; unknown services are 404', async () => {
    expect((await issue('svc-nope')).status).toBe(404);
    const other = await startTestServer({ seed: fixtureHall('other') });
    try {
      const r = await s.api('POST', '/halls/other/tickets', { token: kiosk, body: { serviceId: 'svc-food' } });
      expect(r.status).toBe(404);
    } finally {
      await other.close();
    }
  });
});
