// Connects a lobby page to its hall: device token, hall config, live state in seq order.
// On reconnect the feed resumes from the last seq; calls it missed come back as `replayed`.
import { useEffect, useRef, useState } from 'react';
import { connectHallFeed, createApiClient, obtainDeviceToken, type ApiClient, type ConnectionStatus } from '@hallq/client';
import type { CallView, DeviceKind, HallConfig, HallEvent, HallEventOf, QueueSnapshot } from '@hallq/shared';
import { applyEstimates, applyEvent, fromSnapshot, type HallState } from './hall-state';

export interface HallFeedCallbacks {
  /**
   * A full state arrived (`first`: the page's first). Its recent calls are offered to `onCall`
   * as replayed (a display that resumes announcing picks the ones it has not said yet).
   */
  onSnapshot?(snapshot: QueueSnapshot, first: boolean, device: FeedDevice | null): void;
  /** A call or recall; `at` is on the local clock (corrected for the server's clock skew). */
  onCall?(call: CallView, atLocalMs: number, replayed: boolean): void;
  onCompleted?(event: HallEventOf<'ticket.completed'>, replayed: boolean): void;
}

/** This device as the server knows it (displays: the windows it announces). */
export interface FeedDevice {
  id: string;
  announceZone: string | null;
  announceWindows: number[] | null;
}

export interface HallFeedView {
  api: ApiClient | null;
  device: FeedDevice | null;
  hall: HallConfig | null;
  state: HallState | null;
  status: ConnectionStatus | 'unpaired';
}

interface Me {
  hallId?: string;
  windowNumber?: number | null;
  device?: { hallId?: string; id?: string; announceZone?: string | null; announceWindows?: number[] | null };
}

export function useHallFeed(kind: DeviceKind, callbacks: HallFeedCallbacks = {}): HallFeedView {
  const [view, setView] = useState<HallFeedView>({ api: null, device: null, hall: null, state: null, status: 'connecting' });
  const cb = useRef(callbacks);
  cb.current = callbacks;

  useEffect(() => {
    let closed = false;
    let feed: { close(): void } | null = null;
    let skewMs = 0;
    let state: HallState | null = null;
    const update = (patch: Partial<HallFeedView>) => !closed && setView((v) => ({ ...v, ...patch }));

    const localMs = (iso: string) => Date.parse(iso) - skewMs;
    const callOf = (e: HallEventOf<'ticket.called'> | HallEventOf<'ticket.recalled'>): CallView => ({
      ticketId: e.ticketId,
      number: e.number,
      serviceId: e.serviceId,
      windowId: e.windowId,
      windowNumber: e.windowNumber,
      recall: e.type === 'ticket.recalled' || e.recall,
      at: e.at,
      seq: e.seq,
    });

    void (async () => {
      const origin = window.location.origin;
      const token = await obtainDeviceToken(kind, '', window.location, window.localStorage);
      if (closed) return;
      if (!token) return update({ status: 'unpaired' });
      const api = createApiClient({ baseUrl: '', getToken: () => token });
      update({ api });
      let hallId = 'demo';
      let device: FeedDevice | null = null;
      const deviceOf = (me: Me): FeedDevice | null =>
        me.device?.id ? { id: me.device.id, announceZone: me.device.announceZone ?? null, announceWindows: me.device.announceWindows ?? null } : null;
      const reloadMe = async (): Promise<void> => {
        try {
          device = deviceOf(await api.get<Me>('/me'));
          update({ device });
        } catch {
          // kept as it was; the next config change tries again
        }
      };
      for (;;) {
        try {
          const me = await api.get<Me>('/me');
          hallId = me.hallId ?? me.device?.hallId ?? hallId;
          device = deviceOf(me);
          update({ device });
          break;
        } catch (err) {
          if (closed) return;
          const status = (err as { status?: number }).status;
          if (status === 401 || status === 403) return update({ status: 'refused' });
          if (status === 404) break; // a server without /me: the demo hall
          update({ status: 'offline' });
          await new Promise((r) => setTimeout(r, 2000));
        }
      }
      const loadHall = async (): Promise<void> => {
        for (let attempt = 0; !closed; attempt++) {
          try {
            update({ hall: await api.get<HallConfig>(`/halls/${encodeURIComponent(hallId)}`) });
            return;
          } catch {
            await new Promise((r) => setTimeout(r, Math.min(10_000, 1000 * (attempt + 1))));
          }
        }
      };
      await loadHall();
      if (closed) return;
      feed = connectHallFeed(
        { url: origin, token, hallId },
        {
          onStatus: (status) => update({ status }),
          onSnapshot: (snap) => {
            skewMs = Date.parse(snap.at) - Date.now();
            const first = state === null;
            state = fromSnapshot(snap);
            update({ state });
            cb.current.onSnapshot?.(snap, first, device);
            // Calls the screen may not have announced yet (after a reload or a long gap): the
            // announcer keeps how far it got and takes only the ones after that.
            for (const c of [...snap.recentCalls].sort((a, b) => a.seq - b.seq)) cb.current.onCall?.(c, localMs(c.at), true);
          },
          onEvent: (event: HallEvent, replayed) => {
            if (!state) return;
            state = applyEvent(state, event);
            update({ state });
            if (event.type === 'ticket.called' || event.type === 'ticket.recalled') {
              cb.current.onCall?.(callOf(event), localMs(event.at), replayed);
            } else if (event.type === 'ticket.completed') {
              cb.current.onCompleted?.(event, replayed);
            } else if (event.type === 'config.changed') {
              void loadHall();
              void reloadMe();
            }
          },
          onEstimates: (e) => {
            if (!state) return;
            state = applyEstimates(state, e);
            update({ state });
          },
        },
      );
    })();
    return () => {
      closed = true;
      feed?.close();
    };
  }, [kind]);

  return view;
}
