// Live hall data for a page: the config (reloaded on config.changed) and the realtime feed.
import type { Dispatch } from 'react';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { connectHallFeed } from '@hallq/client';
import type { ConnectionStatus } from '@hallq/client';
import type { HallConfig, HallEvent, QueueSnapshot } from '@hallq/shared';
import { api } from '../lib/api';
import { emptyHallState, hallReducer } from '../lib/hall-state';
import type { HallAction, HallState } from '../lib/hall-state';

export function useHallConfig(hallId: string) {
  const [config, setConfig] = useState<HallConfig | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(() => {
    api.get<HallConfig>(`/halls/${encodeURIComponent(hallId)}`).then(setConfig, setError);
  }, [hallId]);
  useEffect(reload, [reload]);
  return { config, error, reload };
}

export interface HallFeedState {
  state: HallState;
  status: ConnectionStatus;
  dispatch: Dispatch<HallAction>;
}

/** Connects the hall feed with the staff token; `onEvent` sees every event after it is applied. */
export function useHallFeed(hallId: string, token: string | null, onEvent?: (e: HallEvent) => void): HallFeedState {
  const [state, dispatch] = useReducer(hallReducer, emptyHallState);
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  const listener = useRef(onEvent);
  useEffect(() => {
    listener.current = onEvent;
  }, [onEvent]);

  useEffect(() => {
    if (!token) return;
    const feed = connectHallFeed(
      { url: window.location.origin, token, hallId },
      {
        onSnapshot: (snapshot) => dispatch({ type: 'snapshot', snapshot }),
        onEvent: (event) => {
          dispatch({ type: 'event', event });
          listener.current?.(event);
        },
        onEstimates: (estimates) => dispatch({ type: 'estimates', estimates }),
        onStatus: (s) => setStatus(s),
      },
    );
    return () => feed.close();
  }, [hallId, token]);

  // An event we could not apply from what we knew: take a fresh snapshot over HTTP.
  useEffect(() => {
    if (!state.stale) return;
    api.get<QueueSnapshot>(`/halls/${encodeURIComponent(hallId)}/queue`).then((snapshot) => dispatch({ type: 'snapshot', snapshot }), () => undefined);
  }, [state.stale, hallId]);

  return { state, status, dispatch };
}
