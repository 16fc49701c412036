// Staffing plan: the fewest open windows per hour that meet a goal such as "90% of visitors called
// within 40 minutes". First cut: Erlang C per service and hour (dedicated windows). Then the
// simulator, with the real routing engine and pooled tiered windows (own service tier 1, every
// other service tier 2), confirms: windows are added in hours that miss the goal and taken away
// in hours that meet it with room to spare. Pure: no I/O, deterministic for a given seed, so the
// console and server can call it too.
import { erlangCAgentsFor, erlangCWaitProbability } from './erlang';
import type { SimulationResult } from './results';
import { simulate } from './results';
import type { ArrivalRate, Scenario, ScenarioWindow } from './scenario';
import { distributionMean, rateAt } from './scenario';

export interface PlanGoal {
  /** Share of visitors to call within the target, 0..1. */
  share: number;
  targetMinutes: number;
}

export interface PlanOptions {
  /** Upper bound on simulation runs (each runs all replications). Default 200. */
  maxSimulations?: number;
}

export interface PlanHour {
  hour: number;
  arrivalsPerHour: Record<string, number>;
  /** Erlang C first cut per service (dedicated windows) and its total. */
  erlangWindows: Record<string, number>;
  erlangTotal: number;
  /** Erlang C for one pool of all services (a lower bound for any skill assignment). */
  pooledErlangWindows: number;
  /** The confirmed plan: windows open this hour by primary (tier-1) service, and total. */
  windows: Record<string, number>;
  total: number;
  /** Simulated share of this hour's arrivals called within the target, and their mean wait. */
  withinTargetShare: number | null;
  meanWaitSeconds: number | null;
}

export interface StaffingPlan {
  scenario: string;
  goal: PlanGoal;
  hours: PlanHour[];
  erlangWindowHours: number;
  plannedWindowHours: number;
  /** Window definitions (skills and open hours) of the confirmed plan, ready for a scenario. */
  windowPlan: ScenarioWindow[];
  simulation: Pick<SimulationResult, 'meanWaitSeconds' | 'p90WaitSeconds' | 'withinTargetShare' | 'withinTargetCi95' | 'replications'>;
  met: boolean;
  simulations: number;
}

/** Hours of day (integers) covered by the scenario's measured period. */
function measuredHours(s: Scenario): number[] {
  const first = s.startHour + s.warmupHours;
  const out: number[] = [];
  for (let k = 0; k < Math.ceil(s.hours); k++) out.push(Math.floor(first + k) % 24);
  return [...new Set(out)];
}

/** Contiguous open intervals of a window from the set of hours it is open. */
function intervals(hours: number[]): Array<{ from: number; to: number }> {
  const sorted = [...hours].sort((a, b) => a - b);
  const out: Array<{ from: number; to: number }> = [];
  for (const h of sorted) {
    const last = out[out.length - 1];
    if (last && last.to === h) last.to = h + 1;
    else out.push({ from: h, to: h + 1 });
  }
  return out;
}

/** Windows for per-hour counts: window k of service s is open in the hours where k < count. */
export function windowsForCounts(serviceIds: ReadonlyArray<string>, counts: ReadonlyMap<number, Record<string, number>>): ScenarioWindow[] {
  const windows: ScenarioWindow[] = [];
  for (const s of serviceIds) {
    const max = Math.max(0, ...[...counts.values()].map((c) => c[s] ?? 0));
    for (let k = 0; k < max; k++) {
      const open = [...counts].filter(([, c]) => (c[s] ?? 0) > k).map(([h]) => h);
      windows.push({
        id: `${s}-${k + 1}`,
        staffType: 'officer',
        skills: [{ serviceId: s, tier: 1 }, ...serviceIds.filter((o) => o !== s).map((serviceId) => ({ serviceId, tier: 2 }))],
        open: intervals(open),
      });
    }
  }
  return windows;
}

export function planStaffing(scenario: Scenario, goal: PlanGoal, options: PlanOptions = {}): StaffingPlan {
  const maxSimulations = options.maxSimulations ?? 200;
  const hours = measuredHours(scenario);
  const ids = scenario.services.map((s) => s.id);
  const t = goal.targetMinutes / 60; // hours
  const mu = new Map(scenario.services.map((s) => [s.id, 60 / distributionMean(s.serviceMinutes)]));
  const rate = (id: string, h: number): number => rateAt(scenario.services.find((s) => s.id === id)!.arrivalsPerHour as ArrivalRate, h);

  const erlang = new Map<number, Record<string, number>>();
  const pooled = new Map<number, number>();
  for (const h of hours) {
    const c: Record<string, number> = {};
    for (const id of ids) c[id] = erlangCAgentsFor(rate(id, h), mu.get(id)!, t, goal.share);
    erlang.set(h, c);
    const lambda = ids.reduce((a, id) => a + rate(id, h), 0);
    const work = ids.reduce((a, id) => a + rate(id, h) / mu.get(id)!, 0);
    pooled.set(h, lambda > 0 ? erlangCAgentsFor(lambda, lambda / work, t, goal.share) : 0);
  }

  // The simulation judges the plan with the goal's target on every service.
  const trial: Scenario = {
    ...scenario,
    waitTargetMinutes: goal.targetMinutes,
    services: scenario.services.map((s) => ({ ...s, waitTargetMinutes: undefined })),
    variants: undefined,
  };
  let simulations = 0;
  const run = (counts: Map<number, Record<string, number>>): SimulationResult => {
    simulations++;
    return simulate(trial, { windows: windowsForCounts(ids, counts) });
  };
  const hourShare = (r: SimulationResult, h: number): number | null => r.hourly.find((x) => x.hour === h)?.withinTargetShare ?? null;
  const meets = (r: SimulationResult): boolean => hours.every((h) => (hourShare(r, h) ?? 1) >= goal.share);
  const total = (c: Record<string, number>): number => ids.reduce((a, id) => a + (c[id] ?? 0), 0);
  // The service whose windows are stretched most this hour, by Erlang C with its planned count.
  const neediest = (c: Record<string, number>, h: number): string =>
    ids.reduce((best, id) => {
      const p = (x: string): number => (rate(x, h) > 0 ? erlangCWaitProbability(c[x] ?? 0, rate(x, h), mu.get(x)!, t) : 1);
      return p(id) < p(best) ? id : best;
    }, ids[0]!);
  const clone = (m: Map<number, Record<string, number>>): Map<number, Record<string, number>> => new Map([...m].map(([h, c]) => [h, { ...c }]));

  let counts = clone(erlang);
  let result = run(counts);
  // Add windows where the goal is missed, worst hour first.
  while (!meets(result) && simulations < maxSimulations) {
    const worst = hours.reduce((a, h) => ((hourShare(result, h) ?? 1) < (hourShare(result, a) ?? 1) ? h : a), hours[0]!);
    const c = counts.get(worst)!;
    const id = neediest(c, worst);
    c[id] = (c[id] ?? 0) + 1;
    result = run(counts);
  }
  // Pooled windows help each other: take windows away while the goal still holds, the hour with
  // the largest margin first, from its service with the most slack.
  if (meets(result)) {
    const tried = new Set<string>();
    while (simulations < maxSimulations) {
      const candidates = hours
        .filter((h) => total(counts.get(h)!) > 1)
        .map((h) => {
          const c = counts.get(h)!;
          const withSlack = ids.filter((id) => (c[id] ?? 0) > 0 && !tried.has(`${h}/${id}`));
          const id = withSlack.reduce<string | null>((best, x) => {
            const slack = (y: string): number => (c[y] ?? 0) - rate(y, h) / mu.get(y)!;
            return best === null || slack(x) > slack(best) ? x : best;
          }, null);
          return { h, id, margin: (hourShare(result, h) ?? 1) - goal.share };
        })
        .filter((x): x is { h: number; id: string; margin: number } => x.id !== null)
        .sort((a, b) => b.margin - a.margin || a.h - b.h);
      const next = candidates[0];
      if (!next) break;
      const attempt = clone(counts);
      attempt.get(next.h)![next.id]! -= 1;
      const r = run(attempt);
      if (meets(r)) {
        counts = attempt;
        result = r;
      } else tried.add(`${next.h}/${next.id}`);
    }
  }

  const planHours: PlanHour[] = hours.map((h) => {
    const hr = result.hourly.find((x) => x.hour === h);
    return {
      hour: h,
      arrivalsPerHour: Object.fromEntries(ids.map((id) => [id, rate(id, h)])),
      erlangWindows: erlang.get(h)!,
      erlangTotal: total(erlang.get(h)!),
      pooledErlangWindows: pooled.get(h)!,
      windows: counts.get(h)!,
      total: total(counts.get(h)!),
      withinTargetShare: hr?.withinTargetShare ?? null,
      meanWaitSeconds: hr?.meanWaitSeconds ?? null,
    };
  });
  return {
    scenario: scenario.name,
    goal,
    hours: planHours,
    erlangWindowHours: planHours.reduce((a, h) => a + h.erlangTotal, 0),
    plannedWindowHours: planHours.reduce((a, h) => a + h.total, 0),
    windowPlan: windowsForCounts(ids, counts),
    simulation: {
      meanWaitSeconds: result.meanWaitSeconds,
      p90WaitSeconds: result.p90WaitSeconds,
      withinTargetShare: result.withinTargetShare,
      withinTargetCi95: result.withinTargetCi95,
      replications: result.replications,
    },
    met: meets(result),
    simulations,
  };
}

