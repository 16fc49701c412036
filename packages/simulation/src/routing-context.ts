// The routing engine's view of a scenario: each service's wait target and the stages it goes
// through (officers-only or not), under the scenario's routing policy over the default.
import { DEFAULT_ROUTING_POLICY } from '@hallq/shared';
import type { RoutingContext, RoutingService } from '@hallq/shared';
import type { Scenario } from './scenario';

export function routingContext(scenario: Scenario): RoutingContext {
  const services = new Map<string, RoutingService>();
  for (const s of scenario.services) {
    services.set(s.id, {
      id: s.id,
      waitTargetSeconds: (s.waitTargetMinutes ?? scenario.waitTargetMinutes) * 60,
      stages: [{ officersOnly: s.officersOnly }, ...(s.stages ?? []).map((st) => ({ officersOnly: st.officersOnly }))],
    });
  }
  return { services, policy: { ...DEFAULT_ROUTING_POLICY, ...scenario.routing } };
}
