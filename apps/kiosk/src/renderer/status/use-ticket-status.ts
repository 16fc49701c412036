// Follows one ticket from the visitor's phone through the public endpoints only: no token, no
// login, no personal data; the publicId in the address is the secret.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, createApiClient } from '@hallq/client';
import type { ApiClient } from '@hallq/client';
import type { PublicTicketStatus } from '@hallq/shared';

export const POLL_MS = 3000;
/** Right after a change (e.g. just called), look again sooner so the next step shows quickly. */
export const FAST_POLL_MS = 1000;

export function publicIdFromPath(pathname: string): string {
  const match = /\/t\/([^/?#]+)/.exec(pathname);
  return match?.[1] ? decodeURIComponent(match[1]) : '';
}

export type StatusPhase = 'loading' | 'ok' | 'not_found';

export interface TicketStatusState {
  phase: StatusPhase;
  ticket: PublicTicketStatus | null;
  /** The last poll failed to reach the server; the page keeps the last known state. */
  connectionLost: boolean;
  /** Increments whenever the status changes, so the page can flash the change. */
  changeCount: number;
  refresh(): void;
  api: ApiClient;
}

export function useTicketStatus(publicId: string): TicketStatusState {
  const [api] = useState(() => createApiClient({ baseUrl: '', getToken: () => null }));
  const [phase, setPhase] = useState<StatusPhase>('loading');
  const [ticket, setTicket] = useState<PublicTicketStatus | null>(null);
  const [connectionLost, setConnectionLost] = useState(false);
  const [changeCount, setChangeCount] = useState(0);
  const [tick, setTick] = useState(0);
  const lastKey = useRef<string | null>(null);

  useEffect(() => {
    if (!publicId) {
      setPhase('not_found');
      return;
    }
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async (): Promise<void> => {
      let next = POLL_MS;
      try {
        const status = await api.get<PublicTicketStatus>(`/public/tickets/${encodeURIComponent(publicId)}`);
        if (cancelled) return;
        const key = `${status.status}|${status.windowNumber ?? ''}|${status.calledAt ?? ''}|${status.rating ?? ''}`;
        if (lastKey.current !== null && key !== lastKey.current) {
          setChangeCount((n) => n + 1);
          next = FAST_POLL_MS;
        }
        lastKey.current = key;
        setTicket(status);
        setPhase('ok');
        setConnectionLost(false);
      } catch (err) {
        if (cancelled) return;
        if (err instanceof ApiError && err.status === 404) setPhase('not_found');
        else setConnectionLost(true);
        if (err instanceof ApiError && err.status === 429) next = POLL_MS * 3;
      }
      if (!cancelled) timer = setTimeout(() => void poll(), next);
    };
    void poll();
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  }, [api, publicId, tick]);

  const refresh = useCallback(() => setTick((n) => n + 1), []);
  return { phase, ticket, connectionLost, changeCount, refresh, api };
}
