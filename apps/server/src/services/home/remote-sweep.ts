// Expires passed-over remote tickets whose grace is over, even when no window calls meanwhile.
import type { AppDeps } from '../../app-deps';
import { expireOverdue, hasOverdue } from './remote-queue';

export function startRemoteSweep(deps: AppDeps, everyMs: number): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    const now = deps.clock();
    const halls = deps.mirror.ids().map((id) => deps.mirror.get(id)!).filter((m) => hasOverdue(m, now));
    if (halls.length === 0) return;
    running = true;
    deps
      .run((tx) => halls.reduce((n, m) => n + expireOverdue(deps, tx, m), 0))
      .catch((err: unknown) => deps.logger.error({ err }, 'remote ticket expiry failed'))
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
