// Builds a window's view from the committed-in-this-transaction rows (the mirror is not updated
// until after the commit) and records `window.changed`.
import type { Actor, CurrentTicketView, WindowView } from '@hallq/shared';
import type { Tx } from '../storage/command-queue';
import type { StoredWindow } from '../storage/window-repo';
import { recordEvent, type Core } from './core';

export function windowViewInTx(core: Core, w: StoredWindow): WindowView {
  const t = w.currentTicketId ? core.repos.tickets.get(w.currentTicketId) : null;
  let current: CurrentTicketView | null = null;
  if (t && (t.status === 'called' || t.status === 'serving')) {
    current = {
      ticketId: t.id,
      number: t.number,
      serviceId: t.serviceId,
      stage: t.stage,
      status: t.status,
      calledAt: t.calledAt ?? t.issuedAt,
      startedAt: t.startedAt,
    };
  }
  return { id: w.id, number: w.number, zone: w.zone, state: w.state, staffId: w.staffId, pauseReason: w.pauseReason, skills: w.skills, current };
}

export function windowChanged(core: Core, tx: Tx, windowId: string, actor: Actor, at?: number): WindowView {
  const w = core.repos.windows.get(windowId)!;
  const view = windowViewInTx(core, w);
  recordEvent(core, tx, w.hallId, 'window.changed', actor, { window: view }, at);
  tx.touchWindow(w.hallId, w.id);
  return view;
}
