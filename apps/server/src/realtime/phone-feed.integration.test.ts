// The phone's live feed (API.md, Realtime): a socket with `auth: {publicId}` and no token gets
// `ticket.status` at once and after every change of its ticket, its place or its estimate, and
// nothing about any other ticket; unknown publicIds are refused and count against the address.
import { io as connect, type Socket } from 'socket.io-client';
import { HALL_EVENT_TYPES, type PublicTicketStatus } from '@hallq/shared';
import { startTestServer, type TestServer } from '../test-support/test-server';

jest.setTimeout(60_000);

interface Phone {
  socket: Socket;
  statuses: PublicTicketStatus[];
  /** Anything else the socket received (must stay empty). */
  other: string[];
}

function phone(s: TestServer, publicId: string): Phone {
  const socket = connect(s.base, { auth: { publicId }, transports: ['websocket'], reconnection: false });
  const p: Phone = { socket, statuses: [], other: [] };
  socket.on('ticket.status', (st: PublicTicketStatus) => p.statuses.push(st));
  socket.onAny((event: string) => {
    if (event !== 'ticket.status') p.other.push(event);
  });
  return p;
}

const until = async (cond: () => boolean, what: string): Promise<void> => {
  for (let i = 0; i < 1000 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!cond()) throw new Error(`not reached: ${what}`);
};

const refusal = (socket: Socket): Promise<{ message: string; data?: { code?: string; details?: { retryAfterSeconds?: number } } }> =>
  new Promise((resolve) => {
    socket.once('connect_error', (err) => resolve(err as never));
    socket.once('connect', () => resolve({ message: 'connected' }));
  });

describe('the phone live feed', () => {
  let s: TestServer;
  let kiosk: string;
  let w1: string;
  const phones: Phone[] = [];
  beforeEach(async () => {
    s = await startTestServer();
    kiosk = s.deviceToken('kiosk');
    w1 = await s.login('w01');
    await s.api('POST', '/windows/win-1/sign-in', { token: w1 });
  });
  afterEach(async () => {
    for (const p of phones.splice(0)) p.socket.close();
    await s.close();
  });
  const issue = async (serviceId = 'svc-reg') => (await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId } })).body.ticket;
  const post = (path: string, body?: unknown) => s.api('POST', path, { token: w1, body });
  const last = (p: Phone) => p.statuses.at(-1)!;

  test('ticket.status at connect equals GET /public/tickets/:publicId; then every change of the ticket and its place, and nothing else', async () => {
    // Refreshes only when the test asks: a background one ending just after the connect would
    // push a newer place and wait before the comparison below.
    s.server.broadcaster.stopRefreshes();
    const first = await issue();
    const mine = await issue();
    const p = phone(s, mine.publicId);
    phones.push(p);
    await until(() => p.statuses.length === 1, 'status at connect');
    expect(p.statuses[0]).toEqual((await s.api('GET', `/public/tickets/${mine.publicId}`)).body);
    expect(p.statuses[0]).toMatchObject({ status: 'waiting', peopleAhead: 1 });

    // Its place: the ticket ahead is called.
    expect((await post('/windows/win-1/call-next')).body.ticket.id).toBe(first.id);
    s.server.broadcaster.refresh('demo');
    await until(() => last(p).peopleAhead === 0, 'place after the call ahead');
    // Another ticket's events reach nobody else's phone: only ticket.status arrives here.
    await post(`/tickets/${first.id}/start`);
    await post(`/tickets/${first.id}/complete`, {});
    // Its own call, recall, start and completion.
    expect((await post('/windows/win-1/call-next')).body.ticket.id).toBe(mine.id);
    await until(() => last(p).status === 'called', 'called');
    expect(last(p)).toMatchObject({ windowNumber: 1, heldUntil: expect.any(String) });
    await post(`/tickets/${mine.id}/recall`);
    await until(() => last(p).recalledAt !== null, 'recalled');
    await post(`/tickets/${mine.id}/start`);
    await until(() => last(p).status === 'serving', 'serving');
    await post(`/tickets/${mine.id}/complete`, {});
    await until(() => last(p).status === 'done' && last(p).canRate, 'done');
    await s.api('POST', `/public/tickets/${mine.publicId}/rating`, { body: { level: 1 } });
    await until(() => last(p).rating === 1, 'rated');
    expect(p.other).toEqual([]);
    // Unchanged statuses are not resent: no two consecutive pushes are equal.
    for (let i = 1; i < p.statuses.length; i++) expect(p.statuses[i]).not.toEqual(p.statuses[i - 1]);
  });

  test('two phones follow two tickets: each hears only about its own', async () => {
    const a = await issue();
    const b = await issue();
    const pa = phone(s, a.publicId);
    const pb = phone(s, b.publicId);
    phones.push(pa, pb);
    await until(() => pa.statuses.length === 1 && pb.statuses.length === 1, 'both connected');
    await post('/windows/win-1/call-next');
    await until(() => last(pa).status === 'called' && last(pb).peopleAhead === 0, 'a called, b moved up');
    expect(pa.statuses.every((st) => st.number === a.number)).toBe(true);
    expect(pb.statuses.every((st) => st.number === b.number)).toBe(true);
    expect(pb.statuses.some((st) => st.status === 'called')).toBe(false);
  });

  test('a phone of a transferred ticket hears it wait again, and a staff socket still needs its token', async () => {
    const t = await issue();
    const p = phone(s, t.publicId);
    phones.push(p);
    await post('/windows/win-1/call-next');
    await post(`/tickets/${t.id}/start`);
    await post(`/tickets/${t.id}/transfer`, { serviceId: 'svc-reg', stage: 1 });
    await until(() => last(p).status === 'waiting' && last(p).transferredFrom !== null, 'transferred');
    const noToken = connect(s.base, { auth: {}, transports: ['websocket'], reconnection: false });
    expect((await refusal(noToken)).message).toMatch(/unauthorized/);
    noToken.close();
  });

  test('an unknown publicId is refused and counts against the address like a 404; the address\'s real phones still connect', async () => {
    const t = await issue();
    for (let i = 0; i < 60; i++) {
      const g = connect(s.base, { auth: { publicId: `guess-${i}` }, transports: ['websocket'], reconnection: false });
      const r = await refusal(g);
      g.close();
      expect(r.data?.code).toBe('not_found');
    }
    const g = connect(s.base, { auth: { publicId: 'guess-x' }, transports: ['websocket'], reconnection: false });
    const cut = await refusal(g);
    g.close();
    expect(cut.data?.code).toBe('rate_limited');
    expect(cut.data?.details?.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect((await s.api('GET', '/public/tickets/guess-y')).status).toBe(429);
    const p = phone(s, t.publicId);
    phones.push(p);
    await until(() => p.statuses.length === 1, 'real phone connected');
    // The phone socket was not counted among hall events listeners.
    expect(HALL_EVENT_TYPES.some((type) => p.other.includes(type))).toBe(false);
  });
});
