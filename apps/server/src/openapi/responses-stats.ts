// The KPI answer of GET /halls/:hallId/stats, as API.md describes it: one set of figures for the
// whole period and the same figures per service, window, staff member, organisation and hour.
import { RATING_LEVELS } from '@hallq/shared';
import { int, nullable, num, obj, ref, str } from './json';
import type { JsonSchema } from './schemas';

const share = (of: string): JsonSchema => nullable(num(`fraction 0..1 ${of}; null when there is nothing to divide by`));
const seconds = (what: string): JsonSchema => nullable(num(`${what}, seconds; null without data`));

function figures(): Record<string, JsonSchema> {
  return {
    issued: int(),
    served: int('tickets done'),
    noShow: int(),
    cancelled: int(),
    waitSeconds: obj({ mean: seconds('mean'), p50: seconds('median'), p90: seconds('90th percentile'), max: seconds('longest') }, [],
      'a wait runs from issue to first call'),
    withinTargetShare: share('of called tickets whose wait met the target'),
    serviceSeconds: obj({ mean: seconds('mean'), p50: seconds('median'), p90: seconds('90th percentile') }),
    firstTimeAcceptedShare: share('of done tickets whose firstTimeAccepted flag was given'),
    ratings: ref('StatsRatings'),
  };
}

const row = (key: string, description: string): JsonSchema => {
  const f = figures();
  return { ...obj({ [key]: key === 'hour' ? int('local hour 0..23') : str(), ...f }), description };
};

export function statsSchemas(): Record<string, JsonSchema> {
  const levels = Object.fromEntries(RATING_LEVELS.map((l) => [String(l), int()]));
  return {
    StatsRatings: obj({
      count: int(),
      byLevel: { ...obj(levels), description: 'count per level "1" (非常满意) .. "5" (非常不满意)' },
      satisfiedShare: share('of ratings that are 1..3'),
      bad: int('ratings 4 and 5 (差评)'),
    }),
    StatsFigures: obj(figures()),
    Stats: {
      ...obj({
        ...figures(),
        byService: { type: 'array', items: row('serviceId', 'figures of one service') },
        byWindow: { type: 'array', items: row('windowId', 'figures of one window') },
        byStaff: { type: 'array', items: row('staffId', 'figures of one staff member') },
        byOrganisation: { type: 'array', items: row('organisationId', 'figures of one organisation') },
        byHour: { type: 'array', items: row('hour', 'figures of one local hour of the day') },
      }),
      description: 'KPIs computed from the event log over local dates from..to (inclusive) in the hall\'s timezone',
    },
  };
}
