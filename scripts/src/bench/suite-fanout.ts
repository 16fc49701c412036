// Call fan-out: from the call-next request to `ticket.called` at each of N Socket.IO clients,
// against a bare Socket.IO broadcast of the same payload triggered the same way. Measured from
// the request, not the response: the server emits before it answers, so events usually arrive
// before the HTTP response does and a response-based figure would read zero.
import { io, type Socket } from 'socket.io-client';
import { json, sleep, summarise, type Summary } from './measure';
import { login, openDemoHall } from './hall-setup';
import { startBaseline, startHallServer } from './processes';
import type { Row } from './report';

interface Fleet {
  sockets: Socket[];
  arrivals: Map<string, number[]>;
}

async function connectFleet(url: string, count: number, token: string | null, resume: boolean): Promise<Fleet> {
  const arrivals = new Map<string, number[]>();
  const sockets: Socket[] = [];
  let ready = 0;
  for (let i = 0; i < count; i++) {
    const s = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: token ? { token } : {} });
    s.on('ticket.called', (e: { ticketId: string }) => {
      const list = arrivals.get(e.ticketId) ?? [];
      list.push(performance.now());
      arrivals.set(e.ticketId, list);
    });
    if (resume) {
      // Join the hall's live stream the way a display does: resume from the current seq.
      s.on('hello', (h: { seq: number; hallId: string }) => s.emit('resume', { hallId: h.hallId, afterSeq: h.seq }));
      s.on('hello', () => ready++);
    } else s.on('connect', () => ready++);
    sockets.push(s);
    if (i % 50 === 49) await sleep(20); // do not stampede the accept queue
  }
  const deadline = Date.now() + 60_000;
  while (ready < count && Date.now() < deadline) await sleep(50);
  if (ready < count) throw new Error(`only ${ready}/${count} clients connected`);
  await sleep(300);
  return { sockets, arrivals };
}

async function collect(fleet: Fleet, key: string, t0: number, count: number): Promise<number[]> {
  const deadline = Date.now() + 10_000;
  while ((fleet.arrivals.get(key)?.length ?? 0) < count && Date.now() < deadline) await sleep(5);
  const got = fleet.arrivals.get(key) ?? [];
  if (got.length < count) throw new Error(`event ${key} reached ${got.length}/${count} clients`);
  return got.map((t) => Math.max(0, t - t0));
}

export async function benchFanout(quick: boolean): Promise<Row[]> {
  const clients = quick ? 200 : 1000;
  const rounds = quick ? 8 : 30;

  // Baseline: bare broadcast.
  const base = await startBaseline('socketio-broadcast');
  let baseline: Summary;
  try {
    const fleet = await connectFleet(base.url, clients, null, false);
    const samples: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const t0 = performance.now();
      const res = await json<{ seq: number }>(`${base.url}/emit`, { method: 'POST', body: {} });
      samples.push(...(await collect(fleet, `t${res.body.seq}`, t0, clients)));
    }
    fleet.sockets.forEach((s) => s.close());
    baseline = summarise(samples);
  } finally {
    await base.stop();
  }

  // The hall server: a real call-next at window 1, observed by N displays.
  const hall = await startHallServer();
  let measured: Summary;
  try {
    const demo = await openDemoHall(hall.url);
    const window = demo.config.windows.find((w) => w.number === 1)!;
    const staff = await login(hall.url, 'w01');
    const api = (method: string, path: string, body: unknown = {}) => json<{ ticket?: { id: string } }>(`${hall.url}/api/v1${path}`, { method, token: staff, body });
    await api('POST', `/windows/${window.id}/sign-in`);
    const serviceIds = window.skills.filter((s) => s.tier === 1).map((s) => s.serviceId);
    for (let i = 0; i < rounds; i++) {
      await json(`${hall.url}/api/v1/halls/demo/tickets`, { method: 'POST', token: demo.kioskToken, body: { serviceId: serviceIds[i % serviceIds.length] } });
    }
    const fleet = await connectFleet(hall.url, clients, demo.displayToken, true);
    const samples: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const t0 = performance.now();
      const res = await api('POST', `/windows/${window.id}/call-next`);
      if (res.status !== 200 || !res.body.ticket) throw new Error(`call-next answered ${res.status}`);
      samples.push(...(await collect(fleet, res.body.ticket.id, t0, clients)));
      await api('POST', `/tickets/${res.body.ticket.id}/no-show`);
    }
    fleet.sockets.forEach((s) => s.close());
    measured = summarise(samples);
  } finally {
    await hall.stop();
  }
  const suite = `call fan-out (${clients} clients)`;
  return [
    { suite, figure: 'ticket.called p50', value: measured.p50, unit: 'ms', baseline: { name: 'bare broadcast', value: baseline.p50 }, ratio: measured.p50 / Math.max(0.01, baseline.p50) },
    { suite, figure: 'ticket.called p99', value: measured.p99, unit: 'ms', baseline: { name: 'bare broadcast', value: baseline.p99 }, ratio: measured.p99 / Math.max(0.01, baseline.p99), goal: '<= 2x bare', met: measured.p99 <= 2 * baseline.p99 },
    { suite, figure: 'ticket.called max', value: measured.max, unit: 'ms', baseline: { name: 'bare broadcast', value: baseline.max }, ratio: measured.max / Math.max(0.01, baseline.max) },
  ];
}
