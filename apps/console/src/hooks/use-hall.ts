// Live hall data for a page: the config (reloaded on config.changed) and the realtime feed.
import type { Dispatch } from 'react';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { connectHall, latestRead } from '@hallq/client';
import type { ConnectionStatus } from '@hallq/client';
import type { HallConfig, HallEvent, HallState } from '@hallq/shared';
import { api } from '../lib/api';
import { hallReducer } from '../lib/hall-state';
import type { HallAction } from '../lib/hall-state';

/**
 * The hall's config, read again on `reload` (a config change, a resync). A read that fails (a lost
 * request, the server restarting) is tried again until answered: the page never stays on
 * "loading", nor on an old config, because one answer was lost.
 */
export function useHallConfig(hallId: string) {
  const [config, setConfig] = useState<HallConfig | null>(null);
  const reader = useMemo(() => {
    const page = { live: false };
    return { page, read: latestRead(() => api.get<HallConfig>(`/halls/${encodeURIComponent(hallId)}`), setConfig, { closed: () => !page.live }) };
  }, [hallId]);
  useEffect(() => {
    reader.page.live = true;
    void reader.read();
    return () => {
      reader.page.live = false;
    };
  }, [reader]);
  const reload = useCallback(() => void reader.read(), [reader]);
  return { config, reload };
}

export interface HallFeedState {
  /** Null until the first snapshot. */
  state: HallState | null;
  status: ConnectionStatus;
  dispatch: Dispatch<HallAction>;
}

/**
 * Connects the hall feed with the staff token; `onEvent` sees every event after it is applied.
 * `onResync` is called on every snapshot: a resync may stand in for config changes it passed over,
 * and the first may cover one made between the page's own reads and the feed's start, which no
 * event brings; what the page read beside the feed is read again.
 */
export function useHallFeed(hallId: string, token: string | null, onEvent?: (e: HallEvent) => void, onResync?: () => void): HallFeedState {
  const [state, dispatch] = useReducer(hallReducer, null);
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  const listener = useRef(onEvent);
  const resynced = useRef(onResync);
  useEffect(() => {
    listener.current = onEvent;
    resynced.current = onResync;
  }, [onEvent, onResync]);

  useEffect(() => {
    if (!token) return;
    const connection = connectHall(
      { url: window.location.origin, token, hallId },
      {
        onState: (next) => dispatch({ type: 'state', state: next }),
        onEvent: (event) => listener.current?.(event),
        onSnapshot: () => resynced.current?.(),
        onStatus: (s) => setStatus(s),
      },
    );
    return () => connection.close();
  }, [hallId, token]);

  return { state, status, dispatch };
}
