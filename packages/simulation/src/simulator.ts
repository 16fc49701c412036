// One replication of a scenario: the hall's day (hall-run.ts), with the replays of each measured
// issue for the estimator bound (hall-replay.ts) when asked. Time is a simulated clock in ms;
// nothing here reads the wall clock.
import { HallRun } from './hall-run';
import { replayWaits } from './hall-replay';
import type { ReplicationOptions, ReplicationResult, Streams } from './replication';
import { Random } from './rng';
import type { Scenario } from './scenario';

export { routingContext } from './routing-context';
export type { ReplicationOptions, ReplicationResult, TicketTrace } from './replication';

export function runReplication(scenario: Scenario, replication: number, options: ReplicationOptions = {}): ReplicationResult {
  const stream = (purpose: string): Random => Random.stream(scenario.seed, replication, purpose);
  const streams: Streams = {
    arrival: scenario.services.map((s) => stream(`arrivals:${s.id}`)),
    service: scenario.services.map((s) => stream(`service-time:${s.id}`)),
    visitor: scenario.services.map((s) => stream(`visitor:${s.id}`)),
    noShow: scenario.services.map((s) => stream(`no-show:${s.id}`)),
    remote: scenario.services.map((s) => stream(`remote:${s.id}`)),
  };
  const run = new HallRun(scenario, replication, options, streams, replayWaits);
  run.start();
  run.run();
  return run.finish();
}
