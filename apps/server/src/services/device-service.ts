// Devices reporting on themselves: a kiosk's printer state, raised as `device.changed` when it changes.
import type { DeviceStatusBody, PrinterState } from '@hallq/shared';
import type { Tx } from '../storage/command-queue';
import { actorOf, audit, recordEvent, type Core, type Identity } from './core';
import { AppError } from './errors';

export function reportDeviceStatus(
  core: Core,
  tx: Tx,
  identity: Identity,
  body: DeviceStatusBody,
): { printerState: PrinterState | null; changed: boolean } {
  if (identity.kind !== 'device') throw new AppError('forbidden', 'device tokens only');
  const device = core.repos.devices.get(identity.hallId, identity.device.id);
  if (!device) throw new AppError('unauthorized', 'unknown device');
  const printerState = body.printerState === undefined ? device.printerState : body.printerState;
  const now = core.clock();
  core.repos.devices.setStatus(device.id, printerState, body.message ?? null, now);
  const changed = printerState !== device.printerState;
  if (changed) {
    audit(core, device.hallId, actorOf(identity), 'device.status', device.id, { printerState, message: body.message ?? null });
    recordEvent(core, tx, device.hallId, 'device.changed', actorOf(identity), {
      deviceId: device.id,
      kind: device.kind,
      name: device.name,
      printerState,
      online: true,
    }, now);
  }
  return { printerState, changed };
}
