import https from 'node:https';
import fs from 'node:fs';
import path from 'node:path';
import { startPushEndpoint, type PushEndpoint } from '../test-support/push-endpoint';
import { startTestServer, type TestServer } from '../test-support/test-server';

// Web Push with the real web-push library, to a local push endpoint that decrypts each message
// (RFC 8291, aes128gcm) with the subscription's keys and verifies the VAPID signature.
jest.setTimeout(30_000);

describe('Web Push to the visitor\'s phone', () => {
  let s: TestServer;
  let endpoint: PushEndpoint;
  let kiosk: string;
  let staff: string;
  beforeEach(async () => {
    endpoint = await startPushEndpoint();
    s = await startTestServer({ push: { agent: new https.Agent({ ca: endpoint.ca }), checkMs: 30 } });
    kiosk = s.deviceToken('kiosk');
    staff = await s.login('w01');
    await s.api('POST', '/windows/win-1/sign-in', { token: staff, body: {} });
  });
  afterEach(async () => {
    await s.close();
    await endpoint.close();
  });

  const issue = async () => (await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-food' } })).body.ticket;
  const serveNext = async () => {
    const r = await s.api('POST', '/windows/win-1/call-next', { token: staff, body: {} });
    await s.api('POST', `/tickets/${r.body.ticket.id}/start`, { token: staff, body: {} });
    await s.api('POST', `/tickets/${r.body.ticket.id}/complete`, { token: staff, body: {} });
  };

  test('VAPID keys are made at first start in the data folder and published for the phone', async () => {
    const stored = JSON.parse(fs.readFileSync(path.join(s.dataDir, 'vapid.json'), 'utf8')) as { publicKey: string; privateKey: string };
    const r = await s.api('GET', '/public/push/key');
    expect(r.body.publicKey).toBe(stored.publicKey);
    expect(Buffer.from(stored.publicKey, 'base64url')).toHaveLength(65);
  });

  test('"N ahead" once at the threshold, then "called" with the window, each decrypted with the subscription keys', async () => {
    const tickets = [await issue(), await issue(), await issue(), await issue()];
    const mine = tickets[3];
    const sub = await s.api('POST', `/public/tickets/${mine.publicId}/push`, { body: { ...endpoint.subscription, aheadThreshold: 1 } });
    expect(sub.status).toBe(201);
    await new Promise((ok) => setTimeout(ok, 150));
    expect(endpoint.received).toHaveLength(0); // 3 ahead: not yet
    await serveNext();
    await serveNext();
    const [ahead] = await endpoint.waitFor(1);
    expect(ahead!.payload).toMatchObject({ kind: 'ahead', number: mine.number, peopleAhead: 1, url: `${s.config.publicUrl}/t/${mine.publicId}` });
    expect((ahead!.payload as { body: string }).body).toContain('前面还有 1 人');
    expect(ahead!.vapidKey).toBe((await s.api('GET', '/public/push/key')).body.publicKey);
    expect(ahead!.jwtClaims.aud).toBe(new URL(endpoint.subscription.endpoint).origin);
    await serveNext();
    await s.api('POST', '/windows/win-1/call-next', { token: staff, body: {} });
    const all = await endpoint.waitFor(2);
    expect(all[1]!.payload).toMatchObject({ kind: 'called', number: mine.number, windowNumber: 1 });
    expect(all[1]!.headers.urgency).toBe('high');
    await new Promise((ok) => setTimeout(ok, 150));
    expect(endpoint.received).toHaveLength(2); // "ahead" was sent once
  });

  test('a remote ticket\'s phone is told when it is passed over', async () => {
    const remote = (await s.api('POST', '/public/halls/demo/remote-tickets', { body: { serviceId: 'svc-food', lang: 'en' } })).body.ticket;
    await s.api('POST', `/public/tickets/${remote.publicId}/push`, { body: { ...endpoint.subscription, aheadThreshold: 50 } });
    await issue();
    await s.api('POST', '/windows/win-1/call-next', { token: staff, body: {} });
    const got = await endpoint.waitFor(2);
    const kinds = got.map((g) => (g.payload as { kind: string }).kind).sort();
    expect(kinds).toEqual(['ahead', 'passed_over']);
    const passed = got.find((g) => (g.payload as { kind: string }).kind === 'passed_over')!;
    expect((passed.payload as { body: string }).body).toContain('your turn has come');
  });

  test('bad subscriptions and unknown or finished tickets are refused', async () => {
    const t = await issue();
    expect((await s.api('POST', `/public/tickets/${t.publicId}/push`, { body: { endpoint: 'ftp://x', keys: endpoint.subscription.keys } })).status).toBe(400);
    expect((await s.api('POST', `/public/tickets/${t.publicId}/push`, { body: { endpoint: endpoint.subscription.endpoint } })).status).toBe(400);
    expect((await s.api('POST', '/public/tickets/nope-nope/push', { body: endpoint.subscription })).status).toBe(404);
    await s.api('POST', `/public/tickets/${t.publicId}/cancel`, { body: {} });
    expect((await s.api('POST', `/public/tickets/${t.publicId}/push`, { body: endpoint.subscription })).status).toBe(409);
  });
});
