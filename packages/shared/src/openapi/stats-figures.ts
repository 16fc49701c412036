// The KPI figures as JSON Schema, one definition for the hall server's stats (Stats) and the city
// hub's (KpiStats): the same figures computed by the same definitions (kpi/), for the whole period
// and per row of each breakdown.
import { RATING_LEVELS } from '../domain';
import { int, nullable, num, obj, type JsonSchema } from './json-schema';

/** A share (fraction 0..1) of `of`, null when there is nothing to divide by. */
export const shareSchema = (of: string): JsonSchema => nullable(num(`fraction 0..1 ${of}; null when there is nothing to divide by`));
const seconds = (what: string): JsonSchema => nullable(num(`${what}, seconds; null without data`));

/** Rating counts, as in the stats and the 好差评 export summary. */
export function ratingFigureSchemas(): Record<string, JsonSchema> {
  const levels = Object.fromEntries(RATING_LEVELS.map((l) => [String(l), int()]));
  return {
    count: int(),
    byLevel: obj(levels, [], 'count per level "1" (非常满意) .. "5" (非常不满意)'),
    satisfiedShare: shareSchema('of ratings that are 1..3'),
    bad: int('ratings 4 and 5 (差评)'),
  };
}

/** The figures of a period or of one row; `ratings` is the schema of their rating counts. */
export function statsFigureSchemas(ratings: JsonSchema): Record<string, JsonSchema> {
  return {
    issued: int('tickets issued; in byWindow, byStaff and byOrganisation the visits (calls) handed to it'),
    served: int('tickets done'),
    noShow: int(),
    cancelled: int(),
    transferred: int('visits handed on to another service or stage'),
    waitSeconds: obj({ mean: seconds('mean'), p50: seconds('median'), p90: seconds('90th percentile'), max: seconds('longest') }, [],
      'a wait runs from issue to first call (per visit: from joining that queue to the call)'),
    withinTargetShare: shareSchema('of called tickets whose wait met the target'),
    serviceSeconds: obj({ mean: seconds('mean'), p50: seconds('median'), p90: seconds('90th percentile') }, [], 'per served visit: start to completion or transfer'),
    firstTimeAcceptedShare: shareSchema('of done tickets whose firstTimeAccepted flag was given'),
    ratings,
  };
}

/** What a window's row has beyond the figures: its number and its signed-in and busy time. */
export function windowFigureSchemas(): Record<string, JsonSchema> {
  return {
    windowNumber: nullable(int()),
    openSeconds: int('signed-in time within the range'),
    busySeconds: int('time with a called or served visitor within the range'),
    utilisation: nullable(num('busySeconds / openSeconds, 0..1; null when the window was never open')),
  };
}

/** A count per weekday, "1" = Monday .. "7" = Sunday. */
export const weekdayCountsSchema = (description: string): JsonSchema => obj(Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((d) => [String(d), int()])), [], description);
