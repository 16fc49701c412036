// The kiosk's link to its hall: pairing, hall configuration, live per-service waits and whether
// the server can be reached at all (no ticket is ever issued without it).
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, connectHallFeed, createApiClient, fetchMe, forgetDeviceToken, obtainDeviceToken, pairWithDemo } from '@hallq/client';
import type { ApiClient, ConnectionStatus } from '@hallq/client';
import type { HallConfig, QueueEstimates, ServiceQueueView, WaitRange } from '@hallq/shared';

export type HallPhase = 'loading' | 'ready' | 'unpaired';

export interface TicketEstimate {
  peopleAhead: number | null;
  estimatedWaitSeconds: number | null;
  estimatedWaitRange?: WaitRange | null;
}

export interface HallConnection {
  phase: HallPhase;
  api: ApiClient;
  hall: HallConfig | null;
  queues: Map<string, ServiceQueueView>;
  ticketEstimates: Map<string, TicketEstimate>;
  /** True while the server cannot be reached: ticketing is paused. */
  serverDown: boolean;
  /** Called by the take-ticket flow when the server stopped answering. */
  markServerDown(): void;
  /** The server speaks a newer realtime protocol: live waits stop; this kiosk needs an update. */
  outdated: boolean;
}

const RETRY_MS = 3000;

export function useHallConnection(): HallConnection {
  const tokenRef = useRef<string | null>(null);
  const [api] = useState(() => createApiClient({ baseUrl: '', getToken: () => tokenRef.current }));
  const [phase, setPhase] = useState<HallPhase>('loading');
  const [hall, setHall] = useState<HallConfig | null>(null);
  const [queues, setQueues] = useState<Map<string, ServiceQueueView>>(new Map());
  const [ticketEstimates, setTicketEstimates] = useState<Map<string, TicketEstimate>>(new Map());
  const [httpDown, setHttpDown] = useState(false);
  const [feedStatus, setFeedStatus] = useState<ConnectionStatus>('connecting');
  const [reloadCount, setReloadCount] = useState(0);

  const applyServices = useCallback((services: ServiceQueueView[]) => {
    setQueues(new Map(services.map((s) => [s.serviceId, s])));
  }, []);

  // Pair and load the hall; retried every few seconds while the server is away.
  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async (): Promise<void> => {
      try {
        if (!tokenRef.current) tokenRef.current = await obtainDeviceToken('kiosk', '', window.location, window.localStorage);
        if (!tokenRef.current) {
          if (!cancelled) setPhase('unpaired');
          return;
        }
        let hallId: string;
        try {
          hallId = (await fetchMe(api)).hallId;
        } catch (err) {
          if (!(err instanceof ApiError) || err.status !== 401) throw err;
          // A revoked or stale token: in demo mode from loopback, pair again once.
          forgetDeviceToken('kiosk', window.localStorage);
          tokenRef.current = await pairWithDemo('kiosk', '', window.localStorage);
          if (!tokenRef.current) {
            if (!cancelled) setPhase('unpaired');
            return;
          }
          hallId = (await fetchMe(api)).hallId;
        }
        const config = await api.get<HallConfig>(`/halls/${encodeURIComponent(hallId)}`);
        if (cancelled) return;
        setHall(config);
        setHttpDown(false);
        setPhase('ready');
      } catch (err) {
        if (cancelled) return;
        // Refused, or the server did not say which hall this kiosk belongs to: pair it (again).
        if (err instanceof ApiError && (err.status === 401 || err.status === 403 || err.code === 'bad_me_answer')) {
          setPhase('unpaired');
          return;
        }
        setHttpDown(true);
        timer = setTimeout(() => void load(), RETRY_MS);
      }
    };
    void load();
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  }, [api, reloadCount]);

  // Live queues and estimates.
  const hallId = hall?.id ?? null;
  useEffect(() => {
    if (!hallId || !tokenRef.current) return;
    const feed = connectHallFeed(
      { url: window.location.origin, token: tokenRef.current, hallId },
      {
        onSnapshot: (snapshot) => {
          applyServices(snapshot.services ?? []);
          // A snapshot may stand in for config changes no event brought (a resync, or one made
          // between the hall's first read and the feed's start): read the hall again.
          setReloadCount((n) => n + 1);
        },
        onEstimates: (estimates: QueueEstimates) => {
          applyServices(estimates.services ?? []);
          setTicketEstimates(new Map(estimates.tickets.map((t) => [t.ticketId, t])));
        },
        onEvent: (event) => {
          if (event.type === 'config.changed') setReloadCount((n) => n + 1);
        },
        onStatus: (status) => {
          setFeedStatus(status);
          if (status === 'online') setHttpDown(false);
          // No more live updates: waits would only grow stale on the screen.
          if (status === 'outdated') {
            setQueues(new Map());
            setTicketEstimates(new Map());
          }
        },
      },
    );
    return () => feed.close();
  }, [hallId, applyServices]);

  // While the server is away, ask it every few seconds whether it is back.
  useEffect(() => {
    if (!httpDown || phase !== 'ready') return;
    const timer = setInterval(() => {
      api.get('/health').then(
        () => setHttpDown(false),
        () => undefined,
      );
    }, RETRY_MS);
    return () => clearInterval(timer);
  }, [httpDown, phase, api]);

  const markServerDown = useCallback(() => setHttpDown(true), []);
  const serverDown = httpDown || feedStatus === 'offline';
  return { phase, api, hall, queues, ticketEstimates, serverDown, markServerDown, outdated: feedStatus === 'outdated' };
}
