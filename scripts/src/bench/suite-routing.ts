// Routing at scale: the engine and wait estimator in-process on a hall's shapes (5,000 waiting over
// 40 services, 60 windows with tiered skills); call-next over HTTP on the same shapes is
// suite-callnext.ts.
import {
  CandidateIndex,
  DEFAULT_ROUTING_POLICY,
  estimateWaits,
  pickNext,
  type EstimatorWindow,
  type RoutingContext,
  type RoutingTicket,
} from '@hallq/shared';
import { summarise, timeMs } from './measure';
import type { Row } from './report';

export const SERVICES = 40;
export const WINDOWS = 60;

/** Window i: tier 1 on service i % 40, tier 2 on the next, tier 3 on one further away. */
export function skillsOf(i: number, serviceIds: string[]): Array<{ serviceId: string; tier: number }> {
  const at = (k: number) => serviceIds[k % serviceIds.length]!;
  return [
    { serviceId: at(i), tier: 1 },
    { serviceId: at(i + 1), tier: 2 },
    { serviceId: at(i + 7), tier: 3 },
  ];
}

function syntheticQueue(tickets: number, now: number) {
  const serviceIds = Array.from({ length: SERVICES }, (_, i) => `s${i}`);
  const context: RoutingContext = {
    services: new Map(serviceIds.map((id) => [id, { id, waitTargetSeconds: 2400, stages: [{ officersOnly: false }] }])),
    policy: DEFAULT_ROUTING_POLICY,
  };
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const waiting: RoutingTicket[] = Array.from({ length: tickets }, (_, i) => ({
    id: `t${i}`,
    serviceId: serviceIds[Math.floor(rand() * SERVICES)]!,
    stage: 0,
    queuedAt: now - Math.floor(rand() * 3 * 3600_000),
    priority: rand() < 0.03,
    appointmentAt: rand() < 0.05 ? now + Math.floor(rand() * 3600_000) : null,
  }));
  const windows: EstimatorWindow[] = Array.from({ length: WINDOWS }, (_, i) => ({
    id: `w${i}`,
    skills: skillsOf(i, serviceIds),
    staffType: 'officer',
    open: true,
    busyUntil: rand() < 0.7 ? now + Math.floor(rand() * 900_000) : null,
  }));
  const serviceSeconds = new Map(serviceIds.map((id, i) => [id, 300 + (i % 5) * 120]));
  return { context, waiting, windows, serviceSeconds };
}

export function benchEngine(quick: boolean): Row[] {
  const now = Date.UTC(2026, 0, 5, 3);
  const q = syntheticQueue(5000, now);
  const reps = quick ? 200 : 1000;
  const scan = summarise(timeMs(() => pickNext(q.windows[reps % WINDOWS]!, q.waiting, q.context, now), reps));
  const index = new CandidateIndex(q.waiting);
  let k = 0;
  const indexed = summarise(timeMs(() => index.pick(q.windows[k++ % WINDOWS]!, q.context, now), reps));
  const est = syntheticQueue(1000, now);
  const sortBaseline = summarise(timeMs(() => [...est.waiting].sort((a, b) => a.queuedAt - b.queuedAt), quick ? 20 : 100));
  const estimate = summarise(
    timeMs(() => estimateWaits({ tickets: est.waiting, windows: est.windows, context: est.context, serviceSeconds: est.serviceSeconds, now }), quick ? 20 : 100),
  );
  return [
    { suite: 'routing engine', figure: 'call-next choice, full scan of 5,000 waiting', value: scan.mean, unit: 'ms', goal: '< 2 ms', met: scan.mean < 2 },
    { suite: 'routing engine', figure: 'candidate index pick, 5,000', value: indexed.mean, unit: 'ms', baseline: { name: 'full scan', value: scan.mean }, ratio: indexed.mean / scan.mean },
    {
      suite: 'wait estimator',
      figure: 'full re-estimate, 1,000 tickets',
      value: estimate.mean,
      unit: 'ms',
      baseline: { name: 'sort of the queue', value: sortBaseline.mean },
      ratio: estimate.mean / Math.max(0.001, sortBaseline.mean),
      goal: '< 20 ms',
      met: estimate.mean < 20,
    },
  ];
}
