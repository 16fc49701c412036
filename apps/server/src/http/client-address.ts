// The client's address for a raw Node request (e.g. a Socket.IO handshake), computed exactly as
// Express computes `req.ip` for the app, so TRUST_PROXY applies to sockets as it does to HTTP.
import type { IncomingMessage } from 'node:http';
import type { Express } from 'express';

export function clientAddress(app: Express, raw: IncomingMessage): string {
  // Express's request prototype carries `app` and the `ip` getter (trust proxy + X-Forwarded-For).
  const req = Object.create(app.request, {
    headers: { value: raw.headers },
    socket: { value: raw.socket },
    connection: { value: raw.socket },
  }) as { ip?: string };
  return req.ip ?? raw.socket.remoteAddress ?? '';
}
