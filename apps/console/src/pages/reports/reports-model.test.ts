import { arrivalsGrid, comparisonRows, lastDays, minutes, nextActions, percent, previousPeriod, shareTone, trends, waitByHour, waitTone } from './reports-model';

describe('reports page model', () => {
  test('ranges: the last 7 days and the period of the same length before', () => {
    const week = lastDays('2026-03-02', 7);
    expect(week).toEqual({ from: '2026-02-24', to: '2026-03-02' });
    expect(previousPeriod(week)).toEqual({ from: '2026-02-17', to: '2026-02-23' });
  });

  test('units a manager reads: minutes with one decimal, whole percentages with one decimal, null stays null', () => {
    expect([minutes(2400), minutes(1725), minutes(null)]).toEqual([40, 28.8, null]);
    expect([percent(0.75), percent(2 / 3), percent(null)]).toEqual([75, 66.7, null]);
  });

  test('tones: a wait within its target is ok, up to 1.5x warns; a share below its goal by more than 10 points is over', () => {
    expect([waitTone(2400, 2400), waitTone(3000, 2400), waitTone(7200, 2400), waitTone(null, 2400)]).toEqual(['ok', 'warn', 'over', 'none']);
    expect([shareTone(0.92, 0.9), shareTone(0.85, 0.9), shareTone(0.3, 0.9)]).toEqual(['ok', 'warn', 'over']);
  });

  test('wait by hour fills the hours between the first and the last with tickets', () => {
    const row = (hour: number, mean: number) => ({ hour, issued: 2, waitSeconds: { mean, p50: mean, p90: mean * 2, max: mean * 2 } });
    const points = waitByHour({ waitTargetSeconds: 2400, byHour: [row(9, 600), row(11, 3000)] as never });
    expect(points.map((p) => [p.label, p.meanWaitMin, p.targetMin, p.issued])).toEqual([
      ['09:00', 10, 40, 2],
      ['10:00', null, 40, 0],
      ['11:00', 50, 40, 2],
    ]);
  });

  test('arrivals grid: mean per day of each weekday, null for weekdays the range does not have', () => {
    const grid = arrivalsGrid({ cells: [{ weekday: 1, hour: 9, issued: 6 }, { weekday: 2, hour: 20, issued: 1 }], days: { 1: 2, 2: 1, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0 } });
    expect(grid.hours[0]).toBe(8);
    expect(grid.hours[grid.hours.length - 1]).toBe(20);
    expect(grid.rows[0]![grid.hours.indexOf(9)]).toBe(3);
    expect(grid.rows[1]![grid.hours.indexOf(20)]).toBe(1);
    expect(grid.rows[2]!.every((v) => v === null)).toBe(true);
    expect(grid.max).toBe(3);
  });

  test('trends by date in percentages', () => {
    const day = { date: '2026-01-05', issued: 4, withinTargetShare: 0.5, firstTimeAcceptedShare: 0.9, ratings: { satisfiedShare: null } };
    expect(trends({ byDate: [day] as never })).toEqual([{ date: '01-05', satisfiedPct: null, firstTimePct: 90, withinTargetPct: 50, issued: 4 }]);
  });

  test('before/after rows in minutes and percentages, with the change', () => {
    const rows = comparisonRows({
      changes: [
        { kpi: 'waitSeconds.mean', before: 7200, after: 2400, change: -4800, relativeChange: -2 / 3 },
        { kpi: 'firstTimeAcceptedShare', before: 0.3, after: 0.9, change: 0.6, relativeChange: 2 },
      ],
    });
    expect(rows).toEqual([
      { kpi: 'waitSeconds.mean', unit: 'min', before: 120, after: 40, change: -80 },
      { kpi: 'firstTimeAcceptedShare', unit: 'pct', before: 30, after: 90, change: 60 },
    ]);
  });

  test('follow-up steps offered follow the server\'s workflow', () => {
    expect(nextActions('open')).toEqual(['assign']);
    expect(nextActions('rectified')).toContain('review');
    expect(nextActions('reviewed')).toContain('close');
    expect(nextActions('closed')).toEqual([]);
  });
});
