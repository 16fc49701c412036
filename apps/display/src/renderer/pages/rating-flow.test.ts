import { IDLE, ratingFlow, type RatingAction, type RatingPhase } from './rating-flow';

const run = (actions: RatingAction[], from: RatingPhase = IDLE) => actions.reduce(ratingFlow, from);
const done: RatingAction = { type: 'completed', ticketId: 't1', number: 'A001' };

test('a good rating is sent straight away, then thanks, then idle after the timeout', () => {
  expect(run([done, { type: 'choose', level: 1 }])).toEqual({ kind: 'sending', ticketId: 't1', number: 'A001', level: 1, reason: null });
  expect(run([done, { type: 'choose', level: 2 }, { type: 'sent' }])).toEqual({ kind: 'thanks' });
  expect(run([done, { type: 'choose', level: 3 }, { type: 'sent' }, { type: 'timeout' }])).toEqual(IDLE);
});

test('a bad rating (不满意, 非常不满意) asks for a reason and refuses an empty one', () => {
  for (const level of [4, 5] as const) {
    const asked = run([done, { type: 'choose', level }]);
    expect(asked.kind).toBe('reason');
    expect(ratingFlow(asked, { type: 'submit-reason', reason: '  ' })).toMatchObject({ kind: 'reason', error: 'need_reason' });
    expect(ratingFlow(asked, { type: 'submit-reason', reason: '等候时间太长' })).toMatchObject({ kind: 'sending', level, reason: '等候时间太长' });
  }
});

test('a visitor who walks away: the pad times out back to idle', () => {
  expect(run([done, { type: 'timeout' }])).toEqual(IDLE);
  expect(run([done, { type: 'choose', level: 5 }, { type: 'timeout' }])).toEqual(IDLE);
});

test('a failed send can be retried and never times out mid-request', () => {
  const failed = run([done, { type: 'choose', level: 1 }, { type: 'send-failed' }]);
  expect(failed.kind).toBe('failed');
  const again = ratingFlow(failed, { type: 'retry' });
  expect(again.kind).toBe('sending');
  expect(ratingFlow(again, { type: 'timeout' })).toBe(again);
});

test('a refused rating is never thanked: the pad says why (already rated on the phone), then goes idle', () => {
  const refused = run([done, { type: 'choose', level: 1 }, { type: 'refused', code: 'already_rated', by: 'visitor' }]);
  expect(refused).toEqual({ kind: 'refused', number: 'A001', code: 'already_rated', by: 'visitor' });
  expect(ratingFlow(refused, { type: 'timeout' })).toEqual(IDLE);
});

test('a rating that could not be sent is never dropped: no timeout and no next ticket replaces it', () => {
  const failed = run([done, { type: 'choose', level: 2 }, { type: 'send-failed' }]);
  expect(ratingFlow(failed, { type: 'timeout' })).toBe(failed);
  expect(ratingFlow(failed, { type: 'completed', ticketId: 't2', number: 'A002' })).toBe(failed);
  expect(run([{ type: 'retry' }, { type: 'sent' }], failed)).toEqual({ kind: 'thanks' });
});

test('the next completed ticket replaces an unfinished rating', () => {
  expect(run([done, { type: 'completed', ticketId: 't2', number: 'A002' }])).toEqual({ kind: 'rate', ticketId: 't2', number: 'A002' });
});
