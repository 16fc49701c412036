// The range shown beside every estimate a visitor sees (`estimatedWaitRange`): the issue answer and
// its event, the queue snapshot, `queue.estimates`, the phone's status (GET and live) and the public
// hall page all carry it, always holding the estimate (low <= estimate <= high), null when there is
// no range (no estimate, or called at once).
import { io as connect, type Socket } from 'socket.io-client';
import { estimateAtIssue, waitRangeOf, type PublicTicketStatus, type QueueEstimates, type WaitRange } from '@hallq/shared';
import { startTestServer, type TestServer } from '../test-support/test-server';
import { issueProbe } from './estimate-draws';
import { FORECAST_HORIZON_SECONDS } from './estimates';

jest.setTimeout(60_000);

interface Estimated {
  estimatedWaitSeconds: number | null;
  estimatedWaitRange?: WaitRange | null;
}

/** The range is there (null or not), and holds the estimate. */
function expectConsistent(x: Estimated, where: string): void {
  if (x.estimatedWaitRange === undefined) throw new Error(`${where}: no estimatedWaitRange`);
  const r = x.estimatedWaitRange;
  if (r === null) return;
  if (x.estimatedWaitSeconds === null) throw new Error(`${where}: a range without an estimate`);
  expect(Number.isInteger(r.lowSeconds) && Number.isInteger(r.highSeconds)).toBe(true);
  expect(r.lowSeconds).toBeGreaterThanOrEqual(0);
  expect(r.lowSeconds).toBeLessThanOrEqual(x.estimatedWaitSeconds);
  expect(x.estimatedWaitSeconds).toBeLessThanOrEqual(r.highSeconds);
  expect(r.highSeconds).toBeGreaterThan(0);
}

const until = async (cond: () => boolean, what: string): Promise<void> => {
  for (let i = 0; i < 1000 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!cond()) throw new Error(`not reached: ${what}`);
};

describe('the wait range beside every estimate a visitor sees', () => {
  let s: TestServer;
  let kiosk: string;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    s = await startTestServer();
    kiosk = s.deviceToken('kiosk');
    const w1 = await s.login('w01');
    expect((await s.api('POST', '/windows/win-1/sign-in', { token: w1, body: {} })).status).toBe(200);
    // The refreshes are driven by the test (random forecasts: a background one would move the figures).
    s.server.broadcaster.stopRefreshes();
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await s.close();
  });
  const issue = async () => {
    const r = await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-reg' } });
    expect(r.status).toBe(201);
    return r.body.ticket;
  };

  test('issue answer, ticket.issued event, snapshot, queue.estimates, phone status (GET and live) and public hall', async () => {
    const display = connect(s.base, { auth: { token: s.deviceToken('display') }, transports: ['websocket'], reconnection: false });
    sockets.push(display);
    const issuedEvents: Array<{ ticket: Estimated & { id: string } }> = [];
    const estimates: QueueEstimates[] = [];
    const screenEstimates: QueueEstimates[] = [];
    display.on('ticket.issued', (e: { ticket: Estimated & { id: string } }) => issuedEvents.push(e));
    display.on('queue.estimates', (e: QueueEstimates) => screenEstimates.push(e));
    // A kiosk shows a ticket's own live estimate; a display screen shows per-service waits only.
    const kioskSocket = connect(s.base, { auth: { token: kiosk }, transports: ['websocket'], reconnection: false });
    sockets.push(kioskSocket);
    kioskSocket.on('queue.estimates', (e: QueueEstimates) => estimates.push(e));
    await Promise.all([display, kioskSocket].map((socket) => new Promise<void>((resolve) => socket.once('connect', () => resolve()))));

    const m = s.server.deps.mirror.get('demo')!;
    s.server.broadcaster.refresh('demo');
    const tickets = [];
    for (let i = 0; i < 8; i++) {
      const probe = issueProbe(m, 'svc-reg', 'normal', true)!;
      const t = await issue();
      expectConsistent(t, `issue answer ${t.number}`);
      // At issue: the latest refresh's random forecasts of a ticket of its service taken then.
      const a = estimateAtIssue(probe, 0, Date.parse(t.issuedAt), { horizonSeconds: FORECAST_HORIZON_SECONDS });
      expect([t.estimatedWaitSeconds, t.estimatedWaitRange]).toEqual([a?.estimateSeconds ?? null, a && waitRangeOf(a.range, a.estimateSeconds)]);
      tickets.push(t);
      s.server.broadcaster.refresh('demo');
    }
    // Called at once (an idle window, nobody ahead): no range; a queue behind it has one.
    expect(tickets.some((t) => t.estimatedWaitRange !== null)).toBe(true);

    await until(() => issuedEvents.length === tickets.length, 'issued events');
    for (const e of issuedEvents) {
      expectConsistent(e.ticket, `ticket.issued ${e.ticket.id}`);
      expect(e.ticket.estimatedWaitRange).toEqual(tickets.find((t) => t.id === e.ticket.id)!.estimatedWaitRange);
    }

    const msg = s.server.broadcaster.refresh('demo')!;
    expect(msg.tickets.length).toBeGreaterThan(0);
    for (const t of msg.tickets) expectConsistent(t, `queue.estimates ticket ${t.ticketId}`);
    for (const v of msg.services) expectConsistent(v, `queue.estimates service ${v.serviceId}`);
    expect(msg.tickets.filter((t) => t.estimatedWaitRange).length).toBeGreaterThan(0);
    expect(msg.services.find((v) => v.serviceId === 'svc-reg')!.estimatedWaitRange).not.toBeNull();
    await until(() => estimates.length > 0 && screenEstimates.length > 0, 'queue.estimates on the sockets');
    expect(estimates.some((e) => e.tickets.length > 0)).toBe(true);
    for (const e of estimates) for (const t of e.tickets) expectConsistent(t, 'queue.estimates over the socket');
    // The display's carry the same per-service waits and no ticket list.
    for (const e of screenEstimates) expect(e.tickets).toEqual([]);
    // (A screen gets a refresh's figures only when what it shows changed: some of the kiosk's.)
    for (const e of screenEstimates) expect(estimates.some((k) => k.seq === e.seq && JSON.stringify(k.services) === JSON.stringify(e.services))).toBe(true);

    const snapshot = (await s.api('GET', '/halls/demo/queue', { token: kiosk })).body;
    expect(snapshot.waiting.length).toBeGreaterThan(0);
    for (const t of snapshot.waiting) expectConsistent(t, `snapshot ticket ${t.number}`);
    for (const v of snapshot.services) expectConsistent(v, `snapshot service ${v.serviceId}`);
    // The snapshot's tickets carry the live range the forecasts gave them.
    const liveOf = new Map(msg.tickets.map((t) => [t.ticketId, t]));
    for (const t of snapshot.waiting) if (liveOf.has(t.id)) expect(t.estimatedWaitRange).toEqual(liveOf.get(t.id)!.estimatedWaitRange);

    const last = tickets.at(-1);
    const status = (await s.api('GET', `/public/tickets/${last.publicId}`)).body as PublicTicketStatus;
    expectConsistent(status, 'public status');
    expect(status.estimatedWaitRange).toEqual(liveOf.get(last.id)!.estimatedWaitRange);
    expect(status.estimatedWaitRange).not.toBeNull();
    for (const t of tickets) expectConsistent((await s.api('GET', `/public/tickets/${t.publicId}`)).body, `public status ${t.number}`);

    const phone = connect(s.base, { auth: { publicId: last.publicId }, transports: ['websocket'], reconnection: false });
    sockets.push(phone);
    const pushed: PublicTicketStatus[] = [];
    phone.on('ticket.status', (st: PublicTicketStatus) => pushed.push(st));
    await until(() => pushed.length > 0, 'ticket.status');
    expectConsistent(pushed[0]!, 'ticket.status');
    expect(pushed[0]!.estimatedWaitRange).toEqual(status.estimatedWaitRange);

    const hall = (await s.api('GET', '/public/halls/demo')).body;
    for (const v of hall.services) expectConsistent(v, `public hall service ${v.id}`);
    expect(hall.services.find((v: { id: string }) => v.id === 'svc-reg').estimatedWaitRange).not.toBeNull();
  });

  test('a ticket no longer waiting shows no range on the phone', async () => {
    const t = await issue();
    const w1 = await s.login('w01');
    // Empty the window and call until this ticket is at it.
    for (let i = 0; i < 20; i++) {
      const cur = (await s.api('GET', '/halls/demo/queue', { token: kiosk })).body.windows.find((w: { id: string }) => w.id === 'win-1').current;
      if (cur?.ticketId === t.id) break;
      if (cur) {
        if (cur.status === 'called') await s.api('POST', `/tickets/${cur.ticketId}/start`, { token: w1, body: {} });
        await s.api('POST', `/tickets/${cur.ticketId}/complete`, { token: w1, body: {} });
      }
      await s.api('POST', '/windows/win-1/call-next', { token: w1, body: {} });
    }
    const status = (await s.api('GET', `/public/tickets/${t.publicId}`)).body as PublicTicketStatus;
    expect(status.status).toBe('called');
    expect(status.estimatedWaitSeconds).toBeNull();
    expect(status.estimatedWaitRange).toBeNull();
  });
});
