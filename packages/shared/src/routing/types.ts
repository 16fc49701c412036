// Inputs of the routing engine and wait estimator: plain data and a clock reading (ms since
// epoch), so the server, the simulator and the tests run exactly the same code.
import type { RoutingPolicy, Skill, StaffType } from '../domain';

export interface RoutingTicket {
  id: string;
  serviceId: string;
  stage: number;
  /** Original issue time (ms); a transfer keeps it, so the ticket keeps its place. */
  queuedAt: number;
  priority: boolean;
  /** Appointment time (ms) or null. */
  appointmentAt: number | null;
  /** A remote ticket whose holder has not arrived yet: it keeps its place but is not called (R9). */
  away?: boolean;
}

export interface RoutingService {
  id: string;
  waitTargetSeconds: number;
  /** officersOnly per stage; a missing stage is not servable. */
  stages: ReadonlyArray<{ officersOnly: boolean }>;
}

export interface RoutingWindow {
  id: string;
  skills: ReadonlyArray<Skill>;
  /** Type of the staff signed in; null = nobody, the window serves nothing. */
  staffType: StaffType | null;
}

export interface RoutingContext {
  services: ReadonlyMap<string, RoutingService>;
  policy: RoutingPolicy;
  /**
   * Unset in live routing: away tickets are never picked (R9). Set by forecasts (and by the
   * server to find whose turn it is): away tickets are picked in their place, and the estimator
   * counts each for this share of a visit, the share of remote visitors expected to come (E4).
   */
  awayShare?: number;
}

/** Why a ticket was chosen, for the call log and tests. */
export type PickReason = 'tier' | 'starvation';

export interface Pick {
  ticket: RoutingTicket;
  tier: number;
  reason: PickReason;
}

export interface EstimatorWindow extends RoutingWindow {
  open: boolean;
  /** Expected end (ms) of the visitor at this window now; null when the window is free. */
  busyUntil: number | null;
  /**
   * The window's timetable ahead (ms): periods it will not call (breaks; `to` null = closed for
   * the rest of the day). A visitor called before a period starts is still served.
   */
  closed?: ReadonlyArray<{ from: number; to: number | null }>;
  /**
   * The visitor at the window now, called or served since `since` (ms): a random forecast (E6)
   * draws how much longer the visit lasts, and a later stage of it joins the queue when it ends.
   * `noShow`: called but known not to have come (the window is held only briefly).
   */
  current?: { ticket: RoutingTicket; since: number; noShow?: boolean };
}

export interface WaitEstimate {
  ticketId: string;
  /**
   * Tickets called before this one by the open windows able to serve it (its service and stage,
   * the negative list respected); calls at windows that cannot serve it are not counted.
   */
  peopleAhead: number | null;
  /** Seconds from now until the expected call; null when no open window can serve it. */
  estimatedWaitSeconds: number | null;
}

export interface EstimateInput {
  tickets: ReadonlyArray<RoutingTicket>;
  windows: ReadonlyArray<EstimatorWindow>;
  context: RoutingContext;
  /** Mean service seconds per service (learned), used for every simulated service. */
  serviceSeconds: ReadonlyMap<string, number>;
  now: number;
}
