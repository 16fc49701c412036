// KPIs on a fixed event fixture; every expected figure is worked out by hand in the comments.
import { computeStats, type StatsContext } from './compute-stats';
import { EventLog } from './event-builder.test-util';
import { boundsOf } from './local-days';

const TZ = 'Asia/Shanghai'; // UTC+8: 01:00Z is 09:00 local
const DAY = '2026-01-05'; // a Monday

function context(from = DAY, to = DAY, timeZone = TZ): StatsContext {
  const { start, end } = boundsOf(from, to, timeZone);
  return {
    timeZone, from, to, start, end, now: end + 3_600_000,
    waitTargetSeconds: 2400, // the hall's 40 minutes
    services: new Map([
      ['svc-a', { moduleId: 'mod-biz', waitTargetSeconds: null }], // uses the hall's target
      ['svc-b', { moduleId: 'mod-single', waitTargetSeconds: 600 }], // its own 10 minutes
    ]),
    staffOrganisation: new Map([['s1', 'gov'], ['s2', 'contractor']]),
  };
}

/*
 * T1 svc-a  issued 09:00, called 09:20 at window 1 by s1 (wait 1200 s), served 09:21-09:31 (600 s), accepted first time, rated 1
 * T2 svc-a  issued 09:05, called 09:50 at window 2 by s2 (wait 2700 s > 2400), served 09:51-10:01 (600 s), transferred to stage 1;
 *           called 10:11 at window 1 by s1 (600 s after the transfer), served 10:12-10:32 (1200 s), NOT accepted first time, rated 4
 * T3 svc-b  issued 09:10, called 09:20 at window 2 by s2 (wait 600 s = its own target: within), no-show 09:25
 * T4 svc-b  issued 10:00, cancelled by the visitor 10:10, never called
 * T5 svc-a  issued 10:30, called 11:10 at window 1 by s1 (wait 2400 s = target: within), served 11:10-11:15 (300 s), no flag, rated 3
 * T6        issued 23:59 local the day before: another day, with its call the next morning
 * T7        issued 00:00 local the next day: another day
 * Window 1 open 08:55-11:55 (3 h); window 2 open 09:00-10:00 and 10:30-11:00 (1.5 h), paused in between.
 */
function fixture(): EventLog {
  return new EventLog()
    .issue('T6', 'svc-a', '2026-01-04T15:59:00Z')
    .window(1, 'open', '2026-01-05T00:55:00Z', 's1')
    .issue('T1', 'svc-a', '2026-01-05T01:00:00Z')
    .window(2, 'open', '2026-01-05T01:00:00Z', 's2')
    .call('T6', 2, 's2', '2026-01-05T01:01:00Z')
    .noShow('T6', '2026-01-05T01:02:00Z')
    .issue('T2', 'svc-a', '2026-01-05T01:05:00Z')
    .issue('T3', 'svc-b', '2026-01-05T01:10:00Z')
    .call('T1', 1, 's1', '2026-01-05T01:20:00Z')
    .call('T3', 2, 's2', '2026-01-05T01:20:00Z')
    .start('T1', '2026-01-05T01:21:00Z')
    .noShow('T3', '2026-01-05T01:25:00Z')
    .complete('T1', '2026-01-05T01:31:00Z', true)
    .rate('T1', '2026-01-05T01:32:00Z', 1)
    .call('T2', 2, 's2', '2026-01-05T01:50:00Z')
    .start('T2', '2026-01-05T01:51:00Z')
    .issue('T4', 'svc-b', '2026-01-05T02:00:00Z')
    .window(2, 'paused', '2026-01-05T02:00:00Z', 's2')
    .transfer('T2', '2026-01-05T02:01:00Z', { stage: 1 })
    .cancel('T4', '2026-01-05T02:10:00Z')
    .call('T2', 1, 's1', '2026-01-05T02:11:00Z')
    .recall('T2', '2026-01-05T02:11:30Z')
    .start('T2', '2026-01-05T02:12:00Z')
    .issue('T5', 'svc-a', '2026-01-05T02:30:00Z')
    .window(2, 'open', '2026-01-05T02:30:00Z', 's2')
    .complete('T2', '2026-01-05T02:32:00Z', false)
    .rate('T2', '2026-01-05T02:33:00Z', 4)
    .window(2, 'closed', '2026-01-05T03:00:00Z')
    .call('T5', 1, 's1', '2026-01-05T03:10:00Z')
    .start('T5', '2026-01-05T03:10:00Z')
    .complete('T5', '2026-01-05T03:15:00Z', null)
    .rate('T5', '2026-01-05T03:16:00Z', 3)
    .window(1, 'closed', '2026-01-05T03:55:00Z')
    .issue('T7', 'svc-a', '2026-01-05T16:00:00Z');
}

describe('KPIs of one day, computed from the events', () => {
  const stats = computeStats(fixture().events, context());

  test('counts tickets of the local issue date only: issued, served (done), no-show, cancelled, transfers', () => {
    expect(stats).toMatchObject({ issued: 5, served: 3, noShow: 1, cancelled: 1, transferred: 1 });
  });

  test('a wait runs from issue to the first call: 600, 1200, 2400, 2700 s', () => {
    // mean 6900 / 4 = 1725; nearest rank: p50 = 2nd of 4 = 1200, p90 = 4th of 4 = 2700
    expect(stats.waitSeconds).toEqual({ mean: 1725, p50: 1200, p90: 2700, max: 2700 });
  });

  test('within target is over called tickets, a wait equal to the target meets it, the service target wins', () => {
    // T1 1200 <= 2400, T3 600 <= 600 (svc-b's own), T5 2400 <= 2400; T2 2700 > 2400 -> 3 / 4
    expect(stats.withinTargetShare).toBe(0.75);
  });

  test('service time is per served visit, start to completion or transfer: 300, 600, 600, 1200 s', () => {
    expect(stats.serviceSeconds).toEqual({ mean: 675, p50: 600, p90: 1200 });
  });

  test('first-time acceptance is over done tickets whose flag was given: T1 yes, T2 no, T5 unknown', () => {
    expect(stats.firstTimeAcceptedShare).toBe(0.5);
  });

  test('ratings by level; satisfied = levels 1..3 over all; bad = 4 and 5', () => {
    expect(stats.ratings).toEqual({ count: 3, byLevel: { 1: 1, 2: 0, 3: 1, 4: 1, 5: 0 }, satisfiedShare: 2 / 3, bad: 1 });
  });

  test('by service: the service the ticket was issued for', () => {
    const a = stats.byService.find((r) => r.serviceId === 'svc-a')!;
    const b = stats.byService.find((r) => r.serviceId === 'svc-b')!;
    expect(a).toMatchObject({ issued: 3, served: 3, noShow: 0, withinTargetShare: 2 / 3, waitSeconds: { mean: 2100, max: 2700 } });
    expect(b).toMatchObject({ issued: 2, served: 0, noShow: 1, cancelled: 1, withinTargetShare: 1, waitSeconds: { mean: 600 } });
    expect(stats.byModule.map((r) => [r.moduleId, r.issued])).toEqual([['mod-biz', 3], ['mod-single', 2]]);
  });

  test('by local hour of issue: 09h T1 T2 T3, 10h T4 T5', () => {
    expect(stats.byHour.map((r) => [r.hour, r.issued, r.waitSeconds.mean])).toEqual([
      [9, 3, Math.round((1200 + 2700 + 600) / 3)],
      [10, 2, 2400],
    ]);
  });

  test('by window and staff: each call is a visit, its wait runs from when the ticket joined that queue', () => {
    const w1 = stats.byWindow.find((r) => r.windowId === 'win-1')!;
    // T1 (1200, done, yes), T2 stage 1 (600 after the transfer, done, no), T5 (2400, done)
    expect(w1).toMatchObject({ windowNumber: 1, issued: 3, served: 3, withinTargetShare: 1, firstTimeAcceptedShare: 0.5, waitSeconds: { mean: 1400 } });
    const w2 = stats.byWindow.find((r) => r.windowId === 'win-2')!;
    // T2 stage 0 (2700, transferred on), T3 (600, no-show)
    expect(w2).toMatchObject({ windowNumber: 2, issued: 2, served: 0, noShow: 1, transferred: 1, withinTargetShare: 0.5 });
    expect(stats.byStaff.find((r) => r.staffId === 's1')).toMatchObject({ issued: 3, served: 3, ratings: { count: 3, bad: 1 } });
    expect(stats.byStaff.find((r) => r.staffId === 's2')).toMatchObject({ issued: 2, noShow: 1, ratings: { count: 0 } });
  });

  test('by organisation: the staff member\'s organisation does the work', () => {
    expect(stats.byOrganisation.map((r) => [r.organisationId, r.issued, r.served, r.noShow, r.transferred])).toEqual([
      ['contractor', 2, 0, 1, 1],
      ['gov', 3, 3, 0, 0],
    ]);
  });

  test('window utilisation: busy from call to end over signed-in open time', () => {
    const w1 = stats.byWindow.find((r) => r.windowId === 'win-1')!;
    // open 3 h = 10800 s; busy 660 (T1) + 1260 (T2 stage 1) + 300 (T5) = 2220 s
    expect([w1.openSeconds, w1.busySeconds]).toEqual([10800, 2220]);
    expect(w1.utilisation).toBeCloseTo(2220 / 10800, 10);
    const w2 = stats.byWindow.find((r) => r.windowId === 'win-2')!;
    // open 3600 + 1800 = 5400 s; busy 660 (T2 stage 0) + 300 (T3) = 960 s
    expect([w2.openSeconds, w2.busySeconds]).toEqual([5400, 960]);
  });

  test('arrivals by weekday x hour, and how many of each weekday the range has', () => {
    expect(stats.arrivals.cells).toEqual([
      { weekday: 1, hour: 9, issued: 3 },
      { weekday: 1, hour: 10, issued: 2 },
    ]);
    expect(stats.arrivals.days).toEqual({ 1: 1, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0 });
  });

  test('by date: one row per local date of the range, empty dates included', () => {
    const two = computeStats(fixture().events, context('2026-01-04', '2026-01-06'));
    expect(two.byDate.map((r) => [r.date, r.issued])).toEqual([['2026-01-04', 1], ['2026-01-05', 5], ['2026-01-06', 1]]);
    // T6 (01-04) was called 1 min after 09:00 next day: its wait counts on its issue day
    expect(two.byDate[0]!.waitSeconds.max).toBe(9 * 3600 + 2 * 60);
  });

  test('an empty period has zero counts and null (not NaN) figures', () => {
    const empty = computeStats([], context('2026-02-01', '2026-02-01'));
    expect(empty).toMatchObject({ issued: 0, withinTargetShare: null, firstTimeAcceptedShare: null, waitSeconds: { mean: null, p50: null, p90: null, max: null } });
    expect(empty.ratings.satisfiedShare).toBeNull();
    expect(JSON.stringify(empty)).not.toMatch(/NaN|Infinity/);
  });
});
