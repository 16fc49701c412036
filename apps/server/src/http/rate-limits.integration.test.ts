// The rate limits of API.md (Conventions), each keyed on what is abused, never on the address
// alone: a hall's guest Wi-Fi puts every phone behind one address, and its staff share one too.
import { parseTrustProxy } from '../config';
import { LOGIN_FAILURES_PER_ADDRESS } from './limits';

jest.setTimeout(120_000); // hundreds of real HTTP requests and password checks on a shared machine
import { startTestServer, type TestServer } from '../test-support/test-server';

const retryAfter = (r: { headers: Headers }): number => Number(r.headers.get('retry-after'));

describe('rate limits keyed on what is abused', () => {
  let s: TestServer;
  let kiosk: string;
  beforeEach(async () => {
    // Behind a reverse proxy on loopback: X-Forwarded-For names the client.
    // The kiosk limit at its production value (test servers raise it for load tests).
    s = await startTestServer({ env: { TRUST_PROXY: 'loopback', KIOSK_ISSUE_BURST: '30' } });
    kiosk = s.deviceToken('kiosk');
  });
  afterEach(() => s.close());

  const issue = async () => (await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-food' } })).body.ticket;
  const from = (address: string) => ({ 'x-forwarded-for': address });

  test('per publicId: one request a second, sustained, is always allowed; a burst is refused with Retry-After, for that ticket only', async () => {
    const t = await issue();
    const other = await issue();
    for (let i = 0; i < 120; i++) {
      expect((await s.api('GET', `/public/tickets/${t.publicId}`, { headers: from('10.1.1.1') })).status).toBe(200);
      s.clock.advance(1);
    }
    const burst: number[] = [];
    for (let i = 0; i < 15; i++) burst.push((await s.api('GET', `/public/tickets/${t.publicId}`)).status);
    expect(burst.slice(0, 10).every((c) => c === 200)).toBe(true);
    const refused = await s.api('GET', `/public/tickets/${t.publicId}`);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
    expect(retryAfter(refused)).toBeGreaterThanOrEqual(1);
    // Another ticket followed from the same address is not affected.
    expect((await s.api('GET', `/public/tickets/${other.publicId}`)).status).toBe(200);
    s.clock.advance(retryAfter(refused));
    expect((await s.api('GET', `/public/tickets/${t.publicId}`)).status).toBe(200);
  });

  test('per address only for unknown publicIds: guessing is cut off, the address\'s real tickets still answer', async () => {
    const t = await issue();
    for (let i = 0; i < 60; i++) expect((await s.api('GET', `/public/tickets/guess-${i}`, { headers: from('10.2.2.2') })).status).toBe(404);
    const cut = await s.api('GET', '/public/tickets/guess-x', { headers: from('10.2.2.2') });
    expect(cut.status).toBe(429);
    expect(retryAfter(cut)).toBeGreaterThan(0);
    expect(retryAfter(cut)).toBeLessThanOrEqual(60);
    expect((await s.api('POST', `/public/tickets/guess-y/cancel`, { headers: from('10.2.2.2') })).status).toBe(429);
    // The same address following a real ticket is served; another address may still mistype.
    expect((await s.api('GET', `/public/tickets/${t.publicId}`, { headers: from('10.2.2.2') })).status).toBe(200);
    expect((await s.api('GET', '/public/tickets/guess-x', { headers: from('10.3.3.3') })).status).toBe(404);
    s.clock.advance(61);
    expect((await s.api('GET', '/public/tickets/guess-x', { headers: from('10.2.2.2') })).status).toBe(404);
  });

  test('logins: ten wrong passwords from the hall\'s shared address do not lock out a colleague with the right one', async () => {
    for (let i = 0; i < 10; i++) {
      const r = await s.api('POST', '/auth/login', { body: { username: 'w01', password: `guess-${i}` }, headers: from('10.4.4.4') });
      expect([401, 429]).toContain(r.status);
      s.clock.advance(retryAfter(r) || 0);
    }
    expect((await s.api('POST', '/auth/login', { body: { username: 'w02', password: 'demo' }, headers: from('10.4.4.4') })).status).toBe(200);
  });

  test('logins: wrong passwords slow the account down with growing delays (no hard lock), and a success clears them', async () => {
    const login = (password: string) => s.api('POST', '/auth/login', { body: { username: 'w03', password } });
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      let r = await login('wrong');
      if (r.status === 429) {
        expect(r.body.error.code).toBe('rate_limited');
        waits.push(retryAfter(r));
        s.clock.advance(retryAfter(r));
        r = await login('wrong');
      }
      expect(r.status).toBe(401);
    }
    // The first three failures cost nothing, then 1, 2, 4 ... seconds: growing, never past a minute.
    expect(waits.length).toBe(5);
    for (let i = 1; i < waits.length; i++) expect(waits[i]!).toBeGreaterThan(waits[i - 1]!);
    expect(Math.max(...waits)).toBeLessThanOrEqual(60);
    // Even the right password waits its turn (a guesser cannot test passwords during the delay) ...
    const early = await login('demo');
    expect(early.status).toBe(429);
    s.clock.advance(retryAfter(early));
    // ... and then signs in.
    expect((await login('demo')).status).toBe(200);
    // Changing the claimed address does not reset the account's delay.
    for (let i = 0; i < 5; i++) await s.api('POST', '/auth/login', { body: { username: 'w04', password: 'x' }, headers: from(`10.5.5.${i}`) });
    const fromElsewhere = await s.api('POST', '/auth/login', { body: { username: 'w04', password: 'demo' }, headers: from('10.6.6.6') });
    expect(fromElsewhere.status).toBe(429);
    s.clock.advance(retryAfter(fromElsewhere));
    expect((await s.api('POST', '/auth/login', { body: { username: 'w04', password: 'demo' }, headers: from('10.6.6.6') })).status).toBe(200);
    // A success cleared the account: its next wrong password is free again.
    expect((await s.api('POST', '/auth/login', { body: { username: 'w04', password: 'x' } })).status).toBe(401);
    expect((await s.api('POST', '/auth/login', { body: { username: 'w04', password: 'demo' } })).status).toBe(200);
  });

  test('logins: parallel guesses at one account do not slip past its delay while passwords are being checked', async () => {
    const all = await Promise.all(
      Array.from({ length: 10 }, (_, i) => s.api('POST', '/auth/login', { body: { username: 'w06', password: `p-${i}` } })),
    );
    const checked = all.filter((r) => r.status === 401).length;
    expect(checked).toBeLessThanOrEqual(3);
    expect(all.filter((r) => r.status === 429).length).toBe(10 - checked);
  });

  test('logins: the address is limited only loosely (ten times the failures that slow an account), with Retry-After', async () => {
    expect(LOGIN_FAILURES_PER_ADDRESS).toBeGreaterThanOrEqual(100);
    // The same rule with a smaller limit, to keep the test short (each failure checks a password).
    await s.close();
    s = await startTestServer({ env: { TRUST_PROXY: 'loopback' }, limits: { loginFailuresPerAddress: 20 } });
    for (let i = 0; i < 20; i++) {
      expect((await s.api('POST', '/auth/login', { body: { username: `nobody-${i}`, password: 'x' }, headers: from('10.7.7.7') })).status).toBe(401);
    }
    const cut = await s.api('POST', '/auth/login', { body: { username: 'w05', password: 'demo' }, headers: from('10.7.7.7') });
    expect(cut.status).toBe(429);
    expect(retryAfter(cut)).toBeGreaterThan(60);
    expect((await s.api('POST', '/auth/login', { body: { username: 'w05', password: 'demo' }, headers: from('10.8.8.8') })).status).toBe(200);
  });

  test('logins: while the address is limited, a colleague who signed in from it lately still signs in; accounts new to it wait', async () => {
    await s.close();
    s = await startTestServer({ env: { TRUST_PROXY: 'loopback' }, limits: { loginFailuresPerAddress: 20 } });
    const hallPc = from('10.9.1.1');
    // A colleague signed in from the hall's shared address earlier (and signed out).
    const earlier = await s.api('POST', '/auth/login', { body: { username: 'w07', password: 'demo' }, headers: hallPc });
    expect(earlier.status).toBe(200);
    // Someone on the same address sprays wrong passwords over many accounts until it is limited.
    for (let i = 0; i < 20; i++) await s.api('POST', '/auth/login', { body: { username: `nobody-${i}`, password: 'x' }, headers: hallPc });
    const spray = await s.api('POST', '/auth/login', { body: { username: 'nobody-x', password: 'x' }, headers: hallPc });
    expect(spray.status).toBe(429);
    expect(retryAfter(spray)).toBeGreaterThan(60);
    // The colleague still signs in there ...
    expect((await s.api('POST', '/auth/login', { body: { username: 'w07', password: 'demo' }, headers: hallPc })).status).toBe(200);
    // ... a wrong password at that account still counts against the account only ...
    expect((await s.api('POST', '/auth/login', { body: { username: 'w07', password: 'wrong' }, headers: hallPc })).status).toBe(401);
    // ... while an account that never signed in from this address waits with the address.
    const other = await s.api('POST', '/auth/login', { body: { username: 'w08', password: 'demo' }, headers: hallPc });
    expect([other.status, other.body.error.code]).toEqual([429, 'rate_limited']);
    expect(retryAfter(other)).toBeGreaterThan(0);
  });

  test('kiosk ticket issue is limited per device: a real kiosk never reaches it, a script with a stolen token does; staff are not limited', async () => {
    // A busy kiosk: a ticket every 5 s for ten minutes.
    for (let i = 0; i < 120; i++) {
      expect((await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-food' } })).status).toBe(201);
      s.clock.advance(5);
    }
    // A script: as fast as it can.
    const statuses: number[] = [];
    let refused: { headers: Headers } | null = null;
    for (let i = 0; i < 40; i++) {
      const r = await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-food' } });
      statuses.push(r.status);
      if (r.status === 429) refused = r;
    }
    expect(statuses.filter((c) => c === 201).length).toBeLessThanOrEqual(31);
    expect(statuses.at(-1)).toBe(429);
    expect(retryAfter(refused!)).toBeGreaterThanOrEqual(1);
    // Staff at the desk issue as many as they need, from the same address.
    const staff = await s.login('super');
    for (let i = 0; i < 40; i++) expect((await s.api('POST', '/halls/demo/tickets', { token: staff, body: { serviceId: 'svc-food' } })).status).toBe(201);
  });

  test('a kiosk retrying with its Idempotency-Key gets the ticket it already has, even while it is limited; a new ticket is still refused', async () => {
    const first = await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-food' }, headers: { 'Idempotency-Key': 'slip-1' } });
    expect(first.status).toBe(201);
    let refused = 0;
    for (let i = 0; i < 40; i++) if ((await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-food' } })).status === 429) refused++;
    expect(refused).toBeGreaterThan(0);
    const retry = await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-food' }, headers: { 'Idempotency-Key': 'slip-1' } });
    expect(retry.status).toBe(201);
    expect(retry.body.ticket.id).toBe(first.body.ticket.id);
    expect((await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-food' }, headers: { 'Idempotency-Key': 'slip-2' } })).status).toBe(429);
    // The same key for another request is still the conflict it always was, not a way around the limit.
    expect((await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-reg' }, headers: { 'Idempotency-Key': 'slip-1' } })).status).toBe(409);
    const tickets = (await s.api('GET', '/halls/demo/queue', { token: kiosk })).body.waiting as Array<{ id: string }>;
    expect(tickets.filter((t) => t.id === first.body.ticket.id)).toHaveLength(1);
  });

  test('authenticated staff and device requests are not limited per address', async () => {
    const display = s.deviceToken('display');
    const staff = await s.login('super');
    for (let i = 0; i < 150; i++) {
      expect((await s.api('GET', '/halls/demo/queue', { token: display })).status).toBe(200);
      expect((await s.api('GET', '/halls/demo', { token: staff })).status).toBe(200);
    }
  });
});

describe('TRUST_PROXY', () => {
  test('is parsed as Express\'s trust proxy value', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('')).toBe(false);
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('true')).toBe(true);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('loopback')).toBe('loopback');
    expect(parseTrustProxy('10.0.0.0/8, 127.0.0.1')).toBe('10.0.0.0/8, 127.0.0.1');
  });

  test('without it, X-Forwarded-For is ignored: a guesser cannot escape the address limit by forging it', async () => {
    const s = await startTestServer({ publicRateLimit: 5 });
    try {
      for (let i = 0; i < 5; i++) await s.api('GET', `/public/tickets/g${i}`, { headers: { 'x-forwarded-for': `10.0.0.${i}` } });
      const r = await s.api('GET', '/public/tickets/g9', { headers: { 'x-forwarded-for': '10.9.9.9' } });
      expect(r.status).toBe(429);
      expect(retryAfter(r)).toBeGreaterThanOrEqual(1);
    } finally {
      await s.close();
    }
  });
});
