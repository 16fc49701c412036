// Contractor performance (paid by results): per organisation and month, the work its staff did
// by service and stage, its quality (first-time acceptance, wait within target), satisfaction of
// the ratings given on its staff's work, and how its bad ratings were rectified.
import { isBadRating } from '@hallq/shared';
import { share } from '../stats/figures';
import type { TicketFacts } from '../stats/ticket-facts';

export interface WorkLine {
  serviceId: string;
  stage: number;
  /** Stage visits called by the organisation's staff. */
  called: number;
  served: number;
  transferred: number;
  noShow: number;
  withinTargetShare: number | null;
  firstTimeAcceptedShare: number | null;
}

export interface OrganisationMonth {
  organisationId: string;
  /** YYYY-MM of the tickets' local issue dates. */
  month: string;
  lines: WorkLine[];
  total: WorkLine;
  ratings: number;
  satisfiedShare: number | null;
  bad: number;
  /** Bad ratings whose follow-up has a rectification. */
  rectified: number;
}

export interface StatementContext {
  organisationOf: (staffId: string) => string | undefined;
  /** Wait target of a service, seconds. */
  targetOf: (serviceId: string) => number;
  /** Tickets whose bad rating's follow-up was rectified. */
  rectifiedTickets: ReadonlySet<string>;
}

interface Tally {
  called: number; served: number; transferred: number; noShow: number; waits: number; within: number; flagged: number; accepted: number;
}
const tally = (): Tally => ({ called: 0, served: 0, transferred: 0, noShow: 0, waits: 0, within: 0, flagged: 0, accepted: 0 });
const line = (serviceId: string, stage: number, t: Tally): WorkLine => ({
  serviceId, stage, called: t.called, served: t.served, transferred: t.transferred, noShow: t.noShow,
  withinTargetShare: share(t.within, t.waits), firstTimeAcceptedShare: share(t.accepted, t.flagged),
});

export function contractorStatements(tickets: readonly TicketFacts[], ctx: StatementContext): OrganisationMonth[] {
  const groups = new Map<string, { org: string; month: string; lines: Map<string, Tally>; total: Tally; levels: number[]; rectified: number }>();
  const group = (org: string, month: string) => {
    const key = `${org}\n${month}`;
    let g = groups.get(key);
    if (!g) {
      g = { org, month, lines: new Map(), total: tally(), levels: [], rectified: 0 };
      groups.set(key, g);
    }
    return g;
  };
  for (const t of tickets) {
    const month = t.local.date.slice(0, 7);
    for (const v of t.visits) {
      // The organisation and target as they were at the call, when recorded on the event.
      const org = v.organisationId ?? (v.staffId ? ctx.organisationOf(v.staffId) : undefined);
      if (!org) continue;
      const g = group(org, month);
      const key = `${v.serviceId}\n${v.stage}`;
      const l = g.lines.get(key) ?? tally();
      g.lines.set(key, l);
      for (const x of [l, g.total]) {
        x.called++;
        if (v.outcome === 'done') x.served++;
        if (v.outcome === 'transferred') x.transferred++;
        if (v.outcome === 'no_show') x.noShow++;
        x.waits++;
        if (v.calledAt - v.queuedAt <= (v.waitTargetSeconds ?? ctx.targetOf(v.serviceId)) * 1000) x.within++;
        if (v.outcome === 'done' && v.firstTimeAccepted !== null) {
          x.flagged++;
          if (v.firstTimeAccepted) x.accepted++;
        }
      }
    }
    const org = t.rating?.organisationId ?? (t.rating?.staffId ? ctx.organisationOf(t.rating.staffId) : undefined);
    if (t.rating && org) {
      const g = group(org, month);
      g.levels.push(t.rating.level);
      if (isBadRating(t.rating.level) && ctx.rectifiedTickets.has(t.ticketId)) g.rectified++;
    }
  }
  return [...groups.values()]
    .sort((a, b) => (a.org === b.org ? a.month.localeCompare(b.month) : a.org.localeCompare(b.org)))
    .map((g) => {
      const bad = g.levels.filter((l) => isBadRating(l)).length;
      return {
        organisationId: g.org,
        month: g.month,
        lines: [...g.lines.entries()]
          .map(([key, t]) => {
            const [serviceId, stage] = key.split('\n') as [string, string];
            return line(serviceId, Number(stage), t);
          })
          .sort((a, b) => a.serviceId.localeCompare(b.serviceId) || a.stage - b.stage),
        total: line('', -1, g.total),
        ratings: g.levels.length,
        satisfiedShare: share(g.levels.length - bad, g.levels.length),
        bad,
        rectified: g.rectified,
      };
    });
}
