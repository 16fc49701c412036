// Keeps a hall's live state on a screen: connects with a token, resumes from the last seq after
// any disconnect (server restart, network drop) and applies events strictly in order, once.
import { io, type Socket } from 'socket.io-client';
import type {
  ClientToServerEvents,
  HallEvent,
  HelloMessage,
  QueueEstimates,
  QueueSnapshot,
  ServerToClientEvents,
} from '@hallq/shared';
import { HALL_EVENT_TYPES } from '@hallq/shared';

export type ConnectionStatus = 'connecting' | 'online' | 'offline' | 'refused';

export interface HallFeedHandlers {
  /** A full state; replaces whatever the screen had. */
  onSnapshot?(snapshot: QueueSnapshot): void;
  /** One event, in seq order, each exactly once. `replayed` is true while catching up. */
  onEvent?(event: HallEvent, replayed: boolean): void;
  onEstimates?(estimates: QueueEstimates): void;
  onStatus?(status: ConnectionStatus, detail?: string): void;
  onHello?(hello: HelloMessage): void;
}

export interface HallFeedOptions {
  url: string;
  token: string;
  hallId: string;
  /** Path of the Socket.IO endpoint; default "/socket.io". */
  path?: string;
  /** Resume after this seq (e.g. kept from before a page reload); 0 = start from a snapshot. */
  afterSeq?: number;
}

export interface HallFeed {
  readonly lastSeq: number;
  close(): void;
}

export function connectHallFeed(options: HallFeedOptions, handlers: HallFeedHandlers): HallFeed {
  let lastSeq = options.afterSeq ?? 0;
  let catchingUpTo = 0;
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(options.url, {
    path: options.path ?? '/socket.io',
    auth: { token: options.token },
    transports: ['websocket', 'polling'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
  });

  const resume = (): void => {
    socket.emit('resume', { hallId: options.hallId, afterSeq: lastSeq });
  };

  handlers.onStatus?.('connecting');
  socket.on('connect', () => {
    handlers.onStatus?.('online');
  });
  socket.on('hello', (hello) => {
    catchingUpTo = hello.seq;
    handlers.onHello?.(hello);
    resume();
  });
  let closed = false;
  socket.on('disconnect', (reason) => {
    handlers.onStatus?.('offline', reason);
    // Socket.IO does not reconnect by itself after a server-side disconnect (e.g. during a
    // server's shutdown); a lobby screen must keep trying.
    if (reason === 'io server disconnect' && !closed) setTimeout(() => !closed && socket.connect(), 1000);
  });
  socket.on('connect_error', (err) => {
    // The server refused the token or origin: keep retrying, a device may be re-paired.
    const refused = /token|origin|unauthori[sz]ed|forbidden/i.test(err.message);
    handlers.onStatus?.(refused ? 'refused' : 'offline', err.message);
  });
  socket.on('snapshot', (snapshot) => {
    lastSeq = snapshot.seq;
    handlers.onSnapshot?.(snapshot);
  });
  socket.on('queue.estimates', (e) => handlers.onEstimates?.(e));

  for (const type of HALL_EVENT_TYPES) {
    socket.on(type, ((event: HallEvent) => {
      if (event.seq <= lastSeq) return; // already applied
      if (event.seq !== lastSeq + 1) {
        // A gap can only mean something was lost on the way: ask again from what we have.
        resume();
        return;
      }
      lastSeq = event.seq;
      handlers.onEvent?.(event, event.seq <= catchingUpTo);
    }) as never);
  }

  return {
    get lastSeq() {
      return lastSeq;
    },
    close() {
      closed = true;
      socket.close();
    },
  };
}
