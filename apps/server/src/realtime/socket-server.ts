// Socket.IO on the HTTP server: a token and an allowed Origin are required to connect. At connect
// the socket joins its hall's room (live events flow with no further message) and gets `hello`.
// `resume` only catches up: it replays missed events from the log (or sends a snapshot when the
// gap is too old) with the socket out of the room for that one tick, so live events follow the
// replay strictly in order.
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { CLIENT_EVENTS, PROTOCOL_VERSION, ResumeMessage, type ClientToServerEvents, type QueueEstimates, type ResumeAck, type ServerToClientEvents } from '@hallq/shared';
import type { AppDeps } from '../app-deps';
import type { Identity } from '../services/core';
import { AppError } from '../services/errors';
import { queueSnapshot } from '../services/hall-views';
import { hallRoom, screensRoom } from './broadcaster';
import type { PhoneFeed, PhoneSocketData } from './phone-feed';

/** Replays longer than this get a snapshot instead. */
export const MAX_REPLAY = 1000;

interface SocketData extends PhoneSocketData {
  identity: Identity;
  /** Kept in memory only, to check the token again after a logout or a revocation. */
  token: string;
}

type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, object, SocketData>;

/** Disconnects every socket whose token no longer resolves (logged out, revoked, expired, deactivated). */
export function dropInvalidSockets(io: RealtimeServer, deps: Pick<AppDeps, 'auth'>): void {
  for (const socket of io.of('/').sockets.values()) {
    if (socket.data.phone) continue; // a visitor's phone has no token; its publicId stays valid
    if (!deps.auth.resolve(socket.data.token)) socket.disconnect(true);
  }
}

/** Sessions also expire with time: sockets are checked again this often. */
const RECHECK_MS = 60 * 1000;

export function originAllowed(origin: string | undefined, host: string | undefined, deps: Pick<AppDeps, 'config'>): boolean {
  if (origin === undefined) return true; // not a browser; the token still decides
  const { config } = deps;
  if (origin === new URL(config.publicUrl).origin) return true;
  if (config.allowedOrigins.includes(origin)) return true;
  if (host !== undefined && (origin === `http://${host}` || origin === `https://${host}`)) return true;
  if (config.demo && /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(origin)) return true;
  return false;
}

/** A device is online while it has a live socket; it was last seen when the last one closed. */
function trackPresence(deps: AppDeps, deviceId: string, socket: { once(event: 'disconnect', listener: () => void): unknown }): void {
  const seen = (): void => {
    void deps.run(() => deps.repos.devices.touch(deviceId, deps.clock())).catch((err: unknown) => deps.logger.warn({ err, deviceId }, 'device presence not recorded'));
  };
  deps.presence.connected(deviceId);
  seen();
  socket.once('disconnect', () => {
    deps.presence.disconnected(deviceId);
    seen();
  });
}

/** Where a display screen that resumes by replay gets the hall's current per-service waits. */
export interface ScreenEstimatesSource {
  latestScreenEstimates(hallId: string): QueueEstimates | null;
}

/**
 * `publishedSeq`: the hall's last published seq while committed events of the hall wait for their
 * flush (see CommandQueue.publishedSeq): a replay stops there, the rest follows live once durable.
 */
export function attachRealtime(
  httpServer: HttpServer,
  deps: AppDeps,
  phones?: PhoneFeed,
  screens?: ScreenEstimatesSource,
  publishedSeq: (hallId: string) => number | undefined = () => undefined,
): RealtimeServer {
  const io: RealtimeServer = new Server<ClientToServerEvents, ServerToClientEvents, object, SocketData>(httpServer, {
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
  });
  deps.auth.onRevoke(() => dropInvalidSockets(io, deps));
  const recheck = setInterval(() => dropInvalidSockets(io, deps), RECHECK_MS);
  recheck.unref();
  httpServer.once('close', () => clearInterval(recheck));

  io.use((socket, next) => {
    const { origin, host } = socket.handshake.headers;
    if (!originAllowed(origin, host, deps)) return next(new Error('origin not allowed'));
    const auth = socket.handshake.auth as { token?: unknown; publicId?: unknown } | undefined;
    if (phones && auth?.token === undefined && typeof auth?.publicId === 'string') {
      try {
        socket.data.phone = phones.authorize(auth.publicId, socket.request);
        return next();
      } catch (e) {
        const err = new Error(e instanceof Error ? e.message : 'refused') as Error & { data?: unknown };
        if (e instanceof AppError) err.data = { code: e.code, details: e.details ?? null };
        return next(err);
      }
    }
    const token = typeof auth?.token === 'string' ? auth.token : null;
    const identity = deps.auth.resolve(token);
    if (!identity) return next(new Error('unauthorized: invalid token'));
    socket.data.identity = identity;
    socket.data.token = token!;
    next();
  });

  io.on('connection', (socket) => {
    // Every message is answered: an event no client sends (a typo, an old client, a phone that
    // sends anything) gets protocol.error instead of silence.
    const sends: readonly string[] = socket.data.phone ? [] : CLIENT_EVENTS;
    socket.onAny((event: unknown) => {
      if (typeof event === 'string' && sends.includes(event)) return;
      const name = JSON.stringify(String(event)).slice(0, 80);
      const message = socket.data.phone ? `unknown event ${name}: a phone sends no events` : `unknown event ${name}: a client sends only ${CLIENT_EVENTS.join(', ')}`;
      socket.emit('protocol.error', { code: 'unknown_event', message });
    });
    if (socket.data.phone) return phones?.follow(socket, socket.data.phone);
    const identity = socket.data.identity;
    const m = deps.mirror.get(identity.hallId);
    socket.emit('hello', { protocolVersion: PROTOCOL_VERSION, hallId: identity.hallId, seq: m?.seq ?? 0, role: identity.role });
    // Same tick as the hello: every event after hello.seq reaches this socket live.
    void socket.join(hallRoom(identity.hallId));
    // A display screen's estimates carry no ticket list (see screensRoom).
    const isScreen = identity.kind === 'device' && identity.role === 'display';
    if (isScreen) void socket.join(screensRoom(identity.hallId));
    if (identity.kind === 'device') trackPresence(deps, identity.device.id, socket);

    socket.on('resume', (raw, ack) => {
      const answer = (a: ResumeAck): void => {
        if (typeof ack === 'function') ack(a);
      };
      const refuse = (code: string, message: string): void => {
        socket.emit('protocol.error', { code, message });
        answer({ error: { code, message } });
      };
      const parsed = ResumeMessage.safeParse(raw);
      if (!parsed.success) return refuse('validation_failed', parsed.error.issues.map((i) => i.message).join('; '));
      const { hallId, afterSeq } = parsed.data;
      const hall = deps.mirror.get(hallId);
      if (hallId !== identity.hallId || !hall) return refuse('forbidden', 'not a hall of this token');
      // Everything below runs in one tick: no commit (and no live event) can come in between.
      const room = hallRoom(hallId);
      void socket.leave(room);
      const current = hall.seq;
      if (afterSeq === 0 || afterSeq > current || current - afterSeq > MAX_REPLAY) {
        socket.emit('snapshot', queueSnapshot(hall, deps.repos.tickets, deps.clock(), deps.repos.tickets.issuedCount.bind(deps.repos.tickets)));
      } else {
        // Events committed and not yet durable are not replayed: they reach the socket live, in
        // order, once flushed. (A snapshot is the mirror's, which may be a flush ahead.)
        const told = Math.min(current, publishedSeq(hallId) ?? current);
        if (afterSeq < told) for (const ev of deps.repos.log.eventsAfter(hallId, afterSeq, told)) socket.emit(ev.type, ev as never);
        // Estimates are not replayed, and a screen is sent them only when what it shows changes:
        // one that was away gets the latest figures now (a snapshot carries them already).
        const latest = isScreen ? screens?.latestScreenEstimates(hallId) : null;
        if (latest) socket.emit('queue.estimates', latest);
      }
      void socket.join(room);
      answer({ ok: true });
    });
  });
  return io;
}
