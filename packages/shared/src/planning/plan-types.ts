// The answer of a staffing plan, shared by the server that computes it and the console that
// draws it.

/** One local hour of a plan: Erlang C counts of windows. */
export interface PlanHour {
  hour: number;
  arrivals: Record<string, number>;
  totalArrivals: number;
  /** Erlang C, one service per window. */
  dedicated: Record<string, number>;
  dedicatedTotal: number;
  /** Erlang C per module, its windows carrying all its services at tier 1. */
  byModule: Record<string, number>;
  /** The recommendation: the module windows' total. */
  recommended: number;
  /** Erlang C with every window serving every service: no skill assignment needs fewer. */
  pooled: number;
  /** Erlang C estimate of the share called within the target with the recommended windows. */
  expectedWithinTarget: number | null;
}

/** A window of the plan and the services it should carry. */
export interface SuggestedWindow {
  /** 1.. over the plan, in the order of the list. */
  slot: number;
  moduleId: string;
  /** The module's zone (where most of its tier-1 windows are today); null when none is. */
  zone: string | null;
  /** An existing window for this slot; null when the hall has no free one left. */
  windowId: string | null;
  windowNumber: number | null;
  /** Local hours of day the window is needed, as [from, to) intervals. */
  open: Array<{ from: number; to: number }>;
  openHours: number;
  tier1: string[];
  tier2: string[];
}
