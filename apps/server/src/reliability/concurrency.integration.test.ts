// Many windows calling at once while kiosks keep issuing and windows transfer tickets: a ticket is
// at one window at a time, and every ticket is finally served exactly once.
import { startTestServer, type TestServer } from '../test-support/test-server';

describe('concurrent issuing, calling and transferring', () => {
  let s: TestServer;
  afterEach(() => s.close());

  test('12 windows, 4 kiosks, transfers: each ticket at most at one window at a time, all served once', async () => {
    // The kiosks here issue far faster than real ones: their per-device limit is lifted.
    s = await startTestServer({ limits: { kioskIssueBurst: 1_000_000 } });
    const TOTAL = 600;
    const kiosk = s.deviceToken('kiosk');
    const services = ['svc-food', 'svc-consult', 'svc-reg'];
    const windows = await Promise.all(
      [1, 2, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14].map(async (n) => {
        const token = await s.login(`w${String(n).padStart(2, '0')}`);
        expect((await s.api('POST', `/windows/win-${n}/sign-in`, { token })).status).toBe(200);
        return { n, token };
      }),
    );
    let issued = 0;
    const kiosks = Array.from({ length: 4 }, async () => {
      while (issued < TOTAL) {
        issued++;
        const r = await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: services[issued % services.length] } });
        expect(r.status).toBe(201);
      }
    });
    const holder = new Map<string, number>(); // ticket -> window holding it now
    const done = new Set<string>();
    const transferred = new Set<string>();
    const violations: string[] = [];
    const serve = windows.map(async ({ n, token }) => {
      let idle = 0;
      while (idle < 20) {
        const r = await s.api('POST', `/windows/win-${n}/call-next`, { token });
        if (r.status === 204) {
          idle = issued >= TOTAL ? idle + 1 : 0;
          await new Promise((res) => setTimeout(res, 2));
          continue;
        }
        idle = 0;
        expect(r.status).toBe(200);
        const id = r.body.ticket.id as string;
        const other = holder.get(id);
        if (other !== undefined) violations.push(`${r.body.ticket.number} called at ${n} while at ${other}`);
        if (done.has(id)) violations.push(`${r.body.ticket.number} called after it was done`);
        holder.set(id, n);
        expect((await s.api('POST', `/tickets/${id}/start`, { token })).status).toBe(200);
        // One in four is sent on for another service once: back to waiting, kept number.
        if (!transferred.has(id) && id.charCodeAt(id.length - 1) % 4 === 0) {
          transferred.add(id);
          holder.delete(id);
          const t = await s.api('POST', `/tickets/${id}/transfer`, { token, body: { serviceId: 'svc-consult' } });
          expect(t.status).toBe(200);
          continue;
        }
        holder.delete(id);
        done.add(id);
        expect((await s.api('POST', `/tickets/${id}/complete`, { token })).status).toBe(200);
      }
    });
    await Promise.all([...kiosks, ...serve]);
    expect(violations).toEqual([]);
    expect(transferred.size).toBeGreaterThan(0);
    expect(done.size).toBe(TOTAL);
    expect(s.server.db.prepare('SELECT status, COUNT(*) AS n FROM tickets GROUP BY status').all()).toEqual([{ status: 'done', n: TOTAL }]);
    const calls = s.server.db
      .prepare("SELECT COUNT(*) AS n FROM events WHERE type = 'ticket.called'")
      .get() as { n: number };
    expect(calls.n).toBe(TOTAL + transferred.size);
    const ev = s.server.db.prepare('SELECT MAX(seq) AS hi, COUNT(*) AS n FROM events').get() as { hi: number; n: number };
    expect(ev.hi).toBe(ev.n);
  }, 120_000);
});
