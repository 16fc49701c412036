// The hall server with HUB_URL/HUB_TOKEN pushes its log to the hub in the background: every event
// in seq order with the hall's catalogue; a week of the hall's log kept while the hub was away
// reaches it batch by batch; a hub that never answers does not hold up a ticket; and without
// HUB_URL no pusher exists at all.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HubLiveInfo } from '@hallq/shared';
import { demoHall } from '../demo/demo-hall';
import { DEMO_HISTORY_FILE, readDemoHistory } from '../demo/demo-history';
import { startTestServer } from '../test-support/test-server';

interface Received {
  url: string;
  auth: string | undefined;
  body: { events: Array<{ seq: number; type: string }>; hall?: { timezone?: string; services?: unknown[]; publicUrl?: string | null }; live?: unknown };
}

interface FakeHub {
  url: string;
  got: Received[];
  stored: number[];
  /** While true the hub answers 503 to everything (away, restarting, unreachable behind its proxy). */
  down: boolean;
  close: () => Promise<void>;
}

async function fakeHub(opts: { hang?: boolean; down?: boolean } = {}): Promise<FakeHub> {
  const got: Received[] = [];
  const stored: number[] = [];
  const hub = { down: opts.down ?? false } as FakeHub;
  const server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString()));
    req.on('end', () => {
      if (opts.hang) return; // never answers
      if (hub.down) {
        res.statusCode = 503;
        res.end();
        return;
      }
      const body = JSON.parse(text) as Received['body'];
      got.push({ url: req.url ?? '', auth: req.headers.authorization, body });
      for (const e of body.events) if (e.seq === stored.length + 1) stored.push(e.seq);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ ackSeq: stored.length }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return Object.assign(hub, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    got,
    stored,
    close: () => new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  });
}

const TOKEN = 'hall-token-from-the-hub-0123456789';
jest.setTimeout(30_000);

test('the pusher\'s first step at start succeeds: no failure, no back-off before the first push', async () => {
  const hub = await fakeHub();
  const s = await startTestServer({ env: { HUB_URL: hub.url, HUB_TOKEN: TOKEN } });
  try {
    expect(s.server.hubPusher!.status()).toMatchObject({ failures: 0, lastError: null, running: true });
    await s.server.hubPusher!.until(s.server.deps.repos.log.lastSeq('demo'));
    expect(s.server.hubPusher!.status()).toMatchObject({ failures: 0, lastError: null });
  } finally {
    await s.close();
    await hub.close();
  }
});

test('every event of the hall reaches the hub in seq order, with the hall catalogue first', async () => {
  const hub = await fakeHub();
  const s = await startTestServer({ env: { HUB_URL: hub.url, HUB_TOKEN: TOKEN, PUBLIC_URL: 'https://hall-7.city.example/' } });
  try {
    const kiosk = s.deviceToken('kiosk');
    for (let i = 0; i < 5; i++) expect((await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-reg' } })).status).toBe(201);
    const last = s.server.deps.repos.log.lastSeq('demo');
    await s.server.hubPusher!.until(last);
    expect(hub.stored).toEqual(Array.from({ length: last }, (_, i) => i + 1));
    expect(hub.got[0]!.url).toBe('/api/v1/hub/halls/demo/events');
    expect(hub.got[0]!.auth).toBe(`Bearer ${TOKEN}`);
    expect(hub.got[0]!.body.hall).toMatchObject({ timezone: expect.any(String), services: expect.arrayContaining([expect.objectContaining({ id: 'svc-reg' })]) });
    // The address citizens reach the hall at, as the hall set it (the hub links its page from /now).
    expect(hub.got[0]!.body.hall!.publicUrl).toBe('https://hall-7.city.example');
    const pushed = hub.got.flatMap((g) => g.body.events);
    expect(pushed.filter((e) => e.type === 'ticket.issued')).toHaveLength(5);
    // The live estimates carry each service's range (null without one), as the hub accepts them.
    const lives = hub.got.map((g) => g.body.live).filter((l) => l !== undefined);
    expect(lives.length).toBeGreaterThan(0);
    for (const l of lives) {
      expect(HubLiveInfo.safeParse(l).success).toBe(true);
      for (const sv of (l as { services: object[] }).services) expect(sv).toHaveProperty('estimatedWaitRange');
    }
  } finally {
    await s.close();
    await hub.close();
  }
});

test('a week offline: the whole log reaches the hub when it is back, read from the database and sent one batch at a time', async () => {
  // A week of the demo hall's visitors (about 8,000 events), all written while the hub was away.
  const history = readDemoHistory(DEMO_HISTORY_FILE);
  const week = { ...history, beforeDays: 3, afterDays: 4, days: history.days.slice(0, 7) };
  const hub = await fakeHub({ down: true });
  const s = await startTestServer({ seed: demoHall, demoHistory: week, env: { HUB_URL: hub.url, HUB_TOKEN: TOKEN } });
  try {
    // Every read of the log the pusher makes, as asked and as answered.
    const log = s.server.deps.repos.log;
    const reads: Array<{ asked: number; got: number }> = [];
    const eventsAfter = log.eventsAfter.bind(log);
    log.eventsAfter = (hallId, afterSeq, upTo) => {
      const events = eventsAfter(hallId, afterSeq, upTo);
      reads.push({ asked: upTo - afterSeq, got: events.length });
      return events;
    };
    const last = log.lastSeq('demo');
    expect(last).toBeGreaterThan(5_000);
    await new Promise((r) => setTimeout(r, 1_200));
    expect(s.server.hubPusher!.status()).toMatchObject({ ackSeq: null, failures: expect.any(Number) });
    expect(s.server.hubPusher!.status().failures).toBeGreaterThan(0);
    expect(hub.stored).toEqual([]);

    hub.down = false;
    await s.server.hubPusher!.until(last, 60_000);
    expect(hub.stored).toEqual(Array.from({ length: last }, (_, i) => i + 1));
    // Never more than one batch (500) read from the database or sent in one request.
    const sent = hub.got.map((g) => g.body.events.length);
    expect(Math.max(...sent)).toBe(500);
    expect(Math.max(...reads.map((r) => Math.max(r.asked, r.got)))).toBe(500);
    expect(reads.length).toBe(Math.ceil(last / 500));
  } finally {
    await s.close();
    await hub.close();
  }
});

test('a hub that never answers does not hold up the hall: tickets are issued as usual', async () => {
  const hub = await fakeHub({ hang: true });
  const s = await startTestServer({ env: { HUB_URL: hub.url, HUB_TOKEN: TOKEN } });
  try {
    const kiosk = s.deviceToken('kiosk');
    for (let i = 0; i < 3; i++) expect((await s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-reg' } })).status).toBe(201);
    expect(s.server.hubPusher!.status().ackSeq).toBeNull();
    // Without PUBLIC_URL the default address (loopback here) is no place to send citizens.
    expect(s.config.hub!.publicUrl).toBeNull();
  } finally {
    await hub.close();
    await s.close();
  }
});

test('without HUB_URL there is no pusher; HUB_URL without HUB_TOKEN is refused', async () => {
  const s = await startTestServer();
  try {
    expect(s.server.hubPusher).toBeNull();
    expect(s.config.hub).toBeNull();
  } finally {
    await s.close();
  }
  await expect(startTestServer({ env: { HUB_URL: 'http://127.0.0.1:9' } })).rejects.toThrow(/HUB_URL and HUB_TOKEN go together/);
});
