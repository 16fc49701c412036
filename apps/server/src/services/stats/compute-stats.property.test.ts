// Invariants of the KPIs over random days of the hall: totals add up across every breakdown,
// shares are fractions, percentiles are ordered, and nothing is NaN.
import fc from 'fast-check';
import type { RatingLevel } from '@hallq/shared';
import { computeStats } from './compute-stats';
import type { Figures } from './figures';
import { EventLog } from './event-builder.test-util';
import { boundsOf } from './local-days';

const TZ = 'Asia/Shanghai';
const FROM = '2026-01-05';
const TO = '2026-01-07';
const base = Date.parse('2026-01-04T15:00:00Z'); // an hour before the range starts

const ticket = fc.record({
  issuedMin: fc.integer({ min: 0, max: 4 * 24 * 60 }),
  service: fc.constantFrom('svc-a', 'svc-b'),
  path: fc.constantFrom('wait', 'cancel', 'no_show', 'done', 'transfer_done', 'serving'),
  waitMin: fc.integer({ min: 0, max: 300 }),
  serveMin: fc.integer({ min: 1, max: 60 }),
  window: fc.integer({ min: 1, max: 4 }),
  accepted: fc.constantFrom(true, false, null),
  rating: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
});

type RandomTicket = typeof ticket extends fc.Arbitrary<infer T> ? T : never;

function build(tickets: RandomTicket[]): EventLog {
  // Each ticket's own events in order; tickets interleave by time, as in a real log.
  const steps: Array<{ at: number; apply: (log: EventLog) => void }> = [];
  const iso = (ms: number) => new Date(ms).toISOString();
  tickets.forEach((t, i) => {
    const id = `t${i}`;
    const issued = base + t.issuedMin * 60_000;
    const called = issued + t.waitMin * 60_000;
    const staff = `s${t.window}`;
    const add = (at: number, apply: (log: EventLog) => void) => steps.push({ at, apply });
    add(issued, (l) => l.issue(id, t.service, iso(issued)));
    if (t.path === 'wait') return;
    if (t.path === 'cancel') return add(issued + 1000, (l) => l.cancel(id, iso(issued + 1000)));
    add(called, (l) => l.call(id, t.window, staff, iso(called)));
    if (t.path === 'no_show') return add(called + 1000, (l) => l.noShow(id, iso(called + 1000)));
    add(called + 1000, (l) => l.start(id, iso(called + 1000)));
    if (t.path === 'serving') return;
    let end = called + 1000 + t.serveMin * 60_000;
    if (t.path === 'transfer_done') {
      const moved = end;
      add(moved, (l) => l.transfer(id, iso(moved), { stage: 1 }));
      const again = moved + t.waitMin * 30_000;
      add(again, (l) => l.call(id, 1 + (t.window % 4), `s${1 + (t.window % 4)}`, iso(again)));
      add(again + 1000, (l) => l.start(id, iso(again + 1000)));
      end = again + 1000 + t.serveMin * 60_000;
    }
    const done = end;
    add(done, (l) => l.complete(id, iso(done), t.accepted));
    if (t.rating !== null) add(done + 1000, (l) => l.rate(id, iso(done + 1000), t.rating as RatingLevel));
  });
  const log = new EventLog();
  steps.sort((a, b) => a.at - b.at).forEach((s) => s.apply(log));
  return log;
}

const sum = (rows: Array<{ issued: number }>) => rows.reduce((s, r) => s + r.issued, 0);

function numbersOf(value: unknown, out: number[] = []): number[] {
  if (typeof value === 'number') out.push(value);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) numbersOf(v, out);
  return out;
}

function checkFigures(s: Figures): void {
  for (const share of [s.withinTargetShare, s.firstTimeAcceptedShare, s.ratings.satisfiedShare]) {
    if (share !== null) expect(share >= 0 && share <= 1).toBe(true);
  }
  const w = s.waitSeconds;
  if (w.mean !== null) expect(w.p50! <= w.p90! && w.p90! <= w.max! && w.mean <= w.max!).toBe(true);
  expect(s.served + s.noShow + s.cancelled).toBeLessThanOrEqual(s.issued);
  expect(Object.values(s.ratings.byLevel).reduce((a, b) => a + b, 0)).toBe(s.ratings.count);
}

test('totals add up over every breakdown, shares are fractions, nothing is NaN', () => {
  const { start, end } = boundsOf(FROM, TO, TZ);
  fc.assert(
    fc.property(fc.array(ticket, { maxLength: 60 }), (tickets) => {
      const stats = computeStats(build(tickets).events, {
        timeZone: TZ, from: FROM, to: TO, start, end, now: end,
        waitTargetSeconds: 2400,
        services: new Map([['svc-a', { moduleId: 'm1', waitTargetSeconds: null }], ['svc-b', { moduleId: 'm2', waitTargetSeconds: 600 }]]),
        staffOrganisation: new Map([['s1', 'gov'], ['s2', 'gov'], ['s3', 'contractor'], ['s4', 'contractor']]),
      });
      for (const rows of [stats.byService, stats.byModule, stats.byHour, stats.byDate]) {
        expect(sum(rows)).toBe(stats.issued);
        expect(rows.reduce((s, r) => s + r.served, 0)).toBe(stats.served);
        expect(rows.reduce((s, r) => s + r.ratings.count, 0)).toBe(stats.ratings.count);
      }
      expect(stats.arrivals.cells.reduce((s, c) => s + c.issued, 0)).toBe(stats.issued);
      // Every done ticket has exactly one done visit, at one window, by one staff member.
      for (const rows of [stats.byWindow, stats.byStaff, stats.byOrganisation]) expect(rows.reduce((s, r) => s + r.served, 0)).toBe(stats.served);
      expect(stats.byWindow.reduce((s, r) => s + r.transferred, 0)).toBe(stats.transferred);
      for (const s of [stats, ...stats.byService, ...stats.byWindow, ...stats.byStaff, ...stats.byHour, ...stats.byDate]) checkFigures(s);
      for (const w of stats.byWindow) if (w.utilisation !== null) expect(w.utilisation >= 0 && w.utilisation <= 1).toBe(true);
      expect(numbersOf(stats).every(Number.isFinite)).toBe(true);
    }),
    { numRuns: 150 },
  );
});
