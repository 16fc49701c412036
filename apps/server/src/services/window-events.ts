// Builds a window's view from the rows written in this transaction (the mirror is not updated
// until after the commit) and records `window.changed`.
import type { Actor, WindowView } from '@hallq/shared';
import type { Tx } from '../storage/tx';
import type { StoredTicket } from '../storage/ticket-repo';
import type { StoredWindow } from '../storage/window-repo';
import { recordEvent, type Core } from './core';
import { toWindowView } from './ticket-view';

/**
 * The window's view; `current`: its current ticket as this command left it, when the caller has
 * it (no read back), else it is read.
 */
export function windowViewInTx(core: Core, w: StoredWindow, current?: StoredTicket | null): WindowView {
  const t = !w.currentTicketId ? null : current && current.id === w.currentTicketId ? current : core.repos.tickets.get(w.currentTicketId);
  return toWindowView(w, t);
}

/**
 * Records `window.changed` with the window's view. `known`: the window as this command left it
 * (what `updateState` answered) and, when the caller has it, its current ticket as this command
 * left it: neither is read again, and the mirror takes the window from here after the commit.
 */
export function windowChanged(
  core: Core,
  tx: Tx,
  windowId: string,
  actor: Actor,
  at?: number,
  known?: { window: StoredWindow; current?: StoredTicket | null },
): WindowView {
  const w = known?.window ?? core.repos.windows.get(windowId)!;
  const view = windowViewInTx(core, w, known?.current);
  recordEvent(core, tx, w.hallId, 'window.changed', actor, { window: view }, at);
  tx.touchWindow(w.hallId, w.id, known ? w : undefined);
  return view;
}
