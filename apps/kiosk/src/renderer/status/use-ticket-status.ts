// Follows one ticket from the visitor's phone through the public endpoints only: no token, no
// login, no personal data; the publicId in the address is the secret. Live over Socket.IO
// (`ticket.status`); it polls only while the socket is down, and slowly.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, createApiClient, followTicket } from '@hallq/client';
import type { ApiClient } from '@hallq/client';
import type { PublicTicketStatus } from '@hallq/shared';

/** While the live socket is down: one look every this many ms (the socket retries meanwhile). */
export const SLOW_POLL_MS = 15_000;

export function publicIdFromPath(pathname: string): string {
  const match = /\/t\/([^/?#]+)/.exec(pathname);
  return match?.[1] ? decodeURIComponent(match[1]) : '';
}

export type StatusPhase = 'loading' | 'ok' | 'not_found';

export interface TicketStatusState {
  phase: StatusPhase;
  ticket: PublicTicketStatus | null;
  /** Neither the socket nor the last poll reaches the server; the page keeps the last known state. */
  connectionLost: boolean;
  /** The live socket is up (no polling). */
  live: boolean;
  /** Increments whenever the status changes, so the page can flash the change. */
  changeCount: number;
  refresh(): void;
  api: ApiClient;
}

const keyOf = (s: PublicTicketStatus): string =>
  `${s.status}|${s.windowNumber ?? ''}|${s.calledAt ?? ''}|${s.recalledAt ?? ''}|${s.rating ?? ''}|${s.requeued ? 1 : 0}|${s.serviceId}|${s.stage}`;

export function useTicketStatus(publicId: string): TicketStatusState {
  const [api] = useState(() => createApiClient({ baseUrl: '', getToken: () => null }));
  const [phase, setPhase] = useState<StatusPhase>('loading');
  const [ticket, setTicket] = useState<PublicTicketStatus | null>(null);
  const [connectionLost, setConnectionLost] = useState(false);
  const [live, setLive] = useState(false);
  const [changeCount, setChangeCount] = useState(0);
  const lastKey = useRef<string | null>(null);
  const fetchNow = useRef<() => void>(() => undefined);

  const accept = useCallback((status: PublicTicketStatus) => {
    const key = keyOf(status);
    if (lastKey.current !== null && key !== lastKey.current) setChangeCount((n) => n + 1);
    lastKey.current = key;
    setTicket(status);
    setPhase('ok');
  }, []);

  useEffect(() => {
    if (!publicId) {
      setPhase('not_found');
      return;
    }
    let cancelled = false;
    let up = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const fetchOnce = async (): Promise<void> => {
      try {
        const status = await api.get<PublicTicketStatus>(`/public/tickets/${encodeURIComponent(publicId)}`);
        if (cancelled) return;
        accept(status);
        if (!up) setConnectionLost(false);
      } catch (err) {
        if (cancelled) return;
        if (err instanceof ApiError && err.status === 404) setPhase('not_found');
        else if (!up) setConnectionLost(true);
      }
    };
    // Slow polling runs only while the socket is down. Each failed reconnection reports "down"
    // again: a look already due keeps its time, or attempts every few seconds would put it off
    // for as long as the socket stays away.
    const schedule = (): void => {
      if (cancelled || up) {
        if (timer) clearTimeout(timer);
        timer = undefined;
        return;
      }
      if (timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        void fetchOnce().then(schedule);
      }, SLOW_POLL_MS);
    };
    fetchNow.current = () => void fetchOnce();
    void fetchOnce();
    const feed = followTicket(
      { url: window.location.origin, publicId },
      {
        onStatus: (status) => {
          if (!cancelled) accept(status);
        },
        onConnection: (state) => {
          if (cancelled) return;
          up = state === 'up';
          setLive(up);
          if (state === 'unknown') setPhase('not_found');
          if (up) setConnectionLost(false);
          schedule();
        },
      },
    );
    schedule();
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
      feed.close();
    };
  }, [api, publicId, accept]);

  const refresh = useCallback(() => fetchNow.current(), []);
  return { phase, ticket, connectionLost, live, changeCount, refresh, api };
}
