// Helpers of the security tests: live sockets that record what they receive and how they end,
// socket refusals, and the raw bytes of the database files.
import fs from 'node:fs';
import path from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import { HALL_EVENT_TYPES } from '@hallq/shared';

export 
const until = async (cond: () => boolean, what = 'condition'): Promise<void> => {
  for (let i = 0; i < 500 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!cond()) throw new Error(`${what} not reached`);
};

export interface Live {
  socket: Socket;
  received: unknown[];
  state: { connected: boolean; disconnectReason: string | null };
}

export async function live(base: string, token: string): Promise<Live> {
  const socket = connect(base, { auth: { token }, transports: ['websocket'], reconnection: false });
  const l: Live = { socket, received: [], state: { connected: false, disconnectReason: null } };
  for (const type of HALL_EVENT_TYPES) socket.on(type, (e: unknown) => l.received.push(e));
  socket.on('snapshot', (e: unknown) => l.received.push(e));
  socket.on('disconnect', (reason) => {
    l.state.connected = false;
    l.state.disconnectReason = reason;
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => {
      l.state.connected = true;
      resolve();
    });
    socket.once('connect_error', reject);
  });
  return l;
}

export const connectError = (base: string, token: string): Promise<string> =>
  new Promise((resolve) => {
    const socket = connect(base, { auth: { token }, transports: ['websocket'], reconnection: false });
    socket.once('connect_error', (err) => {
      socket.close();
      resolve(err.message);
    });
    socket.once('connect', () => {
      socket.close();
      resolve('connected');
    });
  });

/** Bytes of the database files (main + WAL) as text, to look for secrets stored in clear. */
export const databaseBytes = (dataDir: string): string =>
  fs
    .readdirSync(dataDir)
    .filter((f) => f.startsWith('hallq.sqlite'))
    .map((f) => fs.readFileSync(path.join(dataDir, f)).toString('latin1'))
    .join('\n');

