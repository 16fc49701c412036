// Pools replications into the result the command prints: wait figures over every measured,
// called ticket of every replication; per-replication means for the confidence intervals.
import type { Scenario, ScenarioWindow } from './scenario';
import type { ReplicationResult } from './simulator';
import { runReplication } from './simulator';
import { confidenceInterval95, mean, quantile, round } from './stats';

export interface ServiceResult {
  id: string;
  name: string | null;
  arrivals: number;
  served: number;
  noShows: number;
  /** Arrivals never called: still waiting at the end (without drain), or remote holders who never came. */
  unserved: number;
  meanWaitSeconds: number;
  meanWaitCi95: [number, number] | null;
  p90WaitSeconds: number;
  withinTargetShare: number;
}

export interface WindowResult {
  id: string;
  utilisation: number;
  served: number;
}

export interface HourResult {
  hour: number;
  arrivals: number;
  meanWaitSeconds: number | null;
  withinTargetShare: number | null;
}

export interface SimulationResult {
  scenario: string;
  label: string | null;
  seed: number;
  replications: number;
  hours: number;
  warmupHours: number;
  waitTargetMinutes: number;
  /** Mean per replication of measured arrivals, called tickets and served visitors. */
  arrivals: number;
  called: number;
  served: number;
  noShows: number;
  /** Mean per replication of measured arrivals never called (arrivals = served + noShows + unserved). */
  unserved: number;
  meanWaitSeconds: number;
  meanWaitCi95: [number, number] | null;
  p90WaitSeconds: number;
  withinTargetShare: number;
  withinTargetCi95: [number, number] | null;
  /** Measured arrival rate and time-average number waiting (Little's law: L = lambda x W). */
  arrivalsPerHour: number;
  meanWaiting: number;
  services: ServiceResult[];
  windows: WindowResult[];
  hourly: HourResult[];
}

const within = (waits: ReadonlyArray<number>, targetSeconds: number): number =>
  waits.length === 0 ? 0 : waits.filter((w) => w <= targetSeconds).length / waits.length;

const ci = (values: ReadonlyArray<number>, digits: number): [number, number] | null => {
  const c = confidenceInterval95(values);
  return c ? [round(c[0], digits), round(c[1], digits)] : null;
};

export function summarise(scenario: Scenario, reps: ReadonlyArray<ReplicationResult>, label: string | null, windows: ReadonlyArray<ScenarioWindow>): SimulationResult {
  const n = reps.length;
  const targetOf = (serviceId: string | null): number =>
    (scenario.services.find((s) => s.id === serviceId)?.waitTargetMinutes ?? scenario.waitTargetMinutes) * 60;
  const allWaits = reps.flatMap((r) => r.waits);
  // Within target uses each ticket's own service target.
  const allWithin: boolean[] = reps.flatMap((r) => [...r.waitsByService].flatMap(([id, ws]) => ws.map((w) => w <= targetOf(id))));
  const perRepWithin = reps.map((r) => {
    const flags = [...r.waitsByService].flatMap(([id, ws]) => ws.map((w) => w <= targetOf(id)));
    return flags.length === 0 ? 0 : flags.filter(Boolean).length / flags.length;
  });
  const sumMap = (m: Map<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0);
  const measuredHours = scenario.hours;
  const arrivals = mean(reps.map((r) => sumMap(r.arrivalsByService)));

  const services: ServiceResult[] = scenario.services.map((s) => {
    const waits = reps.flatMap((r) => r.waitsByService.get(s.id) ?? []);
    return {
      id: s.id,
      name: s.name ?? null,
      arrivals: round(mean(reps.map((r) => r.arrivalsByService.get(s.id) ?? 0)), 2),
      served: round(mean(reps.map((r) => r.servedByService.get(s.id) ?? 0)), 2),
      noShows: round(mean(reps.map((r) => r.noShowsByService.get(s.id) ?? 0)), 2),
      unserved: round(mean(reps.map((r) => r.unservedByService.get(s.id) ?? 0)), 2),
      meanWaitSeconds: round(mean(waits), 1),
      meanWaitCi95: ci(
        reps.map((r) => mean(r.waitsByService.get(s.id) ?? [])),
        1,
      ),
      p90WaitSeconds: round(quantile(waits, 0.9), 1),
      withinTargetShare: round(within(waits, targetOf(s.id)), 4),
    };
  });

  const hours = new Set<number>();
  for (const r of reps) for (const h of r.arrivalsByHour.keys()) hours.add(h);
  const hourly: HourResult[] = [...hours]
    .sort((a, b) => a - b)
    .map((hour) => {
      const waits = reps.flatMap((r) => r.waitsByHour.get(hour) ?? []);
      return {
        hour,
        arrivals: round(mean(reps.map((r) => r.arrivalsByHour.get(hour) ?? 0)), 2),
        meanWaitSeconds: waits.length ? round(mean(waits), 1) : null,
        withinTargetShare: waits.length ? round(within(waits, scenario.waitTargetMinutes * 60), 4) : null,
      };
    });

  return {
    scenario: scenario.name,
    label,
    seed: scenario.seed,
    replications: n,
    hours: scenario.hours,
    warmupHours: scenario.warmupHours,
    waitTargetMinutes: scenario.waitTargetMinutes,
    arrivals: round(arrivals, 2),
    called: round(mean(reps.map((r) => r.waits.length)), 2),
    served: round(mean(reps.map((r) => sumMap(r.servedByService))), 2),
    noShows: round(mean(reps.map((r) => sumMap(r.noShowsByService))), 2),
    unserved: round(mean(reps.map((r) => sumMap(r.unservedByService))), 2),
    meanWaitSeconds: round(mean(allWaits), 1),
    meanWaitCi95: ci(
      reps.map((r) => mean(r.waits)),
      1,
    ),
    p90WaitSeconds: round(quantile(allWaits, 0.9), 1),
    withinTargetShare: round(allWithin.length ? allWithin.filter(Boolean).length / allWithin.length : 0, 4),
    withinTargetCi95: ci(perRepWithin, 4),
    arrivalsPerHour: round(arrivals / measuredHours, 3),
    meanWaiting: round(mean(reps.map((r) => r.waitingIntegralMs / r.measuredMs)), 3),
    services,
    windows: windows.map((w) => ({
      id: w.id,
      utilisation: round(mean(reps.map((r) => (r.windowBusyMs.get(w.id) ?? 0) / r.measuredMs)), 4),
      served: round(mean(reps.map((r) => r.windowServed.get(w.id) ?? 0)), 2),
    })),
    hourly,
  };
}

export interface SimulateOptions {
  windows?: ReadonlyArray<ScenarioWindow>;
  label?: string | null;
  /**
   * Count visitors still waiting at the end as called then (their wait so far, a lower bound), so
   * that a service nobody serves, or a queue left at closing, shows in the wait figures (the planner).
   */
  countWaitingAtEnd?: boolean;
}

/** A replication whose visitors still waiting at the end count with their wait so far. */
function withWaitingAtEnd(r: ReplicationResult): ReplicationResult {
  const left = [...r.waitingAtEndByService.values()].flat();
  if (left.length === 0) return r;
  const waitsByService = new Map([...r.waitsByService].map(([id, ws]) => [id, [...ws, ...(r.waitingAtEndByService.get(id) ?? [])]]));
  return { ...r, waits: [...r.waits, ...left], waitsByService };
}

/** Runs every replication of one window set and pools them. */
export function simulate(scenario: Scenario, options: SimulateOptions = {}): SimulationResult {
  const windows = options.windows ?? scenario.windows;
  const reps: ReplicationResult[] = [];
  for (let r = 0; r < scenario.replications; r++) {
    const rep = runReplication(scenario, r, { windows });
    reps.push(options.countWaitingAtEnd ? withWaitingAtEnd(rep) : rep);
  }
  return summarise(scenario, reps, options.label ?? scenario.label ?? null, windows);
}

export interface ComparedResult extends SimulationResult {
  /** The scenario's other window sets (e.g. "before"), same arrivals and seed. */
  variants?: Array<SimulationResult & { id: string }>;
}

export function simulateWithVariants(scenario: Scenario): ComparedResult {
  const main: ComparedResult = simulate(scenario);
  if (scenario.variants?.length)
    main.variants = scenario.variants.map((v) => ({ id: v.id, ...simulate(scenario, { windows: v.windows, label: v.label ?? v.id }) }));
  return main;
}
