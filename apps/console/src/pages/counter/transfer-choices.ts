// What the transfer dialog offers: the hall's services a ticket can go to, grouped by module in
// the hall's own order, and the stage it goes to by default. Issuing a ticket at the counter
// offers the active services grouped the same way.
import type { HallConfig, LocalizedText, Service } from '@hallq/shared';

export interface TransferGroup {
  moduleId: string;
  /** The module's name; null for services whose module the hall no longer lists. */
  name: LocalizedText | null;
  services: Service[];
}

/**
 * Active services by module, modules in the hall's order (services of an unknown module last),
 * services in the hall's order within each. The ticket's own service is always offered, even
 * when it has been made inactive since, so the default choice is one the officer can see.
 */
export function transferGroups(config: HallConfig, currentServiceId: string): TransferGroup[] {
  return groupByModule(config, config.services.filter((s) => s.active || s.id === currentServiceId));
}

/** The hall's active services by module, as the transfer dialog groups them (issuing a ticket). */
export function activeServiceGroups(config: HallConfig): TransferGroup[] {
  return groupByModule(config, config.services.filter((s) => s.active));
}

function groupByModule(config: HallConfig, offered: Service[]): TransferGroup[] {
  const known = new Set(config.modules.map((m) => m.id));
  const groups: TransferGroup[] = config.modules.map((m) => ({ moduleId: m.id, name: m.name, services: offered.filter((s) => s.moduleId === m.id) }));
  const others = offered.filter((s) => !known.has(s.moduleId));
  if (others.length > 0) groups.push({ moduleId: '', name: null, services: others });
  return groups.filter((g) => g.services.length > 0);
}

/** The stage a transfer goes to at first: the ticket's next stage of its own service, if any; else the first. */
export function defaultTransferStage(config: HallConfig, serviceId: string, stage: number): number {
  const stages = config.services.find((s) => s.id === serviceId)?.stages.length ?? 1;
  return stages > stage + 1 ? stage + 1 : 0;
}
