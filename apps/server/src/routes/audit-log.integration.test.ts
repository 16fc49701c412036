// The audit log reads like a log: sign-ins and sign-outs and the reasons given for calling out of
// order are in it, and it filters by who, what and when (local dates of the hall) with paging.
import { startTestServer, type TestServer } from '../test-support/test-server';

interface Entry {
  id: number;
  at: string;
  actor: { kind: string; id: string | null };
  action: string;
  target: string;
  details: Record<string, unknown> | null;
}

describe('audit log', () => {
  let s: TestServer;
  let admin: string;
  const entries = async (query = ''): Promise<Entry[]> => {
    const r = await s.api('GET', `/halls/demo/audit${query}`, { token: admin });
    expect(r.status).toBe(200);
    return r.body.entries as Entry[];
  };
  beforeAll(async () => {
    s = await startTestServer();
    admin = await s.login('admin');
  });
  afterAll(() => s.close());

  test('sign-ins, sign-outs and out-of-order call reasons are logged; filters by who, what and when; pages', async () => {
    const w5 = await s.login('w05');
    await s.api('POST', '/windows/win-5/sign-in', { token: w5 });
    const t = (await s.api('POST', '/halls/demo/tickets', { token: s.deviceToken('kiosk'), body: { serviceId: 'svc-reg' } })).body.ticket;
    expect((await s.api('POST', '/windows/win-5/call', { token: w5, body: { ticketId: t.id, reason: '老人优先' } })).status).toBe(200);
    expect((await s.api('PATCH', '/halls/demo/services/svc-reg', { token: admin, body: { active: true } })).status).toBe(200);
    s.clock.advance(24 * 3600); // the next local day (every session from before has ended)
    admin = await s.login('admin');
    const w6 = await s.login('w06');
    expect((await s.api('POST', '/auth/logout', { token: w6 })).status).toBe(204);

    const staff = (await s.api('GET', '/halls/demo/staff', { token: admin })).body.staff as Array<{ id: string; username: string }>;
    const id = (u: string) => staff.find((x) => x.username === u)!.id;

    const signIns = await entries('?action=auth.sign_in');
    expect(signIns.map((e) => e.details?.username)).toEqual(['w06', 'admin', 'w05', 'admin']);
    expect(JSON.stringify(signIns)).not.toMatch(/password|token/i);
    expect((await entries('?action=auth.sign_out')).map((e) => e.actor.id)).toEqual([id('w06')]);

    const calls = await entries('?action=ticket.call_out_of_order');
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ actor: { kind: 'staff', id: id('w05') }, target: t.id, details: { number: t.number, windowNumber: 5, reason: '老人优先' } });

    expect((await entries(`?actorId=${id('w05')}`)).map((e) => e.action).sort()).toEqual(['auth.sign_in', 'ticket.call_out_of_order']);
    expect((await entries('?action=service.')).map((e) => e.action)).toEqual(['service.update']);
    // When: local dates of the hall (Asia/Shanghai); the clock started 2026-01-05 10:00 there.
    expect((await entries('?from=2026-01-06&to=2026-01-06')).map((e) => e.action).sort()).toEqual(['auth.sign_in', 'auth.sign_in', 'auth.sign_out']);
    expect((await entries('?to=2026-01-05')).some((e) => e.action === 'auth.sign_out')).toBe(false);

    const first = await entries('?limit=2');
    expect(first).toHaveLength(2);
    const next = await entries(`?limit=2&before=${first[1]!.id}`);
    expect(next[0]!.id).toBeLessThan(first[1]!.id);

    for (const bad of ['?from=2026-13-01', '?action=DROP TABLE', '?limit=0', '?who=me']) {
      expect([bad, (await s.api('GET', `/halls/demo/audit${bad}`, { token: admin })).status]).toEqual([bad, 400]);
    }
  });
});
