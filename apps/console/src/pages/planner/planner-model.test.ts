import { cellsOf, chartData, forecastBody, hourRange, intervalsText, parseCell, type ForecastResponse, type PlanResponse } from './planner-model';

const row = (at: Record<number, number>): number[] => Array.from({ length: 24 }, (_, h) => at[h] ?? 0);
const name = { zh: '事项', en: 'Service' };
const forecast: ForecastResponse = {
  from: '2026-01-01', to: '2026-01-28', days: 'all', datesInRange: 28, activeDays: 20, tickets: 100,
  arrivals: { a: row({ 7: 1, 9: 2.5 }), b: row({}), c: row({ 10: 1 }) },
  serviceTimes: {}, waitTargetMinutes: 30,
  services: [
    { id: 'a', code: 'A', name, moduleId: 'm', active: true },
    { id: 'b', code: 'B', name, moduleId: 'm', active: false },
    { id: 'c', code: 'C', name, moduleId: 'm', active: false },
  ],
};

describe('planner model', () => {
  it('rows for active services and inactive ones with visitors; hours 8..17 widened to the data', () => {
    const cells = cellsOf(forecast);
    expect(Object.keys(cells)).toEqual(['a', 'c']);
    expect(cells.a![9]).toBe('2.5');
    expect(hourRange(cells)).toEqual({ from: 7, to: 17 });
    expect(hourRange({})).toEqual({ from: 8, to: 17 });
  });

  it('parses typed cells: blank is 0, negative or text is invalid', () => {
    expect([parseCell(''), parseCell(' 3 '), parseCell('0.5'), parseCell('-1'), parseCell('abc')]).toEqual([0, 3, 0.5, null, null]);
    const cells = cellsOf(forecast);
    expect(forecastBody(cells)).toEqual({ forecast: { a: row({ 7: 1, 9: 2.5 }), c: row({ 10: 1 }) } });
    cells.c![3] = 'x';
    expect(forecastBody(cells)).toEqual({ invalid: ['c/3'] });
  });

  it('chart points for the hours shown, and open intervals as text', () => {
    const hours = Array.from({ length: 24 }, (_, h) => ({
      hour: h, arrivals: {}, totalArrivals: h === 9 ? 12 : 0, dedicated: {}, dedicatedTotal: h === 9 ? 3 : 0, byModule: {},
      recommended: h === 9 ? 2 : 0, pooled: h === 9 ? 2 : 0, expectedWithinTarget: null,
    }));
    const plan = { hours } as unknown as PlanResponse;
    expect(chartData(plan, { from: 8, to: 10 })).toEqual([
      { hour: '08:00', arrivals: 0, recommended: 0, dedicated: 0, pooled: 0 },
      { hour: '09:00', arrivals: 12, recommended: 2, dedicated: 3, pooled: 2 },
      { hour: '10:00', arrivals: 0, recommended: 0, dedicated: 0, pooled: 0 },
    ]);
    expect(intervalsText([{ from: 9, to: 11 }, { from: 14, to: 15 }])).toBe('09:00–11:00, 14:00–15:00');
  });
});
