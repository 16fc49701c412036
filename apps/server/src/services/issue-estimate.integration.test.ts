// The estimate given at issue comes from the hall's latest refresh of random forecasts, as the
// live estimates do, without a forecast in the issue request: the new ticket takes the place of
// its service's probe (priority or not), one learned gap between calls behind each ticket of its
// service taken since the refresh. An appointment, or a hall whose windows changed since the
// refresh, gets the one expected forecast as before.
import { estimateAtIssue, Forecast, waitRangeOf } from '@hallq/shared';
import { startDrivenServer, type TestServer } from '../test-support/test-server';
import { issueProbe } from './estimate-draws';
import { FORECAST_HORIZON_SECONDS } from './estimates';

describe('the estimate given at issue', () => {
  let s: TestServer;
  let kiosk: string;
  beforeEach(async () => {
    s = await startDrivenServer();
    kiosk = s.deviceToken('kiosk');
  });
  afterEach(() => s.close());

  const issue = async (body: Record<string, unknown> = {}) => {
    const r = await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-reg', ...body } });
    expect(r.status).toBe(201);
    return r.body.ticket;
  };
  const issueForecasts = (runs: jest.SpyInstance) => runs.mock.contexts.filter((f) => (f as unknown as { input: { until?: unknown } }).input.until !== undefined).length;

  test('from the refresh: the probe of its service, one gap further back per ticket taken since, and no forecast in the request', async () => {
    const m = s.server.deps.mirror.get('demo')!;
    for (let i = 0; i < 6; i++) await issue();
    s.server.broadcaster.refresh('demo');
    while (m.draws.seqs.length < 25) s.server.broadcaster.refresh('demo');
    const runs = jest.spyOn(Forecast.prototype, 'run');
    try {
      const probe = issueProbe(m, 'svc-reg', 'normal', true)!;
      expect(probe.gapSeconds).toBeGreaterThan(0);
      s.clock.advance(5);
      const first = await issue();
      const at = Date.parse(first.issuedAt);
      const a = estimateAtIssue(probe, 0, at, { horizonSeconds: FORECAST_HORIZON_SECONDS })!;
      expect(first.estimatedWaitSeconds).toBe(a.estimateSeconds);
      expect(first.estimatedWaitRange).toEqual(waitRangeOf(a.range, a.estimateSeconds));
      expect(first.peopleAhead).toBe(a.peopleAhead);
      // No refresh since: the next one is a gap behind the first, one more person ahead.
      const second = await issue();
      const b = estimateAtIssue(probe, 1, Date.parse(second.issuedAt), { horizonSeconds: FORECAST_HORIZON_SECONDS })!;
      expect(second.estimatedWaitSeconds).toBe(b.estimateSeconds);
      expect(second.estimatedWaitSeconds).toBeGreaterThan(first.estimatedWaitSeconds);
      expect(second.peopleAhead).toBe(first.peopleAhead + 1);
      // A priority visitor stands for the priority probe: ahead of the plain queue.
      const pri = await issue({ priority: true });
      const p = estimateAtIssue(issueProbe(m, 'svc-reg', 'priority', true)!, 0, Date.parse(pri.issuedAt), { horizonSeconds: FORECAST_HORIZON_SECONDS })!;
      expect(pri.estimatedWaitSeconds).toBe(p.estimateSeconds);
      expect(pri.estimatedWaitSeconds).toBeLessThan(first.estimatedWaitSeconds);
      // None of these ran a forecast of its own.
      expect(issueForecasts(runs)).toBe(0);
      // The event carries what the visitor was told.
      const events = s.server.deps.repos.log.eventsAfter('demo', 0, 10_000).filter((e) => e.type === 'ticket.issued');
      const ev = events.find((e) => e.type === 'ticket.issued' && e.ticket.id === second.id);
      expect(ev?.type === 'ticket.issued' && [ev.ticket.estimatedWaitSeconds, ev.ticket.peopleAhead]).toEqual([second.estimatedWaitSeconds, second.peopleAhead]);
    } finally {
      runs.mockRestore();
    }
  });

  test('tickets taken in the very millisecond of the refresh: those after it count as taken since, those it had do not', async () => {
    const m = s.server.deps.mirror.get('demo')!;
    for (let i = 0; i < 6; i++) await issue();
    // The clock stands still: the refresh and every ticket below share one millisecond.
    while (m.draws.seqs.length < 25) s.server.broadcaster.refresh('demo');
    const probe = issueProbe(m, 'svc-reg', 'normal', true)!;
    const first = await issue();
    const second = await issue();
    const third = await issue();
    expect(first.issuedAt).toBe(third.issuedAt);
    const at = Date.parse(first.issuedAt);
    expect([first, second, third].map((t) => t.estimatedWaitSeconds)).toEqual([0, 1, 2].map((k) => estimateAtIssue(probe, k, at, { horizonSeconds: FORECAST_HORIZON_SECONDS })!.estimateSeconds));
    expect([second.peopleAhead - first.peopleAhead, third.peopleAhead - first.peopleAhead]).toEqual([1, 2]);
  });

  test('windows changed since the refresh: the expected forecast answers, as before', async () => {
    const m = s.server.deps.mirror.get('demo')!;
    for (let i = 0; i < 4; i++) await issue();
    s.server.broadcaster.refresh('demo');
    const staff = await s.login('w02');
    expect((await s.api('POST', '/windows/win-2/sign-in', { token: staff, body: {} })).status).toBe(200);
    const runs = jest.spyOn(Forecast.prototype, 'run');
    try {
      const t = await issue();
      expect(t.estimatedWaitSeconds).not.toBeNull();
      expect(issueForecasts(runs)).toBe(1);
      expect(m.draws.seqs.length).toBeGreaterThan(0);
    } finally {
      runs.mockRestore();
    }
  });

  test('a queue past the horizon: no estimate at issue', async () => {
    const m = s.server.deps.mirror.get('demo')!;
    // One window, 120 visitors ahead at several minutes each: past the 12-hour horizon.
    const now = s.clock.read();
    for (let i = 0; i < 200; i++) m.waiting.add({ id: `far-${i}`, serviceId: 'svc-reg', stage: 0, queuedAt: now - 1000 * (200 - i), priority: false, appointmentAt: null });
    s.server.broadcaster.refresh('demo');
    const t = await issue();
    expect([t.estimatedWaitSeconds, t.peopleAhead, t.estimatedWaitRange]).toEqual([null, null, null]);
    for (let i = 0; i < 200; i++) m.waiting.remove(`far-${i}`);
  });
});
