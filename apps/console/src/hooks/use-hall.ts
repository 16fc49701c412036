// Live hall data for a page: the config (reloaded on config.changed) and the realtime feed.
import type { Dispatch } from 'react';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { connectHall } from '@hallq/client';
import type { ConnectionStatus } from '@hallq/client';
import type { HallConfig, HallEvent, HallState } from '@hallq/shared';
import { api } from '../lib/api';
import { hallReducer } from '../lib/hall-state';
import type { HallAction } from '../lib/hall-state';

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
  /** Null until the first snapshot. */
  state: HallState | null;
  status: ConnectionStatus;
  dispatch: Dispatch<HallAction>;
}

/** Connects the hall feed with the staff token; `onEvent` sees every event after it is applied. */
export function useHallFeed(hallId: string, token: string | null, onEvent?: (e: HallEvent) => void): HallFeedState {
  const [state, dispatch] = useReducer(hallReducer, null);
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  const listener = useRef(onEvent);
  useEffect(() => {
    listener.current = onEvent;
  }, [onEvent]);

  useEffect(() => {
    if (!token) return;
    const connection = connectHall(
      { url: window.location.origin, token, hallId },
      {
        onState: (next) => dispatch({ type: 'state', state: next }),
        onEvent: (event) => listener.current?.(event),
        onStatus: (s) => setStatus(s),
      },
    );
    return () => connection.close();
  }, [hallId, token]);

  return { state, status, dispatch };
}
