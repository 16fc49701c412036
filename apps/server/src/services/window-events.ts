// Builds a window's view from the rows written in this transaction (the mirror is not updated
// until after the commit) and records `window.changed`.
import type { Actor, WindowView } from '@hallq/shared';
import type { Tx } from '../storage/command-queue';
import type { StoredWindow } from '../storage/window-repo';
import { recordEvent, type Core } from './core';
import { toWindowView } from './ticket-view';

export function windowViewInTx(core: Core, w: StoredWindow): WindowView {
  return toWindowView(w, w.currentTicketId ? core.repos.tickets.get(w.currentTicketId) : null);
}

export function windowChanged(core: Core, tx: Tx, windowId: string, actor: Actor, at?: number): WindowView {
  const w = core.repos.windows.get(windowId)!;
  const view = windowViewInTx(core, w);
  recordEvent(core, tx, w.hallId, 'window.changed', actor, { window: view }, at);
  tx.touchWindow(w.hallId, w.id);
  return view;
}
