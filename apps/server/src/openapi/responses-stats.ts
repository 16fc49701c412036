// The KPI answers: GET /halls/:hallId/stats (services/stats/compute-stats.ts `Stats` plus the
// follow-up figures of stats-service.ts `HallStats`), one set of figures for the whole period and
// the same figures per service, module, window, staff member, organisation, hour and date; and the
// period comparison of GET /halls/:hallId/stats/compare (services/stats/compare.ts).
import { ratingFigureSchemas, shareSchema, statsFigureSchemas, weekdayCountsSchema, windowFigureSchemas } from '@hallq/shared';
import { COMPARED_KPIS } from '../services/stats/compare';
import { array, int, localDate, nullable, num, obj, oneOfValues, ref, str } from './json';
import type { JsonSchema } from './schemas';

// The figures and the rows are the city hub's too (@hallq/shared); here the ratings are a component.
const figures = (): Record<string, JsonSchema> => statsFigureSchemas(ref('StatsRatings'));

const row = (key: Record<string, JsonSchema>, description: string, extra: Record<string, JsonSchema> = {}): JsonSchema => obj({ ...key, ...figures(), ...extra }, [], description);

export function statsSchemas(): Record<string, JsonSchema> {
  return {
    StatsRatings: obj(ratingFigureSchemas()),
    StatsFigures: obj(figures()),
    StatsWindow: row({ windowId: str() }, 'figures of one window (per visit), with its signed-in time', windowFigureSchemas()),
    StatsFollowUps: obj({
      opened: int('follow-ups of bad ratings of tickets issued in the range'),
      closed: int(),
      closedInTime: int('closed on or before the deadline'),
      rectified: int('closed after a reviewed rectification'),
      overdue: int('not closed and past the deadline now'),
      rectificationRate: shareSchema('rectified over bad ratings'),
    }, [], '好差评 follow-ups of the bad ratings of the period'),
    Stats: {
      ...obj({
        from: localDate('first local date of the range'),
        to: localDate('last local date of the range (inclusive)'),
        timezone: str('the hall\'s IANA timezone the dates are in'),
        waitTargetSeconds: int('the hall\'s wait target (a service may have its own)'),
        ...figures(),
        byService: array(row({ serviceId: str() }, 'figures of one service (the service the ticket was issued for)')),
        byModule: array(row({ moduleId: str('`unknown` for a service no longer in the catalogue') }, 'figures of one module')),
        byWindow: array(ref('StatsWindow'), 'ordered by window number'),
        byStaff: array(row({ staffId: str() }, 'figures of one staff member (per visit)')),
        byOrganisation: array(row({ organisationId: str('`unknown` for staff without a known organisation') }, 'figures of one organisation (per visit of its staff)')),
        byHour: array(row({ hour: int('local hour of issue 0..23') }, 'figures of one local hour of the day')),
        byDate: array(row({ date: localDate() }, 'figures of one local date; every date of the range is listed')),
        arrivals: obj({
          cells: array(obj({ weekday: int('1 = Monday .. 7 = Sunday'), hour: int('local hour 0..23'), issued: int() }), 'only cells with arrivals'),
          days: weekdayCountsSchema('how many of each weekday ("1" = Monday .. "7" = Sunday) the range has'),
        }, [], 'tickets issued by local weekday and hour, for a heat map'),
        followUps: ref('StatsFollowUps'),
      }),
      description: 'KPIs computed from the event log over local dates from..to (inclusive) in the hall\'s timezone',
    },
    KpiChange: obj({
      kpi: oneOfValues(COMPARED_KPIS, 'path of the figure in Stats'),
      before: nullable(num()),
      after: nullable(num()),
      change: nullable(num('after - before; null when either is null')),
      relativeChange: nullable(num('change / before; null when before is 0 or null')),
    }),
    StatsComparison: obj({ before: ref('Stats'), after: ref('Stats'), changes: array(ref('KpiChange'), 'one per headline KPI') }),
  };
}
