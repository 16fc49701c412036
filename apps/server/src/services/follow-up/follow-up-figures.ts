// The follow-up side of the KPIs: of the bad ratings of tickets issued in a range, how many were
// followed up, closed, closed in time, rectified; the rectification rate is rectified / bad ratings.
import type { FollowUpFigures, Hall } from '@hallq/shared';
import { localTime } from '../clock';
import { share } from '../stats/figures';
import type { FollowUpRepo } from '../../storage/follow-up-repo';
import { isOverdue } from './follow-up-workflow';

export type { FollowUpFigures } from '@hallq/shared';

export function followUpFigures(repo: FollowUpRepo, hall: Hall, from: string, to: string, badRatings: number, now: number): FollowUpFigures {
  const rows = repo.ofIssueDates(hall.id, from, to);
  const closed = rows.filter((r) => r.status === 'closed');
  const rectified = rows.filter((r) => r.rectified === 1).length;
  const closedDate = (ms: number) => localTime(ms, hall.timezone).date;
  return {
    opened: rows.length,
    closed: closed.length,
    closedInTime: closed.filter((r) => r.closed_at !== null && closedDate(r.closed_at) <= r.deadline).length,
    rectified,
    overdue: rows.filter((r) => isOverdue(r, now, hall.timezone)).length,
    rectificationRate: share(rectified, badRatings),
  };
}
