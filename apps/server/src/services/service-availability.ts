// Whether a service takes tickets now, and why not: the same rules as issuing (issue-service.ts)
// so a kiosk can grey a service out before the visitor reads its checklist, and the public hall
// page can say so, instead of offering a ticket and then refusing it.
import type { ServiceClosedReason } from '@hallq/shared';
import type { StoredService } from '../storage/service-repo';
import { isOpenAt, localTime } from './clock';
import type { HallMirror } from './hall-mirror';

/** Tickets of a service issued on a local date (the daily quota counts them). */
export type IssuedCount = (hallId: string, serviceId: string, localDate: string) => number;

export function closedReasonOf(m: HallMirror, s: StoredService, now: number, issuedCount: IssuedCount): ServiceClosedReason | undefined {
  const local = localTime(now, m.hall.timezone);
  if (m.hall.holidays.includes(local.date) || !isOpenAt(m.hall.openingHours, local)) return 'hall_closed';
  if (!s.active || s.closedOn === local.date || !isOpenAt(s.openingHours, local)) return 'service_closed';
  if (s.dailyQuota !== null && issuedCount(m.hall.id, s.id, local.date) >= s.dailyQuota) return 'quota_reached';
  return undefined;
}
