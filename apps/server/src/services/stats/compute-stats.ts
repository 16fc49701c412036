// KPIs of a hall over local dates, computed from its event log alone (pure: events in, figures out).
//
// Definitions (API.md `GET /halls/:hallId/stats`, and what it leaves open):
// - A ticket belongs to the local date (hall timezone) of its issue; all its later events
//   (calls after midnight, its rating) count on that date.
// - Whole-hall figures, byService (the service the ticket was issued for), byModule, byHour (local
//   hour of issue) and byDate are per ticket: `issued` tickets issued; `served` tickets done;
//   `noShow`, `cancelled` tickets that ended so; a wait runs from issue to the FIRST call;
//   `withinTargetShare` is over called tickets, a wait equal to the target meets it, the target is
//   the service's own or else the hall's.
// - byWindow, byStaff and byOrganisation (staff -> organisation) are per *visit*, one call of a
//   ticket to a window: `issued` counts the visits handed to it (tickets are issued at the kiosk,
//   not at a window), the wait runs from when the ticket joined that queue (issue, or the transfer
//   that sent it to this stage) to this call, and served / noShow / cancelled / transferred are the
//   visits that ended so there. That is "the work its staff did" for paying a contractor.
// - `serviceSeconds` is per served visit: started -> completed or transferred on.
// - `firstTimeAcceptedShare` is over done tickets (visits) whose flag was given.
// - Ratings count with their ticket; satisfiedShare = levels 1..3 over all ratings; bad = 4 and 5;
//   a rating counts for the window and staff member named in its event.
// - Percentiles are nearest-rank; means and percentiles are rounded to whole seconds.
import type { HallEvent, Stats, StatsRow as Row, WindowStatsRow as WindowRow } from '@hallq/shared';
import { FigureAcc, Groups } from './figures';
import { datesOf, weekdaysOf } from './local-days';
import { foldEvents, servedMs, type Facts, type TicketFacts, type Visit } from './ticket-facts';

export interface StatsContext {
  timeZone: string;
  from: string;
  to: string;
  /** [start, end) of the range in ms, and now: bound the open time of windows. */
  start: number;
  end: number;
  now: number;
  waitTargetSeconds: number;
  services: ReadonlyMap<string, { moduleId: string; waitTargetSeconds: number | null }>;
  staffOrganisation: ReadonlyMap<string, string>;
}

/** A breakdown row (its key and the figures), the window row, and the whole answer: `@hallq/shared`. */
export type { StatsRow as Row, WindowStatsRow as WindowRow, Stats } from '@hallq/shared';

export const UNKNOWN_ORGANISATION = 'unknown';

function targetOf(ctx: StatsContext, serviceId: string): number {
  return ctx.services.get(serviceId)?.waitTargetSeconds ?? ctx.waitTargetSeconds;
}

function addTicket(acc: FigureAcc, t: TicketFacts, ctx: StatsContext): void {
  acc.issued++;
  if (t.firstCalledAt !== null) acc.wait(t.firstCalledAt - t.issuedAt, t.visits[0]?.waitTargetSeconds ?? targetOf(ctx, t.serviceId));
  if (t.status === 'done') acc.served++;
  else if (t.status === 'no_show') acc.noShow++;
  else if (t.status === 'cancelled') acc.cancelled++;
  for (const v of t.visits) {
    if (v.outcome === 'transferred') acc.transferred++;
    if (v.outcome === 'done') acc.firstTimeAccepted(v.firstTimeAccepted);
    const served = servedMs(v);
    if (served !== null) acc.serviceTime(served);
  }
  if (t.rating) acc.rating(t.rating.level);
}

function addVisit(acc: FigureAcc, v: Visit, ctx: StatsContext): void {
  acc.issued++;
  acc.wait(v.calledAt - v.queuedAt, v.waitTargetSeconds ?? targetOf(ctx, v.serviceId));
  if (v.outcome === 'done') {
    acc.served++;
    acc.firstTimeAccepted(v.firstTimeAccepted);
  } else if (v.outcome === 'no_show') acc.noShow++;
  else if (v.outcome === 'cancelled') acc.cancelled++;
  else if (v.outcome === 'transferred') acc.transferred++;
  const served = servedMs(v);
  if (served !== null) acc.serviceTime(served);
}

const rows = <K extends string, V extends string | number>(key: K, groups: Groups<V>, order: (a: V, b: V) => number): Array<Row<K, V>> =>
  [...groups.map.entries()].sort(([a], [b]) => order(a, b)).map(([k, acc]) => ({ [key]: k, ...acc.figures() }) as Row<K, V>);
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function overlap(a: number, b: number, start: number, end: number): number {
  return Math.max(0, Math.min(b, end) - Math.max(a, start));
}

export function statsFromFacts(facts: Facts, ctx: StatsContext): Stats {
  const total = new FigureAcc();
  const service = new Groups<string>();
  const module = new Groups<string>();
  const hour = new Groups<number>();
  const date = new Groups<string>();
  const window = new Groups<string>();
  const staff = new Groups<string>();
  const organisation = new Groups<string>();
  const cells = new Map<string, { weekday: number; hour: number; issued: number }>();
  const busy = new Map<string, number>();
  const windowNumbers = new Map<string, number>();
  for (const d of datesOf(ctx.from, ctx.to)) date.of(d);
  const orgOf = (staffId: string) => ctx.staffOrganisation.get(staffId) ?? UNKNOWN_ORGANISATION;

  for (const t of facts.tickets) {
    addTicket(total, t, ctx);
    addTicket(service.of(t.serviceId), t, ctx);
    addTicket(module.of(ctx.services.get(t.serviceId)?.moduleId ?? UNKNOWN_ORGANISATION), t, ctx);
    addTicket(hour.of(t.local.hour), t, ctx);
    addTicket(date.of(t.local.date), t, ctx);
    const cellKey = `${t.local.weekday}-${t.local.hour}`;
    const cell = cells.get(cellKey) ?? { weekday: t.local.weekday, hour: t.local.hour, issued: 0 };
    cell.issued++;
    cells.set(cellKey, cell);
    for (const v of t.visits) {
      addVisit(window.of(v.windowId), v, ctx);
      windowNumbers.set(v.windowId, v.windowNumber);
      busy.set(v.windowId, (busy.get(v.windowId) ?? 0) + overlap(v.calledAt, v.endedAt ?? ctx.now, ctx.start, ctx.end));
      if (v.staffId !== null) {
        addVisit(staff.of(v.staffId), v, ctx);
        addVisit(organisation.of(v.organisationId ?? orgOf(v.staffId)), v, ctx);
      }
    }
    if (t.rating) {
      if (t.rating.windowId !== null) window.of(t.rating.windowId).rating(t.rating.level);
      if (t.rating.staffId !== null) {
        staff.of(t.rating.staffId).rating(t.rating.level);
        organisation.of(t.rating.organisationId ?? orgOf(t.rating.staffId)).rating(t.rating.level);
      }
    }
  }

  for (const w of facts.windows.values()) {
    window.of(w.windowId);
    windowNumbers.set(w.windowId, w.windowNumber);
  }
  const byWindow: WindowRow[] = rows('windowId', window, byText)
    .map((r) => {
      const open = (facts.windows.get(r.windowId)?.intervals ?? []).reduce((s, [a, b]) => s + overlap(a, b ?? ctx.now, ctx.start, ctx.end), 0);
      const busyMs = busy.get(r.windowId) ?? 0;
      return {
        ...r,
        windowNumber: windowNumbers.get(r.windowId) ?? null,
        openSeconds: Math.round(open / 1000),
        busySeconds: Math.round(busyMs / 1000),
        utilisation: open === 0 ? null : Math.min(1, busyMs / open),
      };
    })
    .sort((a, b) => (a.windowNumber ?? Infinity) - (b.windowNumber ?? Infinity));


  return {
    from: ctx.from,
    to: ctx.to,
    timezone: ctx.timeZone,
    waitTargetSeconds: ctx.waitTargetSeconds,
    ...total.figures(),
    byService: rows('serviceId', service, byText),
    byModule: rows('moduleId', module, byText),
    byWindow,
    byStaff: rows('staffId', staff, byText),
    byOrganisation: rows('organisationId', organisation, byText),
    byHour: rows('hour', hour, (a, b) => a - b),
    byDate: rows('date', date, byText),
    arrivals: { cells: [...cells.values()].sort((a, b) => a.weekday - b.weekday || a.hour - b.hour), days: weekdaysOf(ctx.from, ctx.to) },
  };
}

/** Events in seq order (a superset of the range is fine) -> the KPIs of local dates from..to. */
export function computeStats(events: readonly HallEvent[], ctx: StatsContext): Stats {
  return statsFromFacts(foldEvents(events, ctx.timeZone, ctx.from, ctx.to), ctx);
}
