// Day boundaries are the hall's local midnights, DST days included.
import { computeStats } from './compute-stats';
import { EventLog } from './event-builder.test-util';
import { boundsOf, datesOf, localDateTime, localStamp, startOfLocalDay, weekdayOf } from './local-days';

const ctxOf = (timeZone: string, from: string, to: string) => {
  const { start, end } = boundsOf(from, to, timeZone);
  return { timeZone, from, to, start, end, now: end, waitTargetSeconds: 2400, services: new Map(), staffOrganisation: new Map() };
};

describe('local days in the hall\'s timezone', () => {
  test('Asia/Shanghai: a local day runs 16:00Z to 16:00Z', () => {
    expect(boundsOf('2026-01-05', '2026-01-05', 'Asia/Shanghai')).toEqual({
      start: Date.parse('2026-01-04T16:00:00Z'),
      end: Date.parse('2026-01-05T16:00:00Z'),
    });
  });

  test('Asia/Shanghai: 23:59:59 local belongs to the day, 00:00 local to the next, for tickets and hours', () => {
    const log = new EventLog()
      .issue('late', 'svc', '2026-01-05T15:59:59Z')
      .issue('next', 'svc', '2026-01-05T16:00:00Z')
      .call('late', 1, 's1', '2026-01-05T16:10:00Z'); // called after midnight: still counts on its issue day
    const day = computeStats(log.events, ctxOf('Asia/Shanghai', '2026-01-05', '2026-01-05'));
    expect([day.issued, day.byHour.map((r) => r.hour), day.waitSeconds.max]).toEqual([1, [23], 601]);
    const next = computeStats(log.events, ctxOf('Asia/Shanghai', '2026-01-06', '2026-01-06'));
    expect([next.issued, next.byHour.map((r) => r.hour), next.arrivals.cells]).toEqual([1, [0], [{ weekday: 2, hour: 0, issued: 1 }]]);
  });

  test('America/New_York spring forward: 2026-03-08 is 23 hours long', () => {
    const { start, end } = boundsOf('2026-03-08', '2026-03-08', 'America/New_York');
    expect(start).toBe(Date.parse('2026-03-08T05:00:00Z')); // midnight EST (-5)
    expect(end).toBe(Date.parse('2026-03-09T04:00:00Z')); // midnight EDT (-4)
    expect((end - start) / 3_600_000).toBe(23);
    const log = new EventLog().issue('a', 'svc', '2026-03-09T03:59:00Z').issue('b', 'svc', '2026-03-09T04:00:00Z');
    const day = computeStats(log.events, ctxOf('America/New_York', '2026-03-08', '2026-03-08'));
    expect([day.issued, day.byHour.map((r) => r.hour)]).toEqual([1, [23]]);
    expect(localStamp(Date.parse('2026-03-08T07:30:00Z'), 'America/New_York').hour).toBe(3); // 02:30 does not exist
  });

  test('Europe/London fall back: 2026-10-25 is 25 hours long', () => {
    const { start, end } = boundsOf('2026-10-25', '2026-10-25', 'Europe/London');
    expect([start, (end - start) / 3_600_000]).toEqual([Date.parse('2026-10-24T23:00:00Z'), 25]);
  });

  test('a zone whose clocks skip midnight starts its day at the first local instant (America/Santiago, 2026-09-06)', () => {
    const start = startOfLocalDay('2026-09-06', 'America/Santiago');
    expect(localStamp(start, 'America/Santiago').date).toBe('2026-09-06');
    expect(localStamp(start - 60_000, 'America/Santiago').date).toBe('2026-09-05');
  });

  test('date helpers', () => {
    expect(datesOf('2026-02-27', '2026-03-02')).toEqual(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']);
    expect([weekdayOf('2026-01-05'), weekdayOf('2026-01-11')]).toEqual([1, 7]);
    expect(localDateTime(Date.parse('2026-01-05T01:02:03Z'), 'Asia/Shanghai')).toBe('2026-01-05 09:02:03');
  });
});
