// The staffing planner's answers (routes/planning.ts, services/planning/*): the forecast learned
// from the hall's events, and the Erlang C plan with its skill assignment and simulator scenario.
import { DAY_TYPES } from '@hallq/shared';
import { array, bool, constant, int, localDate, map, nullable, num, obj, oneOfValues, ref, str } from './json';
import type { JsonSchema } from './schemas';

const SERVICE_TIME_SOURCES = ['events', 'learned', 'expected'] as const;

const learnedFrom = (): Record<string, JsonSchema> => ({
  from: localDate(),
  to: localDate(),
  days: oneOfValues(DAY_TYPES),
  datesInRange: int('dates of the range of the day type asked for'),
  activeDays: int('of those, dates with at least one ticket: the means are per such day'),
  tickets: int(),
});

const perHour = (description: string): JsonSchema => ({ ...array(num(), description), minItems: 24, maxItems: 24 });

export function planningSchemas(): Record<string, JsonSchema> {
  const period = (description: string): JsonSchema => ({ ...obj({ from: localDate(), to: localDate() }), description });
  return {
    SimulatedDay: obj({
      skills: map(array(ref('Skill')), 'by window id: the matrix simulated'),
      withinTargetShare: num(),
      meanWaitSeconds: num(),
      p90WaitSeconds: num(),
      services: array(obj({ id: str(), arrivals: num('per simulated day'), meanWaitSeconds: num(), withinTargetShare: num() })),
      hourly: array(obj({ hour: int(), arrivals: num(), meanWaitSeconds: nullable(num()) })),
    }),
    TomorrowSimulation: obj({
      goal: obj({ share: num(), targetMinutes: num() }),
      replications: int('simulated days per matrix, on the same arrivals'),
      today: ref('SimulatedDay'),
      proposed: ref('SimulatedDay'),
      suggestion: nullable(obj({ skills: map(array(ref('Skill')), 'by window id'), met: bool(), changes: int('skills the planner changed') })),
      assumptions: array(str()),
      learnedFrom: obj(learnedFrom()),
    }),
    DemoHistory: obj({
      generated: constant(true),
      note: str('what the generated days are (always generated, never measured)'),
      before: period('local dates with dedicated windows'),
      after: period('local dates with pooled windows (一窗多用)'),
      visitors: int(),
    }),
    ServiceTime: obj({
      minutes: num('mean window time per visitor'),
      source: oneOfValues(SERVICE_TIME_SOURCES, 'events: observed in the range; learned: the service\'s learned time; expected: its configured time'),
      samples: int('visitors observed in the range'),
    }),
    Forecast: obj({
      ...learnedFrom(),
      arrivals: map(perHour('mean arrivals per local hour 0..23'), 'by service id'),
      serviceTimes: map(ref('ServiceTime'), 'by service id'),
      waitTargetMinutes: num('the hall\'s wait target'),
      services: array(obj({ id: str(), code: str(), name: ref('LocalizedText'), moduleId: str(), active: bool() })),
    }, [], 'the forecast a plan starts from, learned from the hall\'s events over local dates from..to'),
    PlanService: obj({
      id: str(), code: str(), name: ref('LocalizedText'), moduleId: str(),
      serviceMinutes: num(), serviceTimeSource: oneOfValues([...SERVICE_TIME_SOURCES, 'request']),
    }),
    PlanHour: obj({
      hour: int('local hour 0..23'),
      arrivals: map(num(), 'mean arrivals by service id'),
      totalArrivals: num(),
      dedicated: map(int(), 'windows by service id, one service per window'),
      dedicatedTotal: int(),
      byModule: map(int(), 'windows by module id, each carrying all of its module\'s services'),
      recommended: int('the module windows\' total'),
      pooled: int('every window serving everything: the lower bound'),
      expectedWithinTarget: nullable(num('Erlang C share called within the target with the recommended windows')),
    }),
    SuggestedWindow: obj({
      slot: int('1.. over the plan'),
      moduleId: str(),
      zone: nullable(str()),
      windowId: nullable(str('an existing window for this slot; null when none is free')),
      windowNumber: nullable(int()),
      open: array(obj({ from: int(), to: int() }), 'local hours [from, to) the window is needed'),
      openHours: int(),
      tier1: array(str(), 'service ids'),
      tier2: array(str(), 'service ids'),
    }),
    StaffingPlan: obj({
      method: constant('erlang-c'),
      simulated: { type: 'boolean', const: false, description: 'never simulated on the server; see notes and scenario' },
      notes: array(str()),
      goal: obj({ share: num('share to call within the target, 0..1'), targetMinutes: num() }),
      services: array(ref('PlanService')),
      modules: array(obj({ id: str(), name: ref('LocalizedText') })),
      hours: { ...array(ref('PlanHour'), 'hours 0..23'), minItems: 24, maxItems: 24 },
      span: nullable(obj({ from: int(), to: int() }, [], 'first and last hour (inclusive) with arrivals')),
      totals: obj({ dedicatedWindowHours: int(), recommendedWindowHours: int(), pooledWindowHours: int(), peakRecommended: int() }),
      skillPlan: array(ref('SuggestedWindow')),
      scenario: nullable({ type: 'object', description: 'a simulator scenario (scripts/README.md) with the suggested windows' }),
      forecastSource: oneOfValues(['request', 'learned']),
      learnedFrom: obj(learnedFrom(), [], 'the history the service times (and, without a forecast in the request, the arrivals) come from'),
    }, [], 'Erlang C first cut per hour of day, recommended windows per module and a skill assignment'),
  };
}
