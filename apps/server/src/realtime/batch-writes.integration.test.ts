import type { Socket as NetSocket } from 'node:net';
import { io as connect, type Socket } from 'socket.io-client';
import { startTestServer, type TestServer } from '../test-support/test-server';

// What keeps a call's broadcast cheap for every screen, counted rather than timed: the events of
// one write batch (a call: ticket.called, then window.changed) reach each WebSocket connection in
// ONE write, in order, not one write per event.
describe("a batch's events to a screen", () => {
  let s: TestServer;
  const sockets: Socket[] = [];
  beforeEach(async () => {
    s = await startTestServer();
  });
  afterEach(async () => {
    for (const socket of sockets) socket.close();
    jest.restoreAllMocks();
    await s.close();
  });

  test('a call reaches a screen as one write carrying both events, in order', async () => {
    const screen = connect(s.base, { auth: { token: s.deviceToken('display') }, transports: ['websocket'], reconnection: false });
    sockets.push(screen);
    const seen: string[] = [];
    screen.onAny((type: string) => seen.push(type));
    await new Promise<void>((resolve) => screen.once('hello', () => resolve()));
    const staff = await s.login('w01');
    expect((await s.api('POST', '/windows/win-1/sign-in', { token: staff, body: {} })).status).toBe(200);
    expect((await s.api('POST', '/halls/demo/tickets', { token: s.deviceToken('kiosk'), body: { serviceId: 'svc-reg' } })).status).toBe(201);

    // The server's end of the screen's connection.
    const [server] = [...s.server.io.sockets.sockets.values()];
    // Node's net.Socket writes every chunk, or every corked list of chunks, through _writeGeneric.
    type Raw = NetSocket & { _writeGeneric: (...a: unknown[]) => unknown };
    const raw = (server!.conn as unknown as { transport: { socket: { _socket: Raw } } }).transport.socket._socket;
    // No estimates refresh meanwhile: only the call's events are written.
    s.server.broadcaster.close();
    let writes = 0;
    const write = raw._writeGeneric.bind(raw);
    jest.spyOn(raw, '_writeGeneric').mockImplementation((...a: unknown[]) => {
      writes++;
      return write(...a);
    });
    seen.length = 0;
    const r = await s.api('POST', '/windows/win-1/call-next', { token: staff, body: {} });
    expect(r.status).toBe(200);
    for (let i = 0; i < 200 && seen.length < 2; i++) await new Promise((res) => setTimeout(res, 10));
    expect(seen.slice(0, 2)).toEqual(['ticket.called', 'window.changed']);
    await new Promise((res) => setTimeout(res, 50));
    // The call's batch: one write to the screen's connection for both events.
    expect(writes).toBe(1);
  });
});
