// Loads generated history into the demo hall: days of the seed hall simulated on the real routing
// engine (scripts: `npm run simulate -- --scenario seed-hall --demo-history <file>`), the first
// with dedicated windows, then with pooled ones. Each visitor becomes the events the server itself
// would have written (issued, called, started, completed or no-show, rated), all in one
// transaction, so reports, the before/after comparison and the planner have history to read.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Actor, HallEventType, PublicTicket } from '@hallq/shared';
import { localTime } from '../services/clock';
import { addDays, startOfLocalDay } from '../services/stats/local-days';
import type { Db } from '../storage/db';
import type { Repos } from '../storage/repos';
import type { DemoHall } from './demo-hall-types';

const historySchema = z.object({
  format: z.literal(1),
  note: z.string(),
  startHour: z.number().min(0).max(23),
  beforeDays: z.number().int().min(1),
  afterDays: z.number().int().min(1),
  services: z.array(z.string()).min(1),
  windows: z.array(z.string()).min(1),
  days: z.array(z.array(z.array(z.number()).length(7))),
});
export type DemoHistoryData = z.infer<typeof historySchema>;

/** The simulated modules and the demo hall's modules they stand for. */
export const SCENARIO_MODULES: Readonly<Record<string, string>> = {
  'business-registration': 'mod-business',
  'investment-projects': 'mod-investment',
  'construction-projects': 'mod-construction',
  'single-items': 'mod-single',
};

/** The generated file shipped with the server (apps/server/demo-data), from src/demo or dist/demo. */
export const DEMO_HISTORY_FILE = join(__dirname, '../../demo-data/seed-hall-history.json');

export interface LoadedHistory {
  days: number;
  visitors: number;
  events: number;
  before: { from: string; to: string };
  after: { from: string; to: string };
}

export function readDemoHistory(file: string): DemoHistoryData {
  return historySchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

interface PendingEvent {
  type: HallEventType;
  at: number;
  actor: Actor;
  payload: object;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** Writes the history's days ending yesterday (hall time) into the event log of `demo.hall`. */
export function loadDemoHistory(db: Db, repos: Repos, demo: DemoHall, history: DemoHistoryData, now: number): LoadedHistory {
  const hallId = demo.hall.id;
  const tz = demo.hall.timezone ?? 'Asia/Shanghai';
  const total = history.days.length;
  const today = localTime(now, tz).date;
  const first = addDays(today, -total);
  const windows = [...demo.windows].sort((a, b) => a.number - b.number);
  const windowOf = (i: number) => windows[i % windows.length]!;
  const staffByWindow = new Map(windows.map((w) => [w.number, demo.staff.find((s) => s.windowNumbers.includes(w.number))?.id ?? null]));
  const staffOf = (n: number): string | null => staffByWindow.get(n) ?? null;
  const servicesByIndex = history.services.map((id) => demo.services.filter((s) => s.moduleId === SCENARIO_MODULES[id]));
  const device: Actor = { kind: 'device', id: demo.devices.find((d) => d.kind === 'kiosk')?.id ?? null };
  const events: PendingEvent[] = [];
  let visitors = 0;

  history.days.forEach((day, d) => {
    const date = addDays(first, d);
    const dayStart = startOfLocalDay(date, tz) + history.startHour * 3_600_000;
    const counters = new Map<string, number>();
    const pooled = d >= history.beforeDays;
    let lastEnd = dayStart;
    day.forEach(([svc, win, arrived, called, ended, noShow, rating], k) => {
      const candidates = servicesByIndex[svc!] ?? [];
      const service = candidates[(d * 7 + k) % Math.max(1, candidates.length)];
      if (!service) return;
      visitors++;
      const w = windowOf(win!);
      const staffId = staffOf(w.number);
      const staff: Actor = { kind: 'staff', id: staffId };
      const n = (counters.get(service.prefix) ?? 0) + 1;
      counters.set(service.prefix, n);
      const number = `${service.prefix}${String(n).padStart(3, '0')}`;
      const id = `hist-${date}-${k}`;
      const at = (s: number): number => dayStart + s * 1000;
      const issuedAt = iso(at(arrived!));
      const calledAt = iso(at(called!));
      const ticket: PublicTicket = {
        id, number, serviceId: service.id, stage: 0, status: 'waiting', priority: false, appointmentCode: null, appointmentAt: null, lang: 'zh',
        issuedAt, serviceDate: date, calledAt: null, startedAt: null, finishedAt: null, windowId: null, windowNumber: null,
        staffId: null, peopleAhead: null, estimatedWaitSeconds: null,
      };
      const where = { ticketId: id, number, serviceId: service.id, windowId: w.id, windowNumber: w.number };
      events.push({ type: 'ticket.issued', at: at(arrived!), actor: device, payload: { ticket } });
      events.push({ type: 'ticket.called', at: at(called!), actor: staff, payload: { ...where, recall: false, staffId, stage: 0 } });
      if (noShow) {
        events.push({ type: 'ticket.no_show', at: at(ended!), actor: staff, payload: { ...where, staffId, stage: 0 } });
      } else {
        const started = Math.min(called! + 30, ended!);
        // First-time acceptance: about a third before the reform, nine in ten with pre-review after it.
        const accepted = ((d * 31 + k * 17) % 100) < (pooled ? 90 : 35);
        events.push({ type: 'ticket.started', at: at(started), actor: staff, payload: { ...where, staffId, stage: 0 } });
        events.push({
          type: 'ticket.completed', at: at(ended!), actor: staff,
          payload: { ...where, stage: 0, staffId, firstTimeAccepted: accepted, issuedAt, calledAt, startedAt: iso(at(started)) },
        });
        if (rating) {
          events.push({ type: 'ticket.rated', at: at(ended! + 20), actor: { kind: 'visitor', id: null }, payload: { ticketId: id, number, serviceId: service.id, windowId: w.id, staffId, level: rating, bad: rating >= 4, by: 'rating-pad' } });
        }
      }
      lastEnd = Math.max(lastEnd, at(ended!) + 60_000);
    });
    // Windows open at the start of the day and close after the last visitor.
    for (const w of windows) {
      const view = (state: 'open' | 'closed') => ({ window: { id: w.id, number: w.number, zone: w.zone, state, staffId: state === 'open' ? staffOf(w.number) : null, pauseReason: null, skills: w.skills, current: null } });
      events.push({ type: 'window.changed', at: dayStart - 60_000, actor: { kind: 'system', id: 'demo-history' }, payload: view('open') });
      events.push({ type: 'window.changed', at: lastEnd, actor: { kind: 'system', id: 'demo-history' }, payload: view('closed') });
    }
  });
  events.sort((a, b) => a.at - b.at);
  const info = {
    before: { from: first, to: addDays(first, history.beforeDays - 1) },
    after: { from: addDays(first, history.beforeDays), to: addDays(first, total - 1) },
  };
  db.transaction(() => {
    repos.demoHistory.appendEvents(hallId, events);
    repos.demoHistory.put(hallId, { generated: true, note: history.note, ...info, visitors }, now);
  })();
  return { days: total, visitors, events: events.length, ...info };
}
