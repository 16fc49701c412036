import { DrawnRefresh } from '../services/estimate-draws';
import { Broadcaster } from './broadcaster';
import { startTestServer, type TestServer } from '../test-support/test-server';

// What keeps a call's answer and its broadcast quick while estimates are refreshed, checked by
// order rather than time: no slice of an estimate refresh (its start included) runs between a
// write batch's COMMIT and the moment that batch is published (the broadcast, the answers), even
// with batches pipelined (one committing while others wait for their flush). Windows call and
// cancel at once, over and over, while refreshes follow the changes.
describe('estimate refreshes and the answers of calls', () => {
  let s: TestServer;
  /** Batches committed and not yet published. */
  let open = 0;
  let slicesInside = 0;
  let slices = 0;
  let publishes = 0;
  beforeEach(async () => {
    open = 0;
    slicesInside = slices = publishes = 0;
    const slice = DrawnRefresh.prototype.slice;
    jest.spyOn(DrawnRefresh.prototype, 'slice').mockImplementation(function (this: DrawnRefresh) {
      slices++;
      if (open > 0) slicesInside++;
      return slice.call(this);
    });
    const onCommit = Broadcaster.prototype.onCommit;
    jest.spyOn(Broadcaster.prototype, 'onCommit').mockImplementation(function (this: Broadcaster, ...args: Parameters<Broadcaster['onCommit']>) {
      open--;
      publishes++;
      return onCommit.apply(this, args);
    });
    s = await startTestServer({
      onSql: (sql) => {
        if (sql === 'COMMIT') open++;
      },
    });
    // The seed's own transaction at start-up is not a write batch.
    open = 0;
    slicesInside = 0;
  });
  afterEach(async () => {
    await s.close();
    jest.restoreAllMocks();
  });

  test('no refresh slice runs between a batch and its answers and broadcast', async () => {
    const kiosk = s.deviceToken('kiosk');
    const services = ['svc-reg', 'svc-chg', 'svc-food'];
    await Promise.all(Array.from({ length: 300 }, (_, i) => s.api('POST', '/halls/demo/tickets', { token: kiosk, body: { serviceId: services[i % 3] } })));
    const windows = [1, 2, 5, 6, 7, 8];
    const tokens = await Promise.all(windows.map((n) => s.login(`w${String(n).padStart(2, '0')}`)));
    for (const [i, n] of windows.entries()) expect((await s.api('POST', `/windows/win-${n}/sign-in`, { token: tokens[i], body: {} })).status).toBe(200);
    const before = slices;
    const until = Date.now() + 2500;
    await Promise.all(
      windows.map(async (n, i) => {
        while (Date.now() < until) {
          const r = await s.api('POST', `/windows/win-${n}/call-next`, { token: tokens[i], body: {} });
          // The queue may run out before the time is up (nothing left to call: 204).
          if (r.status === 204) break;
          expect(r.status).toBe(200);
          expect((await s.api('POST', `/tickets/${r.body.ticket.id}/cancel`, { token: tokens[i], body: {} })).status).toBe(200);
        }
      }),
    );
    // Refreshes ran while the windows called (the throttle allows one per half second).
    expect(slices).toBeGreaterThan(before);
    expect(publishes).toBeGreaterThan(windows.length);
    expect(slicesInside).toBe(0);
    expect(open).toBe(0);
  }, 60_000);
});
