// A staffing plan from a forecast and a goal: the Erlang C first cut per hour (dedicated windows
// per service, windows per module with the module's services pooled, and one pool of everything
// as the lower bound), the recommended windows (per module), a skill assignment for them, and a
// scenario file for the simulator to confirm it with multi-skill windows and the real routing
// engine (`npm run simulate -- --scenario plan.json [--plan]`). The server does not simulate:
// the simulator lives in scripts/, and a confirming search runs hundreds of simulations.
import { firstCut, suggestSkills, type FirstCutHour, type LocalizedText, type PlanHour, type PlanningGoal, type PlanService, type PlanWindow, type StaffingPlan, type SuggestedWindow } from '@hallq/shared';

export interface PlanInput {
  hallName: string;
  services: readonly PlanService[];
  modules: ReadonlyArray<{ id: string; name: LocalizedText }>;
  windows: readonly PlanWindow[];
  /** Service id -> 24 mean arrivals per hour (missing services: none). */
  arrivals: Readonly<Record<string, readonly number[]>>;
  goal: PlanningGoal;
}

export const PLAN_NOTES = [
  'Erlang C first cut per hour of day: Poisson arrivals, exponential service times, each hour taken as a steady state; queues do not carry over between hours.',
  'recommended = per module, windows carrying all of the module\'s services at tier 1 (Erlang C on the pooled module); pooled (every window serves everything) is a lower bound, dedicated an upper one.',
  'Not simulated on the server. To confirm with multi-skill windows, stages, no-shows and the real routing engine, save `scenario` as plan.json and run `npm run simulate -- --scenario plan.json` (the suggested windows) or `--plan` (the simulator\'s own search).',
];

const round = (x: number, digits = 4): number => Math.round(x * 10 ** digits) / 10 ** digits;

export function buildPlan(input: PlanInput): StaffingPlan {
  const { goal } = input;
  const demand = input.services.map((s) => ({
    id: s.id,
    groupId: s.moduleId,
    arrivalsPerHour: Array.from({ length: 24 }, (_, h) => input.arrivals[s.id]?.[h] ?? 0),
    serviceMinutes: s.serviceMinutes,
  }));
  const cut: FirstCutHour[] = firstCut(demand, goal);
  const hours: PlanHour[] = cut.map((c) => ({
    hour: c.hour,
    arrivals: c.arrivals,
    totalArrivals: round(c.totalArrivals, 3),
    dedicated: c.dedicated,
    dedicatedTotal: c.dedicatedTotal,
    byModule: c.grouped,
    recommended: c.groupedTotal,
    pooled: c.pooled,
    expectedWithinTarget: c.groupedWithinTarget === null ? null : round(c.groupedWithinTarget),
  }));
  const busy = hours.filter((h) => h.totalArrivals > 0).map((h) => h.hour);
  const span = busy.length ? { from: busy[0]!, to: busy[busy.length - 1]! } : null;
  const skillPlan = suggestSkills({
    services: input.services.map((s) => ({ id: s.id, moduleId: s.moduleId })),
    windows: input.windows,
    windowsByModule: hours.map((h) => h.byModule),
  });
  const sum = (f: (h: PlanHour) => number): number => hours.reduce((a, h) => a + f(h), 0);
  const usedModules = new Set(input.services.map((s) => s.moduleId));
  return {
    method: 'erlang-c',
    simulated: false,
    notes: PLAN_NOTES,
    goal,
    services: [...input.services],
    modules: input.modules.filter((m) => usedModules.has(m.id)).map((m) => ({ id: m.id, name: m.name })),
    hours,
    span,
    totals: {
      dedicatedWindowHours: sum((h) => h.dedicatedTotal),
      recommendedWindowHours: sum((h) => h.recommended),
      pooledWindowHours: sum((h) => h.pooled),
      peakRecommended: Math.max(0, ...hours.map((h) => h.recommended)),
    },
    skillPlan,
    scenario: span && skillPlan.length ? scenarioOf(input, span, skillPlan, demand) : null,
  };
}

/** The plan as a simulator scenario: the hall's day from the first to the last busy hour. */
function scenarioOf(
  input: PlanInput,
  span: { from: number; to: number },
  skillPlan: readonly SuggestedWindow[],
  demand: ReadonlyArray<{ id: string; arrivalsPerHour: number[]; serviceMinutes: number }>,
): object {
  const simulated = demand.filter((d) => d.arrivalsPerHour.some((x) => x > 0));
  const known = new Set(simulated.map((d) => d.id));
  return {
    name: `${input.hallName} staffing plan`,
    description: 'Written by the hall server\'s staffing planner (Erlang C first cut); the windows are its skill suggestion.',
    assumptions: ['Poisson arrivals at the forecast means', 'exponential service times at the planned means', 'no no-shows, priority, appointments or breaks'],
    seed: 1,
    replications: 20,
    startHour: span.from,
    warmupHours: 0,
    hours: span.to - span.from + 1,
    drain: true,
    waitTargetMinutes: input.goal.targetMinutes,
    services: simulated.map((d) => ({ id: d.id, name: input.services.find((s) => s.id === d.id)?.code, arrivalsPerHour: d.arrivalsPerHour, serviceMinutes: { distribution: 'exponential', mean: d.serviceMinutes } })),
    windows: skillPlan.map((w) => ({
      id: w.windowNumber !== null ? `window-${w.windowNumber}` : `new-${w.slot}`,
      skills: [...w.tier1.map((serviceId) => ({ serviceId, tier: 1 })), ...w.tier2.map((serviceId) => ({ serviceId, tier: 2 }))].filter((k) => known.has(k.serviceId)),
      open: w.open,
    })),
  };
}
