// Connects a lobby page to its hall: device token, the hall this device belongs to (GET /me),
// hall config, live state in seq order (`connectHall`). On reconnect the feed resumes from the
// last seq; calls it missed come back as `replayed`.
import { useEffect, useRef, useState } from 'react';
import { ApiError, connectHall, createApiClient, fetchMe, latestRead, obtainDeviceToken, type ApiClient, type ConnectionStatus } from '@hallq/client';
import { callOf, type CallView, type DeviceKind, type HallConfig, type HallEventOf, type MeAnswer, type QueueSnapshot } from '@hallq/shared';
import { forScreen, type HallState } from './hall-state';

export interface HallFeedCallbacks {
  /**
   * A full state arrived (`first`: the page's first). Its recent calls are then offered to
   * `onCall` as replayed (a display that resumes announcing takes the ones it has not said yet).
   */
  onSnapshot?(snapshot: QueueSnapshot, first: boolean, device: FeedDevice | null): void;
  /** A call or recall; `at` is on the local clock (corrected for the server's clock skew). */
  onCall?(call: CallView, atLocalMs: number, replayed: boolean): void;
  onCompleted?(event: HallEventOf<'ticket.completed'>, replayed: boolean): void;
}

/** `no-hall`: the server did not say which hall this device belongs to; nothing is guessed. */
export type FeedStatus = ConnectionStatus | 'unpaired' | 'no-hall';

/** This device as the server knows it (displays: the windows it announces). */
export interface FeedDevice {
  id: string;
  announceZone: string | null;
  announceWindows: number[] | null;
}

const deviceOf = (me: MeAnswer): FeedDevice | null =>
  me.kind === 'device' ? { id: me.device.id, announceZone: me.device.announceZone ?? null, announceWindows: me.device.announceWindows ?? null } : null;

export interface HallFeedView {
  api: ApiClient | null;
  device: FeedDevice | null;
  hall: HallConfig | null;
  state: HallState | null;
  status: FeedStatus;
}

export function useHallFeed(kind: DeviceKind, callbacks: HallFeedCallbacks = {}): HallFeedView {
  const [view, setView] = useState<HallFeedView>({ api: null, device: null, hall: null, state: null, status: 'connecting' });
  const cb = useRef(callbacks);
  cb.current = callbacks;

  useEffect(() => {
    let closed = false;
    let connection: { close(): void } | null = null;
    let skewMs = 0;
    const update = (patch: Partial<HallFeedView>) => !closed && setView((v) => ({ ...v, ...patch }));
    const localMs = (iso: string) => Date.parse(iso) - skewMs;

    void (async () => {
      const origin = window.location.origin;
      const token = await obtainDeviceToken(kind, '', window.location, window.localStorage);
      if (closed) return;
      if (!token) return update({ status: 'unpaired' });
      const api = createApiClient({ baseUrl: '', getToken: () => token });
      update({ api });
      let hallId: string;
      let device: FeedDevice | null = null;
      for (;;) {
        try {
          const me = await fetchMe(api);
          hallId = me.hallId;
          device = deviceOf(me);
          update({ device });
          break;
        } catch (err) {
          if (closed) return;
          const status = err instanceof ApiError ? err.status : 0;
          if (status === 401 || status === 403) return update({ status: 'refused' });
          if (err instanceof ApiError && (err.code === 'bad_me_answer' || status === 404)) return update({ status: 'no-hall' });
          update({ status: 'offline' });
          await new Promise((r) => setTimeout(r, 2000));
        }
      }
      // The hall's config and this device's scope (which windows it announces) are read again
      // after every config change and every snapshot: a resync may stand in for config changes it
      // passed over, and the first snapshot may cover one made between the first read and the
      // feed's start, which no event brings.
      const loadHall = latestRead(
        () => api.get<HallConfig>(`/halls/${encodeURIComponent(hallId)}`),
        (hall) => update({ hall }),
        { closed: () => closed },
      );
      const reloadMe = latestRead(
        async () => deviceOf(await fetchMe(api)),
        (next) => {
          device = next;
          update({ device });
        },
        { closed: () => closed },
      );
      await loadHall();
      if (closed) return;
      connection = connectHall(
        { url: origin, token, hallId },
        {
          onStatus: (status) => update({ status }),
          onState: (state) => update({ state: forScreen(state) }),
          onSnapshot: (snap, previous) => {
            skewMs = Date.parse(snap.at) - Date.now();
            void loadHall();
            void reloadMe();
            cb.current.onSnapshot?.(snap, previous === null, device);
            // Calls the screen may not have announced yet (after a reload or a long gap): the
            // announcer keeps how far it got and takes only the ones after that.
            for (const c of [...snap.recentCalls].sort((a, b) => a.seq - b.seq)) cb.current.onCall?.(c, localMs(c.at), true);
          },
          onEvent: (event, replayed) => {
            if (event.type === 'ticket.called' || event.type === 'ticket.recalled') {
              cb.current.onCall?.(callOf(event), localMs(event.at), replayed);
            } else if (event.type === 'ticket.completed') {
              cb.current.onCompleted?.(event, replayed);
            } else if (event.type === 'config.changed') {
              void loadHall();
              void reloadMe();
            }
          },
        },
      );
    })();
    return () => {
      closed = true;
      connection?.close();
    };
  }, [kind]);

  return view;
}
