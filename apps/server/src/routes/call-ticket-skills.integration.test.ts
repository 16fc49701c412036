// "Call this ticket" (out of order) respects the window's skills: a window calls only services it
// serves, as call-next does; the ticket refused stays waiting, untouched.
import { startTestServer, type TestServer } from '../test-support/test-server';

describe('calling one ticket out of order', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  test("a service outside the window's skills is refused with 403 not_window_skill; one inside is called", async () => {
    const admin = await s.login('admin');
    const kiosk = s.deviceToken('kiosk');
    expect((await s.api('PATCH', '/halls/demo/windows/win-5', { token: admin, body: { skills: [{ serviceId: 'svc-reg', tier: 1 }] } })).status).toBe(200);
    const w5 = await s.login('w05');
    expect((await s.api('POST', '/windows/win-5/sign-in', { token: w5 })).status).toBe(200);
    const food = (await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-food' } })).body.ticket;
    const reg = (await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-reg' } })).body.ticket;
    const refused = await s.api('POST', '/windows/win-5/call', { token: w5, body: { ticketId: food.id } });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'not_window_skill', details: { serviceId: 'svc-food', windowNumber: 5 } });
    expect((await s.api('GET', `/public/tickets/${food.publicId}`)).body.status).toBe('waiting');
    const called = await s.api('POST', '/windows/win-5/call', { token: w5, body: { ticketId: reg.id } });
    expect(called.status).toBe(200);
    expect(called.body.ticket).toMatchObject({ id: reg.id, status: 'called', windowNumber: 5 });
  });
});
