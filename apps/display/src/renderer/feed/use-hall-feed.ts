// Connects a lobby page to its hall: device token, the hall this device belongs to (GET /me),
// hall config, live state in seq order (`connectHall`). On reconnect the feed resumes from the
// last seq; calls it missed come back as `replayed`.
import { useEffect, useRef, useState } from 'react';
import { ApiError, connectHall, createApiClient, fetchMe, obtainDeviceToken, type ApiClient, type ConnectionStatus } from '@hallq/client';
import { callOf, type CallView, type DeviceKind, type HallConfig, type HallEventOf } from '@hallq/shared';
import { forScreen, type HallState } from './hall-state';

export interface HallFeedCallbacks {
  /** A call or recall; `at` is on the local clock (corrected for the server's clock skew). */
  onCall?(call: CallView, atLocalMs: number, replayed: boolean): void;
  onCompleted?(event: HallEventOf<'ticket.completed'>, replayed: boolean): void;
}

/** `no-hall`: the server did not say which hall this device belongs to; nothing is guessed. */
export type FeedStatus = ConnectionStatus | 'unpaired' | 'no-hall';

export interface HallFeedView {
  api: ApiClient | null;
  hall: HallConfig | null;
  state: HallState | null;
  status: FeedStatus;
}

export function useHallFeed(kind: DeviceKind, callbacks: HallFeedCallbacks = {}): HallFeedView {
  const [view, setView] = useState<HallFeedView>({ api: null, hall: null, state: null, status: 'connecting' });
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
      for (;;) {
        try {
          hallId = (await fetchMe(api)).hallId;
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
      connection = connectHall(
        { url: origin, token, hallId },
        {
          onStatus: (status) => update({ status }),
          onState: (state) => update({ state: forScreen(state) }),
          onSnapshot: (snap, previous) => {
            skewMs = Date.parse(snap.at) - Date.now();
            // A snapshot after a long gap: calls newer than what we showed were missed.
            if (previous !== null) {
              for (const c of [...snap.recentCalls].sort((a, b) => a.seq - b.seq)) {
                if (c.seq > previous.seq) cb.current.onCall?.(c, localMs(c.at), true);
              }
            }
          },
          onEvent: (event, replayed) => {
            if (event.type === 'ticket.called' || event.type === 'ticket.recalled') {
              cb.current.onCall?.(callOf(event), localMs(event.at), replayed);
            } else if (event.type === 'ticket.completed') {
              cb.current.onCompleted?.(event, replayed);
            } else if (event.type === 'config.changed') {
              void loadHall();
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
