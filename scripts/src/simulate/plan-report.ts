// The staffing plan: the Erlang C first cut by hour (shared planner) and the skill planner's
// answer for the scenario's windows, as JSON (--plan --json) and as readable text.
import { firstCut } from '@hallq/shared';
import type { FirstCutHour, PlanEvaluation, StaffingAnswer } from '@hallq/shared';
import type { Scenario, ScenarioWindow } from '@hallq/simulation';
import { distributionMean, rateAt } from '@hallq/simulation';
import { planScenario, scenarioGoal } from '@hallq/simulation';
import type { ScenarioPlanOptions } from '@hallq/simulation';

export interface ScenarioPlan extends StaffingAnswer<ScenarioWindow> {
  scenario: string;
  /** Erlang C per measured hour of day: dedicated windows per service and the pooled lower bound. */
  firstCut: FirstCutHour[];
}

export function measuredHours(s: Scenario): number[] {
  const first = s.startHour + s.warmupHours;
  return [...new Set(Array.from({ length: Math.ceil(s.hours) }, (_, k) => Math.floor(first + k) % 24))];
}

export function scenarioPlan(scenario: Scenario, options: ScenarioPlanOptions = {}): ScenarioPlan {
  const goal = scenarioGoal(scenario, options.goal);
  const demand = scenario.services.map((s) => ({
    id: s.id,
    groupId: s.id,
    arrivalsPerHour: Array.from({ length: 24 }, (_, h) => rateAt(s.arrivalsPerHour, h)),
    serviceMinutes: distributionMean(s.serviceMinutes),
  }));
  const hours = new Set(measuredHours(scenario));
  return { scenario: scenario.name, firstCut: firstCut(demand, goal).filter((h) => hours.has(h.hour)), ...planScenario(scenario, options) };
}

/** The windows the planner would run: its plan when it meets the goal, else the smallest headcount's. */
export function plannedWindows(plan: StaffingAnswer<ScenarioWindow>): ScenarioWindow[] {
  return plan.plan.met || !plan.smallest ? plan.plan.windows : plan.smallest.windows;
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const min = (s: number): string => `${(s / 60).toFixed(1)} min`;
const figures = (e: PlanEvaluation): string =>
  `${pct(e.withinTargetShare)} within target, mean wait ${min(e.meanWaitSeconds)}; by service ${e.services.map((s) => `${s.id} ${min(s.meanWaitSeconds)}`).join(', ')}`;

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
}

export function skillsText(windows: ReadonlyArray<ScenarioWindow>): string[] {
  return windows.map((w) => `  ${w.id} (${w.staffType}): ${w.skills.map((k) => `${k.serviceId} tier ${k.tier}`).join(', ')}`);
}

export function staffingText(plan: StaffingAnswer<ScenarioWindow>): string[] {
  const lines: string[] = [];
  const goal = `${(plan.goal.share * 100).toFixed(0)}% of visitors within ${plan.goal.targetMinutes} min and every service's mean wait under ${plan.goal.targetMinutes} min`;
  lines.push(`Staffing planner, goal ${goal}; at most ${plan.maxServicesPerWindow} services per person; officers-only services never at a helper's window; breaks kept.`);
  lines.push(`${plan.headcount} windows: ${plan.plan.met ? 'goal met' : 'goal NOT met'} (${plan.plan.evaluations} assignments judged): ${figures(plan.plan.evaluation)}`);
  for (const s of plan.plan.steps)
    lines.push(`  ${s.action} ${s.windowId}: ${s.serviceId} tier ${s.tier}${s.replaces ? ` (instead of ${s.replaces})` : ''} -> ${pct(s.withinTargetShare)} within, mean ${min(s.meanWaitSeconds)}`);
  lines.push('Skill assignment:');
  lines.push(...skillsText(plan.plan.windows));
  for (const b of plan.bounds)
    lines.push(`Bound, ${b.headcount} windows each serving every service its staff may: ${b.met ? 'can meet the goal' : 'cannot meet the goal'} (${figures(b.evaluation)})`);
  if (plan.provenInfeasible) lines.push(`No assignment of ${plan.headcount} windows meets the goal: even the bound misses it.`);
  if (plan.smallest) {
    lines.push(`Smallest headcount found that meets the goal: ${plan.smallest.headcount} windows (${figures(plan.smallest.evaluation)})`);
    lines.push(...skillsText(plan.smallest.windows));
  } else if (!plan.plan.met) lines.push('No headcount up to twice the windows met the goal.');
  return lines;
}

export function planReport(plan: ScenarioPlan): string {
  const ids = plan.firstCut[0] ? Object.keys(plan.firstCut[0].dedicated) : [];
  const lines: string[] = [`Staffing plan for ${plan.scenario}`, '', 'Erlang C first cut by hour (steady state per hour): windows per service when dedicated, and one pool of all services (a lower bound):'];
  lines.push(
    ...table([
      ['hour', 'arrivals', ...ids, 'dedicated', 'pooled'],
      ...plan.firstCut.map((h) => [`${String(h.hour).padStart(2, '0')}:00`, h.totalArrivals.toFixed(1), ...ids.map((id) => String(h.dedicated[id] ?? 0)), String(h.dedicatedTotal), String(h.pooled)]),
    ]),
  );
  lines.push('');
  lines.push(...staffingText(plan));
  return lines.join('\n') + '\n';
}
