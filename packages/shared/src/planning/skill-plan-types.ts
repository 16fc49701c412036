// Answers of the skill planner (skill-planner.ts, headcount.ts), shared by the simulator's report,
// the server that runs the planner on a hall's history and the console that shows it.
import type { Skill } from '../domain';

/** How one assignment of skills fares: what the planner's goal is judged on. */
export interface PlanEvaluation {
  /** Share of visitors called within the target, 0..1. */
  withinTargetShare: number;
  meanWaitSeconds: number;
  services: ReadonlyArray<{ id: string; meanWaitSeconds: number; withinTargetShare: number }>;
}

/** One accepted change of the planner's climb. */
export interface SkillPlanStep {
  windowId: string;
  /** add: a new skill; replace: a secondary skill swapped for another; tier: a secondary skill's tier changed. */
  action: 'add' | 'replace' | 'tier';
  serviceId: string;
  tier: number;
  /** The service whose skill was replaced (action replace). */
  replaces: string | null;
  /** The plan's figures after the change. */
  withinTargetShare: number;
  meanWaitSeconds: number;
}

export interface SkillPlan<W extends { id: string; skills: ReadonlyArray<Skill> } = { id: string; skills: ReadonlyArray<Skill> }> {
  headcount: number;
  windows: W[];
  evaluation: PlanEvaluation;
  met: boolean;
  steps: SkillPlanStep[];
  /** Assignments judged (screened or confirmed). */
  evaluations: number;
}

/** Whether a headcount can meet the goal at all: every window serving all it may, at tier 1. */
export interface HeadcountBound {
  headcount: number;
  evaluation: PlanEvaluation;
  met: boolean;
}

export interface StaffingAnswer<W extends { id: string; skills: ReadonlyArray<Skill> } = { id: string; skills: ReadonlyArray<Skill> }> {
  goal: { share: number; targetMinutes: number };
  maxServicesPerWindow: number;
  /** The headcount asked about (the hall's windows). */
  headcount: number;
  /** The planner's assignment for that headcount (met or the best it found). */
  plan: SkillPlan<W>;
  /** Bounds judged, from the headcount asked about upwards. */
  bounds: HeadcountBound[];
  /** When the headcount cannot meet the goal: the smallest headcount found that does, with its plan. */
  smallest: SkillPlan<W> | null;
  /** True when the bound shows that no assignment of the asked headcount meets the goal. */
  provenInfeasible: boolean;
}
