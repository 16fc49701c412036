// What every report is built from: the hall, the period, its KPIs and ticket facts (folded from
// events by services/stats), the catalogue for names, the ratings' reasons and the follow-ups.
import type { Hall } from '@hallq/shared';
import type { Stats } from '../stats/compute-stats';
import type { HallCatalogue } from '../../storage/history-repo';
import { servedMs, type TicketFacts } from '../stats/ticket-facts';
import type { FollowUpView } from '../follow-up/follow-up-workflow';
import type { OrganisationMonth } from './contractor-statement';

export interface ReportInput {
  hall: Pick<Hall, 'id' | 'name' | 'timezone' | 'waitTargetSeconds'>;
  range: { from: string; to: string };
  stats: Stats;
  tickets: TicketFacts[];
  catalogue: HallCatalogue;
  /** Follow-ups by ticket id. */
  followUps: Map<string, FollowUpView>;
  /** Reasons given with ratings, by ticket id. */
  reasons: Map<string, string | null>;
  statements: OrganisationMonth[];
}

export const serviceName = (input: ReportInput, id: string): { code: string; zh: string; en: string } => {
  const s = input.catalogue.services.get(id);
  return s ? { code: s.code, zh: s.name.zh, en: s.name.en } : { code: id, zh: id, en: id };
};

export const staffName = (input: ReportInput, id: string | null): string | null =>
  id === null ? null : (input.catalogue.staff.get(id)?.name ?? id);

/** The service a ticket ended in (after transfers). */
export const finalServiceOf = (t: TicketFacts): string => t.visits[t.visits.length - 1]?.serviceId ?? t.serviceId;

/** Time at the counter over all stages of a done ticket, seconds. */
export function serviceSecondsOf(t: TicketFacts): number | null {
  if (t.status !== 'done') return null;
  return Math.round(t.visits.reduce((sum, v) => sum + (servedMs(v) ?? 0), 0) / 1000);
}

/** The first-time-accepted flag given at completion. */
export const firstTimeAcceptedOf = (t: TicketFacts): boolean | null => t.visits.find((v) => v.outcome === 'done')?.firstTimeAccepted ?? null;
