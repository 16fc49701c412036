// The skill planner's rules, with a stand-in judge: it climbs until the goal holds, keeps each
// window's staff and primary skill, never exceeds the services one person can be trained for and
// never gives a helper a service whose every stage is officers-only.
import { planStaffing } from './headcount';
import type { PlannerWindow } from './skill-planner';
import { fullyPooled, meetsGoal, planSkills } from './skill-planner';
import type { PlanEvaluation } from './skill-plan-types';

const services = [
  { id: 'a', helpersMay: true },
  { id: 'b', helpersMay: false },
  { id: 'c', helpersMay: true },
];
const goal = { share: 0.9, targetMinutes: 40 };

/** Service x is served well when `need[x]` windows carry it (tier 1 counts fully, tier 2 half). */
const judge = (need: Record<string, number>) => (ws: ReadonlyArray<PlannerWindow>): PlanEvaluation => {
  const cover = (id: string): number => ws.reduce((n, w) => n + w.skills.filter((k) => k.serviceId === id).reduce((m, k) => m + (k.tier === 1 ? 1 : 0.5), 0), 0);
  const per = services.map((s) => {
    const ok = Math.min(1, cover(s.id) / need[s.id]!);
    return { id: s.id, withinTargetShare: ok, meanWaitSeconds: (1 - ok) * 6000 };
  });
  const within = per.reduce((a, s) => a + s.withinTargetShare, 0) / per.length;
  return { withinTargetShare: within, meanWaitSeconds: per.reduce((a, s) => a + s.meanWaitSeconds, 0) / per.length, services: per };
};

const windows: PlannerWindow[] = [
  { id: 'w1', staffType: 'officer', skills: [{ serviceId: 'a', tier: 1 }] },
  { id: 'w2', staffType: 'helper', skills: [{ serviceId: 'a', tier: 1 }] },
  { id: 'w3', staffType: 'officer', skills: [{ serviceId: 'b', tier: 1 }] },
  { id: 'w4', staffType: 'helper', skills: [{ serviceId: 'c', tier: 1 }] },
];

describe('skill planner', () => {
  it('climbs to the goal within the limits: services per person, the negative list, primary skills kept', () => {
    const plan = planSkills(services, windows, goal, judge({ a: 4, b: 1, c: 1 }), { maxServicesPerWindow: 2 });
    expect(plan.met).toBe(true);
    expect(meetsGoal(plan.evaluation, goal)).toBe(true);
    plan.windows.forEach((w, i) => {
      expect(w.skills.length).toBeLessThanOrEqual(2);
      expect(w.skills[0]).toEqual(windows[i]!.skills[0]);
      if (w.staffType === 'helper') expect(w.skills.map((k) => k.serviceId)).not.toContain('b');
    });
    expect(plan.steps.length).toBeGreaterThan(0);
  });

  it('a plan that already meets the goal is left as it is', () => {
    const plan = planSkills(services, windows, goal, judge({ a: 2, b: 1, c: 1 }), { maxServicesPerWindow: 2 });
    expect([plan.met, plan.steps]).toEqual([true, []]);
  });

  it('the bound gives every window all it may serve; a headcount that cannot is proven so and grown until one can', () => {
    const pooled = fullyPooled(services, windows);
    expect(pooled[1]!.skills.map((k) => k.serviceId)).toEqual(['a', 'c']);
    expect(pooled[0]!.skills.map((k) => k.serviceId)).toEqual(['a', 'b', 'c']);
    const answer = planStaffing(services, windows, goal, judge({ a: 6, b: 1, c: 1 }), {
      maxServicesPerWindow: 2,
      addWindow: (k) => ({ id: `x${k}`, staffType: 'officer', skills: [{ serviceId: 'a', tier: 1 }] }),
    });
    expect(answer.plan.met).toBe(false);
    expect(answer.provenInfeasible).toBe(true);
    expect(answer.smallest?.met).toBe(true);
    expect(answer.smallest!.headcount).toBeGreaterThan(4);
    expect(answer.bounds.filter((b) => b.headcount < answer.smallest!.headcount).every((b) => !b.met)).toBe(true);
  });
});
