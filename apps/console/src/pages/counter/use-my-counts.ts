// "My counts today" for the signed-in member of staff, tallied from the live events.
import { useCallback, useState } from 'react';
import type { HallEvent } from '@hallq/shared';
import { countEvent, loadCounts, saveCounts, type MyCounts } from './my-counts';

export function useMyCounts(staffId: string, windowId: string | null, today: string): { counts: MyCounts; count(e: HallEvent): void } {
  const [counts, setCounts] = useState(() => loadCounts(staffId, today));
  const count = useCallback(
    (e: HallEvent) =>
      setCounts((c) => {
        const next = countEvent(c, e, staffId, windowId);
        if (next !== c) saveCounts(staffId, today, next);
        return next;
      }),
    [staffId, windowId, today],
  );
  return { counts, count };
}
