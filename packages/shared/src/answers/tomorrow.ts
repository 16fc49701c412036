// The answer of POST /halls/:hallId/planning/tomorrow: tomorrow simulated from the hall's history
// with today's skills matrix and a proposed one (same arrivals), defined once for the server that
// computes it and the console that shows it. Waits in seconds, shares 0..1.
import type { Skill } from '../domain';

/** Skills by window id. */
export type SkillsMatrix = Record<string, Skill[]>;

export interface SimulatedDay {
  skills: SkillsMatrix;
  withinTargetShare: number;
  meanWaitSeconds: number;
  p90WaitSeconds: number;
  services: Array<{ id: string; arrivals: number; meanWaitSeconds: number; withinTargetShare: number }>;
  hourly: Array<{ hour: number; arrivals: number; meanWaitSeconds: number | null }>;
}

export interface TomorrowSimulation {
  goal: { share: number; targetMinutes: number };
  /** Simulated days per matrix, on the same arrivals. */
  replications: number;
  today: SimulatedDay;
  proposed: SimulatedDay;
  /** The staffing planner's matrix for the same windows (when asked), and whether it meets the goal. */
  suggestion: { skills: SkillsMatrix; met: boolean; changes: number } | null;
  /** What the simulation assumes beyond the history. */
  assumptions: string[];
}
