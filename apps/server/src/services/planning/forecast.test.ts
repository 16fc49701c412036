import type { HallEvent } from '@hallq/shared';
import { learnForecast, type ForecastService } from './forecast';

// Hand-computed fixture, hall in Asia/Shanghai (UTC+8), range Monday 2025-03-03 .. Sunday 2025-03-09.
const ev = (type: string, at: string, payload: object): HallEvent => ({ seq: 0, type, at, hallId: 'h', actor: { kind: 'system', id: null }, ...payload }) as unknown as HallEvent;
const issued = (ticketId: string, serviceId: string, at: string): HallEvent => ev('ticket.issued', at, { ticket: { id: ticketId, serviceId, issuedAt: at } });
const started = (ticketId: string, serviceId: string, stage: number, at: string): HallEvent => ev('ticket.started', at, { ticketId, serviceId, stage });
const completed = (ticketId: string, serviceId: string, stage: number, at: string, startedAt?: string): HallEvent =>
  ev('ticket.completed', at, { ticketId, serviceId, stage, startedAt });

const events: HallEvent[] = [
  issued('x0', 'svc-a', '2025-03-02T15:59:00Z'), // Sunday 03-02 23:59 local: before the range
  issued('t1', 'svc-a', '2025-03-03T01:10:00Z'), // Mon 09:10
  started('t1', 'svc-a', 0, '2025-03-03T01:15:00Z'),
  completed('t1', 'svc-a', 0, '2025-03-03T01:23:00Z'), // 8 min
  issued('t2', 'svc-a', '2025-03-03T01:40:00Z'), // Mon 09:40
  started('t2', 'svc-a', 0, '2025-03-03T01:50:00Z'),
  completed('t2', 'svc-a', 0, '2025-03-03T01:55:00Z'), // 5 min
  started('t2', 'svc-a', 1, '2025-03-03T02:00:00Z'),
  completed('t2', 'svc-a', 1, '2025-03-03T02:07:00Z'), // 7 min: t2 took 12 min of window time
  issued('t3', 'svc-b', '2025-03-03T02:05:00Z'), // Mon 10:05
  completed('t3', 'svc-b', 0, '2025-03-03T02:16:00Z', '2025-03-03T02:10:00Z'), // 6 min, start only in the payload
  issued('gone', 'svc-deleted', '2025-03-03T02:06:00Z'), // a service the hall no longer has
  issued('t4', 'svc-a', '2025-03-04T01:20:00Z'), // Tue 09:20
  issued('t5', 'svc-b', '2025-03-08T06:00:00Z'), // Sat 14:00
  issued('x1', 'svc-a', '2025-03-09T16:00:00Z'), // Mon 03-10 00:00 local: after the range
];

const services: ForecastService[] = [
  { id: 'svc-a', learnedServiceSeconds: 999, expectedServiceSeconds: 600 },
  { id: 'svc-b', learnedServiceSeconds: null, expectedServiceSeconds: 600 },
  { id: 'svc-c', learnedServiceSeconds: 300, expectedServiceSeconds: 600 },
  { id: 'svc-d', learnedServiceSeconds: null, expectedServiceSeconds: 180 },
];

const base = { events, timeZone: 'Asia/Shanghai', from: '2025-03-03', to: '2025-03-09', services };
const row = (at: Record<number, number>): number[] => Array.from({ length: 24 }, (_, h) => at[h] ?? 0);

describe('learnForecast', () => {
  it('means arrivals per local hour over the days the hall issued tickets', () => {
    const f = learnForecast(base);
    expect([f.datesInRange, f.activeDays, f.tickets]).toEqual([7, 3, 5]);
    expect(f.arrivals['svc-a']).toEqual(row({ 9: 1 })); // 3 tickets at 9h over 3 days
    expect(f.arrivals['svc-b']).toEqual(row({ 10: 0.333, 14: 0.333 }));
    expect(f.arrivals['svc-c']).toEqual(row({}));
    expect(Object.keys(f.arrivals)).not.toContain('svc-deleted');
  });

  it('by day type: weekdays and weekends apart', () => {
    const w = learnForecast({ ...base, days: 'weekdays' });
    expect([w.datesInRange, w.activeDays, w.tickets]).toEqual([5, 2, 4]);
    expect(w.arrivals['svc-a']).toEqual(row({ 9: 1.5 }));
    expect(w.arrivals['svc-b']).toEqual(row({ 10: 0.5 }));
    const e = learnForecast({ ...base, days: 'weekends' });
    expect([e.datesInRange, e.activeDays, e.tickets]).toEqual([2, 1, 1]);
    expect(e.arrivals['svc-a']).toEqual(row({}));
    expect(e.arrivals['svc-b']).toEqual(row({ 14: 1 }));
  });

  it('service time per visitor from started -> completed (stages summed), else the learned mean, else the expected one', () => {
    const f = learnForecast(base);
    expect(f.serviceTimes['svc-a']).toEqual({ minutes: 10, source: 'events', samples: 2 }); // (8 + 12) / 2
    expect(f.serviceTimes['svc-b']).toEqual({ minutes: 6, source: 'events', samples: 1 });
    expect(f.serviceTimes['svc-c']).toEqual({ minutes: 5, source: 'learned', samples: 0 });
    expect(f.serviceTimes['svc-d']).toEqual({ minutes: 3, source: 'expected', samples: 0 });
  });

  it('an empty history gives zero arrivals and no active days', () => {
    const f = learnForecast({ ...base, events: [] });
    expect([f.activeDays, f.tickets]).toEqual([0, 0]);
    expect(f.arrivals['svc-a']).toEqual(row({}));
  });
});
