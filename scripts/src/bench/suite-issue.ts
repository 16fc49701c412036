// Ticket issue throughput and p99 against the Express and node:http ceilings, same run.
import autocannon from 'autocannon';
import { httpLoad, json, type LoadResult } from './measure';
import { login, openDemoHall } from './hall-setup';
import { startBaseline, startHallServer, type Child } from './processes';
import type { Row } from './report';

const PATH = '/api/v1/halls/demo/tickets';

async function load(child: Child, body: string, headers: Record<string, string>, seconds: number): Promise<LoadResult & { sent: number }> {
  const warm = await httpLoad({ url: child.url + PATH, method: 'POST', body, headers, connections: 32, durationSeconds: 1 });
  const r = await httpLoad({ url: child.url + PATH, method: 'POST', body, headers, connections: 32, durationSeconds: seconds });
  return { ...r, sent: warm.total + r.total };
}

/** Issues tickets until `waiting` are waiting (no window calls in this suite). */
async function fillTo(url: string, token: string, serviceIds: string[], already: number, waiting: number): Promise<void> {
  if (already >= waiting) return;
  let i = 0;
  await autocannon({
    url: url + PATH,
    method: 'POST',
    connections: 32,
    amount: waiting - already,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    requests: [{ setupRequest: (req: Record<string, unknown>) => ({ ...req, body: JSON.stringify({ serviceId: serviceIds[i++ % serviceIds.length] }) }) }],
  } as unknown as autocannon.Options);
}

export async function benchTicketIssue(quick: boolean): Promise<Row[]> {
  const seconds = quick ? 3 : 10;
  const results: Record<string, LoadResult> = {};
  const QUEUED = 20_000;
  for (const name of ['http-ceiling', 'express-ceiling'] as const) {
    const child = await startBaseline(name);
    try {
      results[name] = await load(child, '{"serviceId":"svc"}', {}, seconds);
    } finally {
      await child.stop();
    }
  }
  const hall = await startHallServer();
  try {
    const demo = await openDemoHall(hall.url);
    // Opening time: half the windows are staffed, so every ticket gets a real forecast.
    const open = demo.config.windows.slice(0, Math.ceil(demo.config.windows.length / 2));
    for (const w of open) {
      const token = await login(hall.url, `w${String(w.number).padStart(2, '0')}`);
      await json(`${hall.url}/api/v1/windows/${w.id}/sign-in`, { method: 'POST', token, body: {} });
    }
    const serviceId = open[0]!.skills[0]!.serviceId;
    const auth = { authorization: `Bearer ${demo.kioskToken}` };
    const empty = await load(hall, JSON.stringify({ serviceId }), auth, seconds);
    results.hall = empty;
    // The same load with 20,000 tickets already waiting, spread over the services.
    await fillTo(hall.url, demo.kioskToken, demo.config.services.map((s) => s.id), empty.sent, QUEUED);
    results.queued = await load(hall, JSON.stringify({ serviceId }), auth, seconds);
  } finally {
    await hall.stop();
  }
  const h = results.hall!;
  const q = results.queued!;
  const failedQueued = q.non2xx + q.errors;
  const e = results['express-ceiling']!;
  const n = results['http-ceiling']!;
  const failed = h.non2xx + h.errors;
  return [
    { suite: 'ticket issue', figure: 'node:http ceiling', value: n.requestsPerSecond, unit: 'req/s' },
    { suite: 'ticket issue', figure: 'Express ceiling', value: e.requestsPerSecond, unit: 'req/s', baseline: { name: 'node:http', value: n.requestsPerSecond }, ratio: e.requestsPerSecond / n.requestsPerSecond },
    {
      suite: 'ticket issue',
      figure: `POST tickets (synchronous=FULL)${failed ? `, ${failed} failed` : ''}`,
      value: h.requestsPerSecond,
      unit: 'req/s',
      baseline: { name: 'Express', value: e.requestsPerSecond },
      ratio: h.requestsPerSecond / e.requestsPerSecond,
      goal: '>= 0.8x Express',
      met: failed === 0 && h.requestsPerSecond >= 0.8 * e.requestsPerSecond,
    },
    { suite: 'ticket issue', figure: 'POST tickets p99', value: h.p99Ms, unit: 'ms', baseline: { name: 'Express p99', value: e.p99Ms }, ratio: h.p99Ms / Math.max(0.001, e.p99Ms), goal: '< 20 ms', met: h.p99Ms < 20 },
    {
      suite: 'ticket issue',
      figure: `POST tickets, ${QUEUED.toLocaleString('en')} already waiting${failedQueued ? `, ${failedQueued} failed` : ''}`,
      value: q.requestsPerSecond,
      unit: 'req/s',
      baseline: { name: 'empty queue', value: h.requestsPerSecond },
      ratio: q.requestsPerSecond / h.requestsPerSecond,
      goal: '>= 0.8x empty',
      met: failedQueued === 0 && q.requestsPerSecond >= 0.8 * h.requestsPerSecond,
    },
    { suite: 'ticket issue', figure: `POST tickets p99, ${QUEUED.toLocaleString('en')} waiting`, value: q.p99Ms, unit: 'ms', goal: '< 20 ms', met: q.p99Ms < 20 },
  ];
}
