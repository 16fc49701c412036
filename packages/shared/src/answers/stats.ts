// The answers of GET /halls/:hallId/stats and /stats/compare, defined once for the server that
// computes them and the console that shows them. Durations are whole seconds, shares fractions
// 0..1, and anything with nothing to divide by is null (never NaN).

export interface RatingFigures {
  count: number;
  byLevel: Record<'1' | '2' | '3' | '4' | '5', number>;
  /** Ratings 1..3 (非常满意, 满意, 基本满意) over all ratings. */
  satisfiedShare: number | null;
  /** Ratings 4 and 5 (差评). */
  bad: number;
}

/** One set of KPI figures: the whole range, and each row of every `by...` breakdown. */
export interface Figures {
  issued: number;
  served: number;
  noShow: number;
  cancelled: number;
  /** Visits handed on to another service or stage. */
  transferred: number;
  waitSeconds: { mean: number | null; p50: number | null; p90: number | null; max: number | null };
  withinTargetShare: number | null;
  serviceSeconds: { mean: number | null; p50: number | null; p90: number | null };
  firstTimeAcceptedShare: number | null;
  ratings: RatingFigures;
}

/** A breakdown row: its key (`serviceId`, `hour`, ...) and the figures. */
export type StatsRow<K extends string, V = string> = { [P in K]: V } & Figures;

export interface WindowStatsRow extends StatsRow<'windowId'> {
  windowNumber: number | null;
  openSeconds: number;
  busySeconds: number;
  /** Time busy with a called or served visitor over signed-in open time; null when never open. */
  utilisation: number | null;
}

export interface Stats extends Figures {
  from: string;
  to: string;
  timezone: string;
  waitTargetSeconds: number;
  byService: StatsRow<'serviceId'>[];
  byModule: StatsRow<'moduleId'>[];
  byWindow: WindowStatsRow[];
  byStaff: StatsRow<'staffId'>[];
  byOrganisation: StatsRow<'organisationId'>[];
  byHour: StatsRow<'hour', number>[];
  byDate: StatsRow<'date'>[];
  /** Arrivals (tickets issued) by local weekday (1 = Monday) and hour; `days` = how many of that weekday the range has. */
  arrivals: { cells: Array<{ weekday: number; hour: number; issued: number }>; days: Record<string, number> };
}

/** The bad ratings of the range and how their follow-ups went. */
export interface FollowUpFigures {
  opened: number;
  closed: number;
  closedInTime: number;
  rectified: number;
  overdue: number;
  /** Follow-ups closed after a reviewed rectification over bad ratings; null without bad ratings. */
  rectificationRate: number | null;
}

/** The answer of GET /halls/:hallId/stats. */
export interface HallStats extends Stats {
  followUps: FollowUpFigures;
}

export const COMPARED_KPIS = [
  'issued',
  'served',
  'noShow',
  'cancelled',
  'waitSeconds.mean',
  'waitSeconds.p50',
  'waitSeconds.p90',
  'waitSeconds.max',
  'withinTargetShare',
  'serviceSeconds.mean',
  'firstTimeAcceptedShare',
  'ratings.count',
  'ratings.satisfiedShare',
  'ratings.bad',
  'followUps.rectificationRate',
] as const;
export type ComparedKpi = (typeof COMPARED_KPIS)[number];

export interface KpiChange {
  kpi: ComparedKpi;
  before: number | null;
  after: number | null;
  /** after - before. */
  change: number | null;
  /** change / before; null when before is 0 or either side has no figure. */
  relativeChange: number | null;
}

/** The answer of GET /halls/:hallId/stats/compare. */
export interface StatsComparison {
  before: HallStats;
  after: HallStats;
  changes: KpiChange[];
}
