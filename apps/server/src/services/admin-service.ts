// Configuration use cases for admins: services, windows, devices, notices, the hall (staff: staff-admin-service.ts).
// Every change writes an audit row and a `config.changed` (or `notice.changed`) event.
import type {
  Device, DeviceBody, DevicePatch, Hall, HallPatch, HallWindow, Notice, NoticeBody, NoticePatch, Service, ServiceBody, ServicePatch, WindowBody, WindowPatch,
} from '@hallq/shared';
import type { Tx } from '../storage/tx';
import type { DeviceDoc } from '../storage/device-repo';
import { isValidTimeZone } from './clock';
import { changed, invalid } from './admin-change';
import { actorOf, audit, ownHall, recordEvent, type Core, type Identity } from './core';
import { deviceView } from './device-service';
import { AppError, notFound } from './errors';
import { newId, newToken, sha256 } from './ids';
import { windowChanged } from './window-events';
import { unspeakableEn, unspeakableZh } from '@hallq/shared';

export function patchHall(core: Core, tx: Tx, identity: Identity, hallId: string, body: HallPatch): Hall {
  const m = ownHall(core, identity, hallId);
  if (body.timezone !== undefined && !isValidTimeZone(body.timezone)) throw invalid('timezone', 'unknown timezone');
  checkSpeakable(body);
  const hall: Hall = {
    ...m.hall,
    ...body,
    routing: { ...m.hall.routing, ...(body.routing ?? {}) },
    ...(body.ticketTemplate ? { ticketTemplate: { ...m.hall.ticketTemplate, ...body.ticketTemplate } } : {}),
  } as Hall;
  core.repos.halls.put(hall);
  changed(core, tx, identity, hallId, 'hall', 'hall.update', hallId, body);
  return hall;
}

/** The displays' recorded voice must be able to say every word of a template (no silent gaps). */
function checkSpeakable(body: HallPatch): void {
  const fields: Array<[string, string[]]> = [];
  if (body.announcementTemplate !== undefined) fields.push(['announcementTemplate', unspeakableZh(body.announcementTemplate)]);
  if (body.announcementTemplateEn !== undefined) fields.push(['announcementTemplateEn', unspeakableEn(body.announcementTemplateEn)]);
  const bad = fields.filter(([, missing]) => missing.length > 0);
  if (bad.length === 0) return;
  const words = bad.flatMap(([, missing]) => missing);
  throw new AppError(
    'validation_failed',
    `the announcement voice cannot say: ${words.join(', ')}`,
    bad.map(([path, missing]) => ({ path: [path], message: `no recorded voice for: ${missing.join(', ')}`, missingWords: missing })),
  );
}

// --- services ---
const publicService = ({ hallId: _h, learnedServiceSeconds: _l, learnedNoShowShare: _n, ...s }: Service & { hallId: string; learnedServiceSeconds: number | null; learnedNoShowShare?: number | null }): Service => s;

export function listServices(core: Core, identity: Identity, hallId: string): Service[] {
  ownHall(core, identity, hallId);
  return core.repos.services.listOfHall(hallId).map(publicService);
}

function checkService(core: Core, hallId: string, s: Service): void {
  if (!core.repos.halls.modules(hallId).some((mod) => mod.id === s.moduleId)) throw invalid('moduleId', 'unknown module');
  if (core.repos.services.listOfHall(hallId).some((o) => o.code === s.code && o.id !== s.id)) {
    throw new AppError('conflict', `service code ${s.code} is already used`);
  }
}

export function createService(core: Core, tx: Tx, identity: Identity, hallId: string, body: ServiceBody): Service {
  ownHall(core, identity, hallId);
  const s: Service = {
    id: newId('svc'),
    code: body.code,
    prefix: body.prefix,
    name: body.name,
    moduleId: body.moduleId,
    guide: body.guide ?? { zh: '', en: '' },
    documents: body.documents ?? [],
    stages: body.stages ?? [{ name: { zh: '办理', en: 'Service' }, officersOnly: false }],
    dailyQuota: body.dailyQuota ?? null,
    openingHours: body.openingHours ?? null,
    waitTargetSeconds: body.waitTargetSeconds ?? null,
    expectedServiceSeconds: body.expectedServiceSeconds ?? 300,
    active: body.active ?? true,
    closedOn: body.closedOn ?? null,
    booking: body.booking ?? null,
    remoteDailyShare: body.remoteDailyShare ?? null,
  };
  checkService(core, hallId, s);
  core.repos.services.put(hallId, s);
  changed(core, tx, identity, hallId, 'services', 'service.create', s.id, body);
  return s;
}

export function patchService(core: Core, tx: Tx, identity: Identity, hallId: string, id: string, body: ServicePatch): Service {
  ownHall(core, identity, hallId);
  const old = core.repos.services.get(hallId, id);
  if (!old) throw notFound('service');
  const s: Service = { ...publicService(old), ...body } as Service;
  checkService(core, hallId, s);
  if (s.stages.length < old.stages.length) {
    // Tickets at a stage taken away could no longer be called by any window: they would be lost.
    const open = core.repos.tickets.openOfService(hallId, id, s.stages.length);
    if (open > 0) {
      throw new AppError('conflict', `${open} ticket${open > 1 ? 's are' : ' is'} still at a stage this change takes away; serve, transfer or cancel ${open > 1 ? 'them' : 'it'} first`, { open });
    }
  }
  core.repos.services.put(hallId, s);
  changed(core, tx, identity, hallId, 'services', 'service.update', id, body);
  return s;
}

export function deleteService(core: Core, tx: Tx, identity: Identity, hallId: string, id: string): void {
  ownHall(core, identity, hallId);
  if (!core.repos.services.get(hallId, id)) throw notFound('service');
  // Its tickets still in the queue could no longer be called by any window: they would be lost.
  const open = core.repos.tickets.openOfService(hallId, id);
  if (open > 0) throw new AppError('conflict', `${open} ticket${open > 1 ? 's' : ''} of this service ${open > 1 ? 'are' : 'is'} still in the queue; serve, transfer or cancel ${open > 1 ? 'them' : 'it'} first (or set active: false to stop new tickets)`, { open });
  if (!core.repos.services.softDelete(hallId, id)) throw notFound('service');
  changed(core, tx, identity, hallId, 'services', 'service.delete', id);
}

// --- windows ---
const publicWindow = (w: HallWindow): HallWindow => ({
  id: w.id, number: w.number, zone: w.zone, state: w.state, skills: w.skills, staffId: w.staffId, pauseReason: w.pauseReason,
});

export function listWindows(core: Core, identity: Identity, hallId: string): HallWindow[] {
  ownHall(core, identity, hallId);
  return core.repos.windows.listOfHall(hallId).map(publicWindow);
}

function checkWindow(core: Core, hallId: string, id: string | null, w: { number: number; skills: HallWindow['skills'] }): void {
  const other = core.repos.windows.getByNumber(hallId, w.number);
  if (other && other.id !== id) throw new AppError('conflict', `window ${w.number} already exists`);
  w.skills.forEach((s, i) => {
    if (!core.repos.services.get(hallId, s.serviceId)) throw invalid(`skills.${i}.serviceId`, 'unknown service');
  });
}

export function createWindow(core: Core, tx: Tx, identity: Identity, hallId: string, body: WindowBody): HallWindow {
  ownHall(core, identity, hallId);
  const w = { id: newId('win'), number: body.number, zone: body.zone ?? '', skills: body.skills ?? [] };
  checkWindow(core, hallId, null, w);
  core.repos.windows.create(hallId, w);
  changed(core, tx, identity, hallId, 'windows', 'window.create', w.id, body);
  windowChanged(core, tx, w.id, actorOf(identity));
  return publicWindow(core.repos.windows.get(w.id)!);
}

/** Skills changed here take effect at the window's next call. */
export function patchWindow(core: Core, tx: Tx, identity: Identity, hallId: string, id: string, body: WindowPatch): HallWindow {
  ownHall(core, identity, hallId);
  const old = core.repos.windows.get(id);
  if (!old || old.hallId !== hallId) throw notFound('window');
  const w = { number: body.number ?? old.number, zone: body.zone ?? old.zone, skills: body.skills ?? old.skills };
  checkWindow(core, hallId, id, w);
  core.repos.windows.updateConfig(id, w);
  changed(core, tx, identity, hallId, 'windows', 'window.update', id, body);
  // Every screen's live state takes the new skills and zone at once (the counter's queue, the
  // board, the window screen), not only at its next reload.
  windowChanged(core, tx, id, actorOf(identity));
  return publicWindow(core.repos.windows.get(id)!);
}

export function deleteWindow(core: Core, tx: Tx, identity: Identity, hallId: string, id: string): void {
  ownHall(core, identity, hallId);
  const w = core.repos.windows.get(id);
  if (!w || w.hallId !== hallId) throw notFound('window');
  if (w.staffId !== null) throw new AppError('conflict', `window ${w.number} is in use; sign out first`);
  core.repos.windows.softDelete(id);
  changed(core, tx, identity, hallId, 'windows', 'window.delete', id);
}

// --- devices ---
export function listDevices(core: Core, identity: Identity, hallId: string): Device[] {
  ownHall(core, identity, hallId);
  return core.repos.devices.listOfHall(hallId).map((d) => deviceView(core, d));
}

export function createDevice(core: Core, tx: Tx, identity: Identity, hallId: string, body: DeviceBody): { device: Device; token: string } {
  ownHall(core, identity, hallId);
  const id = newId('dev');
  const token = newToken();
  const doc: DeviceDoc = {
    kind: body.kind, name: body.name, windowNumber: body.windowNumber ?? null, printer: body.printer ?? null, paperWidthMm: body.paperWidthMm ?? null,
    announceZone: body.announceZone ?? null, announceWindows: body.announceWindows ?? null,
    printerStatusCheck: body.printerStatusCheck ?? 'dle-eot',
  };
  core.repos.devices.create(hallId, id, sha256(token), doc);
  changed(core, tx, identity, hallId, 'devices', 'device.create', id, body);
  return { device: deviceView(core, core.repos.devices.get(hallId, id)!), token };
}

export function patchDevice(core: Core, tx: Tx, identity: Identity, hallId: string, id: string, body: DevicePatch): Device {
  ownHall(core, identity, hallId);
  const old = core.repos.devices.get(hallId, id);
  if (!old) throw notFound('device');
  const { revoked, ...rest } = body;
  const doc: DeviceDoc = {
    kind: old.kind, name: rest.name ?? old.name, windowNumber: rest.windowNumber ?? old.windowNumber,
    printer: rest.printer ?? old.printer, paperWidthMm: rest.paperWidthMm ?? old.paperWidthMm,
    // null clears a limit; absent keeps it.
    announceZone: rest.announceZone === undefined ? (old.announceZone ?? null) : rest.announceZone,
    announceWindows: rest.announceWindows === undefined ? (old.announceWindows ?? null) : rest.announceWindows,
    printerStatusCheck: rest.printerStatusCheck ?? old.printerStatusCheck,
  };
  core.repos.devices.update(id, doc, revoked ?? old.revoked);
  changed(core, tx, identity, hallId, 'devices', 'device.update', id, body);
  return deviceView(core, core.repos.devices.get(hallId, id)!);
}

export function deleteDevice(core: Core, tx: Tx, identity: Identity, hallId: string, id: string): void {
  ownHall(core, identity, hallId);
  if (!core.repos.devices.get(hallId, id)) throw notFound('device');
  core.repos.devices.softDelete(id);
  changed(core, tx, identity, hallId, 'devices', 'device.delete', id);
}

// --- notices ---
export function listNotices(core: Core, identity: Identity, hallId: string): Notice[] {
  ownHall(core, identity, hallId);
  return core.repos.halls.notices(hallId);
}

function noticesChanged(core: Core, tx: Tx, identity: Identity, hallId: string, action: string, target: string, details?: unknown): void {
  audit(core, hallId, actorOf(identity), action, target, details);
  recordEvent(core, tx, hallId, 'notice.changed', actorOf(identity), { notices: core.repos.halls.notices(hallId).filter((n) => n.active) });
  tx.touchConfig(hallId);
}

export function createNotice(core: Core, tx: Tx, identity: Identity, hallId: string, body: NoticeBody): Notice {
  ownHall(core, identity, hallId);
  const n: Notice = { id: newId('ntc'), text: body.text, active: body.active ?? true, createdAt: new Date(core.clock()).toISOString() };
  core.repos.halls.putNotice(hallId, n);
  noticesChanged(core, tx, identity, hallId, 'notice.create', n.id, body);
  return n;
}

export function patchNotice(core: Core, tx: Tx, identity: Identity, hallId: string, id: string, body: NoticePatch): Notice {
  ownHall(core, identity, hallId);
  const old = core.repos.halls.notices(hallId).find((n) => n.id === id);
  if (!old) throw notFound('notice');
  const n: Notice = { ...old, ...body };
  core.repos.halls.putNotice(hallId, n);
  noticesChanged(core, tx, identity, hallId, 'notice.update', id, body);
  return n;
}

export function deleteNotice(core: Core, tx: Tx, identity: Identity, hallId: string, id: string): void {
  ownHall(core, identity, hallId);
  if (!core.repos.halls.deleteNotice(hallId, id)) throw notFound('notice');
  noticesChanged(core, tx, identity, hallId, 'notice.delete', id);
}
