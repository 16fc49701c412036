// Writes a DemoHall into an empty database: hall, organisations, modules, services, windows,
// staff (password 'demo' unless given), notices, and devices whose tokens are kept for loopback pairing.
import type { BookingSlots } from '@hallq/shared';
import type { Repos } from '../storage/repos';
import type { Db } from '../storage/db';
import { createStaff, defaultHall } from '../services/hall-setup';
import { newToken, sha256 } from '../services/ids';
import { hashPassword, type ScryptCost } from '../services/auth-service';
import type { DemoHall } from './demo-hall-types';

/** Hash cost of the seeded demo accounts (published passwords; upgraded at their first sign-in). */
export const DEMO_SCRYPT: ScryptCost = { log2N: 10, r: 8, p: 1 };

/** Demo mode: every service is bookable for the next 7 days, 30-minute slots 09:00-17:00, 2 per slot. */
export const DEMO_BOOKING: BookingSlots = { days: [1, 2, 3, 4, 5, 6, 7], from: '09:00', to: '17:00', slotMinutes: 30, capacity: 2, daysAhead: 7 };
/** Demo mode: every service is open to the remote queue, this many tickets a day. */
export const DEMO_REMOTE_DAILY_SHARE = 50;

export interface SeededDevice {
  id: string;
  kind: string;
  name: string;
  token: string;
}

export function seedDemo(db: Db, repos: Repos, demo: DemoHall, now: number = Date.now()): SeededDevice[] {
  const devices: SeededDevice[] = [];
  db.transaction(() => {
    const h = demo.hall;
    const base = defaultHall(h.id, h.name);
    repos.halls.put({
      ...base,
      timezone: h.timezone ?? base.timezone,
      waitTargetSeconds: h.waitTargetSeconds ?? base.waitTargetSeconds,
      openingHours: h.openingHours ?? null,
      holidays: h.holidays ?? [],
      announcementTemplate: h.announcementTemplate ?? base.announcementTemplate,
      announcementTemplateEn: h.announcementTemplateEn ?? base.announcementTemplateEn,
      ticketNotice: h.ticketNotice ?? base.ticketNotice,
      followUpWorkingDays: h.followUpWorkingDays ?? base.followUpWorkingDays,
    });
    for (const o of demo.organisations) repos.halls.putOrganisation(h.id, o);
    for (const m of demo.modules) repos.halls.putModule(h.id, m);
    for (const s of demo.services) {
      repos.services.put(h.id, {
        id: s.id,
        code: s.code,
        prefix: s.prefix,
        name: s.name,
        moduleId: s.moduleId,
        guide: s.guide,
        documents: s.documents,
        stages: s.stages,
        dailyQuota: s.dailyQuota ?? null,
        openingHours: s.openingHours ?? null,
        waitTargetSeconds: s.waitTargetSeconds ?? null,
        expectedServiceSeconds: s.expectedServiceSeconds,
        active: true,
        closedOn: null,
        booking: s.booking === undefined ? DEMO_BOOKING : s.booking,
        remoteDailyShare: s.remoteDailyShare === undefined ? DEMO_REMOTE_DAILY_SHARE : s.remoteDailyShare,
      });
    }
    for (const w of demo.windows) repos.windows.create(h.id, { id: w.id, number: w.number, zone: w.zone, skills: w.skills });
    // Every account gets its own salt (never one hash shared by several accounts). The demo
    // passwords are published, so their hashes use the small DEMO_SCRYPT cost to keep start-up
    // fast; the first sign-in of each account rewrites its hash at the configured cost.
    for (const s of demo.staff) {
      const password = s.password ?? 'demo';
      createStaff(repos, h.id, { ...s, password }, hashPassword(password, DEMO_SCRYPT));
    }
    for (const n of demo.notices ?? []) repos.halls.putNotice(h.id, { ...n, createdAt: new Date(now).toISOString() });
    for (const d of demo.devices) {
      const token = newToken();
      repos.devices.create(h.id, d.id, sha256(token), {
        kind: d.kind,
        name: d.name,
        windowNumber: d.windowNumber ?? null,
        printerStatusCheck: 'dle-eot',
        printer: d.printer ?? null,
        paperWidthMm: d.paperWidthMm ?? null,
      });
      repos.devices.saveDemoToken(d.id, d.kind, token);
      devices.push({ id: d.id, kind: d.kind, name: d.name, token });
    }
  })();
  return devices;
}
