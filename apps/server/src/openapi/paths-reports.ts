// Paths of the supervisor's figures and follow-up work: KPIs and the period comparison, report
// files and the 好差评 export, the follow-ups of bad ratings, and the staffing planner. All of
// them are for admins and supervisors of the hall.
import { STAFF_ROLES } from '@hallq/shared';
import { ForecastQuery } from '../routes/planning';
import { CompareQuery } from '../routes/stats';
import { FollowUpListQuery } from '../services/follow-up/follow-up-workflow';
import { MAX_RANGE_DAYS } from '../services/stats/stats-service';
import { array, obj, ref, wrap } from './json';
import { operation, type Caller } from './operation';
import { queryParameters, statsQueryParameters } from './schemas';

type Paths = Record<string, Record<string, unknown>>;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const RANGE = `A range is at most ${MAX_RANGE_DAYS} days; dates must be calendar dates (400 \`validation_failed\` otherwise).`;

const COMPARE_FIELDS: Record<string, string> = {
  from: 'First local date of the period after (the one compared)',
  to: 'Last local date of the period after (inclusive)',
  beforeFrom: 'First local date of the period before (the baseline)',
  beforeTo: 'Last local date of the period before (inclusive)',
};

const FORECAST_FIELDS: Record<string, string> = {
  from: 'First local date to learn from; default: 27 days before `to`',
  to: 'Last local date to learn from (inclusive); default: today (at most 366 days after `from`)',
  days: 'Which dates of the range count: all, weekdays (Mon-Fri) or weekends; default all',
};

export function reportPaths(): Paths {
  const roles: Caller[] = STAFF_ROLES.filter((role) => role === 'admin' || role === 'supervisor');
  return {
    '/halls/{hallId}/stats': {
      get: operation({
        summary: 'KPIs over local dates',
        description: `Computed from the event log; shares are fractions 0..1, durations whole seconds. ${RANGE}`,
        tag: 'Reports', roles, params: ['hallId'], query: statsQueryParameters(),
        answers: { 200: { description: 'Figures', schema: ref('Stats') } },
      }),
    },
    '/halls/{hallId}/stats/compare': {
      get: operation({
        summary: 'Two periods side by side (extension)',
        description: `The KPIs of a period before (beforeFrom..beforeTo) and after (from..to), and the change of each headline KPI. ${RANGE}`,
        tag: 'Reports', roles, params: ['hallId'], query: queryParameters(CompareQuery, 'CompareQuery', (f) => COMPARE_FIELDS[f]),
        answers: { 200: { description: 'Both periods and the changes', schema: ref('StatsComparison') } },
      }),
    },
    '/halls/{hallId}/reports/{kind}.{format}': {
      get: operation({
        summary: 'Export a report',
        description: `Kinds: daily, tickets, ratings, contractor; as CSV (UTF-8) or Excel, sent as a download. An unknown kind or format is 404. ${RANGE}`,
        tag: 'Reports', roles, params: ['hallId', 'kind', 'format'], query: statsQueryParameters(),
        answers: {
          200: {
            description: 'The report file',
            content: { 'text/csv': { type: 'string' }, [XLSX]: { type: 'string', contentMediaType: XLSX, contentEncoding: 'binary' } },
          },
        },
      }),
    },
    '/halls/{hallId}/reports/haochaping.json': {
      get: operation({
        summary: '好差评 export for a provincial platform (extension)',
        description: `Every rating of the tickets issued on the dates, with the follow-up of each bad rating; sent as a download. Format: docs/haochaping-export.md. ${RANGE}`,
        tag: 'Reports', roles, params: ['hallId'], query: statsQueryParameters(),
        answers: { 200: { description: 'The export document', schema: ref('HaochapingExport') } },
      }),
    },
    '/halls/{hallId}/follow-ups': {
      get: operation({
        summary: 'Follow-ups of bad ratings (extension)',
        description: 'Every follow-up of the hall, oldest first, overdue ones flagged; `summary` counts all of them whatever the filter.',
        tag: 'Follow-ups', roles, params: ['hallId'],
        query: queryParameters(FollowUpListQuery, 'FollowUpListQuery', () => 'all (default), active (not closed), overdue, or one status'),
        answers: { 200: { description: 'Follow-ups and counts', schema: ref('FollowUpList') } },
      }),
    },
    '/follow-ups/{id}/steps': {
      post: operation({
        summary: 'Take a follow-up one step on (extension)',
        description:
          'assign (any status but closed; open -> assigned), call_back (assigned | called_back -> called_back), rectify (assigned | called_back -> rectified), ' +
          'review (rectified -> reviewed), close (reviewed -> closed and rectified; assigned | called_back -> closed, not rectified). ' +
          'Any other step is 409 `invalid_transition`; an assignee who is not staff of the hall is 400. The step is recorded with its actor and time.',
        tag: 'Follow-ups', roles, params: ['followUpId'], body: 'FollowUpStepBody', idempotent: true, errors: ['invalid_transition'],
        answers: { 201: { description: 'Step recorded; the follow-up after it', schema: wrap('followUp', 'FollowUp') } },
      }),
    },
    '/halls/{hallId}/planning/forecast': {
      get: operation({
        summary: 'Arrivals and service times learned from the hall\'s history (extension)',
        description: 'Mean arrivals per service and local hour over the dates of the range on which tickets were issued, and the mean window time per visitor.',
        tag: 'Planning', roles, params: ['hallId'], query: queryParameters(ForecastQuery, 'ForecastQuery', (f) => FORECAST_FIELDS[f]),
        answers: { 200: { description: 'The forecast', schema: ref('Forecast') } },
      }),
    },
    '/halls/{hallId}/planning/tomorrow': {
      post: operation({
        summary: 'Tomorrow simulated with today\'s skills matrix and a proposed one (extension)',
        description:
          'Arrivals and service times learned from the history (tomorrow\'s kind of day unless `days`), simulated on the real routing engine ' +
          'with today\'s skills and with `skills` (by window id; omitted windows keep theirs) on the same arrivals. With `suggest`, the staffing ' +
          'planner\'s own matrix for the same windows. Reads only. An unknown window or service is 400; a range without tickets is 400.',
        tag: 'Planning', roles, params: ['hallId'], body: 'TomorrowBody',
        answers: { 200: { description: 'Both days side by side', schema: ref('TomorrowSimulation') } },
      }),
    },
    '/halls/{hallId}/windows/skills': {
      post: operation({
        summary: 'Apply a skills matrix in one step (extension)',
        description: 'New skills of several windows in one transaction (an `Idempotency-Key` makes a retry safe); each window changed is audited (`window.update`) and announced (`config.changed`). An unknown window or service is 400 and changes nothing.',
        tag: 'Planning', roles, params: ['hallId'], body: 'ApplySkillsBody',
        answers: { 200: { description: 'The windows as they are now', schema: obj({ windows: array(ref('HallWindow')) }) } },
      }),
    },
    '/halls/{hallId}/demo-history': {
      get: operation({
        summary: 'Generated demo history of the hall (extension)',
        description:
          'Demo mode only: the local dates whose events were generated by the simulator (the seed hall with dedicated windows, then pooled), ' +
          'so clients mark those figures as generated and can compare the two periods. 404 `not_found` when the hall has none.',
        tag: 'Planning', roles, params: ['hallId'],
        answers: { 200: { description: 'The generated days', schema: ref('DemoHistory') } },
      }),
    },
    '/halls/{hallId}/planning/plan': {
      post: operation({
        summary: 'Staffing plan for a forecast and a goal (extension)',
        description:
          'Erlang C first cut per hour (dedicated, per module, pooled), recommended windows, a skill assignment and a simulator scenario. ' +
          'Reads only: nothing is stored, so no Idempotency-Key. Omitted arrivals and service times are learned from the range (as the forecast); ' +
          'a service id the hall does not have is 400.',
        tag: 'Planning', roles, params: ['hallId'], body: 'PlanBody',
        answers: { 200: { description: 'The plan', schema: ref('StaffingPlan') } },
      }),
    },
  };
}
