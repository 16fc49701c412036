// The staffing answer for a hall: the skill planner on the hall's own windows; when that misses
// the goal, whether any assignment of that headcount could meet it (the bound: every window
// serving everything its staff may), and the smallest headcount whose plan meets it.
import type { PlanningGoal } from './first-cut';
import type { EvaluateWindows, PlannerService, PlannerWindow, SkillPlanOptions } from './skill-planner';
import { fullyPooled, meetsGoal, planSkills } from './skill-planner';
import type { HeadcountBound, SkillPlan, StaffingAnswer } from './skill-plan-types';

export interface HeadcountOptions extends SkillPlanOptions {
  /** A further window (the k-th added, 0-based) for a larger headcount; its first skill is set by the planner. */
  addWindow: (k: number) => PlannerWindow;
  /** Largest headcount tried. Default twice the hall's windows. */
  maxHeadcount?: number;
}

/** The service with the longest mean wait: the one a further window starts on. */
function neediest(plan: SkillPlan<PlannerWindow>): string | null {
  const worst = [...plan.evaluation.services].sort((a, b) => b.meanWaitSeconds - a.meanWaitSeconds)[0];
  return worst?.id ?? null;
}

export function planStaffing<W extends PlannerWindow>(
  services: ReadonlyArray<PlannerService>,
  windows: ReadonlyArray<W>,
  goal: PlanningGoal,
  evaluate: EvaluateWindows<PlannerWindow>,
  options: HeadcountOptions,
): StaffingAnswer<PlannerWindow> {
  const bounds: HeadcountBound[] = [];
  const bound = (ws: ReadonlyArray<PlannerWindow>): HeadcountBound => {
    const evaluation = evaluate(fullyPooled(services, ws), 'confirm');
    const b = { headcount: ws.length, evaluation, met: meetsGoal(evaluation, goal) };
    bounds.push(b);
    return b;
  };
  const plan = planSkills<PlannerWindow>(services, windows, goal, evaluate, options);
  const answer: StaffingAnswer<PlannerWindow> = {
    goal,
    maxServicesPerWindow: options.maxServicesPerWindow,
    headcount: windows.length,
    plan,
    bounds,
    smallest: null,
    provenInfeasible: false,
  };
  if (plan.met) return answer;
  answer.provenInfeasible = !bound(windows).met;
  const max = options.maxHeadcount ?? windows.length * 2;
  let current: PlannerWindow[] = plan.windows;
  let last: SkillPlan<PlannerWindow> = plan;
  for (let k = 0; current.length < max; k++) {
    const extra = options.addWindow(k);
    const first = neediest(last) ?? extra.skills[0]?.serviceId;
    current = [...current, { ...extra, skills: first ? [{ serviceId: first, tier: 1 }] : extra.skills }];
    if (!bound(current).met) continue;
    last = planSkills<PlannerWindow>(services, current, goal, evaluate, options);
    current = last.windows;
    if (last.met) {
      answer.smallest = last;
      break;
    }
  }
  return answer;
}
