import { changedWindows, emptyWindows, matrixOf, setTier, tierOf } from './tomorrow-model';

const windows = [
  { id: 'w1', skills: [{ serviceId: 'a', tier: 1 }, { serviceId: 'b', tier: 2 }] },
  { id: 'w2', skills: [{ serviceId: 'b', tier: 1 }] },
];

describe('skills matrix', () => {
  it('reads, sets and removes a cell; only changed windows are applied', () => {
    const m = matrixOf(windows);
    expect(tierOf(m, 'w1', 'b')).toBe(2);
    expect(tierOf(m, 'w2', 'a')).toBe(0);
    const m2 = setTier(setTier(m, 'w2', 'a', 2), 'w1', 'b', 0);
    expect(m2.w1).toEqual([{ serviceId: 'a', tier: 1 }]);
    expect(m2.w2).toEqual([{ serviceId: 'b', tier: 1 }, { serviceId: 'a', tier: 2 }]);
    expect(Object.keys(changedWindows(m, m2))).toEqual(['w1', 'w2']);
    expect(changedWindows(m, setTier(m, 'w1', 'b', 2))).toEqual({});
    // The same skills in another order are no change.
    expect(changedWindows(m, { ...m, w1: [...m.w1!].reverse() })).toEqual({});
  });

  it('a window left with no skill is named', () => {
    expect(emptyWindows(setTier(matrixOf(windows), 'w2', 'b', 0))).toEqual(['w2']);
  });
});
