// The console's hall state: the one fold of @hallq/shared (kept by `connectHall`), plus what an
// action's answer already told us about a window before the feed's event arrives.
import type { HallState, WindowView } from '@hallq/shared';

export type HallAction =
  | { type: 'state'; state: HallState }
  /** What an action's answer already told us (e.g. sign-in), before the feed's event arrives. */
  | { type: 'window-patch'; windowId: string; patch: Partial<Pick<WindowView, 'state' | 'staffId' | 'pauseReason' | 'skills'>> };

export function hallReducer(state: HallState | null, action: HallAction): HallState | null {
  switch (action.type) {
    case 'state':
      return action.state;
    case 'window-patch': {
      if (!state) return state;
      const { windowId, patch } = action;
      return { ...state, windows: state.windows.map((w) => (w.id === windowId ? { ...w, ...patch } : w)) };
    }
  }
}
