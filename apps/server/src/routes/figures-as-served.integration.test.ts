// Figures that do not change when the hall does: KPIs and the contractor statement use the staff
// member's organisation and the service's wait target as they were when the ticket was served
// (recorded on the call event), so moving a person or changing a target later rewrites nothing.
import { startTestServer, type TestServer } from '../test-support/test-server';

describe('figures as they were when served', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  test('moving a staff member to another organisation and changing the wait target leave past figures as they were', async () => {
    const admin = await s.login('admin');
    const kiosk = s.deviceToken('kiosk');
    const w5 = await s.login('w05');
    await s.api('POST', '/windows/win-5/sign-in', { token: w5 });
    const t = (await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-food' } })).body.ticket;
    s.clock.advance(20 * 60); // waited 20 minutes
    expect((await s.api('POST', '/windows/win-5/call-next', { token: w5 })).body.ticket.id).toBe(t.id);
    await s.api('POST', `/tickets/${t.id}/start`, { token: w5 });
    await s.api('POST', `/tickets/${t.id}/complete`, { token: w5, body: {} });
    const ev = s.server.db.prepare("SELECT payload FROM events WHERE type = 'ticket.called'").get() as { payload: string };
    expect(JSON.parse(ev.payload)).toMatchObject({ organisationId: 'gov', waitTargetSeconds: expect.any(Number) });

    const q = '/halls/demo/stats?from=2026-01-05&to=2026-01-05';
    const before = (await s.api('GET', q, { token: admin })).body;
    const orgsBefore = before.byOrganisation.map((r: { organisationId: string; served: number }) => [r.organisationId, r.served]);
    expect(orgsBefore).toEqual([['gov', 1]]);

    // Later: w05 moves to the contractor, and the food service's target drops to one minute.
    const staff = (await s.api('GET', '/halls/demo/staff', { token: admin })).body.staff.find((x: { username: string }) => x.username === 'w05');
    expect((await s.api('PATCH', `/halls/demo/staff/${staff.id}`, { token: admin, body: { organisationId: 'contractor' } })).status).toBe(200);
    expect((await s.api('PATCH', '/halls/demo/services/svc-food', { token: admin, body: { waitTargetSeconds: 60 } })).status).toBe(200);

    const after = (await s.api('GET', q, { token: admin })).body;
    expect(after.byOrganisation.map((r: { organisationId: string; served: number }) => [r.organisationId, r.served])).toEqual(orgsBefore);
    expect(after.withinTargetShare).toBe(before.withinTargetShare);
    expect(after.byService).toEqual(before.byService);
  });
});
