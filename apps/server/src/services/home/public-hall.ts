// What a visitor at home sees of a hall: services with their documents, whether they take tickets
// now (and why not), the live queue and estimated wait, bookings and the remote queue. Nothing
// about staff or devices. The live figures are reused for a few seconds: a thousand phones opening
// the page cost one forecast per service, not a thousand.
import type { PublicHall, PublicHallService, ServiceQueueView } from '@hallq/shared';
import { isOpenAt, localTime } from '../clock';
import type { Core } from '../core';
import { serviceViews } from '../estimates';
import type { HallMirror } from '../hall-mirror';
import { closedReasonOf } from '../service-availability';

const REUSE_MS = 5000;
const cache = new WeakMap<HallMirror, { seq: number; at: number; views: Map<string, ServiceQueueView> }>();

function liveViews(m: HallMirror, now: number): Map<string, ServiceQueueView> {
  const c = cache.get(m);
  if (c && c.seq === m.seq && now - c.at < REUSE_MS && now >= c.at) return c.views;
  const views = new Map(serviceViews(m, now).map((v) => [v.serviceId, v]));
  cache.set(m, { seq: m.seq, at: now, views });
  return views;
}

export function publicHall(core: Core, m: HallMirror): PublicHall {
  const now = core.clock();
  const local = localTime(now, m.hall.timezone);
  const hallOpen = !m.hall.holidays.includes(local.date) && isOpenAt(m.hall.openingHours, local);
  const live = liveViews(m, now);
  const issued = core.repos.tickets.issuedCount.bind(core.repos.tickets);
  const services = [...m.services.values()]
    .filter((s) => s.active)
    .map((s): PublicHallService => {
      const closedReason = closedReasonOf(m, s, now, issued);
      const share = s.remoteDailyShare ?? 0;
      const v = live.get(s.id);
      return {
        id: s.id,
        code: s.code,
        name: s.name,
        moduleId: s.moduleId,
        guide: s.guide,
        documents: s.documents,
        acceptingTickets: closedReason === undefined,
        ...(closedReason ? { closedReason } : {}),
        waiting: v?.waiting ?? 0,
        estimatedWaitSeconds: v?.estimatedWaitSeconds ?? null,
        estimatedWaitRange: v?.estimatedWaitRange ?? null,
        bookable: s.booking !== undefined && s.booking !== null,
        remote: closedReason === undefined && share > 0 && core.repos.tickets.remoteIssuedCount(m.hall.id, s.id, local.date) < share,
        openingHours: s.openingHours,
      };
    });
  return {
    id: m.hall.id,
    name: m.hall.name,
    timezone: m.hall.timezone,
    arrivalCodeRequired: m.hall.arrivalCodeRequired ?? true,
    openingHours: m.hall.openingHours,
    today: local.date,
    openNow: hallOpen,
    holidays: m.hall.holidays.filter((d) => d >= local.date).slice(0, 30),
    notices: m.notices.filter((n) => n.active).map((n) => n.text),
    services,
    modules: m.modules,
  };
}
