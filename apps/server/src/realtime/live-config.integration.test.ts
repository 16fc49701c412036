// Live changes reach every screen without a reload: a window's new skills come as window.changed
// (the counter's queue, the board and the window screen fold it into their state), a service
// closed for the day and a new notice come as config.changed and notice.changed.
import { io as connect, type Socket } from 'socket.io-client';
import type { HallEvent } from '@hallq/shared';
import { HALL_EVENT_TYPES } from '@hallq/shared';
import { startTestServer, type TestServer } from '../test-support/test-server';

const until = async (cond: () => boolean): Promise<void> => {
  for (let i = 0; i < 400 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!cond()) throw new Error('condition not reached');
};

describe('configuration changes are live events', () => {
  let s: TestServer;
  let socket: Socket;
  const events: HallEvent[] = [];
  beforeEach(async () => {
    s = await startTestServer();
    events.length = 0;
    socket = connect(s.base, { auth: { token: s.deviceToken('display') }, transports: ['websocket'], reconnection: false });
    for (const type of HALL_EVENT_TYPES) socket.on(type, (e: HallEvent) => events.push(e));
    await new Promise<void>((r) => socket.once('hello', () => r()));
  });
  afterEach(async () => {
    socket.close();
    await s.close();
  });

  test('new skills for a window: window.changed carries them, with the ticket it is serving kept', async () => {
    const admin = await s.login('admin');
    const w = await s.login('w01');
    await s.api('POST', '/windows/win-1/sign-in', { token: w });
    await s.api('POST', '/halls/demo/tickets', { token: s.deviceToken('kiosk'), body: { serviceId: 'svc-consult' } });
    const called = await s.api('POST', '/windows/win-1/call-next', { token: w });
    const r = await s.api('PATCH', '/halls/demo/windows/win-1', { token: admin, body: { skills: [{ serviceId: 'svc-food', tier: 1 }] } });
    expect(r.status).toBe(200);
    await until(() => events.some((e) => e.type === 'window.changed' && e.window.skills.length === 1));
    const changed = events.filter((e): e is Extract<HallEvent, { type: 'window.changed' }> => e.type === 'window.changed').at(-1)!;
    expect(changed.window).toMatchObject({ id: 'win-1', skills: [{ serviceId: 'svc-food', tier: 1 }], state: 'open' });
    if (called.status === 200) expect(changed.window.current?.ticketId).toBe(called.body.ticket.id);
    expect(events.map((e) => e.type)).toContain('config.changed');
    // seq stays gapless
    const seqs = events.map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));
  });

  test('a service closed for the day and a new notice are told at once', async () => {
    const admin = await s.login('admin');
    await s.api('PATCH', '/halls/demo/services/svc-food', { token: admin, body: { closedOn: '2026-01-01' } });
    await s.api('POST', '/halls/demo/notices', { token: admin, body: { text: { zh: '今日下午停电检修', en: 'Maintenance this afternoon' }, active: true } });
    await until(() => events.some((e) => e.type === 'notice.changed'));
    expect(events.find((e) => e.type === 'config.changed')).toMatchObject({ what: 'services' });
    const notice = events.find((e): e is Extract<HallEvent, { type: 'notice.changed' }> => e.type === 'notice.changed')!;
    expect(notice.notices.map((n) => n.text.zh)).toContain('今日下午停电检修');
  });
});
