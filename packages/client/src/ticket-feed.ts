// A visitor's phone following its own ticket: Socket.IO with `auth: {publicId}` (no token). The
// server sends `ticket.status` at connect and after every change; Socket.IO reconnects by itself
// (with backoff), and the caller is told when the socket is up or down so it can poll slowly
// only while it is down.
import { io, type Socket } from 'socket.io-client';
import type { PublicTicketStatus } from '@hallq/shared';

export interface TicketFeedHandlers {
  onStatus(status: PublicTicketStatus): void;
  /** `up`: live; `down`: reconnecting; `unknown`: the server does not know this publicId. */
  onConnection?(state: 'up' | 'down' | 'unknown'): void;
}

export interface TicketFeed {
  close(): void;
}

export function followTicket(options: { url: string; publicId: string; path?: string }, handlers: TicketFeedHandlers): TicketFeed {
  const socket: Socket = io(options.url, {
    path: options.path ?? '/socket.io',
    auth: { publicId: options.publicId },
    transports: ['websocket', 'polling'],
    reconnectionDelay: 1000,
    reconnectionDelayMax: 30_000,
  });
  socket.on('ticket.status', (status: PublicTicketStatus) => handlers.onStatus(status));
  socket.on('connect', () => handlers.onConnection?.('up'));
  socket.on('disconnect', () => handlers.onConnection?.('down'));
  socket.on('connect_error', (err: Error & { data?: { code?: string } }) => {
    if (err.data?.code === 'not_found') {
      handlers.onConnection?.('unknown');
      socket.close();
      return;
    }
    // Refused for now (e.g. rate limited) or unreachable: Socket.IO keeps retrying with backoff.
    handlers.onConnection?.('down');
  });
  return { close: () => socket.close() };
}
