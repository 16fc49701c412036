// What the wait estimator learns from the hall's own visits, beyond each service's mean time:
// per service and stage the mean and mean square of service times (their spread), and per service
// the share of called visitors who never came. Each is moved by every observation with the shared
// learning weight and kept in SQLite; a service with nothing learned yet starts from the hall's
// finished visits in its history, else from its configured time (with a typical spread) and no
// no-shows.
import { priorMoments, stageKey, updateMoments, updateShare, type ServiceTimeMoments } from '@hallq/shared';
import type { Tx } from '../storage/tx';
import type { Repos } from '../storage/repos';
import type { StoredService } from '../storage/service-repo';
import type { StoredTicket } from '../storage/ticket-repo';

export interface EstimateLearning {
  /** By `stageKey(service, stage)`. */
  stageTimes: Map<string, ServiceTimeMoments>;
  /** By service. */
  noShowShare: Map<string, number>;
}

/** A hall's learned figures: stored ones first, else its history's (for services with none stored). */
export function loadLearning(repos: Repos, hallId: string, services: Iterable<StoredService>): EstimateLearning {
  const stageTimes = new Map<string, ServiceTimeMoments>();
  for (const t of repos.services.stageTimesOfHall(hallId)) stageTimes.set(stageKey(t.serviceId, t.stage), { mean: t.mean, square: t.square });
  const noShowShare = new Map<string, number>();
  const list = [...services];
  for (const s of list) if (s.learnedNoShowShare !== null) noShowShare.set(s.id, s.learnedNoShowShare);
  const missing = list.some((s) => !noShowShare.has(s.id) || s.stages.some((_, k) => !stageTimes.has(stageKey(s.id, k))));
  if (missing) {
    const history = repos.services.learningFromHistory(hallId);
    for (const t of history.stageTimes) {
      const key = stageKey(t.serviceId, t.stage);
      if (!stageTimes.has(key)) stageTimes.set(key, { mean: t.mean, square: t.square });
    }
    for (const [id, share] of history.noShowShare) if (!noShowShare.has(id)) noShowShare.set(id, share);
  }
  return { stageTimes, noShowShare };
}

/** The moments of a stage: learned, else the service's learned or configured mean with a typical spread. */
export function stageMoments(learning: EstimateLearning, s: StoredService, stage: number): ServiceTimeMoments {
  return learning.stageTimes.get(stageKey(s.id, stage)) ?? priorMoments(s.learnedServiceSeconds ?? s.expectedServiceSeconds);
}

/** A visitor's stage was served in `seconds`: the stage's moments learn it (stored, applied after commit). */
export function learnServed(repos: Repos, tx: Tx, learning: EstimateLearning, s: StoredService & { hallId: string }, stage: number, seconds: number): void {
  const stored = repos.services.stageTimes(s.id, stage);
  const next = updateMoments(stored ?? stageMoments(learning, s, stage), seconds);
  repos.services.putStageTimes({ serviceId: s.id, stage, ...next });
  tx.effects.push({ kind: 'service-time', hallId: s.hallId, serviceId: s.id });
}

/** A visitor called at a service's first stage came (started) or did not (no-show). */
export function learnCalled(repos: Repos, tx: Tx, learning: EstimateLearning, t: StoredTicket, noShow: boolean): void {
  if (t.stage !== 0) return;
  const s = repos.services.get(t.hallId, t.serviceId);
  if (!s) return;
  const prior = s.learnedNoShowShare ?? learning.noShowShare.get(s.id) ?? 0;
  repos.services.setLearnedNoShowShare(s.id, updateShare(prior, noShow));
  tx.effects.push({ kind: 'service-time', hallId: t.hallId, serviceId: s.id });
}

/** After a commit that changed a service's learned figures: the mirror's copy follows the stored ones. */
export function reloadLearning(repos: Repos, learning: EstimateLearning, s: StoredService): void {
  for (let k = 0; k < s.stages.length; k++) {
    const t = repos.services.stageTimes(s.id, k);
    if (t) learning.stageTimes.set(stageKey(s.id, k), { mean: t.mean, square: t.square });
  }
  if (s.learnedNoShowShare !== null) learning.noShowShare.set(s.id, s.learnedNoShowShare);
}
