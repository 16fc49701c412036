// What a forecast of the hall's calls is given: the waiting tickets, the windows, the learned
// service times and shares, and optionally expected arrivals, random draws and probes.
import type { CandidateIndex } from './candidate-index';
import type { Uniform } from './draw';
import type { EstimatorWindow, RoutingContext, RoutingTicket } from './types';

/** Mean seconds of a service nothing was learned or configured for. */
export const DEFAULT_SERVICE_SECONDS = 300;

/** The key of a (service, stage) pair in `stageSeconds`. */
export const stageKey = (serviceId: string, stage: number): string => `${serviceId}\u0000${stage}`;

/**
 * E5: visitors of one service expected to take a ticket while the forecast runs (learned from the
 * hall's history by hour of day). They matter when they will be called before tickets already
 * waiting: priority visitors, due appointments, a service of a better tier at a shared window.
 */
export interface ExpectedArrivals {
  serviceId: string;
  /** Expected tickets per hour at a time (ms). */
  ratePerHour: (at: number) => number;
  /** No ticket is taken at or after this time (ms): the hall stops issuing. */
  endsAt: number;
  priorityShare: number;
  appointmentShare: number;
  /** Visitors with an appointment take their ticket this many seconds before its time. */
  appointmentLeadSeconds: number;
}

/**
 * E6: one random day ahead instead of the expected one: every visit lasts a lognormal draw around
 * its learned mean (a visitor already at a window: a draw longer than the time spent so far), and
 * each called visitor is a no-show with the learned share. Many such draws give the wait's spread.
 */
export interface ForecastDraw {
  random: Uniform;
  /** Coefficient of variation of the service time, per service (learned), else `defaultCv`. */
  cv?: ReadonlyMap<string, number>;
  defaultCv: number;
  /**
   * Relative standard error of the learned means (a learned mean is itself uncertain): each random
   * forecast scales each service's mean by one lognormal draw with this cv. 0 or unset: none.
   */
  meanCv?: number;
}

export interface ForecastInput {
  /** The waiting tickets; the forecast removes the ones it calls. */
  index: CandidateIndex;
  windows: ReadonlyArray<EstimatorWindow>;
  context: RoutingContext;
  serviceSeconds: ReadonlyMap<string, number>;
  now: number;
  /** Calls later than this many seconds from now are not forecast (a working day is plenty). */
  horizonSeconds?: number;
  /** Stop as soon as all of these tickets have their forecast call. */
  until?: ReadonlySet<string>;
  /**
   * The services of the tickets in `until`: windows (and expected arrivals) with no chain of shared
   * services to them cannot change their calls and are left out, so the forecast costs less. The
   * calls of other tickets are then not forecast.
   */
  focus?: ReadonlySet<string>;
  /**
   * Visitors who would take a ticket now (one per service, say): each gets the call it would
   * have, as if it alone were added to the queue, from this one forecast. Their estimates are in
   * the result under their ids; the other calls are those of the queue without them.
   */
  probes?: ReadonlyArray<RoutingTicket>;
  /** Mean seconds of one stage of a service, by `stageKey`; a stage not listed takes the service's mean. */
  stageSeconds?: ReadonlyMap<string, number>;
  /** Share of called visitors who never come, per service (learned); their call holds a window briefly. */
  noShowShare?: ReadonlyMap<string, number>;
  /** E5: tickets expected to be taken during the forecast. */
  arrivals?: ReadonlyArray<ExpectedArrivals>;
  /** E5: a visitor whose service has another stage joins that stage's queue when the visit ends. */
  laterStages?: boolean;
  /** E6: draw the visits' lengths at random (one sample of the day ahead). */
  draw?: ForecastDraw;
}

/** A window as the forecast runs it: when it is next free and what it called so far. */
export interface ForecastLane {
  window: EstimatorWindow;
  freeAt: number;
  /** Calls this window made so far in the forecast. */
  calls: number;
  /** Probes this window may serve. */
  probes: RoutingTicket[];
}
