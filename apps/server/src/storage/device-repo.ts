// Kiosks, displays and rating pads, identified by a device token stored as its SHA-256 hash.
import type { Device, DeviceKind, PrinterState, PrinterWarning } from '@hallq/shared';
import type { Db } from './db';

export interface StoredDevice extends Omit<Device, 'online'> {
  hallId: string;
  statusMessage: string | null;
}

interface Row {
  id: string;
  hall_id: string;
  doc: string;
  printer_state: PrinterState | null;
  printer_warning: PrinterWarning | null;
  status_message: string | null;
  last_seen_at: number | null;
  revoked: number;
}

const toDevice = (r: Row): StoredDevice => {
  const doc = JSON.parse(r.doc) as Omit<DeviceDoc, 'printerStatusCheck' | 'announceZone' | 'announceWindows'> &
    Partial<Pick<DeviceDoc, 'printerStatusCheck' | 'announceZone' | 'announceWindows'>>;
  return {
    ...doc,
    printerStatusCheck: doc.printerStatusCheck ?? 'dle-eot',
    announceZone: doc.announceZone ?? null,
    announceWindows: doc.announceWindows ?? null,
    id: r.id,
    hallId: r.hall_id,
    revoked: r.revoked === 1,
    printerState: r.printer_state,
    printerWarning: r.printer_warning ?? null,
    statusMessage: r.status_message,
    lastSeenAt: r.last_seen_at === null ? null : new Date(r.last_seen_at).toISOString(),
  };
};

export type DeviceDoc = Pick<Device, 'kind' | 'name' | 'windowNumber' | 'printer' | 'paperWidthMm' | 'printerStatusCheck' | 'announceZone' | 'announceWindows'>;

export class DeviceRepo {
  private readonly byToken;
  constructor(private readonly db: Db) {
    this.byToken = db.prepare<[string], Row>('SELECT * FROM devices WHERE token_hash = ? AND deleted = 0');
  }

  listOfHall(hallId: string): StoredDevice[] {
    return (this.db.prepare('SELECT * FROM devices WHERE hall_id = ? AND deleted = 0 ORDER BY rowid').all(hallId) as Row[]).map(toDevice);
  }
  get(hallId: string, id: string): StoredDevice | null {
    const r = this.db.prepare('SELECT * FROM devices WHERE id = ? AND hall_id = ? AND deleted = 0').get(id, hallId) as Row | undefined;
    return r ? toDevice(r) : null;
  }
  getByTokenHash(tokenHash: string): StoredDevice | null {
    const r = this.byToken.get(tokenHash);
    return r ? toDevice(r) : null;
  }
  create(hallId: string, id: string, tokenHash: string, doc: DeviceDoc): void {
    this.db.prepare('INSERT INTO devices (id, hall_id, token_hash, doc) VALUES (?, ?, ?, ?)').run(id, hallId, tokenHash, JSON.stringify(doc));
  }
  update(id: string, doc: DeviceDoc, revoked: boolean): void {
    this.db.prepare('UPDATE devices SET doc = ?, revoked = ? WHERE id = ?').run(JSON.stringify(doc), revoked ? 1 : 0, id);
  }
  setStatus(id: string, printerState: PrinterState | null, printerWarning: PrinterWarning | null, message: string | null, now: number): void {
    this.db
      .prepare('UPDATE devices SET printer_state = ?, printer_warning = ?, status_message = ?, last_seen_at = ? WHERE id = ?')
      .run(printerState, printerWarning, message, now, id);
  }
  /** The device was connected at `now`. */
  touch(id: string, now: number): void {
    this.db.prepare('UPDATE devices SET last_seen_at = ? WHERE id = ?').run(now, id);
  }
  softDelete(id: string): void {
    this.db.prepare('UPDATE devices SET deleted = 1, revoked = 1 WHERE id = ?').run(id);
  }

  saveDemoToken(deviceId: string, kind: DeviceKind, token: string): void {
    this.db.prepare('INSERT OR REPLACE INTO demo_device_tokens (device_id, kind, token) VALUES (?, ?, ?)').run(deviceId, kind, token);
  }
  demoTokens(): Array<{ deviceId: string; kind: DeviceKind; token: string }> {
    return (
      this.db.prepare('SELECT device_id, kind, token FROM demo_device_tokens ORDER BY rowid').all() as Array<{
        device_id: string;
        kind: DeviceKind;
        token: string;
      }>
    ).map((r) => ({ deviceId: r.device_id, kind: r.kind, token: r.token }));
  }
}
