// Which call the wall screen highlights as "now calling" (pure): the newest call whose ticket is
// still called at that window, the window open, and the call recent. A visitor who came to the
// window (started), a completed, transferred or no-show ticket, a paused window, or a call long
// past (a display freshly loaded hours later) is not highlighted; the recent list keeps history.
import type { CallView } from '@hallq/shared';
import type { HallState } from './hall-state';

/** A call older than this is not "now calling", whatever the window's state says. */
export const CURRENT_CALL_MAX_AGE_MS = 5 * 60_000;

export function currentCall(state: Pick<HallState, 'recentCalls' | 'windows'>, nowMs: number): CallView | null {
  for (const c of state.recentCalls) {
    if (nowMs - Date.parse(c.at) > CURRENT_CALL_MAX_AGE_MS) continue;
    const w = state.windows.find((x) => x.id === c.windowId);
    if (w && w.state === 'open' && w.current?.ticketId === c.ticketId && w.current.status === 'called') return c;
  }
  return null;
}
