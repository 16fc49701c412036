import { startTestServer, type TestServer } from '../test-support/test-server';

// Window 3 is staffed by a helper (contractor); svc-chg and stage 1 of svc-reg are officers-only.
describe('the negative list: helpers never serve officers-only stages', () => {
  let s: TestServer;
  let kiosk: string;
  let helper: string;
  beforeEach(async () => {
    s = await startTestServer();
    kiosk = s.deviceToken('kiosk');
    helper = await s.login('w03');
    await s.api('POST', '/windows/win-3/sign-in', { token: helper });
  });
  afterEach(() => s.close());

  const issue = async (serviceId: string) => (await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId } })).body.ticket;

  test('call-next at a helper window skips officers-only tickets', async () => {
    await issue('svc-chg');
    expect((await s.api('POST', '/windows/win-3/call-next', { token: helper })).status).toBe(204);
    const reg = await issue('svc-reg'); // stage 0 (pre-review) is open to helpers
    expect((await s.api('POST', '/windows/win-3/call-next', { token: helper })).body.ticket.id).toBe(reg.id);
  });

  test('calling an officers-only ticket out of order is 403 stage_not_allowed', async () => {
    const t = await issue('svc-chg');
    const r = await s.api('POST', '/windows/win-3/call', { token: helper, body: { ticketId: t.id, reason: 'urgent' } });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('stage_not_allowed');
    const q = await s.api('GET', '/halls/demo/queue', { token: kiosk });
    expect(q.body.waiting.map((w: { id: string }) => w.id)).toEqual([t.id]);
  });

  test('a ticket a helper transfers to an officers-only stage lands at officer windows only', async () => {
    const t = await issue('svc-reg');
    await s.api('POST', '/windows/win-3/call-next', { token: helper });
    await s.api('POST', `/tickets/${t.id}/start`, { token: helper });
    const moved = await s.api('POST', `/tickets/${t.id}/transfer`, { token: helper, body: { serviceId: 'svc-reg', stage: 1 } });
    expect(moved.body.ticket.stage).toBe(1);
    expect((await s.api('POST', '/windows/win-3/call-next', { token: helper })).status).toBe(204);
    const officer = await s.login('w01');
    await s.api('POST', '/windows/win-1/sign-in', { token: officer });
    expect((await s.api('POST', '/windows/win-1/call-next', { token: officer })).body.ticket.id).toBe(t.id);
  });

  test('an officer may call out of order, with the reason in the call event', async () => {
    await issue('svc-food');
    const t = await issue('svc-chg');
    const officer = await s.login('w01');
    await s.api('POST', '/windows/win-1/sign-in', { token: officer });
    const r = await s.api('POST', '/windows/win-1/call', { token: officer, body: { ticketId: t.id, reason: 'elderly visitor' } });
    expect(r.status).toBe(200);
    const ev = s.server.db.prepare("SELECT payload FROM events WHERE type = 'ticket.called'").get() as { payload: string };
    expect(JSON.parse(ev.payload).outOfOrderReason).toBe('elderly visitor');
  });
});
