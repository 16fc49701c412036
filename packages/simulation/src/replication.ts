// What one replication of a scenario is run with and gives back: its options, its random streams
// (one per purpose and service), and its result (the measured period's figures, with each
// visitor's first call when asked), started empty and filled by tallies. The run itself is in
// hall-run.ts.
import type { EstimateRecord, EstimatorConfig } from './estimator-evaluation';
import type { Random } from './rng';
import type { Scenario, ScenarioWindow } from './scenario';

/** One visitor's first call, for generated history (option `recordTickets`). */
export interface TicketTrace {
  serviceId: string;
  windowId: string;
  /** ms since the start of the run. */
  arrivedAt: number;
  calledAt: number;
  /** When the window was free again (end of service, or of the no-show hold). */
  endedAt: number;
  noShow: boolean;
}

export interface ReplicationResult {
  /** Waits (s) of tickets that arrived in the measured period and were called, in call order. */
  waits: number[];
  waitsByService: Map<string, number[]>;
  arrivalsByService: Map<string, number>;
  servedByService: Map<string, number>;
  noShowsByService: Map<string, number>;
  /** Measured arrivals never called: still waiting at the end, remote holders still away, or expired. */
  unservedByService: Map<string, number>;
  /** Of those, the ones present and still waiting at the end: how long (s) each had waited so far. */
  waitingAtEndByService: Map<string, number[]>;
  /** By hour of day of arrival: waits of the called tickets that arrived then. */
  waitsByHour: Map<number, number[]>;
  arrivalsByHour: Map<number, number>;
  windowBusyMs: Map<string, number>;
  windowServed: Map<string, number>;
  /** Integral over the measured period of the number of waiting tickets (ticket-ms). */
  waitingIntegralMs: number;
  measuredMs: number;
  estimates: EstimateRecord[];
  /** With `recordTickets`: every visitor's first call, in call order. */
  tickets: TicketTrace[];
  /** Remote tickets whose holder did not come within the grace time after their turn. */
  remoteExpired: number;
}

export interface ReplicationOptions {
  /** Keep a trace of every visitor's first call (generated demo history). */
  recordTickets?: boolean;
  /** Compute the real and naive wait estimates at each measured issue (slower). */
  evaluateEstimator?: boolean;
  /** Run this window set instead of the scenario's `windows` (variants, staffing plans). */
  windows?: ReadonlyArray<ScenarioWindow>;
  /** Weight of each new observation in the learned mean service time; default the server's (SERVICE_TIME_ALPHA). */
  serviceTimeAlpha?: number;
  estimator?: Partial<EstimatorConfig>;
  /**
   * The bound on any estimate (with `evaluateEstimator`): at each measured issue the hall is copied
   * and played forward this many times with fresh draws of everything not known at issue; the
   * median of the ticket's waits in these replays is the best estimate given the hall's state.
   */
  boundReplays?: number;
}

/** The random streams of a run, one per purpose and service. */
export interface Streams {
  arrival: Random[];
  service: Random[];
  visitor: Random[];
  noShow: Random[];
  remote: Random[];
}

/** A result with nothing counted yet: every service listed, at zero. */
export function emptyResult(services: Scenario['services'], measuredMs: number): ReplicationResult {
  return {
    waits: [],
    waitsByService: new Map(services.map((s) => [s.id, []])),
    arrivalsByService: new Map(services.map((s) => [s.id, 0])),
    servedByService: new Map(services.map((s) => [s.id, 0])),
    noShowsByService: new Map(services.map((s) => [s.id, 0])),
    unservedByService: new Map(services.map((s) => [s.id, 0])),
    waitingAtEndByService: new Map(services.map((s) => [s.id, []])),
    waitsByHour: new Map(),
    arrivalsByHour: new Map(),
    windowBusyMs: new Map(),
    windowServed: new Map(),
    waitingIntegralMs: 0,
    measuredMs,
    estimates: [],
    tickets: [],
    remoteExpired: 0,
  };
}

/** Appends `value` to the list under `key`. */
export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Adds `by` to the count under `key`. */
export function inc<K>(map: Map<K, number>, key: K, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}
