// Before and after: the scenario's windows as they are (and its variants), beside the staffing
// planner's assignment, all on the same arrivals (same seed and replications).
import type { StaffingAnswer } from '@hallq/shared';
import { plannedWindows } from './plan-report';
import type { ComparedResult, SimulationResult } from '@hallq/simulation';
import { simulate, simulateWithVariants } from '@hallq/simulation';
import type { Scenario, ScenarioWindow } from '@hallq/simulation';
import { planScenario } from '@hallq/simulation';

export interface BeforeAfter {
  scenario: string;
  /** The scenario's windows (with its variants). */
  before: ComparedResult;
  /** The planner's windows: its assignment of the same headcount, or the smallest headcount that meets the goal. */
  after: SimulationResult;
  plan: StaffingAnswer<ScenarioWindow>;
}

export function beforeAndAfter(scenario: Scenario, onEvaluation?: (evaluations: number, headcount: number) => void): BeforeAfter {
  const before = simulateWithVariants(scenario);
  const plan = planScenario(scenario, { onEvaluation });
  const windows = plannedWindows(plan);
  const label = `after: planner's ${windows.length} windows`;
  return { scenario: scenario.name, before, after: simulate(scenario, { windows, label }), plan };
}

/** The window sets of a result side by side: variants, the main set, then the planner's. */
export function sideBySide(result: ComparedResult | BeforeAfter): SimulationResult[] {
  if ('before' in result) return [...(result.before.variants ?? []), result.before, result.after];
  return [...(result.variants ?? []), result];
}
