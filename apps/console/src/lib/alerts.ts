// The supervisor's alerts, recomputed on every tick of the board's clock: a visitor past 80% or
// 100% of the wait target, a window idling while its skills have a queue, a printer fault (from
// `device.changed`), a printer warning (paper near its end, no printer configured), a kiosk,
// display or rating pad away for more than a minute while the hall is open, a bad rating (好差评)
// that just arrived live, and every 好差评 follow-up past its deadline (polled from the server).
import type { DeviceKind, FollowUpView, HallEventOf, PrinterState, PrinterWarning, PublicTicket, RoutingContext, WindowView } from '@hallq/shared';
import { canServe } from '@hallq/shared';
import { toRoutingTicket } from './queue';
import { secondsSince, WARN_RATIO } from './wait-colour';

export type Alert =
  | { kind: 'wait-over' | 'wait-warn'; key: string; ticketId: string; number: string; serviceId: string; waitedSeconds: number; targetSeconds: number }
  | { kind: 'window-idle'; key: string; windowId: string; windowNumber: number; queued: number }
  | { kind: 'device-fault'; key: string; deviceId: string; name: string; printerState: PrinterState }
  | { kind: 'printer-warning'; key: string; deviceId: string; name: string; printerWarning: PrinterWarning }
  | { kind: 'device-away'; key: string; deviceId: string; name: string; awaySeconds: number | null }
  | { kind: 'bad-rating'; key: string; ticketId: string; number: string; serviceId: string; windowId: string | null; level: number; at: string }
  | { kind: 'follow-up-overdue'; key: string; followUpId: string; number: string; deadline: string };

/** A device away (no live connection) longer than this while the hall is open is an alert. */
export const DEVICE_AWAY_SECONDS = 60;
/** How often the board reads the devices' presence from the server. */
export const DEVICE_POLL_MS = 20_000;
/** How long a live bad rating stays on the board. */
export const BAD_RATING_ALERT_SECONDS = 30 * 60;
/** How often the board asks the server for overdue follow-ups (also asked on every bad rating). */
export const FOLLOW_UP_POLL_MS = 60_000;
/** The id of the reports page's follow-up panel: an overdue follow-up's alert links there. */
export const FOLLOW_UPS_SECTION = 'follow-ups';
/** At most this many live bad ratings are remembered. */
const BAD_RATINGS_KEPT = 50;

/** A bad rating seen on the feed (`ticket.rated` with bad: true). */
export interface BadRating {
  ticketId: string;
  number: string;
  serviceId: string;
  windowId: string | null;
  level: number;
  at: string;
}

/** What the board reads of `GET /halls/:hallId/follow-ups?status=overdue`. */
export type FollowUpDue = Pick<FollowUpView, 'id' | 'ticketNumber' | 'deadline' | 'status' | 'overdue'>;

export interface DeviceHealth {
  id: string;
  name: string;
  kind?: DeviceKind;
  printerState: PrinterState | null;
  printerWarning?: PrinterWarning | null;
  online?: boolean;
  lastSeenAt?: string | null;
  revoked?: boolean;
}

export interface AlertInput {
  waiting: ReadonlyArray<PublicTicket>;
  windows: ReadonlyArray<WindowView>;
  ctx: RoutingContext;
  /** Staff type of whoever is signed in at each window (by staff id); unknown = officer. */
  staffTypeOf: (staffId: string) => 'officer' | 'helper';
  devices: ReadonlyArray<DeviceHealth>;
  /** Bad ratings seen live, newest first (`rememberBadRating`). */
  badRatings?: ReadonlyArray<BadRating>;
  /** The server's overdue follow-ups (the list answer's `followUps`). */
  followUps?: ReadonlyArray<FollowUpDue>;
  /** Whether the hall is open now (opening hours, holidays): devices away matter only then. */
  hallOpen?: boolean;
  now: number;
}

const SEVERITY: Record<Alert['kind'], number> = {
  'wait-over': 0,
  'bad-rating': 1,
  'device-fault': 2,
  'device-away': 3,
  'follow-up-overdue': 4,
  'printer-warning': 5,
  'wait-warn': 6,
  'window-idle': 7,
};

/** Adds a `ticket.rated` event to the live bad ratings (newest first); anything else, or a
 * rating already seen (an event replayed after a reconnection), leaves the list as it is. */
export function rememberBadRating(list: ReadonlyArray<BadRating>, e: HallEventOf<'ticket.rated'>): ReadonlyArray<BadRating> {
  if (!e.bad || list.some((r) => r.ticketId === e.ticketId)) return list;
  const added: BadRating = { ticketId: e.ticketId, number: e.number, serviceId: e.serviceId, windowId: e.windowId, level: e.level, at: e.at };
  return [added, ...list].sort((a, b) => Date.parse(b.at) - Date.parse(a.at)).slice(0, BAD_RATINGS_KEPT);
}

export function computeAlerts(input: AlertInput): Alert[] {
  const alerts: Alert[] = [];
  for (const t of input.waiting) {
    const target = input.ctx.services.get(t.serviceId)?.waitTargetSeconds ?? 2400;
    const waited = secondsSince(t.issuedAt, input.now);
    if (waited >= target) alerts.push({ kind: 'wait-over', key: `over:${t.id}`, ticketId: t.id, number: t.number, serviceId: t.serviceId, waitedSeconds: waited, targetSeconds: target });
    else if (waited >= WARN_RATIO * target) alerts.push({ kind: 'wait-warn', key: `warn:${t.id}`, ticketId: t.id, number: t.number, serviceId: t.serviceId, waitedSeconds: waited, targetSeconds: target });
  }
  const routing = input.waiting.map(toRoutingTicket);
  for (const w of input.windows) {
    if (w.state !== 'open' || !w.staffId || w.current) continue;
    const rw = { id: w.id, skills: w.skills, staffType: input.staffTypeOf(w.staffId) };
    const queued = routing.filter((r) => canServe(rw, r, input.ctx)).length;
    if (queued > 0) alerts.push({ kind: 'window-idle', key: `idle:${w.id}`, windowId: w.id, windowNumber: w.number, queued });
  }
  for (const d of input.devices) {
    if (d.revoked) continue;
    if (d.printerState && d.printerState !== 'ready') {
      alerts.push({ kind: 'device-fault', key: `dev:${d.id}`, deviceId: d.id, name: d.name, printerState: d.printerState });
    } else if (d.printerWarning) {
      alerts.push({ kind: 'printer-warning', key: `warn-dev:${d.id}`, deviceId: d.id, name: d.name, printerWarning: d.printerWarning });
    }
    if (d.online === false && input.hallOpen !== false) {
      const away = d.lastSeenAt ? secondsSince(d.lastSeenAt, input.now) : null;
      if (away === null || away > DEVICE_AWAY_SECONDS) {
        alerts.push({ kind: 'device-away', key: `away:${d.id}`, deviceId: d.id, name: d.name, awaySeconds: away });
      }
    }
  }
  for (const r of input.badRatings ?? []) {
    // A rating stamped a little ahead of this screen's clock counts as just now.
    if (secondsSince(r.at, input.now) < BAD_RATING_ALERT_SECONDS) {
      alerts.push({ kind: 'bad-rating', key: `rated:${r.ticketId}`, ticketId: r.ticketId, number: r.number, serviceId: r.serviceId, windowId: r.windowId, level: r.level, at: r.at });
    }
  }
  const due = (input.followUps ?? []).filter((f) => f.overdue && f.status !== 'closed');
  for (const f of [...due].sort((a, b) => a.deadline.localeCompare(b.deadline) || a.ticketNumber.localeCompare(b.ticketNumber))) {
    alerts.push({ kind: 'follow-up-overdue', key: `fu:${f.id}`, followUpId: f.id, number: f.ticketNumber, deadline: f.deadline });
  }
  // Array.prototype.sort is stable: each kind keeps the order it was added in.
  return alerts.sort((a, b) => SEVERITY[a.kind] - SEVERITY[b.kind]);
}
