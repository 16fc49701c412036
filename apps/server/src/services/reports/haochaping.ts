// The ratings and their follow-ups in the JSON format documented in docs/haochaping-export.md,
// for upload to a provincial 好差评 platform. No personal data of visitors is held or sent.
import { RATING_LABELS, isBadRating, type LocalizedText, type RatingLevel } from '@hallq/shared';
import type { RatingFigures } from '../stats/figures';
import type { FollowUpStatus } from '../../storage/follow-up-repo';
import { finalServiceOf, serviceName, type ReportInput } from './report-input';

export const HAOCHAPING_FORMAT = 'hallq.haochaping';
export const HAOCHAPING_VERSION = 1;

export interface HaochapingExport {
  format: typeof HAOCHAPING_FORMAT;
  version: number;
  generatedAt: string;
  hall: { id: string; name: LocalizedText; timezone: string };
  period: { from: string; to: string };
  summary: RatingFigures & { rectified: number; rectificationRate: number | null };
  ratings: HaochapingRating[];
}

export interface HaochapingRating {
  ticketId: string;
  ticketNumber: string;
  serviceDate: string;
  ratedAt: string;
  channel: 'visitor' | 'rating-pad' | 'staff' | null;
  service: { id: string; code: string; name: LocalizedText };
  windowNumber: number | null;
  staff: { id: string; name: string; organisationId: string | null } | null;
  level: RatingLevel;
  levelName: LocalizedText;
  bad: boolean;
  reason: string | null;
  followUp: {
    id: string;
    status: FollowUpStatus;
    deadline: string;
    overdue: boolean;
    /** Closed after a reviewed rectification. */
    rectified: boolean;
    closedAt: string | null;
    steps: Array<{ action: string; at: string; actorId: string | null; assigneeId: string | null; note: string | null }>;
  } | null;
}

export function haochapingExport(input: ReportInput, generatedAt: string): HaochapingExport {
  const ratings = input.tickets
    .filter((t) => t.rating !== null)
    .sort((a, b) => a.rating!.at - b.rating!.at)
    .map((t): HaochapingRating => {
      const r = t.rating!;
      const serviceId = r.serviceId || finalServiceOf(t);
      const s = serviceName(input, serviceId);
      const level = r.level as RatingLevel;
      const staff = r.staffId ? input.catalogue.staff.get(r.staffId) : undefined;
      const f = input.followUps.get(t.ticketId);
      return {
        ticketId: t.ticketId,
        ticketNumber: t.number,
        serviceDate: t.local.date,
        ratedAt: new Date(r.at).toISOString(),
        channel: r.by as HaochapingRating['channel'],
        service: { id: serviceId, code: s.code, name: { zh: s.zh, en: s.en } },
        windowNumber: t.visits.find((v) => v.windowId === r.windowId)?.windowNumber ?? null,
        staff: r.staffId ? { id: r.staffId, name: staff?.name ?? r.staffId, organisationId: staff?.organisationId ?? null } : null,
        level,
        levelName: RATING_LABELS[level],
        bad: isBadRating(level),
        reason: input.reasons.get(t.ticketId) ?? null,
        followUp: f
          ? {
              id: f.id, status: f.status, deadline: f.deadline, overdue: f.overdue,
              rectified: f.rectified === true,
              closedAt: f.closedAt,
              steps: f.steps.map((x) => ({ action: x.action, at: x.at, actorId: x.actorId, assigneeId: x.assigneeId, note: x.note })),
            }
          : null,
      };
    });
  const bad = ratings.filter((r) => r.bad);
  const rectified = bad.filter((r) => r.followUp?.rectified).length;
  return {
    format: HAOCHAPING_FORMAT,
    version: HAOCHAPING_VERSION,
    generatedAt,
    hall: { id: input.hall.id, name: input.hall.name, timezone: input.hall.timezone },
    period: { from: input.range.from, to: input.range.to },
    summary: { ...input.stats.ratings, rectified, rectificationRate: bad.length === 0 ? null : rectified / bad.length },
    ratings,
  };
}
