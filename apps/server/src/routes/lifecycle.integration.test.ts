import { updateServiceSeconds } from '@hallq/shared';
import { startTestServer, type TestServer } from '../test-support/test-server';

describe('the counter lifecycle', () => {
  let s: TestServer;
  let kiosk: string;
  let w1: string;
  beforeEach(async () => {
    s = await startTestServer();
    kiosk = s.deviceToken('kiosk');
    w1 = await s.login('w01');
    expect((await s.api('POST', '/windows/win-1/sign-in', { token: w1 })).status).toBe(200);
  });
  afterEach(() => s.close());

  const issue = async (serviceId = 'svc-food') => (await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId } })).body.ticket;
  const post = (path: string, token: string, body?: unknown) => s.api('POST', path, { token, body });

  test('call-next -> start -> complete walks a ticket to done and frees the window', async () => {
    const t = await issue();
    const called = await post('/windows/win-1/call-next', w1);
    expect(called.status).toBe(200);
    expect(called.body.ticket).toMatchObject({ id: t.id, status: 'called', windowNumber: 1, windowId: 'win-1' });
    s.clock.advance(30);
    expect((await post(`/tickets/${t.id}/start`, w1)).body.ticket.status).toBe('serving');
    s.clock.advance(400);
    const done = await post(`/tickets/${t.id}/complete`, w1, { firstTimeAccepted: true, note: 'ok' });
    expect(done.status).toBe(200);
    expect(done.body.ticket.status).toBe('done');
    expect((await post('/windows/win-1/call-next', w1)).status).toBe(204);
  });

  test('call-next answers 204 when nothing is waiting for this window', async () => {
    expect((await post('/windows/win-1/call-next', w1)).status).toBe(204);
  });

  test('call-next while a ticket is still called or served is 409 window_busy', async () => {
    await issue();
    await issue();
    const t = (await post('/windows/win-1/call-next', w1)).body.ticket;
    const r = await post('/windows/win-1/call-next', w1);
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('window_busy');
    await post(`/tickets/${t.id}/start`, w1);
    expect((await post('/windows/win-1/call-next', w1)).body.error.code).toBe('window_busy');
  });

  test('staff may act only at the window they are signed in at', async () => {
    await issue();
    const w2 = await s.login('w02');
    const r = await post('/windows/win-1/call-next', w2);
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('window_not_signed_in');
    const taken = await post('/windows/win-1/sign-in', await s.login('super'));
    expect(taken.status).toBe(409);
    const notHers = await post('/windows/win-5/sign-in', w2);
    expect(notHers.status).toBe(403);
  });

  test('every illegal transition is 409 invalid_transition and changes nothing', async () => {
    const t = await issue();
    // waiting: cannot be started, completed, recalled, marked no-show, transferred
    for (const op of ['start', 'complete', 'recall', 'no-show']) {
      const r = await post(`/tickets/${t.id}/${op}`, w1);
      expect([op, r.status, r.body.error.code]).toEqual([op, 409, 'invalid_transition']);
    }
    expect((await post(`/tickets/${t.id}/transfer`, w1, { serviceId: 'svc-reg' })).body.error.code).toBe('invalid_transition');
    await post('/windows/win-1/call-next', w1);
    // called: cannot be completed
    expect((await post(`/tickets/${t.id}/complete`, w1)).body.error.code).toBe('invalid_transition');
    await post(`/tickets/${t.id}/start`, w1);
    // serving: cannot be started again, recalled or marked no-show
    for (const op of ['start', 'recall', 'no-show']) expect((await post(`/tickets/${t.id}/${op}`, w1)).body.error.code).toBe('invalid_transition');
    await post(`/tickets/${t.id}/complete`, w1);
    // done: nothing but a rating
    for (const op of ['start', 'complete', 'recall', 'no-show', 'cancel']) {
      expect((await post(`/tickets/${t.id}/${op}`, w1)).body.error.code).toBe('invalid_transition');
    }
    const q = await s.api('GET', '/halls/demo/queue', { token: kiosk });
    expect(q.body.windows.find((w: { id: string }) => w.id === 'win-1').current).toBeNull();
    const pub = await s.api('GET', `/public/tickets/${t.publicId}`);
    expect(pub.body.status).toBe('done');
  });

  test('recall keeps the ticket called; no-show closes it', async () => {
    const t = await issue();
    await post('/windows/win-1/call-next', w1);
    const r = await post(`/tickets/${t.id}/recall`, w1);
    expect(r.status).toBe(200);
    expect(r.body.ticket.status).toBe('called');
    expect((await post(`/tickets/${t.id}/no-show`, w1)).body.ticket.status).toBe('no_show');
  });

  test('transfer puts the ticket back to waiting for another service, keeping number and original time', async () => {
    const t = await issue('svc-food');
    s.clock.advance(60);
    const later = await issue('svc-reg');
    await post('/windows/win-1/call-next', w1); // tier-1 A service first at window 1
    const called = (await s.api('GET', '/halls/demo/queue', { token: kiosk })).body.windows[0].current;
    expect(called.ticketId).toBe(later.id);
    s.clock.advance(120); // the hall's no-show grace time after the call
    expect((await post(`/tickets/${later.id}/no-show`, w1)).status).toBe(200);
    const food = (await post('/windows/win-1/call-next', w1)).body.ticket;
    expect(food.id).toBe(t.id);
    const moved = await post(`/tickets/${t.id}/transfer`, w1, { serviceId: 'svc-reg', stage: 1 });
    expect(moved.status).toBe(200);
    expect(moved.body.ticket).toMatchObject({ status: 'waiting', serviceId: 'svc-reg', stage: 1, number: t.number, issuedAt: t.issuedAt });
    // The officer's window 1 takes it again; a bad stage number is a 400.
    const again = (await post('/windows/win-1/call-next', w1)).body.ticket;
    expect(again.id).toBe(t.id);
    expect((await post(`/tickets/${t.id}/transfer`, w1, { serviceId: 'svc-reg', stage: 5 })).status).toBe(400);
  });

  test('staff cancel and visitor cancel; a visitor may cancel only while waiting', async () => {
    const a = await issue();
    const b = await issue();
    expect((await post(`/tickets/${a.id}/cancel`, w1)).body.ticket.status).toBe('cancelled');
    expect((await s.api('POST', `/public/tickets/${b.publicId}/cancel`)).body.status).toBe('cancelled');
    expect((await s.api('POST', `/public/tickets/${b.publicId}/cancel`)).body.error.code).toBe('invalid_transition');
    expect((await post('/windows/win-1/call-next', w1)).status).toBe(204);
  });

  test('pause stops calls until resume; sign-out is refused while a ticket is at the window', async () => {
    await issue();
    expect((await post('/windows/win-1/pause', w1, { reason: 'break' })).body.window).toMatchObject({ state: 'paused', pauseReason: 'break' });
    expect((await post('/windows/win-1/call-next', w1)).status).toBe(409);
    await post('/windows/win-1/resume', w1);
    const t = (await post('/windows/win-1/call-next', w1)).body.ticket;
    expect((await post('/windows/win-1/sign-out', w1)).body.error.code).toBe('window_busy');
    await post(`/tickets/${t.id}/recall`, w1); // after one recall a no-show needs no grace time
    expect((await post(`/tickets/${t.id}/no-show`, w1)).status).toBe(200);
    expect((await post('/windows/win-1/sign-out', w1)).body.window.state).toBe('closed');
  });

  test('one rating per ticket after service; a bad rating needs a reason and opens a follow-up', async () => {
    const t = await issue();
    const pad = s.deviceToken('rating-pad');
    expect((await post(`/tickets/${t.id}/rating`, pad, { level: 1 })).body.error.code).toBe('invalid_transition');
    await post('/windows/win-1/call-next', w1);
    await post(`/tickets/${t.id}/start`, w1);
    await post(`/tickets/${t.id}/complete`, w1);
    expect((await post(`/tickets/${t.id}/rating`, pad, { level: 5 })).status).toBe(400);
    const r = await post(`/tickets/${t.id}/rating`, pad, { level: 5, reason: 'too slow' });
    expect(r.status).toBe(201);
    expect(r.body.rating.followUpId).toEqual(expect.any(String));
    const fu = s.server.db.prepare('SELECT deadline FROM follow_ups WHERE ticket_id = ?').get(t.id) as { deadline: string };
    expect(fu.deadline).toBe('2026-01-26'); // Monday 2026-01-05 + 15 working days
    expect((await post(`/tickets/${t.id}/rating`, pad, { level: 1 })).body.error.code).toBe('already_rated');
    expect((await s.api('POST', `/public/tickets/${t.publicId}/rating`, { body: { level: 1 } })).body.error.code).toBe('already_rated');
    expect((await s.api('GET', `/public/tickets/${t.publicId}`)).body).toMatchObject({ rating: 5, canRate: false });
  });

  test('learned service time moves toward the observed time after a completion', async () => {
    const t = await issue();
    await post('/windows/win-1/call-next', w1);
    await post(`/tickets/${t.id}/start`, w1);
    s.clock.advance(800);
    await post(`/tickets/${t.id}/complete`, w1);
    const row = s.server.db.prepare("SELECT learned_service_seconds AS v FROM services WHERE id = 'svc-food'").get() as { v: number };
    expect(row.v).toBeCloseTo(updateServiceSeconds(300, 800));
    expect(row.v).toBeGreaterThan(300);
  });
});
