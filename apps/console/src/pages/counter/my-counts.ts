// "My counts today": tallied from the live events of this staff member and window, kept in
// localStorage per staff and local date so a page reload does not reset them.
import type { HallEvent } from '@hallq/shared';

export interface MyCounts {
  /** Last event seq counted: an event is never counted twice. */
  seq: number;
  done: number;
  noShow: number;
  transferred: number;
  firstTimeYes: number;
  firstTimeGiven: number;
}

export const zeroCounts: MyCounts = { seq: 0, done: 0, noShow: 0, transferred: 0, firstTimeYes: 0, firstTimeGiven: 0 };

export function countEvent(c: MyCounts, ev: HallEvent, staffId: string, windowId: string | null): MyCounts {
  if (ev.seq <= c.seq) return c;
  const next = { ...c, seq: ev.seq };
  const mine = (w: string | null) => windowId !== null && w === windowId;
  if (ev.type === 'ticket.completed' && (ev.staffId === staffId || (ev.staffId === null && mine(ev.windowId)))) {
    next.done += 1;
    if (ev.firstTimeAccepted !== null) {
      next.firstTimeGiven += 1;
      if (ev.firstTimeAccepted) next.firstTimeYes += 1;
    }
  } else if (ev.type === 'ticket.no_show' && mine(ev.windowId)) {
    next.noShow += 1;
  } else if (ev.type === 'ticket.transferred' && mine(ev.windowId)) {
    next.transferred += 1;
  }
  return next;
}

const key = (staffId: string, date: string) => `hallq.console.counts.${staffId}.${date}`;

export function loadCounts(staffId: string, date: string): MyCounts {
  try {
    const raw = localStorage.getItem(key(staffId, date));
    return raw ? { ...zeroCounts, ...(JSON.parse(raw) as Partial<MyCounts>) } : zeroCounts;
  } catch {
    return zeroCounts;
  }
}

export function saveCounts(staffId: string, date: string, c: MyCounts): void {
  try {
    localStorage.setItem(key(staffId, date), JSON.stringify(c));
  } catch {
    // storage full or disabled: the counts simply don't survive a reload
  }
}
