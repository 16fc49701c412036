// Devices reporting on themselves: a kiosk's printer state and warning, raised as `device.changed`
// when either changes; and devices as the admin lists them, with their presence.
import { parsePrinterUrl } from '@hallq/printing';
import type { Device, DeviceStatusBody, PrinterState, PrinterWarning } from '@hallq/shared';
import type { Tx } from '../storage/tx';
import type { StoredDevice } from '../storage/device-repo';
import { actorOf, audit, recordEvent, type Core, type Identity } from './core';
import { AppError } from './errors';

/**
 * A device's `printer` must be a URL the server can open (the same parser the print job uses):
 * one it could never open is refused at the door (400 validation_failed) instead of being stored
 * and failing at every print. Runs before the create or change command; the body is unchanged.
 */
export async function checkPrinterUrl<B extends object>(body: B): Promise<B> {
  const printer = (body as { printer?: unknown }).printer;
  if (typeof printer !== 'string') return body;
  try {
    parsePrinterUrl(printer);
  } catch (error) {
    const message = error instanceof Error ? error.message : 'not a printer URL';
    throw new AppError('validation_failed', 'the request is not valid', [{ path: ['printer'], message, code: 'invalid_format' }]);
  }
  return body;
}

/** A device as the API shows it: presence from the live connections, never the hall or token. */
export function deviceView(core: Core, { hallId: _h, statusMessage: _m, ...d }: StoredDevice): Device {
  const online = core.presence.isOnline(d.id);
  return { ...d, online, lastSeenAt: online ? new Date(core.clock()).toISOString() : d.lastSeenAt };
}

export function recordPrinterStatus(
  core: Core,
  tx: Tx,
  identity: Identity,
  body: DeviceStatusBody,
): { printerState: PrinterState | null; printerWarning: PrinterWarning | null; changed: boolean } {
  if (identity.kind !== 'device') throw new AppError('forbidden', 'device tokens only');
  const device = core.repos.devices.get(identity.hallId, identity.device.id);
  if (!device) throw new AppError('unauthorized', 'unknown device');
  const printerState = body.printerState === undefined ? device.printerState : body.printerState;
  // A new state without a word on the warning clears it: a warning belongs to the state it came with.
  const printerWarning = body.printerWarning !== undefined ? body.printerWarning : body.printerState !== undefined ? null : device.printerWarning;
  const now = core.clock();
  core.repos.devices.setStatus(device.id, printerState, printerWarning, body.message ?? null, now);
  const changed = printerState !== device.printerState || printerWarning !== device.printerWarning;
  if (changed) {
    audit(core, device.hallId, actorOf(identity), 'device.status', device.id, { printerState, printerWarning, message: body.message ?? null });
    recordEvent(core, tx, device.hallId, 'device.changed', actorOf(identity), {
      deviceId: device.id,
      kind: device.kind,
      name: device.name,
      printerState,
      printerWarning,
      online: core.presence.isOnline(device.id),
    }, now);
  }
  return { printerState, printerWarning, changed };
}

/** `POST /devices/me/status`: the answer keeps its original shape. */
export function reportDeviceStatus(
  core: Core,
  tx: Tx,
  identity: Identity,
  body: DeviceStatusBody,
): { printerState: PrinterState | null; changed: boolean } {
  const { printerState, changed } = recordPrinterStatus(core, tx, identity, body);
  return { printerState, changed };
}
