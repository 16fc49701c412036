// Socket.IO on the hub: city staff connect with auth {token}; `hall.updated` reaches every socket
// on every hub process through the Redis adapter, whichever process ingested the batch.
import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import { Server } from 'socket.io';
import type { Logger } from 'pino';
import type { CityAuth } from '../services/city-auth';
import type { ThrottleStore } from '../services/login-throttle';
import type { RangeHashes } from '../services/live-ranges';
import type { HallNow } from '../services/hall-views';

export const CITY_ROOM = 'city';

export type HallUpdated = HallNow & { hallId: string };

export interface CitySockets {
  io: Server;
  publishHall: (hall: HallNow) => void;
  redisReady: () => Promise<boolean>;
  /** Hashes in Redis, for what every hub process must see alike (login slow-downs). */
  throttleStore: ThrottleStore;
  /** Hashes in Redis for the halls' live wait ranges. */
  rangeHashes: RangeHashes;
  close: () => Promise<void>;
}

export interface SocketOptions {
  redisUrl: string;
  channelPrefix: string;
  allowedOrigins: string[];
}

/** A hash as Redis answered it (an empty one when it is missing), its values as strings. */
const asHash = (r: unknown): Record<string, string> =>
  r && typeof r === 'object' ? Object.fromEntries(Object.entries(r as Record<string, unknown>).map(([f, v]) => [f, String(v)])) : {};

export async function startCitySockets(http: HttpServer, opts: SocketOptions, auth: CityAuth, logger: Logger): Promise<CitySockets> {
  const { redisUrl, allowedOrigins } = opts;
  const pub = createClient({ url: redisUrl });
  const sub = pub.duplicate();
  for (const c of [pub, sub]) c.on('error', (err: unknown) => logger.warn({ err }, 'redis connection error'));
  await Promise.all([pub.connect(), sub.connect()]);

  const io = new Server(http, {
    path: '/socket.io',
    cors: allowedOrigins.length > 0 ? { origin: allowedOrigins } : undefined,
    allowRequest: (req, done) => {
      const origin = req.headers.origin;
      const host = req.headers.host;
      // Same-origin pages and non-browser clients; other origins only when allowed.
      const ok = !origin || (host !== undefined && new URL(origin).host === host) || allowedOrigins.includes(origin);
      done(null, ok);
    },
  });
  io.adapter(createAdapter(pub, sub, { key: opts.channelPrefix }));
  io.use((socket, next) => {
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    if (typeof token !== 'string') return next(new Error('unauthorized'));
    auth.resolve(token).then(
      (id) => (id?.kind === 'staff' ? next() : next(new Error('unauthorized'))),
      () => next(new Error('unavailable')),
    );
  });
  io.on('connection', (socket) => {
    void socket.join(CITY_ROOM);
  });

  return {
    io,
    publishHall: (hall) => {
      const msg: HallUpdated = { hallId: hall.id, ...hall };
      io.to(CITY_ROOM).emit('hall.updated', msg);
    },
    throttleStore: {
      get: async (key, field) => {
        const v: unknown = await pub.hGet(key, field);
        return v === null || v === undefined ? null : String(v);
      },
      increment: async (key, field) => Number(await pub.hIncrBy(key, field, 1)),
      set: async (key, field, value, ttl) => {
        await pub.hSet(key, field, value);
        await pub.expire(key, ttl);
      },
      forget: async (key) => {
        await pub.del(key);
      },
    },
    rangeHashes: {
      write: async (key, values, fields) => {
        const multi = pub.multi();
        if (Object.keys(values).length > 0) multi.hSet(key, values);
        if (fields.length > 0) multi.hDel(key, fields);
        multi.hGetAll(key);
        const replies = (await multi.execAsPipeline()) as unknown[];
        return asHash(replies[replies.length - 1]);
      },
      getAll: async (keys) => {
        const multi = pub.multi();
        for (const k of keys) multi.hGetAll(k);
        const replies = (await multi.execAsPipeline()) as unknown[];
        return replies.map(asHash);
      },
    },
    redisReady: async () => {
      try {
        return (await pub.ping()) === 'PONG';
      } catch {
        return false;
      }
    },
    close: async () => {
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await Promise.allSettled([pub.quit(), sub.quit()]);
    },
  };
}
