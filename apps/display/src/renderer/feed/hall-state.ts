// The lobby's view of the hall: the one hall state of @hallq/shared (folded by `connectHall`),
// with as many recent calls as a lobby screen lists.
import type { HallState } from '@hallq/shared';

export type { HallState } from '@hallq/shared';
export { waitingByService } from '@hallq/shared';

/** Recent calls a lobby screen lists. */
export const RECENT_CALLS = 8;

export function forScreen(state: HallState): HallState {
  return state.recentCalls.length <= RECENT_CALLS ? state : { ...state, recentCalls: state.recentCalls.slice(0, RECENT_CALLS) };
}
