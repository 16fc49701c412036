// Before / after, like the seed's pilot: the wait fell from 2 hours to 40 minutes.
import { compareStats } from './compare';
import { computeStats } from './compute-stats';
import { EventLog } from './event-builder.test-util';
import { boundsOf } from './local-days';
import type { HallStats } from './stats-service';

function day(date: string, waitMinutes: number, accepted: boolean[]): HallStats {
  const log = new EventLog();
  accepted.forEach((ok, i) => {
    const issued = Date.parse(`${date}T01:00:00Z`) + i * 60_000;
    const id = `${date}-${i}`;
    log.issue(id, 'svc', new Date(issued).toISOString())
      .call(id, 1, 's1', new Date(issued + waitMinutes * 60_000).toISOString())
      .start(id, new Date(issued + waitMinutes * 60_000).toISOString())
      .complete(id, new Date(issued + (waitMinutes + 10) * 60_000).toISOString(), ok);
  });
  const { start, end } = boundsOf(date, date, 'Asia/Shanghai');
  const stats = computeStats(log.events, {
    timeZone: 'Asia/Shanghai', from: date, to: date, start, end, now: end, waitTargetSeconds: 2400, services: new Map(), staffOrganisation: new Map(),
  });
  return { ...stats, followUps: { opened: 0, closed: 0, closedInTime: 0, rectified: 0, overdue: 0, rectificationRate: null } };
}

test('each KPI side by side with its change and relative change', () => {
  const before = day('2026-01-05', 120, [true, false, false, false, false, false, false, false, false, true]); // 2 h, 20 %
  const after = day('2026-02-05', 40, [true, true, true, true, true, true, true, true, true, false]); // 40 min, 90 %
  const c = compareStats(before, after);
  const of = (kpi: string) => c.changes.find((x) => x.kpi === kpi)!;
  expect(of('waitSeconds.mean')).toEqual({ kpi: 'waitSeconds.mean', before: 7200, after: 2400, change: -4800, relativeChange: -4800 / 7200 });
  expect(of('withinTargetShare')).toMatchObject({ before: 0, after: 1, change: 1, relativeChange: null }); // nothing to divide by
  expect(of('firstTimeAcceptedShare').before).toBeCloseTo(0.2, 10);
  expect(of('firstTimeAcceptedShare').after).toBeCloseTo(0.9, 10);
  expect(of('ratings.satisfiedShare')).toMatchObject({ before: null, after: null, change: null, relativeChange: null });
  expect(of('issued')).toMatchObject({ before: 10, after: 10, change: 0, relativeChange: 0 });
  expect(c.before.from).toBe('2026-01-05');
  expect(c.after.to).toBe('2026-02-05');
});
