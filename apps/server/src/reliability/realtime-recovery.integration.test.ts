// A display or kiosk that loses the server (restart, network drop) recovers by itself and misses
// nothing: the real client (@hallq/client) against the real server, restarted on the same port
// and data dir, with tickets issued and called while the screen was away.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { connectHallFeed, type HallFeed } from '@hallq/client';
import type { HallEvent } from '@hallq/shared';
import { createApp, type HallServer } from '../app';
import { loadConfig } from '../config';
import { FakeClock } from '../test-support/fake-clock';
import { fixtureHall } from '../test-support/fixture-hall';
import { freePort } from './support/built-server';

const until = async (cond: () => boolean, what: string): Promise<void> => {
  for (let i = 0; i < 1500 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!cond()) throw new Error(`${what} not reached`);
};

describe('realtime recovery', () => {
  test('display and kiosk feeds ride out a network drop and a server restart, each event once, in order', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hallq-rt-'));
    const port = await freePort();
    const clock = new FakeClock();
    const start = async (): Promise<HallServer> => {
      const config = loadConfig({ QUEUE_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent', PASSWORD_SCRYPT_LOG2N: '14' }, ['node', 'main']);
      const server = createApp({ config, clock: clock.read, logger: pino({ level: 'silent' }), seed: fixtureHall() });
      await server.listen(port, '127.0.0.1');
      return server;
    };
    let server = await start();
    const token = (kind: string) => server.deps.repos.devices.demoTokens().find((d) => d.kind === kind)!.token;
    const api = async (method: string, p: string, tok: string, body?: unknown) => {
      const r = await fetch(`http://127.0.0.1:${port}/api/v1${p}`, {
        method,
        headers: { authorization: `Bearer ${tok}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: r.status, body: (await r.json().catch(() => null)) as Record<string, unknown> | null };
    };
    const kiosk = token('kiosk');
    const feeds: Array<{ feed: HallFeed; events: HallEvent[]; statuses: string[] }> = [];
    try {
      for (const kind of ['display', 'kiosk']) {
        const events: HallEvent[] = [];
        const statuses: string[] = [];
        const feed = connectHallFeed(
          { url: `http://127.0.0.1:${port}`, token: token(kind), hallId: 'demo' },
          { onEvent: (e) => events.push(e), onStatus: (st) => statuses.push(st) },
        );
        feeds.push({ feed, events, statuses });
      }
      const seq = () => server.deps.mirror.get('demo')!.seq;
      const allCaughtUp = () => feeds.every((f) => f.feed.lastSeq === seq());
      await until(() => feeds.every((f) => f.statuses.includes('online')), 'online');
      const w1 = (await api('POST', '/auth/login', '', { username: 'w01', password: 'demo' })).body!.token as string;
      await api('POST', '/windows/win-1/sign-in', w1, {});
      for (let i = 0; i < 3; i++) await api('POST', '/halls/demo/tickets', kiosk, { serviceId: 'svc-food' });
      await until(allCaughtUp, 'live events');

      // A network drop: the server cuts every socket; calls go on while the screens are away.
      server.io.disconnectSockets(true);
      await api('POST', '/windows/win-1/call-next', w1, {});
      await api('POST', '/halls/demo/tickets', kiosk, { serviceId: 'svc-food' });
      await until(allCaughtUp, 'catch-up after a drop');

      // A restart: the server goes away and comes back on the same port and data.
      await server.close();
      await until(() => feeds.every((f) => f.statuses.at(-1) === 'offline'), 'offline shown');
      server = await start();
      const t = (await api('POST', '/halls/demo/tickets', kiosk, { serviceId: 'svc-food' })).body!.ticket as { id: string };
      const called = await api('POST', '/windows/win-1/call-next', w1, {});
      expect(called.status).toBe(409); // the ticket called before the restart is still at the window
      const current = (called.body as { error: { details: { ticketId: string } } }).error.details.ticketId;
      await api('POST', `/tickets/${current}/recall`, w1, {}); // a no-show within the grace time needs one recall
      await api('POST', `/tickets/${current}/no-show`, w1, {});
      expect((await api('POST', '/windows/win-1/call-next', w1, {})).status).toBe(200);
      await until(allCaughtUp, 'catch-up after a restart');
      expect(t.id).toBeTruthy();

      const log = server.deps.repos.log.eventsAfter('demo', 0, 10_000);
      for (const f of feeds) {
        // Every event exactly once, in seq order, with nothing missing (the first snapshot was at seq 0).
        expect(f.events.map((e) => e.seq)).toEqual(log.map((e) => e.seq));
        expect(f.events.filter((e) => e.type === 'ticket.called').length).toBe(log.filter((e) => e.type === 'ticket.called').length);
        expect(f.statuses.filter((st) => st === 'offline').length).toBeGreaterThanOrEqual(2);
      }
      expect(log.filter((e) => e.type === 'ticket.called').length).toBe(2);
    } finally {
      for (const f of feeds) f.feed.close();
      await server.close();
    }
  }, 60_000);
});
