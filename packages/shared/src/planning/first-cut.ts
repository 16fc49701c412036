// The Erlang C first cut of a staffing plan, hour by hour of the day: how many windows each
// service needs on its own (dedicated), each group of services needs when its windows carry all
// of the group's services (e.g. one module), and all services need as one pool (a lower bound for
// any skill assignment). Each hour is treated as a steady state; pure, no I/O.
import { erlangCAgentsFor, erlangCWaitProbability } from './erlang';

export interface DemandService {
  id: string;
  /** Services of one group share windows (all of them tier 1 there), e.g. a module. */
  groupId: string;
  /** Mean arrivals per hour, index = hour of day (24 numbers). */
  arrivalsPerHour: readonly number[];
  /** Mean service time (window busy time per visitor) in minutes, > 0. */
  serviceMinutes: number;
}

export interface PlanningGoal {
  /** Share of visitors to call within the target, 0..1. */
  share: number;
  targetMinutes: number;
}

export interface FirstCutHour {
  hour: number;
  arrivals: Record<string, number>;
  totalArrivals: number;
  /** Windows per service when each window serves one service only. */
  dedicated: Record<string, number>;
  dedicatedTotal: number;
  /** Windows per group when a group's windows serve all its services. */
  grouped: Record<string, number>;
  groupedTotal: number;
  /** Windows when every window serves every service (lower bound). */
  pooled: number;
  /** Erlang C share within target with the grouped windows (arrival-weighted), null without arrivals. */
  groupedWithinTarget: number | null;
}

interface Load {
  rate: number;
  /** Service rate per hour. */
  mu: number;
}

/** One pool of several flows: total arrivals, service rate from the mean work per visitor. */
export function pooledLoad(flows: readonly Load[]): Load {
  const rate = flows.reduce((a, f) => a + f.rate, 0);
  const work = flows.reduce((a, f) => a + f.rate / f.mu, 0); // erlangs
  return { rate, mu: rate > 0 && work > 0 ? rate / work : 1 };
}

export function firstCutHour(services: readonly DemandService[], goal: PlanningGoal, hour: number): FirstCutHour {
  const t = goal.targetMinutes / 60;
  const load = (s: DemandService): Load => ({ rate: Math.max(0, s.arrivalsPerHour[hour] ?? 0), mu: 60 / s.serviceMinutes });
  const agents = (l: Load): number => erlangCAgentsFor(l.rate, l.mu, t, goal.share);
  const arrivals: Record<string, number> = {};
  const dedicated: Record<string, number> = {};
  for (const s of services) {
    arrivals[s.id] = load(s).rate;
    dedicated[s.id] = agents(load(s));
  }
  const groups = new Map<string, Load[]>();
  for (const s of services) groups.set(s.groupId, [...(groups.get(s.groupId) ?? []), load(s)]);
  const grouped: Record<string, number> = {};
  let weighted = 0;
  for (const [g, flows] of groups) {
    const l = pooledLoad(flows);
    grouped[g] = agents(l);
    weighted += l.rate * erlangCWaitProbability(grouped[g], l.rate, l.mu, t);
  }
  const all = pooledLoad(services.map(load));
  const sum = (r: Record<string, number>): number => Object.values(r).reduce((a, b) => a + b, 0);
  return {
    hour,
    arrivals,
    totalArrivals: all.rate,
    dedicated,
    dedicatedTotal: sum(dedicated),
    grouped,
    groupedTotal: sum(grouped),
    pooled: agents(all),
    groupedWithinTarget: all.rate > 0 ? weighted / all.rate : null,
  };
}

/** The first cut for every hour of the day (0..23). */
export function firstCut(services: readonly DemandService[], goal: PlanningGoal): FirstCutHour[] {
  return Array.from({ length: 24 }, (_, h) => firstCutHour(services, goal, h));
}
