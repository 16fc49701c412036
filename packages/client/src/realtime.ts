// The realtime transport: connects with a token, checks the server's protocol version, resumes
// from the last seq after any disconnect (server restart, network drop) and hands over events
// strictly in order, once. `connectHall` (hall-connection.ts) folds them into the hall's state.
import { io, type Socket } from 'socket.io-client';
import type {
  ClientToServerEvents,
  HallEvent,
  HelloMessage,
  QueueEstimates,
  QueueSnapshot,
  ServerToClientEvents,
} from '@hallq/shared';
import { HALL_EVENT_TYPES, PROTOCOL_VERSION } from '@hallq/shared';

/**
 * `outdated`: the server speaks a newer protocol than this client; the client stops and must be
 * updated (the detail says which versions).
 */
export type ConnectionStatus = 'connecting' | 'online' | 'offline' | 'refused' | 'outdated';

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
  /** The hall to follow; by default the token's own, as the server's hello names it. */
  hallId?: string;
  /** Path of the Socket.IO endpoint; default "/socket.io". */
  path?: string;
  /** Resume after this seq (e.g. kept from before a page reload); 0 = start from a snapshot. */
  afterSeq?: number;
}

export interface HallFeed {
  readonly lastSeq: number;
  /** Asks for a fresh snapshot (e.g. when an event could not be applied). */
  resync(): void;
  close(): void;
}

/** What a client says when the server is newer than it is; null when it can go on. */
export function protocolProblem(serverVersion: number, clientVersion = PROTOCOL_VERSION): string | null {
  if (serverVersion > clientVersion) {
    return `the server speaks realtime protocol ${serverVersion}, this client only ${clientVersion}: update this client`;
  }
  return null;
}

export function connectHallFeed(options: HallFeedOptions, handlers: HallFeedHandlers): HallFeed {
  let lastSeq = options.afterSeq ?? 0;
  let catchingUpTo = 0;
  let hallId = options.hallId ?? null;
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(options.url, {
    path: options.path ?? '/socket.io',
    auth: { token: options.token },
    transports: ['websocket', 'polling'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
  });

  const resume = (afterSeq = lastSeq): void => {
    if (hallId !== null) socket.emit('resume', { hallId, afterSeq });
  };

  handlers.onStatus?.('connecting');
  socket.on('connect', () => {
    handlers.onStatus?.('online');
  });
  let closed = false;
  socket.on('hello', (hello) => {
    const problem = protocolProblem(hello.protocolVersion);
    if (problem) {
      closed = true;
      socket.close();
      handlers.onStatus?.('outdated', problem);
      return;
    }
    hallId ??= hello.hallId;
    catchingUpTo = hello.seq;
    handlers.onHello?.(hello);
    resume();
  });
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
    resync() {
      resume(0);
    },
    close() {
      closed = true;
      socket.close();
    },
  };
}
