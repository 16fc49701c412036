import { startTestServer, type TestServer } from '../test-support/test-server';

// The remote queue: a place taken from home keeps its place but is not called before its holder
// arrives (R9); passed over when its turn comes, kept for remoteGraceMinutes, then expired.
jest.setTimeout(30_000);

describe('remote queue', () => {
  let s: TestServer;
  let kiosk: string;
  let display: string;
  let staff: string;
  beforeEach(async () => {
    s = await startTestServer({ remoteSweepMs: 20, homeLimits: { createsPer10Min: 1000, missesPerMinute: 100, wrongArrivalCodes: 2 } });
    kiosk = s.deviceToken('kiosk');
    display = s.deviceToken('display');
    staff = await s.login('w01');
    await s.api('POST', '/windows/win-1/sign-in', { token: staff, body: {} });
  });
  afterEach(() => s.close());

  const remote = (serviceId = 'svc-reg') => s.api('POST', '/public/halls/demo/remote-tickets', { body: { serviceId } });
  const walkIn = () => s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-reg' } });
  const callNext = async () => {
    const r = await s.api('POST', '/windows/win-1/call-next', { token: staff, body: {} });
    if (r.status === 200) {
      await s.api('POST', `/tickets/${r.body.ticket.id}/start`, { token: staff, body: {} });
      await s.api('POST', `/tickets/${r.body.ticket.id}/complete`, { token: staff, body: {} });
    }
    return r;
  };
  const status = async (publicId: string) => (await s.api('GET', `/public/tickets/${publicId}`)).body;

  test('R9: the remote ticket is passed over until its holder arrives with the hall code, then called in its place', async () => {
    const r = await remote();
    expect(r.status).toBe(201);
    expect(r.body.ticket).toMatchObject({ remote: true, arrivedAt: null, status: 'waiting' });
    const pid = r.body.ticket.publicId as string;
    s.clock.advance(60);
    const w1 = await walkIn();
    s.clock.advance(60);
    const w2 = await walkIn();
    expect(w1.body.ticket.peopleAhead).toBe(1);

    const first = await callNext();
    expect(first.body.ticket.id).toBe(w1.body.ticket.id);
    const passed = await status(pid);
    expect(passed).toMatchObject({ status: 'waiting', remote: true, arrived: false });
    expect(passed.expiresAt).toBe(new Date(s.clock.read() + 10 * 60_000).toISOString());

    const code = await s.api('GET', '/halls/demo/arrival-code', { token: display });
    expect(code.body.code).toMatch(/^\d{4}$/);
    expect(Date.parse(code.body.validUntil)).toBeGreaterThan(s.clock.read());
    const wrong = String((Number(code.body.code) + 1) % 10000).padStart(4, '0');
    const bad = await s.api('POST', `/public/tickets/${pid}/arrive`, { body: { arrivalCode: wrong } });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'arrival_code_invalid']);
    const ok = await s.api('POST', `/public/tickets/${pid}/arrive`, { body: { arrivalCode: code.body.code } });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ arrived: true, expiresAt: null, status: 'waiting' });
    // Arriving twice is harmless.
    expect((await s.api('POST', `/public/tickets/${pid}/arrive`, { body: { arrivalCode: code.body.code } })).status).toBe(200);

    const second = await callNext();
    expect(second.body.ticket.id).toBe(r.body.ticket.id);
    expect((await callNext()).body.ticket.id).toBe(w2.body.ticket.id);
  });

  test('a passed-over ticket expires after the grace time, by the next call or by the sweep; the phone says so', async () => {
    const a = await remote();
    await walkIn();
    await callNext();
    const b = await remote();
    expect((await status(a.body.ticket.publicId)).expiresAt).not.toBeNull();
    s.clock.advance(10 * 60 + 1);
    await walkIn();
    await callNext(); // a's grace is over: expired by the call; b's turn came only now
    expect((await status(a.body.ticket.publicId)).status).toBe('expired');
    expect((await status(b.body.ticket.publicId)).status).toBe('waiting');
    s.clock.advance(10 * 60 + 1);
    for (let i = 0; i < 100 && (await status(b.body.ticket.publicId)).status === 'waiting'; i++) await new Promise((ok) => setTimeout(ok, 20));
    const gone = await status(b.body.ticket.publicId);
    expect(gone).toMatchObject({ status: 'expired', canCancel: false });
    const late = await s.api('POST', `/public/tickets/${b.body.ticket.publicId}/arrive`, { body: {} });
    expect(late.status).toBe(409);
    const log = await s.api('GET', '/halls/demo/queue', { token: display });
    expect(log.body.waiting.map((t: { id: string }) => t.id)).not.toContain(b.body.ticket.id);
  });

  test('grace 0: a remote ticket not there when its turn comes expires at once', async () => {
    const admin = await s.login('admin');
    expect((await s.api('PATCH', '/halls/demo', { token: admin, body: { remoteGraceMinutes: 0 } })).status).toBe(200);
    const a = await remote();
    expect((await callNext()).status).toBe(204);
    expect((await status(a.body.ticket.publicId)).status).toBe('expired');
  });

  test('a kiosk scan of the ticket\'s QR marks the arrival without a code; other tokens and tickets are refused', async () => {
    const a = await remote();
    const pid = a.body.ticket.publicId as string;
    const noCode = await s.api('POST', `/public/tickets/${pid}/arrive`, { body: {} });
    expect(noCode.body.error.code).toBe('arrival_code_invalid');
    expect((await s.api('POST', `/public/tickets/${pid}/arrive`, { token: 'nonsense', body: {} })).status).toBe(401);
    const scanned = await s.api('POST', `/public/tickets/${pid}/arrive`, { token: kiosk, body: {} });
    expect(scanned.body).toMatchObject({ arrived: true });
    expect((await callNext()).body.ticket.id).toBe(a.body.ticket.id);
    const plain = await walkIn();
    expect((await s.api('POST', `/public/tickets/${plain.body.ticket.publicId}/arrive`, { token: kiosk, body: {} })).status).toBe(400);
    expect((await s.api('POST', '/public/tickets/unknown-ticket/arrive', { body: {} })).status).toBe(404);
  });

  test('wrong arrival codes are limited per ticket', async () => {
    const a = await remote();
    const pid = a.body.ticket.publicId as string;
    for (let i = 0; i < 2; i++) expect((await s.api('POST', `/public/tickets/${pid}/arrive`, { body: { arrivalCode: 'xx' } })).status).toBe(400);
    const limited = await s.api('POST', `/public/tickets/${pid}/arrive`, { body: { arrivalCode: 'xx' } });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  test('each service opens a daily share to the remote queue; past it, or closed, nothing is issued', async () => {
    const admin = await s.login('admin');
    await s.api('PATCH', '/halls/demo/services/svc-food', { token: admin, body: { remoteDailyShare: 1 } });
    await s.api('PATCH', '/halls/demo/services/svc-chg', { token: admin, body: { remoteDailyShare: null } });
    expect((await remote('svc-food')).status).toBe(201);
    const over = await remote('svc-food');
    expect([over.status, over.body.error.code]).toEqual([409, 'remote_share_reached']);
    const closed = await remote('svc-chg');
    expect([closed.status, closed.body.error.code]).toEqual([409, 'remote_closed']);
    const hall = await s.api('GET', '/public/halls/demo');
    const byId = new Map(hall.body.services.map((x: { id: string; remote: boolean }) => [x.id, x.remote]));
    expect([byId.get('svc-food'), byId.get('svc-chg'), byId.get('svc-reg')]).toEqual([false, false, true]);
    expect((await s.api('POST', '/public/halls/demo/remote-tickets', { body: { serviceId: 'nope' } })).status).toBe(404);
    expect((await s.api('POST', '/public/halls/demo/remote-tickets', { body: {} })).status).toBe(400);
  });

  test('E4: waits behind an away remote ticket count it for the share of remote visitors who come', async () => {
    await remote();
    s.clock.advance(60);
    const w = await walkIn();
    // One window, 600 s mean, default show share 0.8: 480 s for the remote ticket ahead.
    expect(w.body.ticket).toMatchObject({ peopleAhead: 1, estimatedWaitSeconds: 480 });
  });
});
