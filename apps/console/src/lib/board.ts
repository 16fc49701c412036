// Per-service queue rows of the supervisor's board, live against the ticking clock.
import type { PublicTicket, Service, ServiceQueueView, WaitRange } from '@hallq/shared';
import { targetFor } from './queue';
import { secondsSince, waitLevel } from './wait-colour';
import type { WaitLevel } from './wait-colour';

export interface ServiceQueueRow {
  service: Service;
  waiting: number;
  longestWaitSeconds: number;
  estimatedWaitSeconds: number | null;
  /** Where a newcomer's call most likely falls; null without a range (the single figure is shown). */
  estimatedWaitRange: WaitRange | null;
  targetSeconds: number;
  /** Longest wait so far against the target. */
  waitLevel: WaitLevel;
  /** A newcomer's estimated wait against the target. */
  estimateLevel: WaitLevel;
  /** The worse of the two: the row's colour. */
  level: WaitLevel;
}

export function serviceQueues(
  services: ReadonlyArray<Service>,
  waiting: ReadonlyArray<PublicTicket>,
  estimates: ReadonlyArray<ServiceQueueView>,
  hallTargetSeconds: number,
  now: number,
): ServiceQueueRow[] {
  return services.map((service) => {
    const mine = waiting.filter((t) => t.serviceId === service.id);
    const longest = mine.reduce((m, t) => Math.max(m, secondsSince(t.issuedAt, now)), 0);
    const target = targetFor(service, hallTargetSeconds);
    const est = estimates.find((e) => e.serviceId === service.id);
    const levels = {
      wait: mine.length ? waitLevel(longest, target) : ('ok' as WaitLevel),
      estimate: est?.estimatedWaitSeconds != null ? waitLevel(est.estimatedWaitSeconds, target) : ('ok' as WaitLevel),
    };
    return {
      service,
      waiting: mine.length,
      longestWaitSeconds: longest,
      estimatedWaitSeconds: est ? est.estimatedWaitSeconds : null,
      estimatedWaitRange: est?.estimatedWaitRange ?? null,
      targetSeconds: target,
      waitLevel: levels.wait,
      estimateLevel: levels.estimate,
      // The row follows whichever is worse: the longest wait so far or the estimate for a newcomer.
      level: worse(levels.wait, levels.estimate),
    };
  });
}

const RANK: Record<WaitLevel, number> = { ok: 0, warn: 1, over: 2 };
export function worse(a: WaitLevel, b: WaitLevel): WaitLevel {
  return RANK[a] >= RANK[b] ? a : b;
}
