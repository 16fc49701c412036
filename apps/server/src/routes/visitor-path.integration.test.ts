// The visitor's path after a call, as the server enforces it: the no-show safeguard (grace time
// or one recall), the hall's rule for a visitor who comes back late, one rating across pad and
// phone, and what the phone is told in each state.
import { startTestServer, type TestServer } from '../test-support/test-server';

jest.setTimeout(60_000);

describe('the visitor path after a call', () => {
  let s: TestServer;
  let kiosk: string;
  let w1: string;
  let admin: string;
  beforeEach(async () => {
    s = await startTestServer();
    kiosk = s.deviceToken('kiosk');
    w1 = await s.login('w01');
    admin = await s.login('admin');
    expect((await s.api('POST', '/windows/win-1/sign-in', { token: w1 })).status).toBe(200);
  });
  afterEach(() => s.close());

  const issue = async (serviceId = 'svc-reg') => (await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId } })).body.ticket;
  const post = (path: string, token: string, body?: unknown) => s.api('POST', path, { token, body });
  const status = async (publicId: string) => (await s.api('GET', `/public/tickets/${publicId}`)).body;
  const callNext = async () => (await post('/windows/win-1/call-next', w1)).body.ticket;

  test('no-show is refused with a clear 409 before the grace time after the call (default 2 minutes), and changes nothing', async () => {
    const t = await issue();
    const called = await callNext();
    expect(called.id).toBe(t.id);
    const early = await post(`/tickets/${t.id}/no-show`, w1);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('no_show_too_early');
    expect(early.body.error.details).toMatchObject({ calledAt: called.calledAt, graceSeconds: 120 });
    expect(Date.parse(early.body.error.details.allowedAt) - Date.parse(called.calledAt)).toBe(120_000);
    expect((await status(t.publicId)).status).toBe('called');
    s.clock.advance(119);
    expect((await post(`/tickets/${t.id}/no-show`, w1)).status).toBe(409);
    s.clock.advance(1);
    expect((await post(`/tickets/${t.id}/no-show`, w1)).body.ticket.status).toBe('no_show');
  });

  test('after one recall a no-show needs no grace time; the grace time is a hall setting', async () => {
    const t = await issue();
    await callNext();
    expect((await post(`/tickets/${t.id}/recall`, w1)).status).toBe(200);
    expect((await post(`/tickets/${t.id}/no-show`, w1)).status).toBe(200);

    expect((await s.api('PATCH', '/halls/demo', { token: admin, body: { noShowGraceSeconds: 30 } })).body.noShowGraceSeconds).toBe(30);
    const u = await issue();
    const called = await callNext();
    expect((await status(u.publicId)).heldUntil).toBe(new Date(Date.parse(called.calledAt) + 30_000).toISOString());
    expect((await post(`/tickets/${u.id}/no-show`, w1)).status).toBe(409);
    s.clock.advance(30);
    expect((await post(`/tickets/${u.id}/no-show`, w1)).status).toBe(200);
    expect((await s.api('PATCH', '/halls/demo', { token: admin, body: { noShowGraceSeconds: -1 } })).status).toBe(400);
  });

  test('rule requeue_once: a visitor back after a no-show goes back to the queue once, at the back, from the phone or by staff', async () => {
    const t = await issue();
    await callNext();
    s.clock.advance(120);
    await post(`/tickets/${t.id}/no-show`, w1);
    expect(await status(t.publicId)).toMatchObject({ status: 'no_show', noShowRule: 'requeue_once', canRequeue: true, requeued: false });
    const meanwhile = await issue();
    s.clock.advance(60);
    expect((await s.api('POST', `/public/tickets/${t.publicId}/requeue`)).body).toEqual({ status: 'waiting' });
    expect(await status(t.publicId)).toMatchObject({ status: 'waiting', number: t.number, requeued: true, canRequeue: false });
    // At the back: the ticket issued while it was away is called first.
    expect((await callNext()).id).toBe(meanwhile.id);
    await post(`/tickets/${meanwhile.id}/recall`, w1);
    await post(`/tickets/${meanwhile.id}/no-show`, w1);
    expect((await callNext()).id).toBe(t.id);
    await post(`/tickets/${t.id}/recall`, w1);
    await post(`/tickets/${t.id}/no-show`, w1);
    // Once only.
    const twice = await s.api('POST', `/public/tickets/${t.publicId}/requeue`);
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('requeue_not_allowed');
    expect((await status(t.publicId)).canRequeue).toBe(false);
    // Staff may requeue the other one (any staff of the hall); the queue's feed shows it waiting.
    const byStaff = await post(`/tickets/${meanwhile.id}/requeue`, await s.login('super'));
    expect(byStaff.body.ticket).toMatchObject({ id: meanwhile.id, status: 'waiting' });
    const queue = (await s.api('GET', '/halls/demo/queue', { token: kiosk })).body;
    expect(queue.waiting.map((w: { id: string }) => w.id)).toContain(meanwhile.id);
    // Only a no-show goes back.
    expect((await post(`/tickets/${meanwhile.id}/requeue`, w1)).body.error.code).toBe('invalid_transition');
  });

  test('rule new_ticket: no return to the queue; the phone is told to take a new ticket', async () => {
    expect((await s.api('PATCH', '/halls/demo', { token: admin, body: { noShowRule: 'new_ticket' } })).body.noShowRule).toBe('new_ticket');
    const t = await issue();
    await callNext();
    await post(`/tickets/${t.id}/recall`, w1);
    await post(`/tickets/${t.id}/no-show`, w1);
    expect(await status(t.publicId)).toMatchObject({ status: 'no_show', noShowRule: 'new_ticket', canRequeue: false });
    const r = await s.api('POST', `/public/tickets/${t.publicId}/requeue`);
    expect(r.status).toBe(409);
    expect(r.body.error).toMatchObject({ code: 'requeue_not_allowed', details: { rule: 'new_ticket' } });
    expect((await s.api('PATCH', '/halls/demo', { token: admin, body: { noShowRule: 'sometimes' } })).status).toBe(400);
  });

  test('one rating per ticket across pad and phone: the second answers 409 saying where it was rated', async () => {
    const pad = s.deviceToken('rating-pad');
    const serve = async () => {
      const t = await issue();
      await callNext();
      await post(`/tickets/${t.id}/start`, w1);
      await post(`/tickets/${t.id}/complete`, w1, {});
      return t;
    };
    const a = await serve();
    expect((await s.api('POST', `/public/tickets/${a.publicId}/rating`, { body: { level: 2 } })).status).toBe(201);
    const onPad = await post(`/tickets/${a.id}/rating`, pad, { level: 1 });
    expect(onPad.status).toBe(409);
    expect(onPad.body.error).toMatchObject({ code: 'already_rated', details: { level: 2, by: 'visitor' } });
    const b = await serve();
    expect((await post(`/tickets/${b.id}/rating`, pad, { level: 1 })).status).toBe(201);
    const onPhone = await s.api('POST', `/public/tickets/${b.publicId}/rating`, { body: { level: 3 } });
    expect(onPhone.body.error).toMatchObject({ code: 'already_rated', details: { level: 1, by: 'rating-pad' } });
    expect(await status(b.publicId)).toMatchObject({ canRate: false, rating: 1 });
  });

  test('after a transfer the phone says where the ticket came from and what it waits for', async () => {
    const t = await issue('svc-reg');
    await callNext();
    await post(`/tickets/${t.id}/start`, w1);
    expect((await post(`/tickets/${t.id}/transfer`, w1, { serviceId: 'svc-reg', stage: 1 })).status).toBe(200);
    const st = await status(t.publicId);
    expect(st).toMatchObject({ status: 'waiting', stage: 1, transferredFrom: { serviceId: 'svc-reg', stage: 0 } });
    expect(st.stageName).not.toBeNull();
    expect(st.transferredFrom.serviceName.en.length).toBeGreaterThan(0);
  });

  test('the queue tells kiosks which services take no ticket now and why (closed for the day, quota reached), live', async () => {
    const sup = await s.login('super');
    const services = async () => (await s.api('GET', '/halls/demo/queue', { token: kiosk })).body.services as Array<{ serviceId: string; acceptingTickets: boolean; closedReason?: string }>;
    expect((await services()).find((v) => v.serviceId === 'svc-food')).toMatchObject({ acceptingTickets: true });
    expect((await s.api('PATCH', '/halls/demo/services/svc-food', { token: sup, body: { closedOn: '2026-01-05' } })).status).toBe(200);
    expect((await services()).find((v) => v.serviceId === 'svc-food')).toMatchObject({ acceptingTickets: false, closedReason: 'service_closed' });
    expect((await s.api('PATCH', '/halls/demo/services/svc-reg', { token: admin, body: { dailyQuota: 1 } })).status).toBe(200);
    await issue('svc-reg');
    expect((await services()).find((v) => v.serviceId === 'svc-reg')).toMatchObject({ acceptingTickets: false, closedReason: 'quota_reached' });
    // What the view says is what issuing does.
    expect((await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-reg' } })).body.error.code).toBe('quota_reached');
  });

  test('kiosk ticket screen timeout: 20 s by default, set per hall, sent with the hall config', async () => {
    expect((await s.api('GET', '/halls/demo', { token: kiosk })).body).toMatchObject({ kioskTicketScreenSeconds: 20, noShowGraceSeconds: 120, noShowRule: 'requeue_once' });
    expect((await s.api('PATCH', '/halls/demo', { token: admin, body: { kioskTicketScreenSeconds: 45 } })).status).toBe(200);
    expect((await s.api('GET', '/halls/demo', { token: kiosk })).body.kioskTicketScreenSeconds).toBe(45);
    expect((await s.api('PATCH', '/halls/demo', { token: admin, body: { kioskTicketScreenSeconds: 1 } })).status).toBe(400);
  });
});
