import { io as connect, type Socket } from 'socket.io-client';
import type { HallEvent, HelloMessage, QueueSnapshot } from '@hallq/shared';
import { HALL_EVENT_TYPES } from '@hallq/shared';
import { startTestServer, type TestServer } from '../test-support/test-server';

interface Feed {
  socket: Socket;
  events: HallEvent[];
  snapshots: QueueSnapshot[];
  hello: Promise<HelloMessage>;
}

function open(s: TestServer, token: string, extra: { origin?: string } = {}): Feed {
  const socket = connect(s.base, {
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
    extraHeaders: extra.origin ? { origin: extra.origin } : undefined,
  });
  const feed: Feed = {
    socket,
    events: [],
    snapshots: [],
    hello: new Promise((resolve) => socket.once('hello', resolve)),
  };
  for (const type of HALL_EVENT_TYPES) socket.on(type, (e: HallEvent) => feed.events.push(e));
  socket.on('snapshot', (snap: QueueSnapshot) => feed.snapshots.push(snap));
  return feed;
}

const until = async (cond: () => boolean): Promise<void> => {
  for (let i = 0; i < 400 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!cond()) throw new Error('condition not reached');
};

const refused = (socket: Socket): Promise<string> =>
  new Promise((resolve) => {
    socket.once('connect_error', (err) => resolve(err.message));
    socket.once('connect', () => resolve('connected'));
  });

describe('realtime feed', () => {
  let s: TestServer;
  let kiosk: string;
  let feeds: Feed[] = [];
  beforeEach(async () => {
    s = await startTestServer();
    kiosk = s.deviceToken('kiosk');
  });
  afterEach(async () => {
    for (const f of feeds) f.socket.close();
    feeds = [];
    await s.close();
  });
  const issue = () => s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: 'svc-food' } });

  test('hello, then a snapshot for afterSeq 0, then live events with gapless seq', async () => {
    await issue();
    const f = open(s, s.deviceToken('display'));
    feeds.push(f);
    const hello = await f.hello;
    expect(hello).toMatchObject({ hallId: 'demo', seq: 1, role: 'display', protocolVersion: 1 });
    f.socket.emit('resume', { hallId: 'demo', afterSeq: 0 });
    await until(() => f.snapshots.length === 1);
    expect(f.snapshots[0]!.seq).toBe(1);
    expect(JSON.stringify(f.snapshots[0])).not.toContain('publicId');
    await issue();
    await issue();
    await until(() => f.events.length === 2);
    expect(f.events.map((e) => e.seq)).toEqual([2, 3]);
    expect(f.events[0]!.type).toBe('ticket.issued');
    expect(JSON.stringify(f.events)).not.toContain('publicId');
  });

  test('resume after a disconnect replays exactly the missed events, then live ones follow', async () => {
    const f = open(s, s.deviceToken('display'));
    feeds.push(f);
    await f.hello;
    f.socket.emit('resume', { hallId: 'demo', afterSeq: 0 });
    await until(() => f.snapshots.length === 1);
    await issue();
    await until(() => f.events.length === 1);
    f.socket.close();
    const w1 = await s.login('w01');
    await s.api('POST', '/windows/win-1/sign-in', { token: w1 });
    await issue();
    await s.api('POST', '/windows/win-1/call-next', { token: w1 });
    const g = open(s, s.deviceToken('display'));
    feeds.push(g);
    expect((await g.hello).seq).toBe(5);
    g.socket.emit('resume', { hallId: 'demo', afterSeq: 1 });
    await until(() => g.events.length === 4);
    expect(g.events.map((e) => [e.seq, e.type])).toEqual([
      [2, 'window.changed'],
      [3, 'ticket.issued'],
      [4, 'ticket.called'],
      [5, 'window.changed'],
    ]);
    expect(g.events[2]).toMatchObject({ windowNumber: 1, recall: false, number: 'D001' });
    expect(g.snapshots).toHaveLength(0);
    await issue();
    await until(() => g.events.length === 5);
    expect(g.events[4]!.seq).toBe(6);
  });

  test('a client that follows the contract and never sends resume gets every live event, in order', async () => {
    await issue();
    const f = open(s, s.deviceToken('display'));
    feeds.push(f);
    expect((await f.hello).seq).toBe(1);
    const w1 = await s.login('w01');
    await s.api('POST', '/windows/win-1/sign-in', { token: w1 });
    await issue();
    await s.api('POST', '/windows/win-1/call-next', { token: w1 });
    await until(() => f.events.length === 4);
    expect(f.events.map((e) => [e.seq, e.type])).toEqual([
      [2, 'window.changed'],
      [3, 'ticket.issued'],
      [4, 'ticket.called'],
      [5, 'window.changed'],
    ]);
    expect(f.snapshots).toHaveLength(0);
  });

  test('a resume sent while already live replays the gap once, then live events follow without duplicates', async () => {
    const f = open(s, s.deviceToken('display'));
    feeds.push(f);
    await f.hello;
    await issue();
    await until(() => f.events.length === 1);
    f.socket.emit('resume', { hallId: 'demo', afterSeq: 0 });
    await until(() => f.snapshots.length === 1);
    await issue();
    await until(() => f.events.length === 2);
    expect(f.events.map((e) => e.seq)).toEqual([1, 2]);
    expect(f.snapshots[0]!.seq).toBe(1);
  });

  test('a resume too far back, or ahead of the hall, gets a snapshot', async () => {
    await issue();
    const f = open(s, s.deviceToken('display'));
    feeds.push(f);
    await f.hello;
    f.socket.emit('resume', { hallId: 'demo', afterSeq: 99 });
    await until(() => f.snapshots.length === 1);
    expect(f.events).toHaveLength(0);
  });

  test('a malformed resume gets protocol.error', async () => {
    const f = open(s, s.deviceToken('display'));
    feeds.push(f);
    await f.hello;
    const err = new Promise<{ code: string }>((resolve) => f.socket.once('protocol.error', resolve));
    f.socket.emit('resume', { hallId: 'demo', afterSeq: -1 });
    expect((await err).code).toBe('validation_failed');
  });

  test('an event no client sends gets protocol.error unknown_event; a resume with an acknowledgement gets it answered', async () => {
    const f = open(s, s.deviceToken('display'));
    feeds.push(f);
    await f.hello;
    const errors: Array<{ code: string; message: string }> = [];
    f.socket.on('protocol.error', (e: { code: string; message: string }) => errors.push(e));
    f.socket.emit('call-next', { windowId: 'win-1' });
    f.socket.emit('resume ', { hallId: 'demo', afterSeq: 0 });
    await until(() => errors.length === 2);
    expect(errors.map((e) => e.code)).toEqual(['unknown_event', 'unknown_event']);
    expect(errors[0]!.message).toMatch(/unknown event "call-next": a client sends only resume/);
    // A client that waits for an acknowledgement is answered too, good or bad.
    await expect(f.socket.timeout(2000).emitWithAck('resume', { hallId: 'demo', afterSeq: 0 })).resolves.toEqual({ ok: true });
    await expect(f.socket.timeout(2000).emitWithAck('resume', { hallId: 'demo', afterSeq: -1 })).resolves.toMatchObject({ error: { code: 'validation_failed' } });
    await expect(f.socket.timeout(2000).emitWithAck('resume', { hallId: 'other', afterSeq: 0 })).resolves.toEqual({ error: { code: 'forbidden', message: 'not a hall of this token' } });
    expect(f.snapshots).toHaveLength(1);
    // A visitor's phone sends nothing: whatever it sends is answered the same way.
    const issued = await issue();
    const phone = connect(s.base, { auth: { publicId: issued.body.ticket.publicId }, transports: ['websocket'], reconnection: false });
    try {
      await new Promise((resolve) => phone.once('ticket.status', resolve));
      const refused = new Promise<{ code: string; message: string }>((resolve) => phone.once('protocol.error', resolve));
      phone.emit('resume', { hallId: 'demo', afterSeq: 0 });
      expect(await refused).toEqual({ code: 'unknown_event', message: 'unknown event "resume": a phone sends no events' });
    } finally {
      phone.close();
    }
  });

  test('a bad token is refused', async () => {
    const f = open(s, 'not-a-token');
    feeds.push(f);
    expect(await refused(f.socket)).toMatch(/unauthorized/);
  });

  test('a browser Origin outside the allow-list is refused; the public URL origin is allowed', async () => {
    const bad = open(s, s.deviceToken('display'), { origin: 'http://evil.example' });
    feeds.push(bad);
    expect(await refused(bad.socket)).toMatch(/origin/);
    const good = open(s, s.deviceToken('display'), { origin: new URL(s.config.publicUrl).origin });
    feeds.push(good);
    expect(await refused(good.socket)).toBe('connected');
  });
});
