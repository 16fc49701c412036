// What each counter action does at a window, and when it is allowed: the rules behind the
// action bar, the shortcuts and the dialogs.
import type { CurrentTicketView, HallWindow, Ticket, WindowView } from '@hallq/shared';
import { api } from '../../lib/api';
import type { CounterAction } from '../../lib/shortcuts';

/** Whether an action can be taken now at this window. */
export function actionEnabled(a: CounterAction, win: WindowView | null, current: CurrentTicketView | null, busy: boolean): boolean {
  if (!win || busy) return false;
  if (a === 'pause-resume') return true;
  if (win.state === 'paused') return false;
  if (a === 'call-next') return current === null;
  if (!current) return false;
  if (a === 'start' || a === 'recall' || a === 'no-show') return current.status === 'called';
  return true;
}

const post = <T,>(path: string, body: unknown = {}) => api.post<T>(path, body);

/** The window commands; each answers the window's new state. */
export const windowCommand = async (windowId: string, command: 'sign-in' | 'sign-out' | 'pause' | 'resume', body: unknown = {}): Promise<HallWindow> =>
  (await post<{ window: HallWindow }>(`/windows/${windowId}/${command}`, body)).window;

/** Calls the next visitor; the called ticket, or null when nobody waits for this window. */
export const callNext = async (windowId: string): Promise<Ticket | null> => (await post<{ ticket: Ticket } | undefined>(`/windows/${windowId}/call-next`))?.ticket ?? null;

export const callOutOfOrder = (windowId: string, ticketId: string, reason: string) => post(`/windows/${windowId}/call`, { ticketId, reason });

/** The actions on the window's current ticket. */
export const ticketCommand = (ticketId: string, command: 'recall' | 'start' | 'no-show' | 'complete' | 'transfer', body: unknown = {}) =>
  post(`/tickets/${ticketId}/${command}`, body);
