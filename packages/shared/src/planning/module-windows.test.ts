import { intervalsOf, suggestSkills } from './module-windows';

describe('suggestSkills', () => {
  const windows = [
    { id: 'w1', number: 1, zone: 'A', skills: [{ serviceId: 'a1', tier: 1 }] },
    { id: 'w2', number: 2, zone: 'A', skills: [{ serviceId: 'b1', tier: 1 }] },
    { id: 'w3', number: 3, zone: 'B', skills: [{ serviceId: 'c1', tier: 1 }, { serviceId: 'a2', tier: 3 }, { serviceId: 'gone', tier: 2 }] },
  ];
  const services = [
    { id: 'a1', moduleId: 'A' },
    { id: 'a2', moduleId: 'A' },
    { id: 'b1', moduleId: 'B' },
    { id: 'c1', moduleId: 'C' },
  ];
  const byHour = (at: Record<number, Record<string, number>>) => Array.from({ length: 24 }, (_, h) => at[h] ?? {});

  it('gives each module its peak windows, open where needed, tier 2 for the neighbours in its zone, windows that already carry a module stay with it', () => {
    const plan = suggestSkills({ services, windows, windowsByModule: byHour({ 9: { A: 2, B: 1, C: 0 }, 10: { A: 1, B: 1, C: 1 }, 14: { A: 2 } }) });
    expect(plan.map((w) => [w.slot, w.moduleId, w.windowNumber, w.zone, w.tier1, w.tier2, w.open])).toEqual([
      [1, 'A', 1, 'A', ['a1', 'a2'], ['b1'], [{ from: 9, to: 11 }, { from: 14, to: 15 }]],
      // No other window carries module A: its second window is a new one (w2 stays with B, w3 with C).
      [2, 'A', null, 'A', ['a1', 'a2'], ['b1'], [{ from: 9, to: 10 }, { from: 14, to: 15 }]],
      [3, 'B', 2, 'A', ['b1'], ['a1', 'a2'], [{ from: 9, to: 11 }]],
      [4, 'C', 3, 'B', ['c1'], ['a2'], [{ from: 10, to: 11 }]], // a2: w3 serves it today
    ]);
  });

  it('intervals of hours', () => {
    expect(intervalsOf([14, 9, 10, 16])).toEqual([{ from: 9, to: 11 }, { from: 14, to: 15 }, { from: 16, to: 17 }]);
    expect(intervalsOf([])).toEqual([]);
  });
});
