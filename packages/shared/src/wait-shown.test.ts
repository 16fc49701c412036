import fc from 'fast-check';
import { scaledWaitRange, waitMinutesText, waitRangeOf, waitShown } from './wait-shown';

describe('the range sent with an estimate', () => {
  it('holds the estimate, widened if need be', () => {
    expect(waitRangeOf([600, 1500], 900)).toEqual({ lowSeconds: 600, highSeconds: 1500 });
    expect(waitRangeOf([600, 800], 900)).toEqual({ lowSeconds: 600, highSeconds: 900 });
    expect(waitRangeOf([1000, 1500], 900)).toEqual({ lowSeconds: 900, highSeconds: 1500 });
  });

  it('is null without an estimate or range, and when the visitor is called at once (0-0)', () => {
    expect(waitRangeOf(null, 900)).toBeNull();
    expect(waitRangeOf(undefined, 900)).toBeNull();
    expect(waitRangeOf([600, 1500], null)).toBeNull();
    expect(waitRangeOf([0, 0], 0)).toBeNull();
  });

  it('never goes below zero and is whole seconds', () => {
    expect(waitRangeOf([-20.4, 100.6], 50)).toEqual({ lowSeconds: 0, highSeconds: 101 });
  });
});

describe('the range given at issue (the service range moved to the ticket estimate)', () => {
  it('is the service range itself when the ticket has the service estimate', () => {
    expect(scaledWaitRange([600, 1500], 900, 900)).toEqual({ lowSeconds: 600, highSeconds: 1500 });
  });

  it('keeps the relative width for a longer estimate', () => {
    const r = scaledWaitRange([600, 1500], 900, 1800)!;
    expect(r.lowSeconds).toBeLessThan(1800);
    expect(r.highSeconds).toBeGreaterThan(1800);
    expect(r.highSeconds - r.lowSeconds).toBeGreaterThan(1500 - 600);
  });

  it('stays sensible when a ticket of the service would be called at once', () => {
    const r = scaledWaitRange([0, 120], 0, 1200)!;
    expect(r).toEqual({ lowSeconds: 1200, highSeconds: 1800 });
  });

  it('is null without a service range, a service estimate or a ticket estimate', () => {
    expect(scaledWaitRange(null, 900, 900)).toBeNull();
    expect(scaledWaitRange([600, 1500], null, 900)).toBeNull();
    expect(scaledWaitRange([600, 1500], 900, null)).toBeNull();
  });

  it('always holds the estimate (property)', () => {
    fc.assert(
      fc.property(fc.nat(20_000), fc.nat(20_000), fc.nat(20_000), fc.nat(20_000), (a, b, s, e) => {
        const r = scaledWaitRange([Math.min(a, b), Math.max(a, b)], s, e);
        return r === null ? e === 0 : r.lowSeconds <= e && e <= r.highSeconds && r.lowSeconds >= 0;
      }),
    );
  });
});

describe('how a wait reads', () => {
  it('shows the range in whole minutes, low rounded down and high up', () => {
    expect(waitShown(1200, { lowSeconds: 910, highSeconds: 1490 })).toEqual({ kind: 'range', lowMinutes: 15, highMinutes: 25 });
  });

  it('never shows low = high', () => {
    expect(waitShown(600, { lowSeconds: 600, highSeconds: 600 })).toEqual({ kind: 'range', lowMinutes: 10, highMinutes: 11 });
  });

  it('reads "within N min" when the range starts below a minute, never 0-N', () => {
    expect(waitShown(120, { lowSeconds: 20, highSeconds: 300 })).toEqual({ kind: 'within', highMinutes: 5 });
  });

  it('says "under a minute" when the whole range is within a minute, never 0-0 or 0-1', () => {
    expect(waitShown(30, { lowSeconds: 0, highSeconds: 55 })).toEqual({ kind: 'under-minute' });
    expect(waitShown(0, { lowSeconds: 0, highSeconds: 60 })).toEqual({ kind: 'under-minute' });
  });

  it('falls back to the single figure (minutes rounded up) without a range', () => {
    expect(waitShown(720, null)).toEqual({ kind: 'about', minutes: 12 });
    expect(waitShown(721)).toEqual({ kind: 'about', minutes: 13 });
    expect(waitShown(45, null)).toEqual({ kind: 'under-minute' });
    expect(waitShown(null, { lowSeconds: 60, highSeconds: 120 })).toEqual({ kind: 'unknown' });
  });

  it('low < high whenever a range is shown, and it holds the estimate (property)', () => {
    fc.assert(
      fc.property(fc.nat(40_000), fc.nat(40_000), fc.nat(40_000), (a, b, e) => {
        const lo = Math.min(a, b, e);
        const hi = Math.max(a, b, e);
        const s = waitShown(e, { lowSeconds: lo, highSeconds: hi });
        if (s.kind === 'range') return s.lowMinutes >= 1 && s.lowMinutes < s.highMinutes && s.lowMinutes * 60 <= e && e <= s.highMinutes * 60;
        if (s.kind === 'within') return s.highMinutes >= 2 && e <= s.highMinutes * 60;
        return s.kind === 'under-minute' && hi <= 60;
      }),
    );
  });
});

describe('a wait as lists show it (wall display, board, hub pages)', () => {
  const plain = (s: string | null): string | null => (s === null ? null : s.replace(/\u00a0/g, ' '));

  it('shows the range in zh and en, with the phone\'s rounding', () => {
    expect(plain(waitMinutesText('zh', 1200, { lowSeconds: 910, highSeconds: 1490 }))).toBe('15–25 分钟');
    expect(plain(waitMinutesText('en', 1200, { lowSeconds: 910, highSeconds: 1490 }))).toBe('15–25 min');
  });

  it('reads "within" and "under a minute" as the phone does', () => {
    expect(plain(waitMinutesText('zh', 120, { lowSeconds: 20, highSeconds: 300 }))).toBe('5 分钟内');
    expect(plain(waitMinutesText('en', 120, { lowSeconds: 20, highSeconds: 300 }))).toBe('within 5 min');
    expect(plain(waitMinutesText('zh', 30, { lowSeconds: 0, highSeconds: 55 }))).toBe('不到 1 分钟');
    expect(plain(waitMinutesText('en', 30, null))).toBe('under a minute');
  });

  it('falls back to the single figure, then to nothing', () => {
    expect(plain(waitMinutesText('zh', 721, null))).toBe('约 13 分钟');
    expect(plain(waitMinutesText('en', 721))).toBe('about 13 min');
    expect(waitMinutesText('zh', null, { lowSeconds: 60, highSeconds: 120 })).toBeNull();
  });

  it('never lets a line break split the figures from their unit', () => {
    expect(waitMinutesText('en', 1200, { lowSeconds: 910, highSeconds: 1490 })).toBe('15–25\u00a0min');
    expect(waitMinutesText('zh', 1200, { lowSeconds: 910, highSeconds: 1490 })).not.toMatch(/ /);
  });
});
