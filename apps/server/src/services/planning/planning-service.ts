// The staffing planner over a hall's data: reads the events a date range needs and the hall's
// configuration (services, modules, windows), then runs the pure forecast and plan.
import { HALL_EVENT_TYPES, type DayType, type LearnedForecast, type PlanService, type StaffingPlan } from '@hallq/shared';
import type { HistoryRepo } from '../../storage/history-repo';
import type { HallMirror } from '../hall-mirror';
import { AppError } from '../errors';
import { learnForecast } from './forecast';
import { addDays, boundsOf } from '../stats/local-days';
import { buildPlan } from './plan';
import { localTime } from '../clock';
import { hallScenario, simulateTomorrow, type SkillsMatrix, type TomorrowAnswer } from './tomorrow';

const DAY_MS = 24 * 3600 * 1000;
/** A ticket issued in the range may be served up to this long after it ends. */
const SERVICE_SLACK_MS = 2 * DAY_MS;
export const DEFAULT_LEARNING_DAYS = 28;

const PLANNING_EVENTS = HALL_EVENT_TYPES.filter((t) => t === 'ticket.issued' || t === 'ticket.started' || t === 'ticket.completed');

export interface RangeQuery {
  from?: string;
  to?: string;
  days?: DayType;
}

/** The range asked for, or the last DEFAULT_LEARNING_DAYS local days up to today. */
export function resolveRange(q: RangeQuery, now: number, timeZone: string): { from: string; to: string } {
  const today = localTime(now, timeZone).date;
  const to = q.to ?? (q.from && q.from > today ? q.from : today);
  const from = q.from ?? addDays(to, -(DEFAULT_LEARNING_DAYS - 1));
  if (from > to) throw new AppError('validation_failed', 'from must not be after to', [{ path: ['from'], message: 'from must not be after to', code: 'custom' }]);
  if (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`) > 366 * DAY_MS)
    throw new AppError('validation_failed', 'the range is longer than 366 days', [{ path: ['to'], message: 'at most 366 days', code: 'custom' }]);
  return { from, to };
}

export function hallForecast(history: HistoryRepo, m: HallMirror, q: RangeQuery, now: number): LearnedForecast {
  const { from, to } = resolveRange(q, now, m.hall.timezone);
  const { start, end } = boundsOf(from, to, m.hall.timezone);
  const events = history.eventsBetween(m.hall.id, PLANNING_EVENTS, start, end + SERVICE_SLACK_MS);
  return learnForecast({
    events,
    timeZone: m.hall.timezone,
    from,
    to,
    days: q.days,
    services: [...m.services.values()].map((s) => ({ id: s.id, learnedServiceSeconds: s.learnedServiceSeconds, expectedServiceSeconds: s.expectedServiceSeconds })),
  });
}

export interface PlanRequest extends RangeQuery {
  forecast?: Record<string, number[]>;
  serviceMinutes?: Record<string, number>;
  goalShare: number;
  targetMinutes?: number;
}

export type HallPlan = StaffingPlan & { forecastSource: 'request' | 'learned'; learnedFrom: Omit<LearnedForecast, 'arrivals' | 'serviceTimes'> };

export function hallPlan(history: HistoryRepo, m: HallMirror, req: PlanRequest, now: number): HallPlan {
  const unknown = [...Object.keys(req.forecast ?? {}), ...Object.keys(req.serviceMinutes ?? {})].filter((id) => !m.services.has(id));
  if (unknown.length)
    throw new AppError(
      'validation_failed',
      'unknown service',
      unknown.map((id) => ({ path: [req.forecast && id in req.forecast ? 'forecast' : 'serviceMinutes', id], message: `no service ${id} in this hall`, code: 'custom' })),
    );
  // Service times (and, without a forecast in the request, the arrivals) come from the history.
  const learned = hallForecast(history, m, req, now);
  const arrivals = req.forecast ?? learned.arrivals;
  const all = [...m.services.values()];
  // Active services, and inactive ones only when someone is expected for them.
  const planned = all.filter((s) => s.active || (arrivals[s.id] ?? []).some((x) => x > 0));
  const services: PlanService[] = planned.map((s) => {
    const override = req.serviceMinutes?.[s.id];
    const st = learned.serviceTimes[s.id]!;
    return {
      id: s.id,
      code: s.code,
      name: s.name,
      moduleId: s.moduleId,
      serviceMinutes: override ?? st.minutes,
      serviceTimeSource: override !== undefined ? 'request' : st.source,
    };
  });
  const plan = buildPlan({
    hallName: m.hall.name.en || m.hall.name.zh,
    services,
    modules: m.modules,
    windows: [...m.windows.values()].sort((a, b) => a.number - b.number),
    arrivals,
    goal: { share: req.goalShare, targetMinutes: req.targetMinutes ?? m.hall.waitTargetSeconds / 60 },
  });
  const { arrivals: _a, serviceTimes: _s, ...learnedFrom } = learned;
  return { ...plan, forecastSource: req.forecast ? 'request' : 'learned', learnedFrom };
}

export interface TomorrowQuery extends RangeQuery {
  skills?: SkillsMatrix;
  suggest?: boolean;
  goalShare: number;
  targetMinutes?: number;
  maxServicesPerPerson?: number;
}

/** Tomorrow from the hall's history (tomorrow's kind of day unless `days` says), today's skills beside the proposed ones. */
export function hallTomorrow(history: HistoryRepo, m: HallMirror, req: TomorrowQuery, now: number): TomorrowAnswer & { learnedFrom: Omit<LearnedForecast, 'arrivals' | 'serviceTimes'> } {
  const bad: Array<{ path: Array<string | number>; message: string; code: 'custom' }> = [];
  for (const [windowId, skills] of Object.entries(req.skills ?? {})) {
    if (!m.windows.has(windowId)) bad.push({ path: ['skills', windowId], message: `no window ${windowId} in this hall`, code: 'custom' });
    skills.forEach((k, i) => {
      if (!m.services.has(k.serviceId)) bad.push({ path: ['skills', windowId, i, 'serviceId'], message: `no service ${k.serviceId} in this hall`, code: 'custom' });
    });
  }
  if (bad.length) throw new AppError('validation_failed', 'unknown window or service', bad);
  const weekday = localTime(now + DAY_MS, m.hall.timezone).weekday;
  const days: DayType = req.days ?? (weekday >= 6 ? 'weekends' : 'weekdays');
  const learned = hallForecast(history, m, { ...req, days }, now);
  const targetMinutes = req.targetMinutes ?? m.hall.waitTargetSeconds / 60;
  const scenario = hallScenario(m, learned, targetMinutes);
  if (m.windows.size === 0) throw new AppError('validation_failed', 'the hall has no windows to simulate', [{ path: ['skills'], message: 'no windows in this hall', code: 'custom' }]);
  if (!scenario) throw new AppError('validation_failed', 'no arrivals in the history range to simulate', [{ path: ['from'], message: 'no tickets in the range', code: 'custom' }]);
  const { arrivals: _a, serviceTimes: _s, ...learnedFrom } = learned;
  return { ...simulateTomorrow(scenario, { ...req, targetMinutes }), learnedFrom };
}
