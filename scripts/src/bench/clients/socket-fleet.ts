// A child process holding part of the fan-out fleet: N Socket.IO clients of one server, each
// recording when `ticket.called` (key: the ticket's id) and `ticket.cancelled` (key: `cancelled:`
// and the id) reached it on the machine-wide clock (timeOrigin + now), so the bench process can
// compare with the moment it sent the request. Talks to its parent over IPC:
//   parent -> { url, count, token, resume }    child -> { ready }
//   parent -> { collect: key, count }          child -> { key, arrivals: number[] }
//   parent -> { close: true }                  child exits
import { io, type Socket } from 'socket.io-client';

interface Start {
  url: string;
  count: number;
  token: string | null;
  resume: boolean;
}

const clock = (): number => performance.timeOrigin + performance.now();
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const arrivals = new Map<string, number[]>();
const sockets: Socket[] = [];

function arrived(key: string): void {
  const at = clock();
  const list = arrivals.get(key) ?? [];
  list.push(at);
  arrivals.set(key, list);
}

async function start(m: Start): Promise<void> {
  let ready = 0;
  for (let i = 0; i < m.count; i++) {
    const s = io(m.url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: m.token ? { token: m.token } : {} });
    s.on('ticket.called', (e: { ticketId: string }) => arrived(e.ticketId));
    s.on('ticket.cancelled', (e: { ticketId: string }) => arrived(`cancelled:${e.ticketId}`));
    if (m.resume) {
      // Join the hall's live stream the way a display does: resume from the current seq.
      s.on('hello', (h: { seq: number; hallId: string }) => {
        s.emit('resume', { hallId: h.hallId, afterSeq: h.seq });
        ready++;
      });
    } else s.on('connect', () => ready++);
    sockets.push(s);
    if (i % 50 === 49) await sleep(20); // do not stampede the accept queue
  }
  const deadline = Date.now() + 60_000;
  while (ready < m.count && Date.now() < deadline) await sleep(50);
  if (ready < m.count) throw new Error(`only ${ready}/${m.count} clients connected`);
  await sleep(300);
  process.send!({ ready: true });
}

async function collect(key: string, count: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while ((arrivals.get(key)?.length ?? 0) < count && Date.now() < deadline) await sleep(2);
  process.send!({ key, arrivals: arrivals.get(key) ?? [] });
  arrivals.delete(key);
}

process.on('message', (m: Start | { collect: string; count: number } | { close: true }) => {
  if ('url' in m) start(m).catch((err: unknown) => process.send!({ error: String(err) }));
  else if ('collect' in m) void collect(m.collect, m.count);
  else {
    sockets.forEach((s) => s.close());
    process.exit(0);
  }
});
