// The answers of the staffing planner (GET planning/forecast, POST planning/plan), shared by the
// server that computes them and the console that draws them.
import type { LocalizedText } from '../domain';
import type { PlanningGoal } from './first-cut';

export const DAY_TYPES = ['all', 'weekdays', 'weekends'] as const;
export type DayType = (typeof DAY_TYPES)[number];

export type ServiceTimeSource = 'events' | 'learned' | 'expected';

export interface ServiceTime {
  minutes: number;
  source: ServiceTimeSource;
  /** Visitors whose service was observed in the range (source `events`). */
  samples: number;
}

/** Mean arrivals and service times learned from the hall's event log over a range of dates. */
export interface LearnedForecast {
  from: string;
  to: string;
  days: DayType;
  /** Dates of the range of the day type asked for. */
  datesInRange: number;
  /** Of those, dates on which at least one ticket was issued: the means are per such day. */
  activeDays: number;
  /** Tickets issued on those dates (services known to the hall). */
  tickets: number;
  /** Mean arrivals per active day, by service id and local hour of day (24 numbers). */
  arrivals: Record<string, number[]>;
  serviceTimes: Record<string, ServiceTime>;
}

/** GET planning/forecast: the learned forecast, the hall's wait target and its services. */
export interface PlanningForecast extends LearnedForecast {
  waitTargetMinutes: number;
  services: Array<{ id: string; code: string; name: LocalizedText; moduleId: string; active: boolean }>;
}

/** One local hour of a plan: Erlang C counts of windows. */
export interface PlanHour {
  hour: number;
  arrivals: Record<string, number>;
  totalArrivals: number;
  /** Erlang C, one service per window. */
  dedicated: Record<string, number>;
  dedicatedTotal: number;
  /** Erlang C per module, its windows carrying all its services at tier 1. */
  byModule: Record<string, number>;
  /** The recommendation: the module windows' total. */
  recommended: number;
  /** Erlang C with every window serving every service: no skill assignment needs fewer. */
  pooled: number;
  /** Erlang C estimate of the share called within the target with the recommended windows. */
  expectedWithinTarget: number | null;
}

/** A window of the plan and the services it should carry. */
export interface SuggestedWindow {
  /** 1.. over the plan, in the order of the list. */
  slot: number;
  moduleId: string;
  /** The module's zone (where most of its tier-1 windows are today); null when none is. */
  zone: string | null;
  /** An existing window for this slot; null when the hall has no free one left. */
  windowId: string | null;
  windowNumber: number | null;
  /** Local hours of day the window is needed, as [from, to) intervals. */
  open: Array<{ from: number; to: number }>;
  openHours: number;
  tier1: string[];
  tier2: string[];
}

/** A service as planned: its mean service time and where that came from. */
export interface PlanService {
  id: string;
  code: string;
  name: LocalizedText;
  moduleId: string;
  serviceMinutes: number;
  serviceTimeSource: ServiceTimeSource | 'request';
}

/** POST planning/plan: the Erlang C first cut, the recommended windows and their skills. */
export interface StaffingPlan {
  method: 'erlang-c';
  /** Whether a simulation confirmed the plan (never on the server; see `notes` and `scenario`). */
  simulated: false;
  notes: string[];
  goal: PlanningGoal;
  services: PlanService[];
  modules: Array<{ id: string; name: LocalizedText }>;
  /** Hours 0..23. */
  hours: PlanHour[];
  /** First and last hour (inclusive) with arrivals; null without any. */
  span: { from: number; to: number } | null;
  totals: { dedicatedWindowHours: number; recommendedWindowHours: number; pooledWindowHours: number; peakRecommended: number };
  skillPlan: SuggestedWindow[];
  /** A simulator scenario (scripts/README.md) with the suggested windows; null without arrivals. */
  scenario: object | null;
}
