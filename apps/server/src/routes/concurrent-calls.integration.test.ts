import { startTestServer, type TestServer } from '../test-support/test-server';

describe('16 windows calling at once', () => {
  let s: TestServer;
  afterEach(() => s.close());

  test('never share a ticket, and every ticket is served exactly once', async () => {
    // The kiosks here issue far faster than real ones: their per-device limit is lifted.
    s = await startTestServer({ limits: { kioskIssueBurst: 1_000_000 } });
    const kiosk = s.deviceToken('kiosk');
    const services = ['svc-reg', 'svc-food', 'svc-consult'];
    const total = 2000;
    // Issue in parallel bursts: many commands per transaction.
    for (let i = 0; i < total; i += 200) {
      await Promise.all(
        Array.from({ length: 200 }, (_, j) =>
          s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: services[(i + j) % services.length] } }),
        ),
      );
    }
    const windows = await Promise.all(
      Array.from({ length: 16 }, async (_, i) => {
        const n = i + 1;
        const token = await s.login(`w${String(n).padStart(2, '0')}`);
        expect((await s.api('POST', `/windows/win-${n}/sign-in`, { token })).status).toBe(200);
        return { n, token };
      }),
    );
    const served = new Map<string, number>();
    let duplicates = 0;
    await Promise.all(
      windows.map(async ({ n, token }) => {
        for (;;) {
          const r = await s.api('POST', `/windows/win-${n}/call-next`, { token });
          if (r.status === 204) return;
          expect(r.status).toBe(200);
          const id = r.body.ticket.id as string;
          if (served.has(id)) duplicates++;
          served.set(id, n);
          const start = await s.api('POST', `/tickets/${id}/start`, { token });
          expect(start.status).toBe(200);
          const done = await s.api('POST', `/tickets/${id}/complete`, { token });
          expect(done.status).toBe(200);
        }
      }),
    );
    expect(duplicates).toBe(0);
    expect(served.size).toBe(total);
    const statuses = s.server.db.prepare('SELECT status, COUNT(*) AS n FROM tickets GROUP BY status').all();
    expect(statuses).toEqual([{ status: 'done', n: total }]);
    // The event log is gapless: seq 1..N.
    const seqs = s.server.db.prepare("SELECT MIN(seq) AS lo, MAX(seq) AS hi, COUNT(*) AS n FROM events WHERE hall_id = 'demo'").get() as {
      lo: number;
      hi: number;
      n: number;
    };
    expect(seqs.lo).toBe(1);
    expect(seqs.hi).toBe(seqs.n);
  }, 300_000);
});
