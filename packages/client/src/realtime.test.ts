/**
 * @jest-environment node
 */
import type { AddressInfo } from 'node:net';
import { fakeHall, until } from './fake-hall.test-util';
import { connectHallFeed, type HallFeed } from './realtime';

describe('hall feed', () => {
  let hall: ReturnType<typeof fakeHall>;
  let url: string;
  let feed: HallFeed | undefined;
  beforeEach(async () => {
    hall = fakeHall();
    await new Promise<void>((r) => hall.http.listen(0, '127.0.0.1', () => r()));
    url = `http://127.0.0.1:${(hall.http.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    feed?.close();
    await new Promise<void>((r) => hall.io.close(() => r()));
  });

  test('starts from a snapshot, then applies live events once and in order', async () => {
    hall.add(1);
    const seen: number[] = [];
    let snapshotSeq = -1;
    feed = connectHallFeed({ url, token: 'good', hallId: 'h' }, { onSnapshot: (s) => (snapshotSeq = s.seq), onEvent: (e) => seen.push(e.seq) });
    await until(() => snapshotSeq === 1);
    const e2 = hall.add(2);
    const e3 = hall.add(3);
    hall.io.to('hall').emit(e2.type, e2 as never);
    hall.io.to('hall').emit(e2.type, e2 as never); // duplicate delivery
    hall.io.to('hall').emit(e3.type, e3 as never);
    await until(() => seen.length === 2);
    expect(seen).toEqual([2, 3]);
    expect(feed.lastSeq).toBe(3);
  });

  test('a gap in seq makes it resume, so a missed event is still applied, exactly once', async () => {
    const seen: number[] = [];
    hall.add(1);
    feed = connectHallFeed({ url, token: 'good', hallId: 'h' }, { onEvent: (e) => seen.push(e.seq) });
    await until(() => hall.resumes.length === 1);
    hall.add(2);
    const e3 = hall.add(3);
    hall.io.to('hall').emit(e3.type, e3 as never); // event 2 was "lost"
    await until(() => seen.length === 2);
    expect(seen).toEqual([2, 3]);
    expect(hall.resumes).toEqual([0, 1]);
  });

  test('after a disconnect it resumes from the last seq and replays only what it missed', async () => {
    const seen: Array<[number, boolean]> = [];
    const statuses: string[] = [];
    hall.add(1);
    feed = connectHallFeed(
      { url, token: 'good', hallId: 'h', afterSeq: 1 },
      { onEvent: (e, replayed) => seen.push([e.seq, replayed]), onStatus: (s) => statuses.push(s) },
    );
    await until(() => hall.resumes.length === 1);
    hall.io.disconnectSockets(); // server-side drop: the client reconnects by itself
    hall.add(2);
    hall.add(3);
    await until(() => seen.length === 2);
    expect(seen).toEqual([
      [2, true],
      [3, true],
    ]);
    expect(hall.resumes).toEqual([1, 1]);
    expect(statuses).toContain('offline');
  });
});
