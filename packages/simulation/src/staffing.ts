// The staffing planner of @hallq/shared run on a scenario: the simulator (same arrivals for every
// assignment, the real routing engine) judges each skill assignment. The scenario's `windows`
// are the hall as it is ("before"); the planner keeps their staff types and schedules (breaks)
// and changes only their skills, within `staffing.maxServicesPerPerson`.
import { planStaffing } from '@hallq/shared';
import type { EvaluateWindows, PlanEvaluation, PlannerService, PlannerWindow, PlanningGoal, StaffingAnswer } from '@hallq/shared';
import type { SimulationResult } from './results';
import { simulate } from './results';
import type { Scenario, ScenarioWindow } from './scenario';

export function plannerServices(scenario: Scenario): PlannerService[] {
  return scenario.services.map((s) => ({
    id: s.id,
    helpersMay: [s.officersOnly, ...(s.stages ?? []).map((st) => st.officersOnly)].some((officersOnly) => !officersOnly),
  }));
}

export function planEvaluation(r: SimulationResult): PlanEvaluation {
  return {
    // Nobody to call: nobody waited past the target.
    withinTargetShare: r.called === 0 && r.unserved === 0 ? 1 : r.withinTargetShare,
    meanWaitSeconds: r.meanWaitSeconds,
    services: r.services.map((s) => ({ id: s.id, meanWaitSeconds: s.meanWaitSeconds, withinTargetShare: s.withinTargetShare })),
  };
}

/** Simulated judge of an assignment: all replications to confirm, fewer to screen candidates. */
export function simulationJudge(scenario: Scenario, goal: PlanningGoal, screenReplications = 4): EvaluateWindows<PlannerWindow> {
  const trial: Scenario = {
    ...scenario,
    waitTargetMinutes: goal.targetMinutes,
    services: scenario.services.map((s) => ({ ...s, waitTargetMinutes: undefined })),
    variants: undefined,
  };
  const screen: Scenario = { ...trial, replications: Math.min(trial.replications, screenReplications) };
  // Visitors left waiting at the end count with their wait so far: a plan that leaves a service
  // without a window, or a queue at closing, does not look better for the waits it never ends.
  return (windows, effort) => planEvaluation(simulate(effort === 'screen' ? screen : trial, { windows: windows as ReadonlyArray<ScenarioWindow>, countWaitingAtEnd: true }));
}

export interface ScenarioPlanOptions {
  goal?: Partial<PlanningGoal>;
  maxServicesPerPerson?: number;
  /**
   * Told after every assignment simulated, with the count so far and that assignment's headcount:
   * a large hall's plan simulates thousands of assignments and can take minutes.
   */
  onEvaluation?(evaluations: number, headcount: number): void;
}

export function scenarioGoal(scenario: Scenario, goal: Partial<PlanningGoal> = {}): PlanningGoal {
  return { share: goal.share ?? scenario.staffing?.goalShare ?? 0.9, targetMinutes: goal.targetMinutes ?? scenario.waitTargetMinutes };
}

/** The planner's answer for the scenario's windows (and, when they cannot, the smallest headcount that can). */
export function planScenario(scenario: Scenario, options: ScenarioPlanOptions = {}): StaffingAnswer<ScenarioWindow> {
  const goal = scenarioGoal(scenario, options.goal);
  const maxServicesPerWindow = options.maxServicesPerPerson ?? scenario.staffing?.maxServicesPerPerson ?? scenario.services.length;
  const template = scenario.windows;
  const addWindow = (k: number): ScenarioWindow => {
    const like = template[k % template.length]!;
    return { ...like, id: `extra-${k + 1}`, staffType: 'officer', skills: like.skills.slice(0, 1) };
  };
  const judge = simulationJudge(scenario, goal);
  const told = options.onEvaluation;
  let evaluations = 0;
  const evaluate: EvaluateWindows<PlannerWindow> = told
    ? (windows, effort) => {
        const e = judge(windows, effort);
        told(++evaluations, windows.length);
        return e;
      }
    : judge;
  return planStaffing(plannerServices(scenario), scenario.windows, goal, evaluate, { maxServicesPerWindow, addWindow }) as StaffingAnswer<ScenarioWindow>;
}
