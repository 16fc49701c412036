// Time in the hall's timezone, with the injected clock: numbering restarts at local midnight also
// across daylight-saving changes (Europe/Berlin, America/New_York), a clock jumping backwards
// never reuses a number nor breaks the event order, and a server started just before midnight
// carries on correctly after it, also through a restart.
import { fixtureHall } from '../test-support/fixture-hall';
import { FakeClock } from '../test-support/fake-clock';
import { startTestServer, type TestServer } from '../test-support/test-server';

const hallIn = (timezone: string) => {
  const h = fixtureHall();
  return { ...h, hall: { ...h.hall, timezone } };
};

function noDuplicatesAndGapless(s: TestServer): void {
  const dup = s.server.db.prepare('SELECT service_date, number, COUNT(*) AS n FROM tickets GROUP BY 1, 2 HAVING n > 1').all();
  expect(dup).toEqual([]);
  const ev = s.server.db.prepare('SELECT MIN(seq) AS lo, MAX(seq) AS hi, COUNT(*) AS n FROM events').get() as { lo: number; hi: number; n: number };
  expect(ev.lo).toBe(1);
  expect(ev.hi).toBe(ev.n);
}

describe('daily numbering across daylight-saving changes', () => {
  let s: TestServer;
  afterEach(() => s.close());

  test.each([
    // [zone, last instant of a local day (UTC), first instant of the next local day (UTC), local date after]
    ['Europe/Berlin', 'spring forward (23 h day)', '2026-03-28T22:59:59Z', '2026-03-28T23:00:00Z', '2026-03-29', '2026-03-29T21:59:59Z', '2026-03-29T22:00:00Z', '2026-03-30'],
    ['Europe/Berlin', 'fall back (25 h day)', '2026-10-24T21:59:59Z', '2026-10-24T22:00:00Z', '2026-10-25', '2026-10-25T22:59:59Z', '2026-10-25T23:00:00Z', '2026-10-26'],
    ['America/New_York', 'spring forward (23 h day)', '2026-03-08T04:59:59Z', '2026-03-08T05:00:00Z', '2026-03-08', '2026-03-09T03:59:59Z', '2026-03-09T04:00:00Z', '2026-03-09'],
    ['America/New_York', 'fall back (25 h day)', '2026-11-01T03:59:59Z', '2026-11-01T04:00:00Z', '2026-11-01', '2026-11-02T04:59:59Z', '2026-11-02T05:00:00Z', '2026-11-02'],
  ])('%s, %s: the day starts at local midnight, and only then', async (zone, _what, lastA, firstB, dateB, lastB, firstC, dateC) => {
    s = await startTestServer({ seed: hallIn(zone) });
    const kiosk = s.deviceToken('kiosk');
    const issue = async () => (await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-food' } })).body.ticket;
    s.clock.set(lastA);
    const a1 = await issue();
    const a2 = await issue();
    expect([a1.number, a2.number]).toEqual(['D001', 'D002']);
    expect(a1.serviceDate < dateB).toBe(true);
    s.clock.set(firstB);
    const b1 = await issue();
    expect([b1.number, b1.serviceDate]).toEqual(['D001', dateB]);
    // Through the whole short or long day, including a repeated or skipped hour, one sequence.
    const numbers = [b1.number];
    const span = Date.parse(lastB) - Date.parse(firstB);
    for (let i = 1; i <= 6; i++) {
      s.clock.now = Date.parse(firstB) + Math.floor((span * i) / 6);
      const t = await issue();
      expect(t.serviceDate).toBe(dateB);
      numbers.push(t.number);
    }
    expect(numbers).toEqual(['D001', 'D002', 'D003', 'D004', 'D005', 'D006', 'D007']);
    s.clock.set(firstC);
    const c1 = await issue();
    expect([c1.number, c1.serviceDate]).toEqual(['D001', dateC]);
    noDuplicatesAndGapless(s);
  });
});

describe('the clock jumping backwards', () => {
  let s: TestServer;
  afterEach(() => s.close());

  test('within a day: numbers continue, nothing is reused, every ticket is called once and served', async () => {
    s = await startTestServer();
    const kiosk = s.deviceToken('kiosk');
    const w9 = await s.login('w09');
    await s.api('POST', '/windows/win-9/sign-in', { token: w9 });
    const issue = async () => (await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-food' } })).body.ticket;
    s.clock.set('2026-01-05T06:00:00Z'); // 14:00 in Shanghai
    const before = [await issue(), await issue(), await issue()];
    s.clock.set('2026-01-05T03:00:00Z'); // an NTP correction: 3 hours back
    const after = [await issue(), await issue()];
    expect([...before, ...after].map((t) => t.number)).toEqual(['D001', 'D002', 'D003', 'D004', 'D005']);
    const served: string[] = [];
    for (;;) {
      const r = await s.api('POST', '/windows/win-9/call-next', { token: w9 });
      if (r.status === 204) break;
      expect(r.status).toBe(200);
      served.push(r.body.ticket.number);
      await s.api('POST', `/tickets/${r.body.ticket.id}/start`, { token: w9 });
      expect((await s.api('POST', `/tickets/${r.body.ticket.id}/complete`, { token: w9 })).status).toBe(200);
    }
    expect([...served].sort()).toEqual(['D001', 'D002', 'D003', 'D004', 'D005']);
    noDuplicatesAndGapless(s);
    // Event order is the seq, not the clock: replay is in seq order whatever the timestamps say.
    const seqs = s.server.deps.repos.log.eventsAfter('demo', 0, 10_000).map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  });

  test('back across midnight: the earlier day continues its own sequence, the new day keeps its numbers', async () => {
    s = await startTestServer();
    const kiosk = s.deviceToken('kiosk');
    const issue = async () => (await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-food' } })).body.ticket;
    s.clock.set('2026-01-05T15:59:50Z'); // 23:59:50 Monday, Shanghai
    expect((await issue()).number).toBe('D001');
    s.clock.set('2026-01-05T16:00:05Z'); // 00:00:05 Tuesday
    const tue = await issue();
    expect([tue.number, tue.serviceDate]).toEqual(['D001', '2026-01-06']);
    s.clock.set('2026-01-05T15:59:58Z'); // the clock is set back to Monday 23:59:58
    const mon = await issue();
    expect([mon.number, mon.serviceDate]).toEqual(['D002', '2026-01-05']);
    s.clock.set('2026-01-05T16:00:10Z');
    expect((await issue()).number).toBe('D002');
    noDuplicatesAndGapless(s);
  });
});

describe('a server started just before midnight', () => {
  test('started at 23:59:58 local, it resets at midnight, serves the evening tickets and keeps numbering through a restart', async () => {
    const clock = new FakeClock(Date.parse('2026-01-05T15:59:58Z')); // 23:59:58 in Shanghai
    let s = await startTestServer({ clock });
    const dataDir = s.dataDir;
    try {
      const kiosk = s.deviceToken('kiosk');
      const issue = async () => (await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-food' } })).body.ticket;
      const evening = [await issue(), await issue()];
      expect(evening.map((t) => [t.number, t.serviceDate])).toEqual([
        ['D001', '2026-01-05'],
        ['D002', '2026-01-05'],
      ]);
      clock.advance(3);
      const morning = await issue();
      expect([morning.number, morning.serviceDate]).toEqual(['D001', '2026-01-06']);
      await s.close();
      clock.advance(60);
      s = await startTestServer({ clock, dataDir, seed: null });
      const next = (await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-food' } })).body.ticket;
      expect([next.number, next.serviceDate]).toEqual(['D002', '2026-01-06']);
      // Yesterday's waiting visitors are not dropped at midnight: they are still called, first.
      const w9 = await s.login('w09');
      await s.api('POST', '/windows/win-9/sign-in', { token: w9 });
      const first = await s.api('POST', '/windows/win-9/call-next', { token: w9 });
      expect(first.body.ticket.number).toBe('D001');
      expect(first.body.ticket.serviceDate).toBe('2026-01-05');
      noDuplicatesAndGapless(s);
    } finally {
      await s.close();
    }
  });
});
