// Call fan-out: from the call-next request to `ticket.called` at each of N Socket.IO clients,
// against a bare Socket.IO broadcast of the same payload triggered the same way. The clients run
// in child processes (fleet.ts), so what is measured is the server, not the client. Measured from
// the request, not the response: the server emits before it answers, so events usually arrive
// before the HTTP response does and a response-based figure would read zero.
import { json, summarise, type Summary } from './measure';
import { Fleet, machineClock } from './fleet';
import { login, openDemoHall } from './hall-setup';
import { startBaseline, startHallServer } from './processes';
import type { Row } from './report';

export async function benchFanout(quick: boolean): Promise<Row[]> {
  const clients = quick ? 200 : 1000;
  // 60 calls: the p99 of 60,000 arrivals rests on the slowest few calls, not on one or two.
  const rounds = quick ? 8 : 60;

  // Baseline: bare broadcast.
  const base = await startBaseline('socketio-broadcast');
  let baseline: Summary;
  /** Per event: when its last client had it. */
  const baselineLast: number[] = [];
  const measuredLast: number[] = [];
  try {
    const fleet = await Fleet.connect(base.url, clients, null, false);
    const samples: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const t0 = machineClock();
      const res = await json<{ seq: number }>(`${base.url}/emit`, { method: 'POST', body: {} });
      const arrivals = await fleet.collect(`t${res.body.seq}`, t0, clients);
      samples.push(...arrivals);
      baselineLast.push(Math.max(...arrivals));
    }
    fleet.close();
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
    const fleet = await Fleet.connect(hall.url, clients, demo.displayToken, true);
    const samples: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const t0 = machineClock();
      const res = await api('POST', `/windows/${window.id}/call-next`);
      if (res.status !== 200 || !res.body.ticket) throw new Error(`call-next answered ${res.status}`);
      const arrivals = await fleet.collect(res.body.ticket.id, t0, clients);
      samples.push(...arrivals);
      measuredLast.push(Math.max(...arrivals));
      // The cancel reaches every screen too (`ticket.cancelled`, `window.changed`): the next call
      // starts once it has, as each bare broadcast starts on quiet sockets, so a call's fan-out is
      // measured alone and not on top of the writes of the cancel before it.
      await api('POST', `/tickets/${res.body.ticket.id}/cancel`);
      await fleet.collect(`cancelled:${res.body.ticket.id}`, machineClock(), clients);
    }
    fleet.close();
    measured = summarise(samples);
  } finally {
    await hall.stop();
  }
  const suite = `call fan-out (${clients} clients)`;
  return [
    { suite, figure: 'ticket.called p50', value: measured.p50, unit: 'ms', baseline: { name: 'bare broadcast', value: baseline.p50 }, ratio: measured.p50 / Math.max(0.01, baseline.p50) },
    { suite, figure: 'ticket.called p99', value: measured.p99, unit: 'ms', baseline: { name: 'bare broadcast', value: baseline.p99 }, ratio: measured.p99 / Math.max(0.01, baseline.p99), goal: '<= 2x bare', met: measured.p99 <= 2 * baseline.p99 },
    { suite, figure: 'ticket.called max (the last client)', value: measured.max, unit: 'ms', baseline: { name: 'bare broadcast', value: baseline.max }, ratio: measured.max / Math.max(0.01, baseline.max) },
    // Per call: when the last of the clients had it (with 30 calls, p99 of these is their max).
    ...(['p50', 'p99'] as const).map((p) => {
      const m = summarise(measuredLast)[p];
      const b = summarise(baselineLast)[p];
      return { suite, figure: `last client of each call, ${p}`, value: m, unit: 'ms', baseline: { name: 'bare broadcast', value: b }, ratio: m / Math.max(0.01, b) };
    }),
  ];
}
