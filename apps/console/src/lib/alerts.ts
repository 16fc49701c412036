// The supervisor's alerts, recomputed on every tick of the board's clock: a visitor past 80% or
// 100% of the wait target, a window idling while its skills have a queue, a device fault.
import type { PrinterState, PublicTicket, RoutingContext, WindowView } from '@hallq/shared';
import { canServe } from '@hallq/shared';
import { toRoutingTicket } from './queue';
import { secondsSince, WARN_RATIO } from './wait-colour';

export type Alert =
  | { kind: 'wait-over' | 'wait-warn'; key: string; ticketId: string; number: string; serviceId: string; waitedSeconds: number; targetSeconds: number }
  | { kind: 'window-idle'; key: string; windowId: string; windowNumber: number; queued: number }
  | { kind: 'device-fault'; key: string; deviceId: string; name: string; printerState: PrinterState | 'offline' };

export interface DeviceHealth {
  id: string;
  name: string;
  printerState: PrinterState | null;
  online?: boolean;
  revoked?: boolean;
}

export interface AlertInput {
  waiting: ReadonlyArray<PublicTicket>;
  windows: ReadonlyArray<WindowView>;
  ctx: RoutingContext;
  /** Staff type of whoever is signed in at each window (by staff id); unknown = officer. */
  staffTypeOf: (staffId: string) => 'officer' | 'helper';
  devices: ReadonlyArray<DeviceHealth>;
  now: number;
}

const SEVERITY: Record<Alert['kind'], number> = { 'wait-over': 0, 'device-fault': 1, 'wait-warn': 2, 'window-idle': 3 };

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
    } else if (d.online === false) {
      alerts.push({ kind: 'device-fault', key: `dev:${d.id}`, deviceId: d.id, name: d.name, printerState: 'offline' });
    }
  }
  return alerts.sort((a, b) => SEVERITY[a.kind] - SEVERITY[b.kind]);
}
