// A hall's live state for a screen: the realtime feed (token, hello, protocol check, resume,
// snapshot) folded with the one `applyEvent` of @hallq/shared. A state that an event left
// incomplete (`stale`) is refreshed with a snapshot at once.
import { applyEstimates, applyEvent, fromSnapshot } from '@hallq/shared';
import type { HallEvent, HallState, HelloMessage, QueueEstimates, QueueSnapshot } from '@hallq/shared';
import { connectHallFeed, type ConnectionStatus, type HallFeedOptions } from './realtime';

export interface HallConnectionHandlers {
  /** Every change of the state: after a snapshot, an event or new estimates. */
  onState?(state: HallState): void;
  /** A snapshot replaced the state; `previous` is what the screen had (null the first time). */
  onSnapshot?(snapshot: QueueSnapshot, previous: HallState | null): void;
  /** One event after it was folded in, in seq order, each once; `replayed` while catching up. */
  onEvent?(event: HallEvent, replayed: boolean, state: HallState): void;
  onEstimates?(estimates: QueueEstimates): void;
  onStatus?(status: ConnectionStatus, detail?: string): void;
  onHello?(hello: HelloMessage): void;
}

export interface HallConnection {
  /** Null until the first snapshot. */
  readonly state: HallState | null;
  readonly lastSeq: number;
  close(): void;
}

export function connectHall(options: Omit<HallFeedOptions, 'afterSeq'>, handlers: HallConnectionHandlers = {}): HallConnection {
  let state: HallState | null = null;
  const publish = (next: HallState): void => {
    state = next;
    handlers.onState?.(next);
  };
  const feed = connectHallFeed(options, {
    onHello: (hello) => handlers.onHello?.(hello),
    onStatus: (status, detail) => handlers.onStatus?.(status, detail),
    onSnapshot: (snapshot) => {
      const previous = state;
      publish(fromSnapshot(snapshot, previous));
      handlers.onSnapshot?.(snapshot, previous);
    },
    onEvent: (event, replayed) => {
      if (!state) return;
      publish(applyEvent(state, event));
      handlers.onEvent?.(event, replayed, state);
      if (state.stale) feed.resync();
    },
    onEstimates: (estimates) => {
      if (state) publish(applyEstimates(state, estimates));
      handlers.onEstimates?.(estimates);
    },
  });
  return {
    get state() {
      return state;
    },
    get lastSeq() {
      return feed.lastSeq;
    },
    close() {
      feed.close();
    },
  };
}
