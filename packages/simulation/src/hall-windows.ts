// A simulated window through the day: its skills for the routing engine, whether it is open,
// its timetable and who is at it.
import type { RoutingWindow } from '@hallq/shared';
import type { ScenarioWindow } from './scenario';
import type { SimTicket } from './sim-ticket';

export interface WindowState {
  def: ScenarioWindow;
  routing: RoutingWindow;
  open: boolean;
  /** The timetable: periods (ms) the window does not call; `to` null = closed for the rest of the run. */
  closed: Array<{ from: number; to: number | null }>;
  current: { ticket: SimTicket; start: number; serviceSeconds: number | null } | null;
  idleSince: number;
}

/** Periods a window is closed, from its schedule's changes; a draining run ignores closings after `lastCloseMs`. */
export function closedPeriods(initiallyOpen: boolean, changes: ReadonlyArray<{ time: number; open: boolean }>, lastCloseMs: number): Array<{ from: number; to: number | null }> {
  const out: Array<{ from: number; to: number | null }> = [];
  if (!initiallyOpen) out.push({ from: 0, to: null });
  for (const c of changes) {
    const last = out[out.length - 1];
    if (c.open && last && last.to === null) last.to = c.time;
    else if (!c.open && c.time <= lastCloseMs) out.push({ from: c.time, to: null });
  }
  return out;
}
