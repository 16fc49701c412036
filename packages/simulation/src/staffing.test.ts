// The staffing planner on the simulator: an assignment that meets the goal within the limits
// (services per person, the negative list, breaks), or the proof that the headcount cannot and
// the smallest headcount that can.
import { meetsGoal } from '@hallq/shared';
import { simulate } from './results';
import type { ScenarioInput } from './scenario';
import { parseScenario } from './scenario';
import { planEvaluation, planScenario } from './staffing';

const hall = (windows: ScenarioInput['windows'], max = 2): ScenarioInput => ({
  name: 'staffing',
  seed: 11,
  replications: 4,
  hours: 6,
  warmupHours: 0,
  startHour: 9,
  drain: true,
  waitTargetMinutes: 20,
  staffing: { maxServicesPerPerson: max, goalShare: 0.9 },
  services: [
    { id: 'busy', arrivalsPerHour: 14, serviceMinutes: { distribution: 'lognormal', mean: 10, cv: 0.6 } },
    { id: 'quiet', officersOnly: true, arrivalsPerHour: 3, serviceMinutes: { distribution: 'lognormal', mean: 12, cv: 0.6 } },
    { id: 'other', arrivalsPerHour: 3, serviceMinutes: { distribution: 'lognormal', mean: 10, cv: 0.6 } },
  ],
  windows,
});

const dedicated: ScenarioInput['windows'] = [
  { id: 'b1', skills: [{ serviceId: 'busy', tier: 1 }], breaks: [{ from: 12, to: 12.5 }] },
  { id: 'b2', staffType: 'helper', skills: [{ serviceId: 'busy', tier: 1 }], breaks: [{ from: 12.5, to: 13 }] },
  { id: 'q1', skills: [{ serviceId: 'quiet', tier: 1 }], breaks: [{ from: 12, to: 12.5 }] },
  { id: 'q2', skills: [{ serviceId: 'quiet', tier: 1 }], breaks: [{ from: 12.5, to: 13 }] },
  { id: 'o1', staffType: 'helper', skills: [{ serviceId: 'other', tier: 1 }], breaks: [{ from: 12, to: 12.5 }] },
];

describe('staffing planner on the simulator', () => {
  test('finds an assignment of the same windows that meets the goal where dedicated windows miss it, within the limits', () => {
    const s = parseScenario(hall(dedicated));
    const before = planEvaluation(simulate(s));
    expect(meetsGoal(before, { share: 0.9, targetMinutes: 20 })).toBe(false);
    const answer = planScenario(s);
    expect(answer.plan.met).toBe(true);
    expect(answer.smallest).toBeNull();
    expect(answer.plan.windows).toHaveLength(5);
    for (const [i, w] of answer.plan.windows.entries()) {
      const was = s.windows[i]!;
      expect(w.skills.length).toBeLessThanOrEqual(2);
      // Staff, primary skill and breaks stay; a helper never carries the officers-only service.
      expect([w.id, w.staffType, w.skills[0], w.breaks]).toEqual([was.id, was.staffType, was.skills[0], was.breaks]);
      if (w.staffType === 'helper') expect(w.skills.map((k) => k.serviceId)).not.toContain('quiet');
    }
    // The plan's figures are the simulator's for its windows (a usable scenario).
    expect(planEvaluation(simulate({ ...s, waitTargetMinutes: 20 }, { windows: answer.plan.windows }))).toEqual(answer.plan.evaluation);
  });

  test('tells every simulated assignment as it goes, without changing the answer', () => {
    const s = parseScenario(hall(dedicated.slice(0, 3), 3));
    const told: Array<[number, number]> = [];
    const answer = planScenario(s, { onEvaluation: (n, headcount) => told.push([n, headcount]) });
    expect(answer).toEqual(planScenario(s));
    // One per simulated assignment: the plans' own counts plus the bounds, numbered in order.
    const plans = answer.plan.evaluations + (answer.smallest?.evaluations ?? 0);
    expect(told.length).toBeGreaterThanOrEqual(plans + answer.bounds.length);
    expect(told.map(([n]) => n)).toEqual(told.map((_, i) => i + 1));
    expect(Math.max(...told.map(([, h]) => h))).toBe(answer.smallest!.headcount);
  });

  test('when no assignment of the headcount can, says so by the bound and finds the smallest headcount that does', () => {
    const s = parseScenario(hall(dedicated.slice(0, 3), 3));
    const answer = planScenario(s);
    expect(answer.plan.met).toBe(false);
    expect(answer.provenInfeasible).toBe(true);
    expect(answer.bounds[0]).toMatchObject({ headcount: 3, met: false });
    expect(answer.smallest).not.toBeNull();
    expect(answer.smallest!.met).toBe(true);
    expect(answer.smallest!.headcount).toBeGreaterThan(3);
    // One window fewer than the smallest found cannot meet it either (its bound failed).
    expect(answer.bounds.find((b) => b.headcount === answer.smallest!.headcount - 1)?.met ?? false).toBe(false);
  });
});
