import { fromSnapshot, type QueueSnapshot } from '@hallq/shared';
import { hallReducer } from './hall-state';
import { windowView } from './fixtures.test-util';

const snap: QueueSnapshot = { seq: 10, hallId: 'h', at: '2025-03-03T01:00:00.000Z', waiting: [], windows: [windowView('w1', 1, { staffId: 's1' })], recentCalls: [], services: [], notices: [] };

describe('the console hall state', () => {
  it('takes each state the feed folds, and patches a window with what an action answered', () => {
    let s = hallReducer(null, { type: 'state', state: fromSnapshot(snap) });
    s = hallReducer(s, { type: 'window-patch', windowId: 'w1', patch: { state: 'paused', pauseReason: '休息' } });
    expect(s!.windows[0]).toMatchObject({ state: 'paused', pauseReason: '休息', staffId: 's1' });
  });

  it('a patch before the first snapshot changes nothing', () => {
    expect(hallReducer(null, { type: 'window-patch', windowId: 'w1', patch: { state: 'open' } })).toBeNull();
  });
});
