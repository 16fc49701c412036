// Starts the city hub pusher when HUB_URL/HUB_TOKEN are set; without them nothing runs.
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Clock } from '../services/clock';
import type { HallsMirror } from '../services/hall-mirror';
import type { Repos } from '../storage/repos';
import { hallPusherSource } from './hall-source';
import { HubPusher } from '@hallq/client';

export function startHubPusher(
  config: Config,
  repos: Repos,
  mirror: HallsMirror,
  clock: Clock,
  logger: Logger,
  publishedSeq?: (hallId: string) => number | undefined,
): HubPusher | null {
  if (!config.hub) return null;
  const halls = mirror.ids();
  const hallId = config.hub.hallId ?? (halls.length === 1 ? halls[0]! : null);
  if (!hallId || !halls.includes(hallId)) {
    logger.error({ halls }, 'HUB_URL is set but the hall to push is unknown: set HUB_HALL_ID to one of this server\'s halls');
    return null;
  }
  const pusher = new HubPusher({
    hubUrl: config.hub.url,
    token: config.hub.token,
    hallId,
    source: hallPusherSource(repos, mirror, hallId, config.hub.publicUrl ?? null, clock, publishedSeq),
    log: logger.child({ part: 'hub-pusher' }),
  });
  pusher.start();
  logger.info({ hub: config.hub.url, hallId }, 'pushing the event log to the city hub');
  return pusher;
}
