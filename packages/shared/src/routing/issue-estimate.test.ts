import { callGapSeconds, estimateAtIssue, issueProbeKind } from './issue-estimate';
import { drawnEstimate } from './wait-range';

describe('the estimate given at issue from the latest refresh', () => {
  const now = 1_000_000;
  const calls = Array.from({ length: 25 }, (_, k) => now + (600 + 10 * k) * 1000);

  test('no ticket taken since the refresh: the probe calls, as a live estimate gives them', () => {
    const a = estimateAtIssue({ calls, peopleAhead: 4, gapSeconds: 120 }, 0, now)!;
    const d = drawnEstimate(calls.map((c) => (c - now) / 1000))!;
    expect([a.estimateSeconds, a.range, a.peopleAhead]).toEqual([d.estimateSeconds, d.range, 4]);
  });

  test('each ticket taken since the refresh puts it one gap further back; time passed brings it forward', () => {
    const base = estimateAtIssue({ calls, peopleAhead: 4, gapSeconds: 120 }, 0, now)!;
    const two = estimateAtIssue({ calls, peopleAhead: 4, gapSeconds: 120 }, 2, now)!;
    expect(two.estimateSeconds).toBe(base.estimateSeconds + 240);
    expect(two.peopleAhead).toBe(6);
    const later = estimateAtIssue({ calls, peopleAhead: 4, gapSeconds: 120 }, 0, now + 60_000)!;
    expect(later.estimateSeconds).toBe(base.estimateSeconds - 60);
  });

  test('past the horizon (or not reached in most forecasts): no estimate', () => {
    expect(estimateAtIssue({ calls, peopleAhead: 4, gapSeconds: 120 }, 400, now, { horizonSeconds: 12 * 3600 })).toBeNull();
    expect(estimateAtIssue({ calls: calls.map((c, k) => (k < 13 ? Infinity : c)), peopleAhead: null, gapSeconds: 120 }, 0, now)).toBeNull();
  });

  test('the gap between calls: the middle of probe minus last waiting ticket, paired newest to newest', () => {
    const last = [now + 500_000, now + 520_000, now + 530_000];
    const probe = [now, now + 600_000, now + 650_000, now + 700_000];
    expect(callGapSeconds(probe, last, 99)).toBe(130);
    expect(callGapSeconds(probe, undefined, 99)).toBe(99);
    expect(callGapSeconds([Infinity], [now], 99)).toBe(99);
  });

  test('priority and plain tickets have a probe; a checked-in appointment does not', () => {
    expect(issueProbeKind({ priority: true, appointmentAt: null })).toBe('priority');
    expect(issueProbeKind({ priority: false, appointmentAt: null })).toBe('normal');
    expect(issueProbeKind({ priority: false, appointmentAt: now })).toBeNull();
  });
});
