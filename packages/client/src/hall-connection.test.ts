/**
 * @jest-environment node
 */
import type { AddressInfo } from 'node:net';
import type { HallEvent, HallState } from '@hallq/shared';
import { fakeHall, until } from './fake-hall.test-util';
import { connectHall, type HallConnection } from './hall-connection';
import { fetchMe } from './me';
import { protocolProblem } from './realtime';

describe('connectHall', () => {
  let hall: ReturnType<typeof fakeHall>;
  let connection: HallConnection | undefined;
  const start = async (h: ReturnType<typeof fakeHall>): Promise<string> => {
    hall = h;
    await new Promise<void>((r) => hall.http.listen(0, '127.0.0.1', () => r()));
    return `http://127.0.0.1:${(hall.http.address() as AddressInfo).port}`;
  };
  afterEach(async () => {
    connection?.close();
    await new Promise<void>((r) => hall.io.close(() => r()));
  });

  test('a client facing a newer server protocol says so clearly and stops', async () => {
    const url = await start(fakeHall({ protocolVersion: 99 }));
    const statuses: Array<[string, string | undefined]> = [];
    connection = connectHall({ url, token: 'good' }, { onStatus: (s, detail) => statuses.push([s, detail]) });
    await until(() => statuses.some(([s]) => s === 'outdated'));
    expect(statuses.at(-1)).toEqual(['outdated', expect.stringContaining('update this client')]);
    expect(hall.resumes).toEqual([]);
    expect(connection.state).toBeNull();
  });

  test('without a hall id it follows the hall the server names in hello, from a snapshot', async () => {
    const url = await start(fakeHall());
    hall.add(1);
    const states: HallState[] = [];
    connection = connectHall({ url, token: 'good' }, { onState: (s) => states.push(s) });
    await until(() => states.length > 0);
    expect(connection.state).toMatchObject({ hallId: 'h', seq: 1, stale: false });
    expect(hall.resumes).toEqual([0]);
  });

  test('an event it cannot apply from what it knows brings a fresh snapshot at once', async () => {
    const url = await start(fakeHall());
    const seen: number[] = [];
    connection = connectHall({ url, token: 'good' }, { onEvent: (e) => seen.push(e.seq) });
    await until(() => connection?.state !== null);
    // A ticket called before this client connected is transferred: its details are unknown.
    const transfer = hall.add(1, { type: 'ticket.transferred', fromServiceId: 'svc', fromStage: 0 } as Partial<HallEvent>);
    hall.io.to('hall').emit(transfer.type, transfer as never);
    await until(() => hall.resumes.length === 2);
    await until(() => connection?.state?.stale === false && connection.state.seq === 1);
    expect(seen).toEqual([1]);
    expect(hall.resumes).toEqual([0, 0]);
  });
});

describe('protocol check', () => {
  it('only a newer server is a problem, and the message says what to do', () => {
    expect(protocolProblem(1, 1)).toBeNull();
    expect(protocolProblem(1, 2)).toBeNull();
    expect(protocolProblem(3, 2)).toBe('the server speaks realtime protocol 3, this client only 2: update this client');
  });
});

describe('fetchMe', () => {
  const api = (answer: unknown) => ({ get: async <T>() => answer as T });

  it('answers who the token is and its hall', async () => {
    const me = { kind: 'device', role: 'display', hallId: 'h1', device: { id: 'd', kind: 'display', name: 'Wall' }, windowNumber: null };
    await expect(fetchMe(api(me))).resolves.toEqual(me);
  });

  it('never guesses a hall: an answer without one is an error', async () => {
    await expect(fetchMe(api({ kind: 'device', role: 'display' }))).rejects.toMatchObject({ code: 'bad_me_answer' });
    await expect(fetchMe(api(null))).rejects.toMatchObject({ code: 'bad_me_answer' });
  });
});
