// A hall's display screens get `queue.estimates` only when what they show changed, at most once
// per SCREEN_ESTIMATES_INTERVAL_MS of the hall's clock, the latest figures never lost; kiosks get
// every refresh; a screen that resumes gets the current figures. Counted in messages: the
// refreshes are driven by the test, the hall's clock is the test's.
import { io as connect, type Socket } from 'socket.io-client';
import type { HelloMessage, QueueEstimates, QueueSnapshot } from '@hallq/shared';
import { startDrivenServer, type TestServer } from '../test-support/test-server';
import { SCREEN_ESTIMATES_INTERVAL_MS, screenKey } from './screen-pacer';

jest.setTimeout(60_000);

const until = async (cond: () => boolean, what: string): Promise<void> => {
  for (let i = 0; i < 1000 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!cond()) throw new Error(`not reached: ${what}`);
};

describe("display screens' queue.estimates", () => {
  let s: TestServer;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    s = await startDrivenServer();
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await s.close();
  });
  const open = (token: string): Socket => {
    const socket = connect(s.base, { auth: { token }, transports: ['websocket'], reconnection: false });
    sockets.push(socket);
    return socket;
  };
  const issue = async (serviceId: string): Promise<void> => {
    expect((await s.api('POST', '/halls/demo/tickets', { token: s.deviceToken('kiosk'), body: { serviceId } })).status).toBe(201);
  };

  test('sent when what a screen shows changed, at most once per interval, with the latest figures; kiosks get every refresh', async () => {
    const screen = open(s.deviceToken('display'));
    const kiosk = open(s.deviceToken('kiosk'));
    const onScreen: QueueEstimates[] = [];
    const onKiosk: QueueEstimates[] = [];
    screen.on('queue.estimates', (e: QueueEstimates) => onScreen.push(e));
    kiosk.on('queue.estimates', (e: QueueEstimates) => onKiosk.push(e));
    await Promise.all([screen, kiosk].map((socket) => new Promise<void>((resolve) => socket.once('hello', () => resolve()))));
    const refresh = (): QueueEstimates => s.server.broadcaster.refresh('demo')!;

    // The first figures go out to the screen.
    refresh();
    await until(() => onScreen.length === 1 && onKiosk.length === 1, 'the first estimates');
    // An empty queue: the same figures, refresh after refresh. The kiosk gets each; the screen none.
    for (let i = 0; i < 5; i++) {
      s.clock.advance(SCREEN_ESTIMATES_INTERVAL_MS / 1000);
      refresh();
    }
    await until(() => onKiosk.length === 6, 'every refresh at the kiosk');

    // A change after a quiet spell goes out at once (once the write path is quiet).
    await issue('svc-reg');
    refresh();
    await until(() => onScreen.length === 2, 'the first change');
    // Within the interval, two more changes of the waiting count: held; once the interval is over,
    // the latest figures go out, once.
    await issue('svc-reg');
    refresh();
    await issue('svc-reg');
    refresh();
    s.clock.advance(SCREEN_ESTIMATES_INTERVAL_MS / 1000);
    refresh();
    await until(() => onScreen.length >= 3 && onKiosk.length === 10, 'the held change');
    expect(onScreen).toHaveLength(3);
    expect(onScreen.map((e) => e.services.find((v) => v.serviceId === 'svc-reg')!.waiting)).toEqual([0, 1, 3]);
    expect(onScreen[2]!.services).toEqual(onKiosk[9]!.services);
    expect(onScreen.every((e) => e.tickets.length === 0)).toBe(true);
    expect(onKiosk[9]!.tickets.length).toBe(3);
    // The screen's first message carried what the kiosks had, without the ticket list.
    expect(onScreen[0]!.services).toEqual(onKiosk[0]!.services);
  });

  test('a screen that resumes by replay gets the current figures (one that starts from nothing gets them in its snapshot)', async () => {
    await issue('svc-chg');
    const latest = s.server.broadcaster.refresh('demo')!;
    const seq = s.server.deps.mirror.get('demo')!.seq;

    const replayed = open(s.deviceToken('display'));
    const got: Array<[string, unknown]> = [];
    replayed.onAny((type: string, payload: unknown) => got.push([type, payload]));
    replayed.once('hello', (h: HelloMessage) => replayed.emit('resume', { hallId: 'demo', afterSeq: h.seq - 1 }));
    await until(() => got.some(([t]) => t === 'queue.estimates'), 'estimates after the replay');
    const types = got.map(([t]) => t);
    // hello, the replayed event, then the latest figures.
    expect(types.indexOf('queue.estimates')).toBeGreaterThan(types.findIndex((t) => t !== 'hello'));
    const e = got.find(([t]) => t === 'queue.estimates')![1] as QueueEstimates;
    expect(e.tickets).toEqual([]);
    expect(e.services).toEqual(latest.services);
    expect(e.seq).toBeLessThanOrEqual(seq);

    const fresh = open(s.deviceToken('display'));
    let snapshot: QueueSnapshot | null = null;
    fresh.on('snapshot', (x: QueueSnapshot) => (snapshot = x));
    fresh.once('hello', () => fresh.emit('resume', { hallId: 'demo', afterSeq: 0 }));
    await until(() => snapshot !== null, 'the snapshot');
    expect(screenKey(snapshot!)).toBe(screenKey(latest));
  });
});
