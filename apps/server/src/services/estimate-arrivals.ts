// Expected arrivals (E5) learned from the hall's own history: per service, how many tickets are
// taken at the hall in each local hour on a working day of the same kind (Monday to Friday or a
// make-up working day; Saturday and Sunday), over the last ARRIVAL_HISTORY_DAYS days, with the
// shares of priority visitors and appointments and the appointments' lead. Learned at start and
// again once a day (one indexed query per service), never per refresh. The live estimates then
// expect those visitors: a priority visitor, a due appointment or a better-tier service at a shared
// window still to come is called before tickets already waiting. A hall without such history (or a
// kind of day it has not worked yet) expects none.
import { addDays, weekdayOf, type ExpectedArrivals, type Hall } from '@hallq/shared';
import type { Repos } from '../storage/repos';
import type { StoredService } from '../storage/service-repo';
import { localTime } from './clock';

/** Days of history the hourly arrivals are learned from. */
export const ARRIVAL_HISTORY_DAYS = 28;

type DayKind = 'workday' | 'weekend';

interface ServiceArrivals {
  /** Tickets per hour of the day (0-23), per kind of day: the mean over the hall's working days of that kind. */
  perHour: Record<DayKind, number[]>;
  priorityShare: number;
  appointmentShare: number;
  appointmentLeadSeconds: number;
}

export interface LearnedArrivals {
  /** The local date they were learned on (learned again when it changes). */
  date: string;
  /** Working days of each kind in the history (days the hall took any ticket). */
  days: Record<DayKind, number>;
  services: Map<string, ServiceArrivals>;
}

/** What learning and using arrivals needs of a hall's mirror (its configuration and what was learned). */
export interface ArrivalsHall {
  hall: Hall;
  services: ReadonlyMap<string, StoredService>;
  arrivals: LearnedArrivals | null;
}

function kindOf(date: string, makeUpWorkdays: readonly string[]): DayKind {
  return makeUpWorkdays.includes(date) || weekdayOf(date) <= 5 ? 'workday' : 'weekend';
}

/** The UTC ms of the local midnight that begins the day of `now`. */
function dayStartOf(now: number, timeZone: string): number {
  const [hh, mm] = localTime(now, timeZone).time.split(':').map(Number);
  return Math.floor(now / 60_000) * 60_000 - (hh! * 60 + mm!) * 60_000;
}

/**
 * Learns a hall's hourly arrivals from the days before today (one query per service). Hours are
 * counted from today's local midnight moved by whole days: across a daylight-saving change within
 * the history, that day's tickets fall an hour off.
 */
export function learnArrivals(repos: Repos, m: ArrivalsHall, now: number): LearnedArrivals {
  const { hall } = m;
  const today = localTime(now, hall.timezone).date;
  const from = addDays(today, -ARRIVAL_HISTORY_DAYS);
  const dayStart = dayStartOf(now, hall.timezone);
  const makeUp = hall.makeUpWorkdays ?? [];
  const worked = new Set<string>();
  const rows = [...m.services.values()].map((s) => ({ service: s, counts: repos.tickets.arrivalsByHour(hall.id, s.id, from, today, dayStart) }));
  for (const r of rows) for (const c of r.counts) worked.add(c.day);
  const days: Record<DayKind, number> = { workday: 0, weekend: 0 };
  for (const d of worked) days[kindOf(d, makeUp)]++;
  const services = new Map<string, ServiceArrivals>();
  for (const { service, counts } of rows) {
    if (counts.length === 0) continue;
    const perHour: Record<DayKind, number[]> = { workday: Array<number>(24).fill(0), weekend: Array<number>(24).fill(0) };
    let n = 0;
    let priority = 0;
    let appointments = 0;
    let leadMs = 0;
    for (const c of counts) {
      const kind = kindOf(c.day, makeUp);
      perHour[kind][c.hour]! += c.n / days[kind];
      n += c.n;
      priority += c.priority;
      appointments += c.appointments;
      leadMs += c.leadMs;
    }
    services.set(service.id, {
      perHour,
      priorityShare: priority / n,
      // As the forecast splits them: appointments among the visitors without priority.
      appointmentShare: n > priority ? Math.min(1, appointments / (n - priority)) : 0,
      appointmentLeadSeconds: appointments > 0 ? leadMs / appointments / 1000 : 0,
    });
  }
  return { date: today, days, services };
}

/** Learns the hall's arrivals again when its local date has changed since they were learned (or never were). */
export function arrivalsUpToDate(repos: Repos, m: ArrivalsHall, now: number): void {
  if (m.arrivals?.date === localTime(now, m.hall.timezone).date) return;
  m.arrivals = learnArrivals(repos, m, now);
}

/**
 * The arrivals a forecast at `now` expects, per service taking tickets today, from the learned
 * hours of today's kind of day; undefined when nothing is learned (no arrivals term).
 */
export function expectedArrivals(m: ArrivalsHall, now: number): ExpectedArrivals[] | undefined {
  const learned = m.arrivals;
  if (!learned || learned.services.size === 0) return undefined;
  const local = localTime(now, m.hall.timezone);
  if (m.hall.holidays.includes(local.date)) return undefined;
  const kind = kindOf(local.date, m.hall.makeUpWorkdays ?? []);
  if (learned.days[kind] === 0) return undefined;
  const dayStart = dayStartOf(now, m.hall.timezone);
  const out: ExpectedArrivals[] = [];
  for (const [serviceId, a] of learned.services) {
    const s = m.services.get(serviceId);
    if (!s || !s.active || s.closedOn === local.date) continue;
    const hours = a.perHour[kind];
    const last = hours.findLastIndex((r) => r > 0);
    if (last < 0) continue;
    const endsAt = dayStart + (last + 1) * 3_600_000;
    if (endsAt <= now) continue;
    out.push({
      serviceId,
      ratePerHour: (t) => {
        const h = Math.floor((t - dayStart) / 3_600_000);
        return h >= 0 && h < 24 ? hours[h]! : 0;
      },
      endsAt,
      priorityShare: a.priorityShare,
      appointmentShare: a.appointmentShare,
      appointmentLeadSeconds: a.appointmentLeadSeconds,
    });
  }
  return out.length > 0 ? out : undefined;
}
