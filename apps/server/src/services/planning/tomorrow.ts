// Tomorrow simulated: the hall's own history (arrivals by service and hour, service times) as a
// scenario of the simulator, run with today's skills matrix and with a proposed one on the same
// arrivals; and, when asked, the staffing planner's own proposal for the same windows. Pure
// beside the history read (planning-service.ts).
import type { LearnedForecast, SimulatedDay, SkillsMatrix, TomorrowSimulation } from '@hallq/shared';
import { parseScenario, planScenario, simulate } from '@hallq/simulation';
import type { Scenario, ScenarioWindow, SimulationResult } from '@hallq/simulation';
import type { HallMirror } from '../hall-mirror';

export type { SimulatedDay, SkillsMatrix } from '@hallq/shared';
export type TomorrowAnswer = TomorrowSimulation;

export interface TomorrowRequest {
  skills?: SkillsMatrix;
  suggest?: boolean;
  goalShare: number;
  targetMinutes: number;
  maxServicesPerPerson?: number;
}

const REPLICATIONS = 10;
const SERVICE_TIME_CV = 0.7;

function bestTiers(skills: ReadonlyArray<{ serviceId: string; tier: number }>): Array<{ serviceId: string; tier: number }> {
  const best = new Map<string, number>();
  for (const k of skills) best.set(k.serviceId, Math.min(k.tier, best.get(k.serviceId) ?? Infinity));
  return [...best].map(([serviceId, tier]) => ({ serviceId, tier }));
}

/** The hall's day as a simulator scenario: hours with arrivals, every window staffed by an officer. */
export function hallScenario(m: HallMirror, forecast: LearnedForecast, targetMinutes: number): Scenario | null {
  if (m.windows.size === 0) return null;
  const services = [...m.services.values()].filter((s) => s.active && (forecast.arrivals[s.id] ?? []).some((x) => x > 0));
  const busy = Array.from({ length: 24 }, (_, h) => services.some((s) => (forecast.arrivals[s.id]?.[h] ?? 0) > 0));
  const first = busy.indexOf(true);
  if (first < 0) return null;
  const last = busy.lastIndexOf(true);
  const ids = new Set(services.map((s) => s.id));
  const windows = [...m.windows.values()].sort((a, b) => a.number - b.number);
  return parseScenario({
    name: m.hall.id,
    seed: 1,
    replications: REPLICATIONS,
    hours: last - first + 1,
    warmupHours: 0,
    startHour: first,
    drain: true,
    waitTargetMinutes: targetMinutes,
    services: services.map((s) => ({
      id: s.id,
      arrivalsPerHour: forecast.arrivals[s.id]!,
      serviceMinutes: { distribution: 'lognormal', mean: Math.max(0.5, forecast.serviceTimes[s.id]?.minutes ?? s.expectedServiceSeconds / 60), cv: SERVICE_TIME_CV },
    })),
    // A window with no skill for the day's services stays in, idle (the scenario needs one window).
    // One skill a service (its best tier), whatever a window stored before that was checked.
    windows: windows.map((w) => ({ id: w.id, skills: bestTiers(w.skills.filter((k) => ids.has(k.serviceId))) })),
  });
}

const matrixOf = (windows: ReadonlyArray<Pick<ScenarioWindow, 'id' | 'skills'>>): SkillsMatrix => Object.fromEntries(windows.map((w) => [w.id, [...w.skills]]));

function day(r: SimulationResult, skills: SkillsMatrix): SimulatedDay {
  return {
    skills,
    withinTargetShare: r.withinTargetShare,
    meanWaitSeconds: r.meanWaitSeconds,
    p90WaitSeconds: r.p90WaitSeconds,
    services: r.services.map((s) => ({ id: s.id, arrivals: s.arrivals, meanWaitSeconds: s.meanWaitSeconds, withinTargetShare: s.withinTargetShare })),
    hourly: r.hourly.map((h) => ({ hour: h.hour, arrivals: h.arrivals, meanWaitSeconds: h.meanWaitSeconds })),
  };
}

export function simulateTomorrow(scenario: Scenario, req: TomorrowRequest): TomorrowAnswer {
  const known = new Set(scenario.services.map((s) => s.id));
  // Proposed skills replace a window's; only services with arrivals count, a window left with none is idle.
  const proposedWindows = [...new Set([...scenario.windows.map((w) => w.id), ...Object.keys(req.skills ?? {})])]
    .map((id) => {
      const base = scenario.windows.find((w) => w.id === id) ?? { id, staffType: 'officer' as const, skills: [] };
      const skills = req.skills?.[id] ? req.skills[id].filter((k) => known.has(k.serviceId)) : base.skills;
      return { ...base, skills };
    });
  // Visitors no window calls by the end (a service nobody serves) count with their wait so far.
  const today = simulate(scenario, { countWaitingAtEnd: true });
  const proposed = req.skills ? simulate(scenario, { windows: proposedWindows, countWaitingAtEnd: true }) : today;
  let suggestion: TomorrowAnswer['suggestion'] = null;
  if (req.suggest) {
    const most = Math.max(1, ...scenario.windows.map((w) => w.skills.length));
    const answer = planScenario(
      { ...scenario, staffing: { maxServicesPerPerson: req.maxServicesPerPerson ?? most, goalShare: req.goalShare } },
      { goal: { share: req.goalShare, targetMinutes: req.targetMinutes } },
    );
    suggestion = { skills: matrixOf(answer.plan.windows), met: answer.plan.met, changes: answer.plan.steps.length };
  }
  return {
    goal: { share: req.goalShare, targetMinutes: req.targetMinutes },
    replications: scenario.replications,
    today: day(today, matrixOf(scenario.windows)),
    proposed: day(proposed, matrixOf(proposedWindows)),
    suggestion,
    assumptions: [
      'arrivals: the mean of the history by service and hour (Poisson)',
      `service times: the history's mean per service, lognormal with cv ${SERVICE_TIME_CV}`,
      'every window is open and staffed all day; breaks and no-shows are not modelled',
      'visitors no window calls by the end of the day count with the wait they had then',
      `${REPLICATIONS} simulated days on the same arrivals for both matrices`,
    ],
  };
}
