// The use case behind GET /halls/:hallId/stats: read the events of the range, fold them into
// KPIs, and add the follow-up figures of the bad ratings among them (rectification rate).
// The fold, not the shared KPI SQL on SQLite (the city hub's query): both give the same figures
// (sql-agreement.integration.test.ts), the fold about ten times faster on a hall's log, and the
// reports need its per-ticket facts.
import type { Hall, HallStats } from '@hallq/shared';
import type { Repos } from '../../storage/repos';
import { AppError } from '../errors';
import { followUpFigures } from '../follow-up/follow-up-figures';
import { statsFromFacts, type Stats, type StatsContext } from './compute-stats';
import { statsEvents } from './event-source';
import type { HallCatalogue } from '../../storage/history-repo';
import { boundsOf, dayCount } from './local-days';
import { foldEvents, type Facts } from './ticket-facts';

export type { HallStats } from '@hallq/shared';

/** Longest range one request may ask for, so a report cannot tie up a small hall server. */
export const MAX_RANGE_DAYS = 400;

export function checkRange(from: string, to: string, field = 'to'): void {
  const valid = (d: string) => Number.isFinite(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;
  if (!valid(from) || !valid(to)) {
    throw new AppError('validation_failed', 'not a calendar date', [{ path: [valid(from) ? field : 'from'], message: 'not a calendar date' }]);
  }
  if (dayCount(from, to) > MAX_RANGE_DAYS) {
    throw new AppError('validation_failed', `a range is at most ${MAX_RANGE_DAYS} days`, [{ path: [field], message: `at most ${MAX_RANGE_DAYS} days` }]);
  }
}

export function statsContext(hall: Hall, catalogue: HallCatalogue, from: string, to: string, now: number): StatsContext {
  const { start, end } = boundsOf(from, to, hall.timezone);
  return {
    timeZone: hall.timezone,
    from,
    to,
    start,
    end,
    now,
    waitTargetSeconds: hall.waitTargetSeconds,
    services: catalogue.services,
    staffOrganisation: new Map([...catalogue.staff].map(([id, s]) => [id, s.organisationId])),
  };
}

export interface StatsInput {
  repos: Pick<Repos, 'history' | 'followUps'>;
  hall: Hall;
  from: string;
  to: string;
  now: number;
}

/** One read of the range: the per-ticket facts and the KPIs folded from them (for reports). */
export function hallFacts(input: StatsInput): { ctx: StatsContext; catalogue: HallCatalogue; facts: Facts; stats: Stats } {
  const { repos, hall, from, to, now } = input;
  checkRange(from, to);
  const catalogue = repos.history.catalogue(hall.id);
  const ctx = statsContext(hall, catalogue, from, to, now);
  const facts = foldEvents(statsEvents(repos.history, hall.id, ctx.start, ctx.end), ctx.timeZone, from, to);
  return { ctx, catalogue, facts, stats: statsFromFacts(facts, ctx) };
}

export function hallStats(input: StatsInput): HallStats {
  const { stats } = hallFacts(input);
  return { ...stats, followUps: followUpFigures(input.repos.followUps, input.hall, input.from, input.to, stats.ratings.bad, input.now) };
}
