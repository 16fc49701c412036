// What the pusher reads from the hall server: its event log (through the log repository, one
// batch at a time), its catalogue and its live estimates (from the in-memory mirror).
import type { HubHallInfo, HubLiveInfo } from '@hallq/shared';
import type { HallsMirror } from '../services/hall-mirror';
import { serviceViews } from '../services/estimates';
import type { Repos } from '../storage/repos';
import type { PusherSource } from '@hallq/client';

/**
 * `publishedSeq`: the hall's last published seq while a committed batch with events of the hall
 * waits for its flush (its events are in the log and in the mirror, not yet on disk), else
 * undefined: the hub gets nothing past what every client has been sent.
 */
export function hallPusherSource(
  repos: Repos,
  mirror: HallsMirror,
  hallId: string,
  publicUrl: string | null,
  now: () => number,
  publishedSeq: (hallId: string) => number | undefined = () => undefined,
): PusherSource {
  const lastSeq = (): number => publishedSeq(hallId) ?? repos.log.lastSeq(hallId);
  return {
    lastSeq,
    eventsAfter: (afterSeq, limit) => repos.log.eventsAfter(hallId, afterSeq, Math.min(afterSeq + limit, lastSeq())),
    hallInfo: (): HubHallInfo => {
      const m = mirror.get(hallId);
      if (!m) return { publicUrl };
      return {
        name: m.hall.name.zh,
        timezone: m.hall.timezone,
        waitTargetSeconds: m.hall.waitTargetSeconds,
        publicUrl,
        services: [...m.services.values()].map((s) => ({ id: s.id, name: s.name, waitTargetSeconds: s.waitTargetSeconds ?? null, moduleId: s.moduleId })),
      };
    },
    live: (): HubLiveInfo => {
      const m = mirror.get(hallId);
      return {
        services: m
          ? serviceViews(m, now()).map((s) => ({ serviceId: s.serviceId, estimatedWaitSeconds: s.estimatedWaitSeconds, estimatedWaitRange: s.estimatedWaitRange ?? null }))
          : [],
      };
    },
  };
}
