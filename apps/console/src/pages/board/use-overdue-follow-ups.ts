// The hall's overdue 好差评 follow-ups for the board: asked on opening, every minute, and whenever
// `refresh` is called (the board calls it on each live bad rating). A failed answer keeps the last.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FollowUpList } from '@hallq/shared';
import { api } from '../../lib/api';
import { FOLLOW_UP_POLL_MS } from '../../lib/alerts';
import type { FollowUpDue } from '../../lib/alerts';

export function useOverdueFollowUps(hallId: string): { followUps: ReadonlyArray<FollowUpDue>; refresh(): void } {
  const [followUps, setFollowUps] = useState<ReadonlyArray<FollowUpDue>>([]);
  const asked = useRef(0);
  const refresh = useCallback(() => {
    const n = ++asked.current;
    api.get<Partial<FollowUpList>>(`/halls/${encodeURIComponent(hallId)}/follow-ups?status=overdue`).then(
      (answer) => {
        // Only the latest question's answer counts (a slow one must not undo a newer one).
        if (n === asked.current && Array.isArray(answer?.followUps)) setFollowUps(answer.followUps);
      },
      () => undefined,
    );
  }, [hallId]);
  useEffect(() => {
    refresh();
    const id = setInterval(refresh, FOLLOW_UP_POLL_MS);
    return () => {
      clearInterval(id);
      asked.current++; // ignore answers arriving after the board closed or the hall changed
    };
  }, [refresh]);
  return { followUps, refresh };
}
