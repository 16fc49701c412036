// A hall left running: day after day of tickets issued, called, served and rated, with a fake
// clock, in one server process. What the server holds in memory must not grow from day to day:
// the mirror ends each day empty, the live heap after a full GC stays flat.
// Default run: 3 days of 150 tickets. HALLQ_SOAK=1: 7 days of 2,000 (results in docs/performance.md).
import v8 from 'node:v8';
import vm from 'node:vm';
import { fixtureHall } from '../test-support/fixture-hall';
import { FakeClock } from '../test-support/fake-clock';
import { startTestServer, type TestServer } from '../test-support/test-server';

const SOAK = process.env.HALLQ_SOAK === '1';
const DAYS = SOAK ? 7 : 3;
const TICKETS_PER_DAY = SOAK ? 2000 : 150;
const WINDOWS = [1, 2, 5, 6, 7, 8];
const SERVICES = ['svc-reg', 'svc-chg', 'svc-food'];

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function openAllDay() {
  const hall = fixtureHall();
  return {
    ...hall,
    hall: { ...hall.hall, openingHours: null, holidays: [] },
    services: hall.services.map((s) => ({ ...s, openingHours: null, dailyQuota: null })),
  };
}

describe(`soak: ${DAYS} days of ${TICKETS_PER_DAY} tickets`, () => {
  let s: TestServer;
  const clock = new FakeClock(Date.parse('2026-01-05T01:00:00Z'));
  beforeAll(async () => {
    s = await startTestServer({ seed: openAllDay(), clock });
  });
  afterAll(() => s.close());

  async function serveOneDay(day: number): Promise<void> {
    clock.set(new Date(Date.parse('2026-01-05T01:00:00Z') + day * 86_400_000).toISOString());
    const kiosk = s.deviceToken('kiosk');
    const staff = await Promise.all(WINDOWS.map((n) => s.login(`w${String(n).padStart(2, '0')}`)));
    await Promise.all(WINDOWS.map((n, i) => s.api('POST', `/windows/win-${n}/sign-in`, { token: staff[i], body: {} })));
    let issued = 0;
    let served = 0;
    while (served < TICKETS_PER_DAY) {
      // A few visitors arrive, then every window serves one: the queue stays short, as in a day.
      const arrivals = Math.min(8, TICKETS_PER_DAY - issued);
      const replies = await Promise.all(
        Array.from({ length: arrivals }, (_, k) =>
          s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: SERVICES[(issued + k) % SERVICES.length] } }),
        ),
      );
      for (const r of replies) expect(r.status).toBe(201);
      issued += arrivals;
      clock.advance(30);
      await Promise.all(
        WINDOWS.map(async (n, i) => {
          const call = await s.api('POST', `/windows/win-${n}/call-next`, { token: staff[i], body: {} });
          // 204: nothing this window may serve is waiting right now.
          expect([200, 204]).toContain(call.status);
          if (call.status !== 200 || !call.body.ticket) return;
          const id = call.body.ticket.id as string;
          expect((await s.api('POST', `/tickets/${id}/start`, { token: staff[i], body: {} })).status).toBe(200);
          expect((await s.api('POST', `/tickets/${id}/complete`, { token: staff[i], body: {} })).status).toBe(200);
          served++;
        }),
      );
      clock.advance(60);
    }
    await Promise.all(WINDOWS.map((n, i) => s.api('POST', `/windows/win-${n}/sign-out`, { token: staff[i], body: {} })));
    await Promise.all(staff.map((token) => s.api('POST', '/auth/logout', { token, body: {} })));
  }

  test('the mirror ends each day empty and the live heap does not grow from day to day', async () => {
    const heap: number[] = [];
    for (let day = 0; day < DAYS; day++) {
      await serveOneDay(day);
      await new Promise((r) => setTimeout(r, 600)); // the throttled estimate refresh runs
      const m = s.server.deps.mirror.get('demo')!;
      expect([m.waiting.size, m.atWindows.size, m.estimates.size]).toEqual([0, 0, 0]);
      expect(m.recentCalls.length).toBeLessThanOrEqual(20);
      gc();
      heap.push(process.memoryUsage().heapUsed);
    }
    // Day 1 warms up (compiled code, statement cache); from then on the heap stays within noise.
    const settled = heap.slice(1);
    const growth = settled[settled.length - 1]! - settled[0]!;
    if (SOAK) console.log(`soak heap after GC per day (MB): ${heap.map((b) => (b / 2 ** 20).toFixed(1)).join(', ')}`);
    expect(growth).toBeLessThan(Math.max(4 * 2 ** 20, 0.1 * settled[0]!));
  }, (SOAK ? 60 : 4) * 60_000);
});
