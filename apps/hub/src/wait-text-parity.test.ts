// The hub's pages write the wait rule again (they load without a bundler): it must read exactly
// as the phone, the wall display and the console read it.
import fc from 'fast-check';
import { waitMinutesText } from '@hallq/shared';
import { waitText } from '../web-src/wait-text';

describe("the hub pages' wait text", () => {
  it('is the shared one, in both languages, with and without a range (property)', () => {
    fc.assert(
      fc.property(fc.option(fc.nat(40_000)), fc.option(fc.tuple(fc.nat(40_000), fc.nat(40_000))), fc.constantFrom('zh' as const, 'en' as const), (e, r, lang) => {
        const range = r ? { lowSeconds: Math.min(...r), highSeconds: Math.max(...r) } : null;
        return waitText(lang, e, range) === waitMinutesText(lang, e, range);
      }),
      { numRuns: 2000 },
    );
  });

  it('shows the range', () => {
    expect(waitText('zh', 1200, { lowSeconds: 910, highSeconds: 1490 })).toBe('15–25\u00a0分钟');
    expect(waitText('en', 1200, { lowSeconds: 910, highSeconds: 1490 })).toBe('15–25\u00a0min');
    expect(waitText('en', 1200, null)).toBe('about 20\u00a0min');
  });
});
