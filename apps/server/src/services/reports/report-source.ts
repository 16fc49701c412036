// Gathers a report's input for one hall and period: the period's events folded by services/stats
// (the same fold as GET /stats, so a report never disagrees with the dashboard), the catalogue,
// the follow-ups with their steps, and the reasons given with ratings.
import type { Hall } from '@hallq/shared';
import type { Repos } from '../../storage/repos';
import { toView, type FollowUpView } from '../follow-up/follow-up-workflow';
import { hallFacts } from '../stats/stats-service';
import { contractorStatements } from './contractor-statement';
import type { ReportInput } from './report-input';

export function reportInput(repos: Pick<Repos, 'history' | 'followUps'>, hall: Hall, range: { from: string; to: string }, now: number): ReportInput {
  const { catalogue, facts, stats } = hallFacts({ repos, hall, from: range.from, to: range.to, now });

  const repo = repos.followUps;
  const rows = repo.ofTickets(facts.tickets.filter((t) => t.rating !== null).map((t) => t.ticketId));
  const steps = repo.steps([...rows.values()].map((r) => r.id));
  const followUps = new Map<string, FollowUpView>(
    [...rows].map(([ticketId, r]) => [ticketId, toView(r, steps.get(r.id) ?? [], now, hall.timezone)]),
  );
  const rectifiedTickets = new Set([...followUps].filter(([, f]) => f.rectified === true).map(([id]) => id));

  const reasons = repos.history.ratingReasons(facts.tickets.filter((t) => t.rating).map((t) => t.ticketId));

  return {
    hall, range, stats, tickets: facts.tickets, catalogue, followUps, reasons,
    statements: contractorStatements(facts.tickets, {
      organisationOf: (staffId) => catalogue.staff.get(staffId)?.organisationId,
      targetOf: (serviceId) => catalogue.services.get(serviceId)?.waitTargetSeconds ?? hall.waitTargetSeconds,
      rectifiedTickets,
    }),
  };
}
