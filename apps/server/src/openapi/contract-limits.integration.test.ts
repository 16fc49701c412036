// What a client reading the public contract and the served OpenAPI document expects of the rate
// limits, optional tokens and the realtime handshake: every refusal the server can give is in the
// document (status, error code, Retry-After), and the document says what the server does.
import { io as connect, type Socket } from 'socket.io-client';
import { startTestServer, type ApiResponse, type TestServer } from '../test-support/test-server';

jest.setTimeout(60_000);

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Answer = ApiResponse;

describe('the served OpenAPI document describes every refusal the server gives', () => {
  let s: TestServer;
  let doc: Json;
  beforeAll(async () => {
    // The kiosk limit at its production value (test servers raise it for load tests).
    s = await startTestServer({ env: { KIOSK_ISSUE_BURST: '30' } });
    doc = (await s.api('GET', '/openapi.json')).body;
  });
  afterAll(() => s.close());

  const op = (method: string, path: string): Json => doc.paths[path][method];
  const declared = (method: string, path: string, status: number, code: string): boolean =>
    (op(method, path).responses[String(status)]?.['x-error-codes'] ?? []).includes(code);
  const retryAfterDeclared = (method: string, path: string): boolean =>
    op(method, path).responses['429']?.headers?.['Retry-After'] !== undefined;

  test('a kiosk issuing past its per-device limit gets 429 rate_limited with Retry-After, as the document declares', async () => {
    const kiosk = s.deviceToken('kiosk');
    const answers: Answer[] = [];
    for (let i = 0; i < 40 && answers.at(-1)?.status !== 429; i++) {
      answers.push(await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-food' } }));
    }
    const refused = answers.at(-1)!;
    expect(answers.slice(0, -1).every((r) => r.status === 201)).toBe(true);
    expect([refused.status, refused.body.error.code]).toEqual([429, 'rate_limited']);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(declared('post', '/halls/{hallId}/tickets', 429, 'rate_limited')).toBe(true);
    expect(retryAfterDeclared('post', '/halls/{hallId}/tickets')).toBe(true);
    expect(op('post', '/halls/{hallId}/tickets').description).toMatch(/per device/);
  });

  test('subscribing one ticket to Web Push is limited per publicId like the other requests about it, as the document declares', async () => {
    const t = (await s.api('POST', '/halls/demo/tickets', { token: await s.login('super'), body: { serviceId: 'svc-reg' } })).body.ticket;
    const answers: Answer[] = [];
    for (let i = 0; i < 15 && answers.at(-1)?.status !== 429; i++) {
      // An empty body: refused as bad input (nothing stored), yet still a request about this ticket.
      answers.push(await s.api('POST', `/public/tickets/${t.publicId}/push`, { body: {} }));
    }
    const refused = answers.at(-1)!;
    expect(answers.slice(0, 10).every((r) => r.status === 400)).toBe(true);
    expect([refused.status, refused.body.error.code]).toEqual([429, 'rate_limited']);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(declared('post', '/public/tickets/{publicId}/push', 429, 'rate_limited')).toBe(true);
    expect(retryAfterDeclared('post', '/public/tickets/{publicId}/push')).toBe(true);
  });

  test('arriving with a token that is not valid is 401 unauthorized, declared along with the optional bearer token', async () => {
    const remote = await s.api('POST', '/public/halls/demo/remote-tickets', { body: { serviceId: 'svc-food' } });
    expect(remote.status).toBe(201);
    const publicId = remote.body.ticket.publicId as string;
    const r = await s.api('POST', `/public/tickets/${publicId}/arrive`, { token: 'not-a-token', body: {} });
    expect([r.status, r.body.error.code]).toEqual([401, 'unauthorized']);
    // Nothing changed: the ticket has still not arrived.
    expect((await s.api('GET', `/public/tickets/${publicId}`)).body.status).toBe('waiting');
    expect(declared('post', '/public/tickets/{publicId}/arrive', 401, 'unauthorized')).toBe(true);
    expect(op('post', '/public/tickets/{publicId}/arrive').security).toEqual([{}, { bearer: [] }]);
  });

  test('the document states the rate limits as they are: keyed on what is abused, logins per account', () => {
    expect(doc.info.description).not.toMatch(/apply per client address/);
    expect(doc.info.description).toMatch(/never on the address alone/);
    const login = op('post', '/auth/login').description as string;
    expect(login).toMatch(/account/);
    expect(login).not.toMatch(/10 per 10 minutes/);
  });
});

describe('the realtime contract: live events without any further message', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  test('a display that only connects (no resume) hears the next call, and the document does not ask for resume', async () => {
    const doc = (await s.api('GET', '/openapi.json')).body as Json;
    const realtime = doc['x-realtime'];
    expect(realtime.serverToClient.hello.description).not.toMatch(/Follow with `resume` to receive events/);
    expect(realtime.serverToClient.hello.description).toMatch(/already in its hall's room/);
    expect(realtime.clientToServer.resume.description).toMatch(/Not needed to receive live events/);

    const socket: Socket = connect(s.base, { auth: { token: s.deviceToken('display') }, transports: ['websocket'], reconnection: false });
    try {
      const hello = await new Promise<Json>((resolve) => socket.once('hello', resolve));
      const issued = new Promise<Json>((resolve) => socket.once('ticket.issued', resolve));
      const t = (await s.api('POST', '/halls/demo/tickets', { token: s.deviceToken('kiosk'), body: { serviceId: 'svc-food' } })).body.ticket;
      const event = await issued;
      expect(event).toMatchObject({ seq: hello.seq + 1, type: 'ticket.issued', hallId: 'demo' });
      expect(event.ticket.id).toBe(t.id);
      expect(event.ticket.publicId).toBeUndefined();
    } finally {
      socket.close();
    }
  });
});
