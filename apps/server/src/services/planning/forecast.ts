// The forecast a staffing plan starts from, learned from the hall's own event log: mean arrivals
// per service and local hour of day over the days of a range on which the hall issued tickets,
// and the mean window time per visitor of each service. Pure: events and services in, figures out.
import type { DayType, HallEvent, LearnedForecast, ServiceTime } from '@hallq/shared';
import { datesOf, localStamp, weekdayOf } from '../stats/local-days';

export interface ForecastService {
  id: string;
  learnedServiceSeconds: number | null;
  expectedServiceSeconds: number;
}

export interface ForecastInput {
  /** ticket.issued, ticket.started and ticket.completed events of the range (others are ignored). */
  events: readonly HallEvent[];
  timeZone: string;
  from: string;
  to: string;
  days?: DayType;
  services: readonly ForecastService[];
}

const matchesDayType = (weekday: number, days: DayType): boolean =>
  days === 'all' || (days === 'weekdays' ? weekday <= 5 : weekday >= 6);

/** Shortest mean service time the planner works with (a test ticket served in a second is not a rate). */
export const MIN_SERVICE_MINUTES = 0.1;

const round = (x: number, digits = 3): number => Math.round(x * 10 ** digits) / 10 ** digits;

export function learnForecast(input: ForecastInput): LearnedForecast {
  const days = input.days ?? 'all';
  const known = new Set(input.services.map((s) => s.id));
  const dates = datesOf(input.from, input.to).filter((d) => matchesDayType(weekdayOf(d), days));
  const inRange = new Set(dates);

  const counts = new Map<string, number[]>();
  const active = new Set<string>();
  let tickets = 0;
  // Window time per ticket and service: started -> completed of each stage, summed per ticket.
  const startedAt = new Map<string, number>();
  const work = new Map<string, Map<string, number>>(); // serviceId -> ticketId -> ms

  for (const e of input.events) {
    const at = Date.parse(e.at);
    if (e.type === 'ticket.issued') {
      const serviceId = e.ticket.serviceId;
      const local = localStamp(Date.parse(e.ticket.issuedAt ?? e.at), input.timeZone);
      if (!inRange.has(local.date) || !known.has(serviceId)) continue;
      active.add(local.date);
      tickets++;
      const row = counts.get(serviceId) ?? new Array<number>(24).fill(0);
      row[local.hour] = (row[local.hour] ?? 0) + 1;
      counts.set(serviceId, row);
    } else if (e.type === 'ticket.started') {
      startedAt.set(`${e.ticketId}/${e.stage ?? 0}`, at);
    } else if (e.type === 'ticket.completed') {
      const key = `${e.ticketId}/${e.stage}`;
      const began = startedAt.get(key) ?? (e.startedAt ? Date.parse(e.startedAt) : NaN);
      startedAt.delete(key);
      if (!Number.isFinite(began) || at < began || !known.has(e.serviceId)) continue;
      if (!inRange.has(localStamp(began, input.timeZone).date)) continue;
      const perTicket = work.get(e.serviceId) ?? new Map<string, number>();
      perTicket.set(e.ticketId, (perTicket.get(e.ticketId) ?? 0) + (at - began));
      work.set(e.serviceId, perTicket);
    }
  }

  const arrivals: Record<string, number[]> = {};
  const serviceTimes: Record<string, ServiceTime> = {};
  for (const s of input.services) {
    const row = counts.get(s.id) ?? new Array<number>(24).fill(0);
    arrivals[s.id] = row.map((n) => (active.size > 0 ? round(n / active.size) : 0));
    const observed = [...(work.get(s.id)?.values() ?? [])].filter((ms) => ms > 0);
    if (observed.length > 0) {
      const meanMs = observed.reduce((a, b) => a + b, 0) / observed.length;
      serviceTimes[s.id] = { minutes: Math.max(MIN_SERVICE_MINUTES, round(meanMs / 60_000, 2)), source: 'events', samples: observed.length };
    } else if (s.learnedServiceSeconds !== null && s.learnedServiceSeconds > 0) {
      serviceTimes[s.id] = { minutes: Math.max(MIN_SERVICE_MINUTES, round(s.learnedServiceSeconds / 60, 2)), source: 'learned', samples: 0 };
    } else {
      serviceTimes[s.id] = { minutes: Math.max(MIN_SERVICE_MINUTES, round(s.expectedServiceSeconds / 60, 2)), source: 'expected', samples: 0 };
    }
  }
  return { from: input.from, to: input.to, days, datesInRange: dates.length, activeDays: active.size, tickets, arrivals, serviceTimes };
}
