// Expected arrivals (E5) learned from the hall's own history: per service and local hour of the
// same kind of day, with the priority and appointment shares, learned at start and once a day by
// one indexed query per service; the live estimates expect those visitors, and a hall without such
// history expects none.
import { addDays } from '@hallq/shared';
import { startDrivenServer, type TestServer } from '../test-support/test-server';
import { ARRIVALS_BY_HOUR_SQL } from '../storage/ticket-repo';
import { expectedArrivals } from './estimate-arrivals';
import { localTime } from './clock';

describe('expected arrivals learned from the hall history', () => {
  let s: TestServer;
  let kiosk: string;
  beforeEach(async () => {
    s = await startDrivenServer();
    kiosk = s.deviceToken('kiosk');
  });
  afterEach(() => s.close());

  /** Finished tickets of a service on a past day, `n` at each of the given local hours. */
  function history(serviceId: string, date: string, hours: number[], n: number, opts: { priority?: boolean; appointmentLeadMin?: number } = {}): void {
    const m = s.server.deps.mirror.get('demo')!;
    const tz = m.hall.timezone;
    // The UTC ms of that day's local midnight: today's, moved by whole days.
    const now = s.clock.read();
    const [hh, mm] = localTime(now, tz).time.split(':').map(Number);
    const todayStart = Math.floor(now / 60_000) * 60_000 - (hh! * 60 + mm!) * 60_000;
    const days = Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${localTime(now, tz).date}T00:00:00Z`)) / 86_400_000);
    const start = todayStart + days * 86_400_000;
    const insert = s.server.db.prepare(
      `INSERT INTO tickets (id, hall_id, public_id, number, service_id, stage, status, priority, appointment_at, lang, issued_at, queued_at, service_date, remote)
       VALUES (?, 'demo', ?, ?, ?, 0, 'done', ?, ?, 'zh', ?, ?, ?, 0)`,
    );
    for (const h of hours) {
      for (let i = 0; i < n; i++) {
        const at = start + h * 3_600_000 + Math.floor((i * 3_600_000) / n);
        const id = `hist-${serviceId}-${date}-${h}-${i}`;
        const appointmentAt = opts.appointmentLeadMin === undefined ? null : at + opts.appointmentLeadMin * 60_000;
        insert.run(id, `p-${id}`, `H${h}-${i}-${serviceId}`, serviceId, opts.priority ? 1 : 0, appointmentAt, at, at, date);
      }
    }
  }

  const issue = async (serviceId: string) => {
    const r = await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId } });
    expect(r.status).toBe(201);
    return r.body.ticket;
  };

  /** Twenty-five random forecasts of the hall as it is now (five refreshes of five). */
  const refreshAll = (): void => {
    for (let i = 0; i < 5; i++) s.server.broadcaster.refresh('demo');
  };

  test('no history: no arrivals term, as without learning', async () => {
    const m = s.server.deps.mirror.get('demo')!;
    for (let i = 0; i < 3; i++) await issue('svc-reg');
    refreshAll();
    expect(m.arrivals).not.toBeNull();
    expect(m.arrivals!.services.size).toBe(0);
    expect(expectedArrivals(m, s.clock.read())).toBeUndefined();
    // Learned again when the local date changes.
    const first = m.arrivals!.date;
    s.clock.advance(24 * 3600);
    s.server.broadcaster.refresh('demo');
    expect(m.arrivals!.date).not.toBe(first);
  });

  test('more priority visitors of a service sharing the window in the history: longer waits for the others', async () => {
    const m = s.server.deps.mirror.get('demo')!;
    const tz = m.hall.timezone;
    const today = localTime(s.clock.read(), tz).date;
    const hour = Number(localTime(s.clock.read(), tz).time.slice(0, 2));
    for (let i = 0; i < 6; i++) await issue('svc-reg');
    refreshAll();
    const without = m.serviceWaits.get('svc-reg')!;
    const ticketWithout = m.estimates.get([...m.estimates.keys()].at(-1)!)!.estimatedWaitSeconds!;

    // Three past working days: 20 priority visitors an hour for svc-chg (win-1 serves it at the
    // same tier) around this hour, and a few plain svc-reg visitors with appointments.
    const past = [1, 2, 3].map((d) => addDays(today, -d)).filter((d) => {
      const wd = new Date(`${d}T00:00:00Z`).getUTCDay();
      return wd !== 0 && wd !== 6;
    });
    for (const d of past) {
      history('svc-chg', d, [hour, hour + 1, hour + 2], 20, { priority: true });
      history('svc-reg', d, [hour], 4, { appointmentLeadMin: 10 });
    }
    // Learned once a day: nothing changes until the local date does.
    const learned = m.arrivals;
    refreshAll();
    expect(m.arrivals).toBe(learned);
    m.arrivals = null; // as at start
    const queries = jest.spyOn(s.server.deps.repos.tickets, 'arrivalsByHour');
    try {
      refreshAll();
      // One query per service, once.
      expect(queries).toHaveBeenCalledTimes(m.services.size);
    } finally {
      queries.mockRestore();
    }
    const chg = m.arrivals!.services.get('svc-chg')!;
    expect(m.arrivals!.days.workday).toBe(past.length);
    expect(chg.perHour.workday[hour]).toBeCloseTo(20, 6);
    expect(chg.priorityShare).toBe(1);
    const reg = m.arrivals!.services.get('svc-reg')!;
    expect(reg.appointmentShare).toBe(1);
    expect(reg.appointmentLeadSeconds).toBeCloseTo(600, 6);
    const expected = expectedArrivals(m, s.clock.read())!;
    expect(expected.map((a) => a.serviceId).sort()).toEqual(['svc-chg', 'svc-reg']);
    expect(expected.find((a) => a.serviceId === 'svc-chg')!.ratePerHour(s.clock.read())).toBeCloseTo(20, 6);

    const withArrivals = m.serviceWaits.get('svc-reg')!;
    const ticketWith = m.estimates.get([...m.estimates.keys()].at(-1)!)!.estimatedWaitSeconds!;
    expect(withArrivals).toBeGreaterThan(without);
    expect(ticketWith).toBeGreaterThan(ticketWithout);
  });

  test('the history query is answered from the (hall, service, date) index', () => {
    const plan = s.server.db.prepare(`EXPLAIN QUERY PLAN ${ARRIVALS_BY_HOUR_SQL}`).all(0, 'demo', 'svc-reg', '2026-01-01', '2026-01-05') as Array<{ detail: string }>;
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING INDEX tickets_quota/);
  });
});
