// The 好差评 answers: a follow-up of a bad rating with its steps (services/follow-up/
// follow-up-workflow.ts `FollowUpView`), the supervisor's list, and the provincial export
// GET /halls/:hallId/reports/haochaping.json (services/reports/haochaping.ts, docs/haochaping-export.md).
import { RATING_LEVELS, ratingFigureSchemas } from '@hallq/shared';
import { FOLLOW_UP_STATUSES } from '../storage/follow-up-repo';
import { FOLLOW_UP_ACTIONS } from '../services/follow-up/follow-up-workflow';
import { HAOCHAPING_FORMAT, HAOCHAPING_VERSION } from '../services/reports/haochaping';
import { array, bool, constant, int, localDate, nullable, num, obj, oneOfValues, ref, str, time } from './json';
import type { JsonSchema } from './schemas';

const level = (): JsonSchema => oneOfValues(RATING_LEVELS, '1 非常满意 .. 5 非常不满意');

export function followUpSchemas(): Record<string, JsonSchema> {
  return {
    FollowUpStep: obj({
      action: oneOfValues(FOLLOW_UP_ACTIONS),
      at: time(),
      actorId: nullable(str('staff member who took the step')),
      assigneeId: nullable(str('set by `assign`')),
      note: nullable(str()),
    }),
    FollowUp: obj({
      id: str(),
      ticketId: str(),
      ticketNumber: str(),
      serviceId: str(),
      windowNumber: nullable(int()),
      staffId: nullable(str()),
      serviceDate: localDate('local issue date of the ticket'),
      level: level(),
      reason: str('the visitor\'s reason for the bad rating'),
      createdAt: time(),
      deadline: localDate('last local date to close it on (working days of the hall calendar)'),
      status: oneOfValues(FOLLOW_UP_STATUSES),
      assigneeId: nullable(str()),
      closedAt: nullable(time()),
      rectified: nullable(bool('closed after a reviewed rectification; null while open')),
      overdue: bool('not closed and the local date is past the deadline'),
      steps: array(ref('FollowUpStep'), 'oldest first'),
    }, [], 'the follow-up of a bad rating (4, 5): assign -> call_back -> rectify -> review -> close'),
    FollowUpList: obj({
      followUps: array(ref('FollowUp'), 'oldest first, filtered by `status`'),
      summary: obj({ total: int(), active: int(), overdue: int(), closed: int(), rectified: int() }, [], 'over all follow-ups of the hall, whatever the filter'),
    }),
    HaochapingRating: obj({
      ticketId: str(),
      ticketNumber: str(),
      serviceDate: localDate(),
      ratedAt: time(),
      channel: nullable(oneOfValues(['visitor', 'rating-pad', 'staff'])),
      service: obj({ id: str(), code: str(), name: ref('LocalizedText') }),
      windowNumber: nullable(int()),
      staff: nullable(obj({ id: str(), name: str(), organisationId: nullable(str()) })),
      level: level(),
      levelName: ref('LocalizedText'),
      bad: bool('level 4 or 5'),
      reason: nullable(str()),
      followUp: nullable(obj({
        id: str(),
        status: oneOfValues(FOLLOW_UP_STATUSES),
        deadline: localDate(),
        overdue: bool(),
        rectified: bool(),
        closedAt: nullable(time()),
        steps: array(ref('FollowUpStep')),
      })),
    }),
    HaochapingExport: obj({
      format: constant(HAOCHAPING_FORMAT),
      version: { ...int(`${HAOCHAPING_VERSION}; fields may be added within a version, never renamed or removed`), const: HAOCHAPING_VERSION },
      generatedAt: time(),
      hall: obj({ id: str(), name: ref('LocalizedText'), timezone: str() }),
      period: obj({ from: localDate(), to: localDate() }),
      summary: obj({ ...ratingFigureSchemas(), rectified: int(), rectificationRate: nullable(num('rectified over bad ratings')) }),
      ratings: array(ref('HaochapingRating'), 'in the order they were given'),
    }, [], 'ratings and follow-ups of the period for a provincial 好差评 platform (docs/haochaping-export.md); no personal data'),
  };
}
