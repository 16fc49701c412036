// Generated history for the demo hall: days of the scenario run by the simulator on the real
// routing engine, the first `beforeDays` with the scenario's windows (dedicated), the rest with
// the staffing planner's (pooled). Written as a compact JSON file that the hall server's demo
// mode loads into its event log; every figure in it is generated, none measured.
import type { ScenarioWindow } from '@hallq/simulation';
import type { Scenario } from '@hallq/simulation';
import { plannedWindows } from './plan-report';
import { Random } from '@hallq/simulation';
import { runReplication } from '@hallq/simulation';
import { planScenario } from '@hallq/simulation';

export const DEMO_HISTORY_FORMAT = 1;

export interface DemoHistoryFile {
  format: number;
  note: string;
  scenario: string;
  seed: number;
  /** Hour of day the simulated day starts; ticket times are seconds after it. */
  startHour: number;
  beforeDays: number;
  afterDays: number;
  services: string[];
  windows: string[];
  skills: { before: Array<Pick<ScenarioWindow, 'id' | 'skills'>>; after: Array<Pick<ScenarioWindow, 'id' | 'skills'>> };
  /**
   * Per day, per visitor in call order: [service index, window index, arrived s, called s, window
   * free again s, no-show 0/1, rating level 1-5 (0 = not rated)].
   */
  days: number[][][];
}

/** Satisfaction falls with the wait: a rating near 1 (very satisfied) when called at once, towards 4-5 after two hours. */
function ratingFor(waitSeconds: number, rng: Random): number {
  if (!rng.chance(0.6)) return 0;
  const base = 1 + Math.min(3, waitSeconds / 2700);
  const noisy = base + rng.normal() * 0.7;
  return Math.min(5, Math.max(1, Math.round(noisy)));
}

export function demoHistory(scenario: Scenario, beforeDays = 30, afterDays = 30): DemoHistoryFile {
  const after = plannedWindows(planScenario(scenario));
  const services = scenario.services.map((s) => s.id);
  const windowIds = [...new Set([...scenario.windows, ...after].map((w) => w.id))];
  const days: number[][][] = [];
  for (let d = 0; d < beforeDays + afterDays; d++) {
    const windows = d < beforeDays ? scenario.windows : after;
    const r = runReplication(scenario, d, { windows, recordTickets: true });
    const rng = Random.stream(scenario.seed, d, 'demo-ratings');
    const sec = (ms: number): number => Math.round(ms / 1000);
    days.push(
      r.tickets.map((t) => [
        services.indexOf(t.serviceId),
        windowIds.indexOf(t.windowId),
        sec(t.arrivedAt),
        sec(t.calledAt),
        sec(t.endedAt),
        t.noShow ? 1 : 0,
        t.noShow ? 0 : ratingFor((t.calledAt - t.arrivedAt) / 1000, rng),
      ]),
    );
  }
  const skills = (ws: ReadonlyArray<ScenarioWindow>) => ws.map((w) => ({ id: w.id, skills: w.skills }));
  return {
    format: DEMO_HISTORY_FORMAT,
    note: `Generated demo data: ${beforeDays + afterDays} days of the ${scenario.name} scenario simulated on the real routing engine (${beforeDays} with dedicated windows, then ${afterDays} with the staffing planner's pooled skills). Ratings are drawn from the wait. Not measured.`,
    scenario: scenario.name,
    seed: scenario.seed,
    startHour: scenario.startHour,
    beforeDays,
    afterDays,
    services,
    windows: windowIds,
    skills: { before: skills(scenario.windows), after: skills(after) },
    days,
  };
}
