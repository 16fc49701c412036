import { startTestServer, type TestServer } from '../test-support/test-server';

// E1 at the edge: the estimate a visitor is given at issue comes from the forecast, also when
// many kiosks issue at the same moment and the requests share one transaction.
describe('estimates at issue', () => {
  let s: TestServer;
  beforeEach(async () => {
    s = await startTestServer();
  });
  afterEach(() => s.close());

  test('tickets issued together each get their own place: people ahead 0, 1, 2, ... and rising waits', async () => {
    const staff = await s.login('w01');
    expect((await s.api('POST', '/windows/win-1/sign-in', { token: staff, body: {} })).status).toBe(200);
    const kiosk = s.deviceToken('kiosk');
    const replies = await Promise.all(
      Array.from({ length: 12 }, () => s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-reg' } })),
    );
    const tickets = replies.map((r) => r.body.ticket).sort((a, b) => a.number.localeCompare(b.number));
    expect(tickets.map((t) => t.peopleAhead)).toEqual([...Array(12).keys()]);
    for (let i = 1; i < tickets.length; i++) expect(tickets[i].estimatedWaitSeconds).toBeGreaterThan(tickets[i - 1].estimatedWaitSeconds);

    // The stored ticket, the phone's status page and the ticket.issued event all agree.
    const last = tickets[11];
    const status = await s.api('GET', `/public/tickets/${last.publicId}`);
    expect(status.body.peopleAhead).toBe(11);
    const issued = s.server.deps.repos.log.eventsAfter('demo', 0, 1000).filter((e) => e.type === 'ticket.issued');
    const event = issued.find((e) => e.type === 'ticket.issued' && e.ticket.id === last.id);
    expect(event?.type === 'ticket.issued' && event.ticket.peopleAhead).toBe(11);
  });

  test('a retried request with the same Idempotency-Key gets the same completed reply', async () => {
    const staff = await s.login('w01');
    await s.api('POST', '/windows/win-1/sign-in', { token: staff, body: {} });
    const kiosk = s.deviceToken('kiosk');
    const headers = { 'idempotency-key': 'tap-1' };
    const [a, b] = await Promise.all([
      s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-reg' }, headers }),
      s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-reg' }, headers }),
    ]);
    const c = await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-reg' }, headers });
    expect(a.body.ticket.id).toBe(b.body.ticket.id);
    expect(c.body).toEqual(a.body);
    expect(c.body.ticket.peopleAhead).toBe(0);
  });

  test('the wait shown per service is for one visitor arriving now: services do not queue behind each other', async () => {
    const staff = await s.login('w01');
    await s.api('POST', '/windows/win-1/sign-in', { token: staff, body: {} });
    const kiosk = s.deviceToken('kiosk');
    const empty = await s.api('GET', '/halls/demo/queue', { token: kiosk });
    const waits = Object.fromEntries(empty.body.services.map((v: { serviceId: string; estimatedWaitSeconds: number | null }) => [v.serviceId, v.estimatedWaitSeconds]));
    // Window 1 serves all four services and nobody waits: each would be called at once.
    expect(waits).toEqual({ 'svc-reg': 0, 'svc-chg': 0, 'svc-food': 0, 'svc-consult': 0 });
    await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-reg' } });
    const one = await s.api('GET', '/halls/demo/queue', { token: kiosk });
    const after = Object.fromEntries(one.body.services.map((v: { serviceId: string; estimatedWaitSeconds: number | null }) => [v.serviceId, v.estimatedWaitSeconds]));
    expect(after['svc-reg']).toBeGreaterThan(0);
    expect(after['svc-consult']).toBeGreaterThan(0);
  });
});
