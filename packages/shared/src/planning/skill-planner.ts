// The skill planner (一窗多用): which windows take which services at which tier, for a given
// headcount, so that a goal such as "90% of visitors called within 40 minutes, and no service's
// mean wait over 40 minutes" holds. The planner does not know how waits come about: an `evaluate`
// function (the simulator over the hall's arrivals, with the real routing engine) judges each
// assignment. It keeps each window's staff type, first (primary) skill and schedule, adds or
// replaces secondary skills within the limit of services one person is trained for, never gives a
// helper a service whose every stage is officers-only (the negative list), and climbs greedily,
// one window's change at a time. Pure and deterministic for a deterministic `evaluate`.
import type { Skill, StaffType } from '../domain';
import type { PlanningGoal } from './first-cut';
import type { PlanEvaluation, SkillPlan, SkillPlanStep } from './skill-plan-types';

export interface PlannerService {
  id: string;
  /** False when every stage is officers-only: a helper's window must not carry it. */
  helpersMay: boolean;
}

export interface PlannerWindow {
  id: string;
  staffType: StaffType;
  skills: ReadonlyArray<Skill>;
}

/** `screen` ranks candidate changes (may be cheaper); `confirm` judges a plan. */
export type EvaluateWindows<W extends PlannerWindow> = (windows: ReadonlyArray<W>, effort: 'screen' | 'confirm') => PlanEvaluation;

export interface SkillPlanOptions {
  /** How many services one person can be trained for (skills per window). */
  maxServicesPerWindow: number;
  /** Upper bound on accepted changes. Default 40. */
  maxSteps?: number;
}

export function meetsGoal(e: PlanEvaluation, goal: PlanningGoal): boolean {
  return e.withinTargetShare >= goal.share && e.services.every((s) => s.meanWaitSeconds <= goal.targetMinutes * 60);
}

/** How far an evaluation is from the goal (0 = met): share missing plus services' mean overshoot. */
export function shortfall(e: PlanEvaluation, goal: PlanningGoal): number {
  const target = goal.targetMinutes * 60;
  const share = Math.max(0, goal.share - e.withinTargetShare);
  const means = e.services.reduce((a, s) => a + Math.max(0, s.meanWaitSeconds - target) / target, 0);
  return share + 0.25 * means;
}

/** Lower is better: the shortfall first, then the share within target. */
const score = (e: PlanEvaluation, goal: PlanningGoal): number => 10 * shortfall(e, goal) - e.withinTargetShare;

const mayServe = (w: PlannerWindow, s: PlannerService): boolean => w.staffType !== 'helper' || s.helpersMay;

/** Every window carries every service its staff may serve, all at tier 1: no assignment of the same windows does better. */
export function fullyPooled<W extends PlannerWindow>(services: ReadonlyArray<PlannerService>, windows: ReadonlyArray<W>): W[] {
  return windows.map((w) => {
    const own = w.skills[0]?.serviceId;
    const ids = [own, ...services.filter((s) => s.id !== own && mayServe(w, s)).map((s) => s.id)].filter((x): x is string => !!x);
    return { ...w, skills: ids.map((serviceId) => ({ serviceId, tier: 1 })) };
  });
}

interface Change {
  index: number;
  skills: Skill[];
  step: Omit<SkillPlanStep, 'withinTargetShare' | 'meanWaitSeconds'>;
}

/** Candidate changes, one per class of identical windows (same staff, skills and schedule). */
function candidates<W extends PlannerWindow>(services: ReadonlyArray<PlannerService>, windows: ReadonlyArray<W>, max: number): Change[] {
  const seen = new Set<string>();
  const out: Change[] = [];
  windows.forEach((w, index) => {
    const { id: _id, ...rest } = w;
    const key = JSON.stringify(rest);
    if (seen.has(key)) return;
    seen.add(key);
    const has = new Map(w.skills.map((k) => [k.serviceId, k.tier]));
    for (const s of services) {
      if (!mayServe(w, s)) continue;
      for (const tier of [1, 2]) {
        if (has.get(s.id) === tier) continue;
        if (has.has(s.id)) {
          // Change the tier of a secondary skill.
          if (w.skills[0]?.serviceId === s.id) continue;
          out.push({ index, skills: w.skills.map((k) => (k.serviceId === s.id ? { serviceId: s.id, tier } : k)), step: { windowId: w.id, action: 'tier', serviceId: s.id, tier, replaces: null } });
        } else if (w.skills.length < max) {
          out.push({ index, skills: [...w.skills, { serviceId: s.id, tier }], step: { windowId: w.id, action: 'add', serviceId: s.id, tier, replaces: null } });
        } else {
          for (let k = 1; k < w.skills.length; k++) {
            const skills = w.skills.map((x, i) => (i === k ? { serviceId: s.id, tier } : x));
            out.push({ index, skills, step: { windowId: w.id, action: 'replace', serviceId: s.id, tier, replaces: w.skills[k]!.serviceId } });
          }
        }
      }
    }
  });
  return out;
}

/** Improves the skills of the given windows until the goal holds (confirmed) or no change helps. */
export function planSkills<W extends PlannerWindow>(
  services: ReadonlyArray<PlannerService>,
  start: ReadonlyArray<W>,
  goal: PlanningGoal,
  evaluate: EvaluateWindows<W>,
  options: SkillPlanOptions,
): SkillPlan<W> {
  const maxSteps = options.maxSteps ?? 40;
  let evaluations = 0;
  const judge = (ws: ReadonlyArray<W>, effort: 'screen' | 'confirm'): PlanEvaluation => {
    evaluations++;
    return evaluate(ws, effort);
  };
  let windows: W[] = start.map((w) => ({ ...w, skills: w.skills.slice(0, Math.max(1, options.maxServicesPerWindow)) }));
  let confirmed = judge(windows, 'confirm');
  let screened = judge(windows, 'screen');
  const steps: SkillPlanStep[] = [];
  while (!meetsGoal(confirmed, goal) && steps.length < maxSteps) {
    let best: { change: Change; e: PlanEvaluation; windows: W[] } | null = null;
    for (const change of candidates(services, windows, options.maxServicesPerWindow)) {
      const next = windows.map((w, i) => (i === change.index ? { ...w, skills: change.skills } : w));
      const e = judge(next, 'screen');
      if (!best || score(e, goal) < score(best.e, goal)) best = { change, e, windows: next };
    }
    if (!best || score(best.e, goal) >= score(screened, goal)) break;
    windows = best.windows;
    screened = best.e;
    confirmed = judge(windows, 'confirm');
    steps.push({ ...best.change.step, withinTargetShare: confirmed.withinTargetShare, meanWaitSeconds: confirmed.meanWaitSeconds });
  }
  return { headcount: windows.length, windows, evaluation: confirmed, met: meetsGoal(confirmed, goal), steps, evaluations };
}
